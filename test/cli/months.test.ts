import { afterAll, describe, expect, it } from "vitest";
import { folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

// Months in spreadsheet spellings go in; every output prints them as YYYY-MM.
const ASSUME = ["--deal-size", "10000", "--close-rate", "50%", "--qualify-rate", "25%", "--cycle-months", "1", "--cost-per-inquiry", "50", "--surge", "0"];
const PLAN_CSV = ["month,quota,deals,qualified_leads,inquiries,surge_inquiries,budget", "2027-01,0,0,20,80,0,4000", "2027-02,100000,10,20,80,0,4000", "2027-03,100000,10,0,0,0,0", ""].join("\n");

async function run(files: Record<string, string>, args: string[]) {
  return runIn(folderWith(files), args);
}

describe("months as spreadsheets write them, through the CLI", () => {
  it.each([
    ["a long form with Excel months", "month,quota\nFeb-27,100000\nMar-27,100000\n", []],
    ["a wide form with Excel month columns", "rep,Feb-27,March 2027\n,100000,100000\n", []],
    ["a long form with day-first dates and --date-format", "month,quota\n01/02/2027,100000\n01/03/2027,100000\n", ["--date-format", "dd/MM/yyyy"]],
    ["a long form with month-first dates and --date-format", "month,quota\n02/01/2027,100000\n03/01/2027,100000\n", ["--date-format", "MM/dd/yyyy"]],
  ])("compute prints %s as YYYY-MM", async (_name, quotas, flags) => {
    const result = await run({ "quotas.csv": quotas }, ["compute", "quotas.csv", ...ASSUME, ...flags, "--format", "csv"]);
    expect([result.code, result.stderr, result.stdout]).toStrictEqual([0, "", PLAN_CSV]);
  });

  it("compute refuses an ambiguous date without --date-format, naming it", async () => {
    const result = await run({ "quotas.csv": "month,quota\n01/02/2027,100000\n" }, ["compute", "quotas.csv", ...ASSUME]);
    expect([result.code, result.stdout, result.stderr]).toStrictEqual([
      2,
      "",
      'leadplan: quotas.csv:2: month: expected a month as YYYY-MM, found "01/02/2027" (the order of day and month is never guessed: give --date-format dd/MM/yyyy or MM/dd/yyyy)\n',
    ]);
  });

  it("compute refuses a bad --date-format before reading any file", async () => {
    const result = await run({}, ["compute", "missing.csv", ...ASSUME, "--date-format", "dd/MM"]);
    expect([result.code, result.stderr]).toStrictEqual([
      2,
      'leadplan: --date-format: expected auto or a date pattern of y, M and d like MM/dd/yyyy, dd/MM/yyyy or dd.MM.yyyy, found "dd/MM"\n',
    ]);
  });

  it("track reads actuals and --as-of in Excel months, and prints YYYY-MM", async () => {
    const files = { "quotas.csv": "month,quota\nFeb-27,100000\nMar-27,100000\n", "actuals.csv": "month,won,revenue\n01/02/2027,10,100000\n01/03/2027,10,100000\n" };
    const result = await run(files, ["track", "quotas.csv", "actuals.csv", ...ASSUME, "--date-format", "dd/MM/yyyy", "--as-of", "Feb-27", "--format", "csv", "--catch-up", "none"]);
    expect([result.code, result.stderr]).toStrictEqual([0, "warning: actuals.csv:3: month: 1 row after --as-of 2027-02 left out (2027-03)\n"]);
    expect(result.stdout.split("\n").slice(0, 3)).toStrictEqual(["month,measure,plan,actual,variance,percent_of_plan,status", "2027-02,won,10,10,0,100,on_track", "2027-02,revenue,100000,100000,0,100,on_track"]);
  });

  it("track refuses an ambiguous --as-of, naming --date-format", async () => {
    const files = { "quotas.csv": "month,quota\n2027-02,100000\n", "actuals.csv": "month,won\n2027-02,10\n" };
    const result = await run(files, ["track", "quotas.csv", "actuals.csv", ...ASSUME, "--as-of", "01/02/2027"]);
    expect([result.code, result.stderr]).toStrictEqual([
      2,
      'leadplan: --as-of: expected a month as YYYY-MM, found "01/02/2027" (the order of day and month is never guessed: give --date-format dd/MM/yyyy or MM/dd/yyyy)\n',
    ]);
  });

  it("compute reads reps availability columns in Excel months", async () => {
    const files = { "quotas.csv": "month,rep,quota\nFeb-27,Ana,100000\n", "reps.csv": "rep,capacity,Jan-27\nAna,10,50%\n" };
    const result = await run(files, ["compute", "quotas.csv", ...ASSUME, "--reps", "reps.csv", "--view", "capacity", "--format", "csv"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("2027-01");
    expect(result.stdout).not.toContain("Jan-27");
  });
});
