import { afterAll, describe, expect, it } from "vitest";
import { folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

// $10,000 deals, 50% close, 20% qualify, no cycle, no surge: January 2027 at $210,000 is 21 deals,
// 42 qualified leads and 210 inquiries, all in January; 11 of its 21 working days are in 1-15.
const ASSUME = ["--deal-size", "10000", "--close-rate", "50%", "--qualify-rate", "20%", "--cycle-days", "0", "--surge", "0", "--cost-per-inquiry", "10"];
const FILES = {
  "quotas.csv": "month,rep,quota\n2027-01,Ana,210000\n2027-01,Ben,210000\n",
  "halves.csv": "month,rep,inquiries,followed_up\n2027-01-H1,Ana,110,110\n2027-01-H1,Ben,140,85\n2027-01-H2,Ana,100,100\n2027-01-H2,Ben,100,100\n",
  "daily.csv": "date,rep,inquiries\n2027-01-04,Ana,110\n2027-01-19,Ana,30\n2027-01-26,Ana,70\n",
  "monthly.csv": "month,rep,inquiries\n2027-01,Ana,210\n",
};
// Ana alone, for her rows by period (--by segment needs a product column).
const ANA = { "quotas.csv": "month,rep,quota\n2027-01,Ana,210000\n" };
const run = (args: readonly string[], files: Record<string, string> = {}) => runIn(folderWith({ ...FILES, ...files }), ["track", "quotas.csv", ...args, ...ASSUME]);
const json = async (args: readonly string[]) => JSON.parse((await run([...args, "--format", "json"])).stdout) as Record<string, any>;

describe("track --every half-month", () => {
  it("plans 110 of January 2027's 210 inquiries in H1 and 100 in H2, rows keyed by period", async () => {
    const report = JSON.parse((await run(["halves.csv", "--every", "half-month", "--format", "json"], ANA)).stdout);
    const ana = report.rows.map((row: any) => [row.period, row.checks.inquiries.plan]);
    expect(ana).toEqual([
      ["2027-01-H1", 110],
      ["2027-01-H2", 100],
    ]);
    expect(report.period).toEqual({ first: "2027-01", last: "2027-01", every: "half-month", first_period: "2027-01-H1", last_period: "2027-01-H2" });
  });

  it("sums days into halves, and compares the half of an as-of day pro rata (3 of 10 working days)", async () => {
    const report = JSON.parse((await run(["daily.csv", "--every", "half-month", "--as-of", "2027-01-20", "--format", "json"], ANA)).stdout);
    const ana = report.rows.map((row: any) => [row.period, row.checks.inquiries.plan, row.checks.inquiries.actual]);
    expect(ana).toEqual([
      ["2027-01-H1", 110, 110],
      ["2027-01-H2", 30, 30],
    ]);
    expect(report.as_of_date).toBe("2027-01-20");
    expect(report.period).toMatchObject({ through: "2027-01-20", working_days_elapsed: 3, working_days: 10 });
    expect(report.warnings).toContain("daily.csv:4: date: 1 row after --as-of 2027-01-20 left out (2027-01-26)");
  });

  it("sums days into months with --every month", async () => {
    const report = await json(["daily.csv"]);
    expect(report.rows.map((row: any) => [row.month, row.checks.inquiries.actual])).toEqual([["2027-01", 210]]);
    expect(report.period).toEqual({ first: "2027-01", last: "2027-01" });
  });

  it.each([
    [{ "bad.csv": "date,rep,inquiries\n2027-02-30,Ana,4\n" }, ["bad.csv"], 'leadplan: bad.csv:2: date: expected a date YYYY-MM-DD that exists, found "2027-02-30" (2027-02 has no day 30)'],
    [{ "bad.csv": "date,rep,inquiries\n2027-01-04,Ana,4\n2027/01/05,Ana,4\n" }, ["bad.csv"], 'leadplan: bad.csv:3: date: expected a date YYYY-MM-DD, found "2027/01/05"'],
    [{ "bad.csv": "month,rep,inquiries\n2027-01-H3,Ana,4\n" }, ["bad.csv"], 'leadplan: bad.csv:2: month: expected a half like 2027-01-H1 or 2027-01-H2, found "2027-01-H3"'],
    [
      { "bad.csv": "month,rep,inquiries\n2027-01-H1,Ana,4\n2027-01,Ben,5\n" },
      ["bad.csv"],
      'leadplan: bad.csv:3: month: expected a half like 2027-01-H1, as every row above, found "2027-01" (line 2 has "2027-01-H1": date every row by month or every row by half)',
    ],
    [{}, ["monthly.csv", "--every", "half-month"], "leadplan: --every: half-month: monthly.csv dates its rows by month: expected a date column (YYYY-MM-DD) or halves in the month column (2027-01-H1)"],
    [{}, ["halves.csv", "--as-of", "2027-01-32"], 'leadplan: --as-of: expected a date YYYY-MM-DD that exists, found "2027-01-32" (2027-01 has no day 32)'],
  ])("refuses a bad date or half in one line, exit 2 (%#)", async (files, args, message) => {
    const result = await run(args, files);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`${message}\n`);
  });
});

describe("track follow-up per rep", () => {
  it("names the reps below 100% in the headline", async () => {
    const result = await run(["halves.csv", "--every", "half-month"]);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")[0]).toContain("; follow-up below 100%: Ben followed up 60.7% of 140 inquiries in 2027-01-H1");
  });

  it("--fail-on follow-up exits 1 with its line in the summary; a lower target passes", async () => {
    const failed = await run(["halves.csv", "--every", "half-month", "--fail-on", "behind,follow-up"]);
    expect(failed.code).toBe(1);
    expect(failed.stderr.trimEnd().split("\n").at(-1)).toBe("leadplan: 1 follow-up rate below 100%; exit 1 (--fail-on behind,follow-up)");
    expect((await run(["halves.csv", "--every", "half-month", "--fail-on", "follow-up", "--follow-up-target", "60"])).code).toBe(0);
  });

  it("refuses followed_up above the inquiries, and --fail-on follow-up without the column", async () => {
    const above = await run(["bad.csv"], { "bad.csv": "month,rep,inquiries,followed_up\n2027-01,Ana,140,150\n" });
    expect([above.code, above.stderr]).toEqual([2, 'leadplan: bad.csv:2: followed_up: expected at most the row\'s inquiries (140): no one follows up more than came in, found "150"\n']);
    const none = await run(["monthly.csv", "--fail-on", "follow-up"]);
    expect([none.code, none.stderr]).toEqual([2, "leadplan: monthly.csv:1: followed_up: --fail-on follow-up: expected a followed_up column in the actuals (inquiries each rep has contacted)\n"]);
  });

  it("writes the follow-up as CSV with --section follow-up, and in JSON", async () => {
    const csv = await run(["halves.csv", "--every", "half-month", "--format", "csv", "--section", "follow-up"]);
    expect(csv.stdout).toBe(
      "period,rep,inquiries,followed_up,follow_up_rate,status\n2027-01-H1,Ana,110,110,100,met\n2027-01-H1,Ben,140,85,60.71,below_target\n2027-01-H2,Ana,100,100,100,met\n2027-01-H2,Ben,100,100,100,met\n",
    );
    const report = await json(["halves.csv"]);
    expect(report.follow_up.rows).toEqual([
      { month: "2027-01", rep: "Ana", inquiries: 210, followed_up: 210, rate: 1, status: "met" },
      { month: "2027-01", rep: "Ben", inquiries: 240, followed_up: 185, rate: 0.770833, status: "below_target" },
    ]);
  });
});

describe("track follow-up in HTML and Markdown", () => {
  it("shows the follow-up table under the checkpoints", async () => {
    const html = await run(["halves.csv", "--every", "half-month", "--format", "html"]);
    expect(html.stdout).toContain("Follow-up against 100% of inquiries, per rep and half-month");
    expect(html.stdout).toContain("below target");
    const markdown = await run(["halves.csv", "--format", "markdown"]);
    expect(markdown.stdout).toContain("### Follow-up against 100% of inquiries, per rep and month");
  });
});
