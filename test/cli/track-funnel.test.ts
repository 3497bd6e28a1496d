import { afterAll, describe, expect, it } from "vitest";
import { folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

// The worked example's assumptions, with quotas in June, September and December; actuals to
// June behind: 40 deals and $400,000 of June's 50 deals and $500,000.
const STEPS = ["--funnel", "inquiry,mql,sql,won", "--deal-size", "10000", "--rate", "sql_to_won=25%", "--lag", "sql_to_won=2m", "--rate", "mql_to_sql=50%", "--lag", "mql_to_sql=1m", "--rate", "inquiry_to_mql=20%", "--cost", "inquiry=10", "--surge", "0"];
const FILES = {
  "quotas.csv": "month,quota\n2027-06,500000\n2027-09,500000\n2027-12,500000\n",
  "actuals.csv": "month,inquiry,mql,sql,won,revenue\n2027-03,2000,400,160,0,0\n2027-04,0,0,0,0,0\n2027-05,0,0,0,0,0\n2027-06,0,0,160,40,400000\n",
};
const track = (args: readonly string[], files: Record<string, string> = {}) => runIn(folderWith({ ...FILES, ...files }), ["track", "quotas.csv", "actuals.csv", ...STEPS, ...args]);

describe("track --funnel", () => {
  it("writes the checkpoints in CSV long form, one line per stage named as the actuals name it", async () => {
    const run = await track(["--format", "csv", "--by", "quarter"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        "quarter,measure,plan,actual,variance,percent_of_plan,status",
        "2027-Q1,inquiry,2000,2000,0,100,on_track",
        "2027-Q1,mql,400,400,0,100,on_track",
        "2027-Q1,sql,0,160,160,,on_track",
        "2027-Q1,won,0,0,0,,on_track",
        "2027-Q1,revenue,0,0,0,,on_track",
        "2027-Q2,inquiry,2000,0,-2000,0,far_behind",
        "2027-Q2,mql,400,0,-400,0,far_behind",
        "2027-Q2,sql,200,160,-40,80,behind",
        "2027-Q2,won,50,40,-10,80,behind",
        "2027-Q2,revenue,500000,400000,-100000,80,behind",
        "total,inquiry,4000,2000,-2000,50,far_behind",
        "total,mql,800,400,-400,50,far_behind",
        "total,sql,200,320,120,160,on_track",
        "total,won,50,40,-10,80,behind",
        "total,revenue,500000,400000,-100000,80,behind",
        "",
      ].join("\n"),
    );
  });

  it("splits the gap over every step and plans the catch-up by stage (Markdown)", async () => {
    const run = await track(["--format", "markdown"]);
    expect(run.stdout).toContain(
      [
        "| inquiry volume |  |  |  | -250,000 |",
        "| inquiry to MQL rate | 20.0% | 20.0% | 20.0% | 0 |",
        "| MQL to SQL rate | 50.0% | 25.0% | 80.0% | +550,000 |",
        "| SQL to won rate | 25.0% | 25.0% | 12.5% | -400,000 |",
        "| deal size | 10,000 | 10,000 | 10,000 | 0 |",
        "| **Revenue variance** |  |  |  | **-100,000** |",
        "",
        "Revenue is 100,000 behind plan; most of it is poor SQL to won conversion (-400,000).",
      ].join("\n"),
    );
    expect(run.stdout).toContain("| Month | Quota | + Quota | SQL | + SQL | MQL | + MQL | Inquiry | + Inquiry | Budget | + Budget |");
    // December's quota takes the $100,000: 10 deals need 40 more SQLs in October, 80 MQLs and 400 inquiries in September.
    expect(run.stdout).toContain("| 2027-09 | 500,000 | 0 | 0 | 0 | 480 | 80 | 2,400 | 400 | 24,000 | 4,000 |");
    expect(run.stdout).toContain("| 2027-10 | 0 | 0 | 240 | 40 | 0 | 0 | 0 | 0 | 0 | 0 |");
  });

  it("names the stages in JSON: checks, rates, effects and catch-up figures", async () => {
    const run = await track(["--format", "json"]);
    const json = JSON.parse(run.stdout);
    expect(json.measures).toStrictEqual(["inquiry", "mql", "sql", "won", "revenue"]);
    expect(Object.keys(json.cumulative.checks)).toStrictEqual(["inquiry", "mql", "sql", "won", "revenue"]);
    expect(Object.keys(json.leak.rates)).toStrictEqual(["inquiry_to_mql", "mql_to_sql", "sql_to_won", "avg_deal_size"]);
    expect(json.leak.largest).toStrictEqual({ stage: "SQL to won rate", fault: "poor SQL to won conversion", revenue: -400000 });
    expect(json.catch_up.totals).toStrictEqual({ quota: 1100000, extra_quota: 100000, sql: 440, extra_sql: 40, mql: 480, extra_mql: 80, inquiry: 2400, extra_inquiry: 400, budget: 24000, extra_budget: 4000 });
  });

  it("draws the HTML charts by stage", async () => {
    const run = await track(["--format", "html"]);
    for (const text of ["MQL, % of plan", "SQL to won rate", "Catch-up: inquiry to generate by month", "Extra inquiry", "Inquiry planned"]) expect(run.stdout).toContain(text);
    expect(run.stdout).not.toContain("Qualified leads");
  });

  it.each([
    ["a missing stage", "month,inquiry,sql,won,revenue\n2027-03,1,1,1,1\n", "actuals.csv:1: mql: missing column: expected a column for every stage of --funnel inquiry,mql,sql,won (revenue optional) (found month,inquiry,sql,won,revenue)"],
    ["the default funnel's column", "month,inquiries,mql,sql,won\n2027-03,1,1,1,1\n", "actuals.csv:1: inquiries: a column of the default funnel: expected the stages of --funnel inquiry,mql,sql,won (inquiry,mql,sql,won,revenue)"],
  ])("refuses actuals with %s in one line", async (_what, actuals, message) => {
    const run = await track([], { "actuals.csv": actuals });
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toStrictEqual({ code: 2, stdout: "", stderr: `leadplan: ${message}\n` });
  });
});
