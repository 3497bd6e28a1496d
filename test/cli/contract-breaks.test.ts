import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { filesIn, folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

// Issue 10, item 9: the smaller contract breaks. Each is refused in one line (exit 2, nothing
// written) or counted right; each test failed on the code before the fix.

// $10,000 deals, 50% close, 25% qualify, a 1-month cycle, no surge: $100,000 due in month M needs
// 10 deals, 20 qualified leads and 80 inquiries in M-1.
const ASSUME = ["--deal-size", "10000", "--close-rate", "50%", "--qualify-rate", "25%", "--cycle-months", "1", "--surge", "0", "--cost-per-inquiry", "10"];
const QUOTAS = "month,quota\n2027-03,100000\n";

/** Runs `leadplan <args>` in a folder of `files`; expects exit 2, one line, and the folder untouched. */
async function expectRefused(files: Record<string, string>, args: string[], message: string): Promise<void> {
  const run = await runIn(folderWith(files), [...args, "--out", "report.txt"]);
  const contents = Object.fromEntries(filesIn(run.dir).map((name) => [name, readFileSync(join(run.dir, name), "utf8")]));
  expect({ code: run.code, stdout: run.stdout, stderr: run.stderr, contents }).toStrictEqual({ code: 2, stdout: "", stderr: `leadplan: ${message}\n`, contents: files });
}

describe("years outside 1900–2999 are refused where they are read, never printed as 00-1-12", () => {
  it.each([
    ["0000-01", 'quotas.csv:2: month: expected a month as YYYY-MM with a year from 1900 to 2999, found "0000-01"'],
    ["1899-12", 'quotas.csv:2: month: expected a month as YYYY-MM with a year from 1900 to 2999, found "1899-12"'],
    ["3000-01", 'quotas.csv:2: month: expected a month as YYYY-MM with a year from 1900 to 2999, found "3000-01"'],
    ["0000-01-15", 'quotas.csv:2: month: expected a month as YYYY-MM with a year from 1900 to 2999, found "0000-01-15"'],
    ["01/0000", 'quotas.csv:2: month: expected a month as YYYY-MM with a year from 1900 to 2999, found "01/0000"'],
    ["Jan 0001", 'quotas.csv:2: month: expected a month as YYYY-MM with a year from 1900 to 2999, found "Jan 0001"'],
  ])("refuses the quota month %j", async (month, message) => {
    await expectRefused({ "quotas.csv": `month,quota\n${month},100000\n` }, ["compute", "quotas.csv", ...ASSUME], message);
  });

  it("still reads the first and last years it allows", async () => {
    const run = await runIn(folderWith({ "quotas.csv": "month,quota\n1900-03,100000\n2999-12,100000\n" }), ["compute", "quotas.csv", ...ASSUME, "--format", "csv"]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[1]).toBe("1900-02,0,0,20,80,0,800");
  });
});

describe("a scenario grid names only what it prices", () => {
  const scenarios = (args: string[]) => ["scenarios", "quotas.csv", ...ASSUME, ...args] as const;
  const FILES = { "quotas.csv": QUOTAS };

  it("refuses a dimension varied twice, which priced every row at the last value", async () => {
    await expectRefused(
      FILES,
      [...scenarios(["--vary", "cost_per_inquiry=40,50", "--vary", "cost_per_inquiry=60"])],
      "--vary: cost_per_inquiry: expected each assumption varied once, found cost_per_inquiry twice (give all its values in one --vary, like cost_per_inquiry=40,50,60)",
    );
  });

  it("refuses two dimensions that set one assumption (cycle in days and in months)", async () => {
    await expectRefused(
      FILES,
      [...scenarios(["--vary", "sales_cycle_days=30,60", "--vary", "sales_cycle_months=1"])],
      "--vary: sales_cycle_months: expected one of sales_cycle_days and sales_cycle_months, which set the same assumption, found both",
    );
  });

  it.each([
    ["cost_per_inquiry=40,40", '--vary: cost_per_inquiry: expected each value once, found "40" twice'],
    ["cost_per_inquiry=40,50,40.0", '--vary: cost_per_inquiry: expected each value once, found "40.0", the same as "40"'],
    ["qualified_to_won=20%,0.2", '--vary: qualified_to_won: expected each value once, found "0.2", the same as "20%"'],
  ])("refuses the repeated value in %j, which made two rows of one name", async (vary, message) => {
    await expectRefused(FILES, [...scenarios(["--vary", vary])], message);
  });

  it("refuses a scenario named baseline, which the comparison row already is", async () => {
    await expectRefused(
      { ...FILES, "s.csv": "scenario,cost_per_inquiry\ndearer,60\nBaseline,40\n" },
      [...scenarios(["--scenarios", "s.csv"])],
      's.csv:3: scenario: expected a name other than "baseline", the row every scenario is compared with, found "Baseline"',
    );
  });

  it("refuses a grid row named like a row of the scenarios file", async () => {
    await expectRefused(
      { ...FILES, "s.csv": "scenario,cost_per_inquiry\ncost_per_inquiry=40,45\n" },
      [...scenarios(["--scenarios", "s.csv", "--vary", "cost_per_inquiry=40,50"])],
      '--vary: a grid row named "cost_per_inquiry=40", as a row of s.csv is: expected each scenario name once',
    );
  });

  it("refuses a scenario row giving the sales cycle in days and in months", async () => {
    await expectRefused(
      { ...FILES, "s.csv": "scenario,sales_cycle_days,sales_cycle_months\nlong,90,\nboth,30,2\n" },
      [...scenarios(["--scenarios", "s.csv"])],
      "s.csv:3: sales_cycle_months: expected one of sales_cycle_days and sales_cycle_months, which set the same assumption, found both",
    );
  });

  it("still reads a scenarios file with both columns when each row fills one", async () => {
    const run = await runIn(folderWith({ ...FILES, "s.csv": "scenario,sales_cycle_days,sales_cycle_months\nlong,90,\nshort,,0.5\n" }), [...scenarios(["--scenarios", "s.csv", "--format", "csv"])]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
  });
});

describe("a sources file names each source once and holds at least one", () => {
  const FILES = { "quotas.csv": QUOTAS };
  const HEADER = "source,share,inquiry_to_qualified,qualified_to_won,cost_per_inquiry\n";

  it.each([
    [`${HEADER}Web,50%,10%,20%,20\nShow,30%,20%,30%,100\nWeb,20%,30%,35%,60\n`, 'sources.csv:4: source: a second row for source "Web": expected each source once (first on line 2)'],
    [`${HEADER}Web,50%,10%,20%,20\nweb ,50%,30%,35%,60\n`, 'sources.csv:3: source: a second row for source "web": expected each source once (first on line 2)'],
    [HEADER, "sources.csv:2: no sources: expected at least one row after the header"],
  ])("refuses %j", async (sources, message) => {
    await expectRefused({ ...FILES, "sources.csv": sources }, ["scenarios", "quotas.csv", ...ASSUME, "--sources", "sources.csv"], message);
  });
});

describe("flags given empty or twice are refused, not read as none or as the last", () => {
  it('refuses --surge-quarters "" (only none says no surge)', async () => {
    await expectRefused({ "quotas.csv": QUOTAS }, ["compute", "quotas.csv", ...ASSUME, "--surge-quarters", ""], '--surge-quarters: expected fiscal quarters like Q4,Q1, or none, found ""');
  });

  it("still reads --surge-quarters none", async () => {
    const run = await runIn(folderWith({ "quotas.csv": QUOTAS }), ["compute", "quotas.csv", ...ASSUME, "--surge-quarters", "none", "--surge", "30%", "--format", "csv"]);
    expect([run.code, run.stdout.split("\n")[1]]).toEqual([0, "2027-02,0,0,20,80,0,800"]);
  });

  it("refuses a column mapped twice with --map", async () => {
    const history = "lead_id,Created Date,Made,source,product,rep,qualified_on,closed_on,outcome,amount,cost\n1,2026-01-05,2026-01-05,Web,Platform,Ana,,,open,,10\n";
    await expectRefused(
      { "history.csv": history },
      ["calibrate", "history.csv", "--map", 'created="Created Date"', "--map", "created=Made"],
      '--map: expected each column mapped once, found "created=\\"Created Date\\",created=Made" (created is mapped twice)',
    );
  });
});

describe("a repeated lag names the line it was first given on", () => {
  it("names the earlier row of the same lag, not the first row of the scope", async () => {
    const cycles = "rep,product,stage,lag_months,share\n,,sales_cycle,1,0.5\n,,sales_cycle,2,0.3\n,,sales_cycle,2,0.2\n";
    await expectRefused(
      { "quotas.csv": QUOTAS, "cycles.csv": cycles },
      ["compute", "quotas.csv", "--deal-size", "10000", "--close-rate", "50%", "--qualify-rate", "25%", "--cycles", "cycles.csv"],
      "cycles.csv:4: a second row for the default row, sales_cycle, lag_months 2: expected one row per scope, stage and lag (first on line 3)",
    );
  });
});

describe("--respect-capacity counts a lead once: built earlier or at risk", () => {
  // Ana: 20 leads a month in January–March 2027 (quotas of $100,000 in February–April), capacity
  // 30, away all January and half of March. March's 5 over its 15 are built in February; January's
  // 20 fit nowhere and are at risk. Nothing else moves.
  const FILES = {
    "quotas.csv": "month,rep,quota\n2027-02,Ana,100000\n2027-03,Ana,100000\n2027-04,Ana,100000\n",
    "reps.csv": "rep,capacity,2027-01,2027-03\nAna,30,0,0.5\n",
  };
  const run = (args: string[]) => runIn(folderWith(FILES), ["compute", "quotas.csv", ...ASSUME, "--reps", "reps.csv", "--respect-capacity", ...args]);

  it("gives totals.moved 5 and at_risk 20", async () => {
    const result = await run(["--format", "json"]);
    const document = JSON.parse(result.stdout) as { capacity: { totals: Record<string, number> } };
    expect(document.capacity.totals).toMatchObject({ qualified_leads: 60, moved: 5, at_risk: 20, placed: 40 });
  });

  it("shows January at risk, not also moved out", async () => {
    const result = await run(["--format", "csv", "--view", "capacity"]);
    const january = result.stdout.split("\n").find((line) => line.startsWith("2027-01,Ana,"));
    // month,rep,availability,qualified_leads,capacity,utilisation,over,placed,moved_in,moved_out,at_risk,…
    expect(january?.split(",").slice(0, 11)).toEqual(["2027-01", "Ana", "0", "20", "0", "", "true", "0", "0", "0", "20"]);
  });

  it("says 5 built earlier in the summary", async () => {
    const result = await run([]);
    expect(result.stdout).toContain("Respecting capacity: 5 of 60 qualified leads built earlier, 40 worked,");
  });
});
