import { linkSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { InputIssue, IssueCode } from "../../src/io/input-issue.js";
import { compute, filesIn, folderWith, removeFolders, runIn } from "./harness.js";

// Records the code of every input error raised, so a test sees the code behind the message.
const raised = vi.hoisted((): IssueCode[] => []);
vi.mock(import("../../src/io/input-issue.js"), async (importOriginal) => {
  const actual = await importOriginal();
  class RecordingInputError extends actual.InputError {
    constructor(issue: InputIssue) {
      super(issue);
      raised.push(issue.code);
    }
  }
  return { ...actual, InputError: RecordingInputError };
});
beforeEach(() => {
  raised.length = 0;
});
afterAll(removeFolders);

const ASSUME = ["--deal-size", "10000", "--close-rate", "25%", "--qualify-rate", "10%", "--cycle-months", "1", "--cost-per-inquiry", "40"];
const QUOTAS = "month,quota\n2027-01,100000\n";

/** The run ends with exit 2, the one stderr line, nothing on stdout and every file as it was. */
async function expectRefused(files: Record<string, string>, args: string[], stderr: string, code: IssueCode | undefined): Promise<void> {
  const run = await compute(files, args);
  const contents = Object.fromEntries(filesIn(run.dir).map((name) => [name, readFileSync(join(run.dir, name), "utf8")]));
  expect({ code: run.code, stdout: run.stdout, stderr: run.stderr, raised: [...raised], contents }).toStrictEqual({
    code: 2,
    stdout: "",
    stderr,
    raised: code === undefined ? [] : [code],
    contents: files,
  });
}

const RATE = "expected a rate above 0 and at most 100%, like 25% or 0.25";

describe("compute checks its input files", () => {
  it("reports a quota file that does not exist", async () => {
    await expectRefused({}, ["nope.csv", ...ASSUME], "leadplan: nope.csv: cannot read the file: no such file\n", "file.unreadable");
  });

  it("reports an empty quota file", async () => {
    await expectRefused(
      { "quotas.csv": "" },
      ["quotas.csv", ...ASSUME],
      "leadplan: quotas.csv: the file is empty: expected a header row and data rows\n",
      "file.empty",
    );
  });

  it("reports a quota file without a month column", async () => {
    await expectRefused(
      { "quotas.csv": "quota,rep\n5,Ana\n" },
      ["quotas.csv", ...ASSUME],
      "leadplan: quotas.csv:1: month: missing column: expected a month column (or month columns like 2027-01 in the wide form) (found quota,rep)\n",
      "column.missing",
    );
  });

  it("warns about an unknown column and plans as if it were absent", async () => {
    const plain = await compute({ "quotas.csv": QUOTAS }, ["quotas.csv", ...ASSUME, "--format", "csv"]);
    const run = await compute({ "quotas.csv": "month,quota,notes\n2027-01,100000,stretch\n" }, ["quotas.csv", ...ASSUME, "--format", "csv"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("warning: quotas.csv:1: notes: unknown column, ignored\n");
    expect(run.stdout).toBe(plain.stdout);
    expect(plain.stdout).toBe(
      "month,quota,deals,qualified_leads,inquiries,surge_inquiries,budget\n2026-12,0,0,52,520,120,20800\n2027-01,100000,10,0,0,0,0\n",
    );
  });

  it.each([
    ["a bad month", "month,quota\n2027-13,100000\n", 'quotas.csv:2: month: expected a month as YYYY-MM, found "2027-13"'],
    ["a negative amount", "month,quota\n2027-01,-5\n", 'quotas.csv:2: quota: expected an amount of 0 or more, found "-5"'],
    ["a NaN amount", "month,quota\n2027-01,NaN\n", 'quotas.csv:2: quota: expected an amount, found "NaN"'],
    ["an Infinity amount", "month,quota\n2027-01,Infinity\n", 'quotas.csv:2: quota: expected an amount, found "Infinity"'],
    ["a 1e999 amount", "month,quota\n2027-01,1e999\n", 'quotas.csv:2: quota: expected an amount, found "1e999"'],
  ])("reports %s in the quota file", async (_name, quotas, message) => {
    await expectRefused({ "quotas.csv": quotas }, ["quotas.csv", ...ASSUME], `leadplan: ${message}\n`, "value.invalid");
  });

  it("reports a second row for the same month, rep and product", async () => {
    await expectRefused(
      { "quotas.csv": "month,rep,product,quota\n2027-01,Ana,Platform,1\n2027-02,Ana,Platform,1\n2027-01,Ana,Platform,2\n" },
      ["quotas.csv", ...ASSUME],
      'leadplan: quotas.csv:4: a second row for month 2027-01, rep "Ana", product "Platform": expected one row per month, rep and product (first on line 2)\n',
      "row.duplicate",
    );
  });

  it("names the real file line after a blank line and a quoted multi-line field", async () => {
    await expectRefused(
      { "quotas.csv": 'month,rep,quota\r\n2027-01,"Ana\nMaria",1\r\n\r\n2027-02,Ben,"12,5k"\r\n' },
      ["quotas.csv", ...ASSUME],
      'leadplan: quotas.csv:5: quota: expected an amount, found "12,5k"\n',
      "value.invalid",
    );
  });

  it("reports a close rate of 0 in the ratio file", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS, "ratios.csv": "rep,qualified_to_won\n,0\n" },
      ["quotas.csv", "--ratios", "ratios.csv", ...ASSUME],
      `leadplan: ratios.csv:2: qualified_to_won: ${RATE}, found "0"\n`,
      "value.invalid",
    );
  });

  it("reports a rate above 100% in the ratio file", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS, "ratios.csv": "inquiry_to_qualified\n150%\n" },
      ["quotas.csv", "--ratios", "ratios.csv", ...ASSUME],
      `leadplan: ratios.csv:2: inquiry_to_qualified: ${RATE}, found "150%"\n`,
      "value.invalid",
    );
  });

  it("reports a negative sales cycle", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS, "cycles.csv": "sales_cycle_days\n-30\n" },
      ["quotas.csv", "--cycles", "cycles.csv", ...ASSUME],
      'leadplan: cycles.csv:2: sales_cycle_days: expected a number of days from 0 to 3652.5, found "-30"\n',
      "value.invalid",
    );
  });

  it("reports both cycle days and months in one row", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS, "cycles.csv": "rep,sales_cycle_days,sales_cycle_months\n,30,1\n" },
      ["quotas.csv", "--cycles", "cycles.csv"],
      "leadplan: cycles.csv:2: sales_cycle_months: both sales_cycle_days and sales_cycle_months: expected one of them per row\n",
      "column.conflict",
    );
  });

  it("reports a sales cycle longer than ten years in the cycle file", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS, "cycles.csv": "sales_cycle_months\n121\n" },
      ["quotas.csv", "--cycles", "cycles.csv", ...ASSUME.slice(0, 6)],
      'leadplan: cycles.csv:2: sales_cycle_months: expected a number of months from 0 to 120, found "121"\n',
      "value.invalid",
    );
  });

  it("reports a column named twice in the quota file", async () => {
    await expectRefused(
      { "quotas.csv": "month,quota,Quota\n2027-01,1,2\n" },
      ["quotas.csv", ...ASSUME],
      "leadplan: quotas.csv:1: quota: a column named twice: expected each column once\n",
      "column.duplicate",
    );
  });

  it("reports a column named twice once hyphens are read as underscores", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS, "ratios.csv": "avg_deal_size,avg-deal-size\n1,2\n" },
      ["quotas.csv", "--ratios", "ratios.csv", ...ASSUME],
      "leadplan: ratios.csv:1: avg_deal_size: a column named twice: expected each column once\n",
      "column.duplicate",
    );
  });

  it("reports a wide quota file whose month cells are all empty", async () => {
    await expectRefused(
      { "quotas.csv": "rep,2027-01,2027-02\nAna,,\nBen,,\n" },
      ["quotas.csv", ...ASSUME],
      "leadplan: quotas.csv:2: no quota in any month column: expected at least one amount\n",
      "file.empty",
    );
  });

  it("reports a row wider than the header at the line it starts on", async () => {
    await expectRefused(
      { "quotas.csv": 'month,rep,quota\r\n,,\r\n2027-01,"Ana\r\nMaria",1,2\r\n' },
      ["quotas.csv", ...ASSUME],
      "leadplan: quotas.csv:3: a row of 4 fields: expected 3 as in the header\n",
      "row.width",
    );
  });

  it("reports a quote never closed at the line where it opens", async () => {
    await expectRefused(
      { "quotas.csv": 'month,quota\n2027-01,"5\n2027-02,6\n' },
      ["quotas.csv", ...ASSUME],
      "leadplan: quotas.csv:2: a quote is opened and never closed: expected a closing quote\n",
      "csv.malformed",
    );
  });

  it("reports a second ratio row for the same scope", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS, "ratios.csv": "rep,product,qualified_to_won\nAna,,20%\n,,10%\nAna,,30%\n" },
      ["quotas.csv", "--ratios", "ratios.csv"],
      'leadplan: ratios.csv:4: a second row for rep "Ana": expected one row per rep and product (first on line 2)\n',
      "row.duplicate",
    );
  });

  it("reports a quota segment no ratio row matches, at its first quota line", async () => {
    await expectRefused(
      {
        "quotas.csv": "month,rep,quota\n2027-01,Ana,5\n2027-01,Ben,5\n",
        "ratios.csv": "rep,avg_deal_size,qualified_to_won,inquiry_to_qualified\nAna,1000,20%,10%\n",
        "cycles.csv": "sales_cycle_days\n30\n",
      },
      ["quotas.csv", "--ratios", "ratios.csv", "--cycles", "cycles.csv"],
      'leadplan: quotas.csv:3: rep "Ben": no value applies for avg_deal_size, qualified_to_won, inquiry_to_qualified (give a row for it or a default row in ratios.csv, or --deal-size, --close-rate, --qualify-rate)\n',
      "segment.unmatched",
    );
  });
});

describe("compute refuses bad flags", () => {
  it.each([
    [["--close-rate", "abc"], `leadplan: --close-rate: ${RATE}, found "abc"`],
    [["--close-rate", "0"], `leadplan: --close-rate: ${RATE}, found "0"`],
    [["--close-rate", "0,25", "--decimal-point"], `leadplan: --close-rate: ${RATE}, found "0,25" (it is written with a decimal comma, but a decimal point is in force here: write the file one way, or give --decimal-comma)`],
    [
      ["--deal-size", "75.000"],
      'leadplan: --deal-size: expected an amount, found "75.000" (it reads as 75000 with a decimal comma or 75 with a decimal point: give --decimal-comma or --decimal-point, or write it without a thousands separator)',
    ],
    [
      ["--surge", "0.3"],
      'leadplan: --surge: expected a percentage from 0 to 1000, like 30 or 30%, found "0.3" (0.3 would mean 0.3 percent here: write 30 or 30% for 30 percent, or 0.3% for 0.3 percent)',
    ],
    [["--surge", "-5"], 'leadplan: --surge: expected a percentage from 0 to 1000, like 30 or 30%, found "-5"'],
    [["--surge", "1001%"], 'leadplan: --surge: expected a percentage from 0 to 1000, like 30 or 30%, found "1001%"'],
    [["--surge", "9".repeat(400)], `leadplan: --surge: expected a percentage from 0 to 1000, like 30 or 30%, found "${"9".repeat(60)}…"`],
    [["--qualify-days", "-1"], 'leadplan: --qualify-days: expected a number of days from 0 to 3652.5, found "-1"'],
    [["--qualify-days", "3653"], 'leadplan: --qualify-days: expected a number of days from 0 to 3652.5, found "3653"'],
    [["--fiscal-year-start", "Foo"], 'leadplan: --fiscal-year-start: expected a month, 1-12 or a name like Apr, found "Foo"'],
  ])("reports %j", async (flag, message) => {
    await expectRefused({ "quotas.csv": QUOTAS }, ["quotas.csv", ...ASSUME, ...flag], `${message}\n`, "option.invalid");
  });

  it("reports an unknown --by view through commander", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS },
      ["quotas.csv", ...ASSUME, "--by", "week"],
      "leadplan: option '--by <VIEW>' argument 'week' is invalid. Allowed choices are month, quarter, rep, product, segment, month,rep, month,product, quarter,rep, quarter,product. (see 'leadplan compute --help')\n",
      undefined,
    );
  });

  it("reports --cycle-days given with --cycle-months through commander", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS },
      ["quotas.csv", ...ASSUME, "--cycle-days", "30"],
      "leadplan: option '--cycle-days <N>' cannot be used with option '--cycle-months <N>' (see 'leadplan compute --help')\n",
      undefined,
    );
  });

  it("reports a sales cycle too long to plan", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS },
      ["quotas.csv", ...ASSUME.slice(0, 6), "--cycle-months", "99999999999"],
      'leadplan: --cycle-months: expected a number of months from 0 to 120, found "99999999999"\n',
      "option.invalid",
    );
  });

  it("reports a sales cycle in days longer than ten years", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS },
      ["quotas.csv", ...ASSUME.slice(0, 6), "--cycle-days", "3653"],
      'leadplan: --cycle-days: expected a number of days from 0 to 3652.5, found "3653"\n',
      "option.invalid",
    );
  });

  it.each([
    ["--ratios", ["--ratios", "-"]],
    ["--cycles", ["--cycles", "-"]],
    ["--config", ["--config", "-"]],
  ])("refuses %s - without reading standard input", async (flag, args) => {
    await expectRefused(
      { "quotas.csv": QUOTAS },
      ["quotas.csv", ...ASSUME, ...args],
      `leadplan: ${flag}: expected a file: only QUOTAS may read standard input, found "-"\n`,
      "option.invalid",
    );
  });

  it("refuses a ratio file of - given in the config, naming the config and its key", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS, "leadplan.config.json": '{ "ratios": "-" }' },
      ["quotas.csv", ...ASSUME],
      'leadplan: leadplan.config.json: ratios: expected a file: only QUOTAS may read standard input, found "-"\n',
      "config.invalid",
    );
  });
});

describe("compute refuses a bad config file", () => {
  // Node's reason, without its "in JSON at position N": the line is given instead.
  it("reports invalid JSON on its first line", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS, "leadplan.config.json": "{ closeRate: 1 }" },
      ["quotas.csv", ...ASSUME],
      "leadplan: leadplan.config.json:1: invalid JSON: Expected property name or '}'\n",
      "config.invalid",
    );
  });

  it("reports invalid JSON at the line of the mistake", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS, "leadplan.config.json": '{\n  "surge": 10,\n  "closeRate": "25%",\n}\n' },
      ["quotas.csv", ...ASSUME],
      "leadplan: leadplan.config.json:4: invalid JSON: Expected double-quoted property name\n",
      "config.invalid",
    );
  });

  it("reports an empty config file as invalid JSON on its first line", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS, "leadplan.config.json": "" },
      ["quotas.csv", ...ASSUME],
      "leadplan: leadplan.config.json:1: invalid JSON: Unexpected end of JSON input\n",
      "config.invalid",
    );
  });

  // Node 20 names no position for these: the line comes from scanning the file again.
  it.each([
    ["a bare word on line 3", '{\n  "surge": 10,\n  "closeRate": yes\n}\n', "leadplan: leadplan.config.json:3: invalid JSON: Unexpected token 'y'\n"],
    ["a second value after the object, on line 2", '{"surge": 10}\n{"surge": 20}\n', "leadplan: leadplan.config.json:2: invalid JSON: Unexpected non-whitespace character after JSON\n"],
    ["a file cut off on line 3", '{\n  "surge": 10,\n  "closeRate": "25', "leadplan: leadplan.config.json:3: invalid JSON: Unterminated string\n"],
    ["an escape character in a value, shown escaped", '{\n  "closeRate": \u001b[31m\n}', "leadplan: leadplan.config.json:2: invalid JSON: Unexpected token '\\x1b'\n"],
  ])("reports invalid JSON with the line of the mistake: %s", async (_name, config, stderr) => {
    await expectRefused({ "quotas.csv": QUOTAS, "leadplan.config.json": config }, ["quotas.csv", ...ASSUME], stderr, "config.invalid");
  });

  it("reports a binary config file with the line of its first binary byte", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS, "leadplan.config.json": '{\n  "surge": 10,\n  "x": "\u0000\u0001"\n}' },
      ["quotas.csv", ...ASSUME],
      'leadplan: leadplan.config.json:3: binary data, not JSON: expected a text file of settings like {"closeRate": "25%"}\n',
      "config.invalid",
    );
  });

  it.each([
    ["a list", "[1]", "a list"],
    ["null", "null", "null"],
    ["a number", "5", "5"],
  ])("reports a config of %s where an object of settings belongs", async (_name, text, found) => {
    await expectRefused(
      { "quotas.csv": QUOTAS, "leadplan.config.json": text },
      ["quotas.csv", ...ASSUME],
      `leadplan: leadplan.config.json: expected an object of settings, found ${found}\n`,
      "config.invalid",
    );
  });

  const UNKNOWN = "unknown setting: expected a flag's name in camelCase (--close-rate is closeRate; every key is in schemas/config.json)";

  it("reports an unknown key", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS, "leadplan.config.json": '{ "closeRate": "25%", "colour": true }' },
      ["quotas.csv", ...ASSUME],
      `leadplan: leadplan.config.json: colour: ${UNKNOWN}\n`,
      "config.invalid",
    );
  });

  it("reports every unknown key at once", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS, "leadplan.config.json": '{ "colour": true, "close_rate": "25%" }' },
      ["quotas.csv", ...ASSUME],
      `leadplan: leadplan.config.json: colour, close_rate: ${UNKNOWN} (did you mean closeRate?)\n`,
      "config.invalid",
    );
  });

  it("shows a JSON number as the config writes it, not as read (1e-301 is not \"0\")", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS, "leadplan.config.json": '{ "dealSize": 1e-301 }' },
      ["quotas.csv", "--close-rate", "25%", "--qualify-rate", "10%", "--cycle-months", "1"],
      'leadplan: leadplan.config.json: dealSize: expected an amount above 0, found "1e-301"\n',
      "config.invalid",
    );
  });

  it("reports a bad value, naming its key", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS, "leadplan.config.json": '{ "surge": "lots" }' },
      ["quotas.csv", ...ASSUME],
      'leadplan: leadplan.config.json: surge: expected a percentage from 0 to 1000, like 30 or 30%, found "lots"\n',
      "config.invalid",
    );
  });

  it.each([
    ["surge", '{ "surge": true }', "surge: expected text or a number, found true"],
    ["closeRate", '{ "closeRate": null }', "closeRate: expected text or a number, found null"],
    ["ratios", '{ "ratios": ["a.csv"] }', "ratios: expected text, found a list"],
    ["ratios", '{ "ratios": 5 }', "ratios: expected text, found 5"],
    ["surgeQuarters", '{ "surgeQuarters": { "q": 4 } }', "surgeQuarters: expected text or a list of quarters, found an object"],
  ])("reports a value of the wrong type for %s", async (_key, text, message) => {
    await expectRefused(
      { "quotas.csv": QUOTAS, "leadplan.config.json": text },
      ["quotas.csv", ...ASSUME],
      `leadplan: leadplan.config.json: ${message}\n`,
      "config.invalid",
    );
  });

  it("reports a --config file that does not exist", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS },
      ["quotas.csv", ...ASSUME, "--config", "team.json"],
      "leadplan: team.json: cannot read the config file\n",
      "file.unreadable",
    );
  });

  it("reports a cycle in both days and months with the config code", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS, "leadplan.config.json": '{ "cycleDays": 30, "cycleMonths": 1 }' },
      ["quotas.csv"],
      "leadplan: leadplan.config.json: cycleMonths: both a cycle in days and in months: expected one of them\n",
      "config.invalid",
    );
  });
});

describe("compute refuses to write over an input", () => {
  it("refuses --out naming a hard link to the quota file: one file under two names", async () => {
    const dir = folderWith({ "quotas.csv": QUOTAS });
    linkSync(join(dir, "quotas.csv"), join(dir, "plan.csv"));
    const run = await runIn(dir, ["compute", "quotas.csv", ...ASSUME, "--out", "plan.csv"]);
    expect({ code: run.code, stderr: run.stderr, quotas: readFileSync(join(dir, "quotas.csv"), "utf8") }).toStrictEqual({
      code: 2,
      stderr: 'leadplan: --out: expected an output file that is not one of the inputs, found "plan.csv"\n',
      quotas: QUOTAS,
    });
  });

  it("refuses --out naming the quota file and leaves it unchanged", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS },
      ["quotas.csv", ...ASSUME, "--out", "./quotas.csv"],
      'leadplan: --out: expected an output file that is not one of the inputs, found "./quotas.csv"\n',
      "file.is-input",
    );
  });

  it("refuses --out naming the ratio file and leaves it unchanged", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS, "ratios.csv": "qualified_to_won\n25%\n" },
      ["quotas.csv", "--ratios", "ratios.csv", ...ASSUME, "--out", "ratios.csv"],
      'leadplan: --out: expected an output file that is not one of the inputs, found "ratios.csv"\n',
      "file.is-input",
    );
  });

  it("refuses --out naming the config file in use and leaves it unchanged", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS, "leadplan.config.json": '{ "surge": 0 }' },
      ["quotas.csv", ...ASSUME, "--out", "leadplan.config.json"],
      'leadplan: --out: expected an output file that is not one of the inputs, found "leadplan.config.json"\n',
      "file.is-input",
    );
  });

  it("refuses --out naming a --config file and leaves it unchanged", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS, "team.json": '{ "surge": 0 }' },
      ["quotas.csv", ...ASSUME, "--config", "team.json", "--out", "team.json"],
      'leadplan: --out: expected an output file that is not one of the inputs, found "team.json"\n',
      "file.is-input",
    );
  });

  it("refuses --out over an input before printing any warning", async () => {
    await expectRefused(
      { "quotas.csv": "month,quota,notes\n2027-01,5,x\n" },
      ["quotas.csv", ...ASSUME, "--out", "quotas.csv"],
      'leadplan: --out: expected an output file that is not one of the inputs, found "quotas.csv"\n',
      "file.is-input",
    );
  });

  it("refuses --out over an input before reading any, so a bad input is not reported", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS, "ratios.csv": "qualified_to_won\n0\n" },
      ["quotas.csv", "--ratios", "ratios.csv", ...ASSUME, "--out", "ratios.csv"],
      'leadplan: --out: expected an output file that is not one of the inputs, found "ratios.csv"\n',
      "file.is-input",
    );
  });
});
