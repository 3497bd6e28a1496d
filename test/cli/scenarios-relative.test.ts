import { afterAll, describe, expect, it } from "vitest";
import { folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

// Two segments that differ in cost and close rate, all due in 2027-03, a 1-month cycle, 10% of
// inquiries qualify, no surge:
// - Platform: 11 deals of $60,000; 25% close → 44 qualified, 440 inquiries × $55 = $24,200;
// - Services: 27 deals of $15,000; 30% close → 90 qualified, 900 inquiries × $35 = $31,500.
// Baseline budget: $55,700.
const RATIOS = "product,avg_deal_size,qualified_to_won,inquiry_to_qualified,cost_per_inquiry\nPlatform,60000,25%,10%,55\nServices,15000,30%,10%,35\n";
const FILES = {
  "quotas.csv": "month,product,quota\n2027-03,Platform,660000\n2027-03,Services,405000\n",
  "ratios.csv": RATIOS,
};
const ASSUME = ["--ratios", "ratios.csv", "--cycle-months", "1", "--surge", "0"];
const scenarios = (args: readonly string[], files: Readonly<Record<string, string>> = {}) => runIn(folderWith({ ...FILES, ...files }), ["scenarios", "quotas.csv", ...ASSUME, ...args]);

interface Row {
  scenario: string;
  inquiries: number;
  qualified_leads: number;
  budget: number;
  budget_change: { absolute: number; percent: number };
}
const rowsOf = (stdout: string) => {
  const document = JSON.parse(stdout) as { baseline: Row; scenarios: Row[] };
  return [document.baseline, ...document.scenarios].map((row) => [row.scenario, row.inquiries, row.qualified_leads, row.budget, row.budget_change.absolute, row.budget_change.percent]);
};

describe("scenarios: changes relative to each segment's own value", () => {
  it("answers the finance question in one command: cost per inquiry +20% and close rate -3 points, per segment", async () => {
    const run = await scenarios(["--vary", "cost_per_inquiry=+20%", "--vary", "qualified_to_won=-3pp", "--format", "json"]);
    expect(run.stderr).toBe("");
    // By hand, each segment's own values moved:
    // - Platform: close 25% − 3 points = 22%: 11 ÷ 22% = 50 qualified, 500 inquiries × $66 (55 × 1.2) = $33,000;
    // - Services: close 30% − 3 points = 27%: 27 ÷ 27% = 100 qualified, 1,000 inquiries × $42 (35 × 1.2) = $42,000.
    expect(rowsOf(run.stdout)).toEqual([
      ["baseline", 1340, 134, 55700, 0, 0],
      ["cost_per_inquiry=+20% qualified_to_won=-3pp", 1500, 150, 75000, 19300, 34.65],
    ]);
  });

  it("moves the budget by exactly +20% when only the cost per inquiry moves +20% (an absolute 66 does not)", async () => {
    const run = await scenarios(["--vary", "cost_per_inquiry=+20%,66", "--format", "json"]);
    expect(run.stderr).toBe("");
    // 440 × $66 + 900 × $42 = $66,840: +20% of $55,700. An absolute $66 for both: 1,340 × $66 = $88,440.
    expect(rowsOf(run.stdout)).toEqual([
      ["baseline", 1340, 134, 55700, 0, 0],
      ["cost_per_inquiry=+20%", 1340, 134, 66840, 11140, 20],
      ["cost_per_inquiry=66", 1340, 134, 88440, 32740, 58.78],
    ]);
    const times = await scenarios(["--vary", "cost_per_inquiry=x1.2", "--format", "json"]);
    expect(rowsOf(times.stdout)[1]).toEqual(["cost_per_inquiry=x1.2", 1340, 134, 66840, 11140, 20]);
  });

  it("gives a scenario file's relative cells the same meaning, and shows the change as written in the grid's names", async () => {
    const file = await scenarios(["--scenarios", "s.csv", "--format", "json"], { "s.csv": "scenario,cost_per_inquiry,qualified_to_won\nfinance,+20%,-3pp\n" });
    expect(file.stderr).toBe("");
    expect(rowsOf(file.stdout)[1]).toEqual(["finance", 1500, 150, 75000, 19300, 34.65]);
    const table = await scenarios(["--vary", "cost_per_inquiry=+20%", "--vary", "qualified_to_won=-3pp"]);
    expect(table.stdout).toContain("│ cost_per_inquiry=+20% qualified_to_won=-3pp │");
  });

  it("plans exactly what an edited copy of the ratio file plans", async () => {
    const edited = "product,avg_deal_size,qualified_to_won,inquiry_to_qualified,cost_per_inquiry\nPlatform,60000,22%,10%,66\nServices,15000,27%,10%,42\n";
    const compute = await runIn(folderWith({ ...FILES, "ratios.csv": edited }), ["compute", "quotas.csv", ...ASSUME, "--format", "json"]);
    const totals = (JSON.parse(compute.stdout) as { totals: { inquiries: number; budget: number } }).totals;
    expect([totals.inquiries, totals.budget]).toEqual([1500, 75000]);
  });

  it("moves a time by its share and the surge by points", async () => {
    const run = await scenarios(["--vary", "sales_cycle_months=x2", "--format", "json"]);
    const document = JSON.parse(run.stdout) as { scenarios: { budget_by_quarter: { quarter: string; budget: number }[] }[] };
    // A 2-month cycle: the inquiries fall in January, still 2027-Q1, at the same cost.
    expect(document.scenarios[0]?.budget_by_quarter).toEqual([{ quarter: "2027-Q1", budget: 55700 }]);
    const surge = await scenarios(["--vary", "surge=+10pp", "--surge-quarters", "1", "--format", "json"]);
    expect(surge.stderr).toBe("");
    // The surge was 0: 10 points more is a 10% surge in Q1, where every inquiry falls.
    expect(rowsOf(surge.stdout)[1]?.[3]).toBeGreaterThan(55700);
  });

  it("refuses a change that takes a segment's rate out of range, naming the scenario, segment and value", async () => {
    const run = await scenarios(["--vary", "qualified_to_won=-26pp"]);
    expect([run.code, run.stdout]).toEqual([2, ""]);
    expect(run.stderr).toBe(
      'leadplan: --vary: qualified_to_won: scenario "qualified_to_won=-26pp", rep "", product "Platform": -26pp takes 25% to -1%; expected a rate above 0 and at most 100% (a change is never clamped)\n',
    );
    const above = await scenarios(["--scenarios", "s.csv"], { "s.csv": "scenario,qualified_to_won\noptimist,x3.5\n" });
    expect(above.stderr).toBe(
      'leadplan: s.csv: qualified_to_won: scenario "optimist", rep "", product "Services": x3.5 takes 30% to 105%; expected a rate above 0 and at most 100% (a change is never clamped)\n',
    );
  });

  it("refuses percentage points on money and on a time, in one line", async () => {
    const money = await scenarios(["--vary", "cost_per_inquiry=-3pp"]);
    expect(money.stderr).toBe(
      'leadplan: --vary: cost_per_inquiry: expected a change in percent or a factor (+20%, x1.2): percentage points (pp) change rates only, and cost_per_inquiry is money, found "-3pp"\n',
    );
    const time = await scenarios(["--scenarios", "s.csv"], { "s.csv": "scenario,sales_cycle_days\nslow,+5pp\n" });
    expect(time.stderr).toBe(
      'leadplan: s.csv:2: sales_cycle_days: expected a change in percent or a factor (+20%, x1.2): percentage points (pp) change rates only, and sales_cycle_days is a time, found "+5pp"\n',
    );
  });

  it("refuses one value twice in a grid, whichever way it is written, and a relative and an absolute value of one assumption in a file row", async () => {
    const twice = await scenarios(["--vary", "cost_per_inquiry=+20%,x1.2"]);
    expect(twice.stderr).toBe('leadplan: --vary: cost_per_inquiry: expected each value once, found "x1.2", the same as "+20%"\n');
    const both = await scenarios(["--vary", "cost_per_inquiry=+20%", "--vary", "cost_per_inquiry=60"]);
    expect(both.stderr).toContain("expected each assumption varied once, found cost_per_inquiry twice");
  });

  it("changes a configured funnel's step rates and its cost per segment", async () => {
    const funnel = ["--funnel", "inquiry,mql,sql,won", "--deal-size", "10000", "--rate", "sql_to_won=25%", "--lag", "sql_to_won=2m", "--rate", "mql_to_sql=50%", "--rate", "inquiry_to_mql=20%", "--cost", "inquiry=10", "--surge", "0"];
    const run = await runIn(folderWith({ "quotas.csv": "month,quota\n2027-06,1000000\n" }), ["scenarios", "quotas.csv", ...funnel, "--vary", "mql_to_sql=-10pp", "--vary", "cost_per_inquiry=+50%", "--format", "csv"]);
    expect(run.stderr).toBe("");
    // 400 SQLs ÷ 40% = 1,000 MQLs ÷ 20% = 5,000 inquiries × $15 = $75,000.
    expect(run.stdout.split("\n")[2]).toMatch(/^mql_to_sql=-10pp cost_per_inquiry=\+50%,5000,1000,400,100,75000,/);
  });
});
