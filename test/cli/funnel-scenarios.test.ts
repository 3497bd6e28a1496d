import { afterAll, describe, expect, it } from "vitest";
import type { AssumptionEntry, AssumptionSpelling } from "../../src/core/assumptions.js";
import { funnelAssumptions } from "../../src/core/funnel-assumptions.js";
import { sensitivityName } from "../../src/core/scenarios.js";
import { parserOf } from "../../src/io/assumption-values.js";
import { folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

// The worked example: $1,000,000 due in 2027-06 at $10,000 deals, sql_to_won 25% after
// 2 months, mql_to_sql 50% after 1 month, inquiry_to_mql 20% with no delay, $10 an inquiry:
// 100 deals, 400 SQLs in April, 800 MQLs and 4,000 inquiries in March, budget 40,000.
const FUNNEL = ["--funnel", "inquiry,mql,sql,won"];
const QUOTAS = { "quotas.csv": "month,quota\n2027-06,1000000\n" };
const WORKED = [...FUNNEL, "--deal-size", "10000", "--rate", "sql_to_won=25%", "--lag", "sql_to_won=2m", "--rate", "mql_to_sql=50%", "--lag", "mql_to_sql=1m", "--rate", "inquiry_to_mql=20%", "--cost", "inquiry=10", "--surge", "0"];

const scenarios = (args: readonly string[], files: Record<string, string> = {}) => runIn(folderWith({ ...QUOTAS, ...files }), ["scenarios", "quotas.csv", ...WORKED, ...args]);

describe("scenarios with a configured funnel", () => {
  it("varies a step's rate: the stages above it scale exactly as worked by hand", async () => {
    const run = await scenarios(["--vary", "mql_to_sql=40%,50%", "--format", "csv"]);
    expect(run.stderr).toBe("");
    // 400 SQLs ÷ 40% = 1,000 MQLs ÷ 20% = 5,000 inquiries × $10 = $50,000; at 50% the baseline's.
    expect(run.stdout).toBe(
      "scenario,inquiry,mql,sql,deals,budget,budget_change,budget_change_percent,inquiry_change,inquiry_change_percent,cost_per_mql,cost_per_sql,cost_per_deal,quota_per_dollar,budget_2027-Q1,budget_2027-Q2\n" +
        "baseline,4000,800,400,100,40000,0,0,0,0,50,100,400,25,40000,0\n" +
        "mql_to_sql=40%,5000,1000,400,100,50000,10000,25,1000,25,50,125,500,20,50000,0\n" +
        "mql_to_sql=50%,4000,800,400,100,40000,0,0,0,0,50,100,400,25,40000,0\n",
    );
  });

  it("varies a step's time: the inquiries move to the month it reaches back to", async () => {
    // mql_to_sql takes 4 months instead of 1: the 800 MQLs and 4,000 inquiries fall in December 2026.
    const run = await scenarios(["--scenarios", "s.csv", "--format", "json"], { "s.csv": "scenario,mql_to_sql_months,sql_to_won_days\nslow,4,\nfast close,,30\n" });
    expect(run.stderr).toBe("");
    const document = JSON.parse(run.stdout) as { funnel: string[]; scenarios: Record<string, unknown>[] };
    expect(document.funnel).toEqual(["inquiry", "mql", "sql", "won"]);
    expect(document.scenarios.map((row) => [row.scenario, row.inquiry, row.mql, row.sql, row.budget, row.budget_by_quarter])).toEqual([
      ["slow", 4000, 800, 400, 40000, [{ quarter: "2026-Q4", budget: 40000 }, { quarter: "2027-Q1", budget: 0 }, { quarter: "2027-Q2", budget: 0 }]],
      // 30 days is 0.99 of a month, split between May and April: whole entries round up in each month.
      // Every scenario lists the same quarters: 0 where its own plan generates nothing.
      ["fast close", 4001, 801, 401, 40010, [{ quarter: "2026-Q4", budget: 0 }, { quarter: "2027-Q1", budget: 0 }, { quarter: "2027-Q2", budget: 40010 }]],
    ]);
  });

  it("moves every step's rate and time in the sensitivity, named by the step", async () => {
    const run = await scenarios(["--sensitivity", "10%", "--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    const rows = (JSON.parse(run.stdout) as { sensitivity: { rows: { assumption: string; down: Record<string, unknown> }[] } }).sensitivity.rows;
    const expected = STEPPED.filter((entry) => entry.sensitive).map(sensitivityName);
    expect(rows.map((row) => row.assumption).sort()).toEqual(expected.sort());
    expect(expected).toEqual(expect.arrayContaining(["sql_to_won", "mql_to_sql", "inquiry_to_mql", "sql_to_won_time", "mql_to_sql_time", "inquiry_to_mql_time", "cost_per_inquiry"]));
    // mql_to_sql 10% down: 400 ÷ 45% ÷ 20% = 4,444.4, whole 4,445 inquiries, +445 and +$4,450.
    const step = rows.find((row) => row.assumption === "mql_to_sql");
    expect(step?.down).toEqual({ value: "-10%", budget: { absolute: 4450, percent: 11.13 }, inquiry: { absolute: 445, percent: 11.13 } });
  });

  it("refuses the default funnel's columns, naming the funnel's own", async () => {
    const run = await scenarios(["--vary", "qualified_to_won=20%"]);
    expect({ code: run.code, stderr: run.stderr }).toStrictEqual({
      code: 2,
      stderr:
        'leadplan: --vary: expected NAME=V1,V2,... with NAME one of avg_deal_size, units_per_deal, sql_to_won, mql_to_sql, inquiry_to_mql, cost_per_inquiry, surge, sql_to_won_days, sql_to_won_months, mql_to_sql_days, mql_to_sql_months, inquiry_to_mql_days, inquiry_to_mql_months, confidence, found "qualified_to_won=20%"\n',
    });
    const file = await scenarios(["--scenarios", "s.csv"], { "s.csv": "scenario,inquiry_to_qualified\nx,10%\n" });
    expect(file.stderr).toBe(
      "leadplan: s.csv:1: inquiry_to_qualified: unknown assumption: expected any of avg_deal_size, units_per_deal, sql_to_won, mql_to_sql, inquiry_to_mql, cost_per_inquiry, surge, sql_to_won_days, sql_to_won_months, mql_to_sql_days, mql_to_sql_months, inquiry_to_mql_days, inquiry_to_mql_months, confidence\n",
    );
  });
});

// Every generated entry of a configured funnel is taken as a scenario column and a `--vary` name,
// read alike, and a bad value refused with its parser's message in both places.
const STEPPED = funnelAssumptions(["inquiry", "mql", "sql", "won"]);
const GOOD: Readonly<Record<string, string>> = { amount: "20000", rate: "30%", cost: "60", percent: "10%", days: "45", months: "5" };
const spellingCases = STEPPED.flatMap((entry) => entry.spellings.map((spelling) => [spelling.column, entry, spelling] as const));

describe("the registry of a configured funnel in scenarios", () => {
  it.each(spellingCases)("%s is taken as a scenario column and a --vary name alike", async (column, entry: AssumptionEntry, spelling: AssumptionSpelling) => {
    const good = GOOD[spelling.unit ?? entry.kind] ?? "";
    const byFile = await scenarios(["--scenarios", "s.csv", "--format", "csv"], { "s.csv": `scenario,${column}\nx,${good}\n` });
    expect(byFile.code, byFile.stderr).toBe(0);
    const byVary = await scenarios(["--vary", `${column}=${good}`, "--format", "csv"]);
    expect(byVary.code, byVary.stderr).toBe(0);
    const figures = (csv: string) => csv.trim().split("\n").slice(1).map((row) => row.slice(row.indexOf(",")));
    expect(figures(byFile.stdout)).toEqual(figures(byVary.stdout));
    // The value is used: the scenario differs from the baseline (units per deal only counts in a unit quota).
    const [baseline, scenario] = figures(byVary.stdout);
    if (column !== "units_per_deal") expect(scenario).not.toBe(baseline);
    const bad = parserOf(entry.kind, spelling.unit)("-1");
    if (bad.ok) throw new Error(`${column} accepts -1`);
    const refusedFile = await scenarios(["--scenarios", "s.csv"], { "s.csv": `scenario,${column}\nx,-1\n` });
    expect(refusedFile.stderr).toBe(`leadplan: s.csv:2: ${column}: expected ${bad.expected}, found "-1"\n`);
    const refusedVary = await scenarios(["--vary", `${column}=-1`]);
    expect(refusedVary.stderr).toBe(`leadplan: --vary: ${column}: expected ${bad.expected}, found "-1"\n`);
  });
});
