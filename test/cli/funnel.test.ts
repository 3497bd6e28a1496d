import { afterAll, describe, expect, it } from "vitest";
import type { AssumptionEntry, AssumptionSpelling } from "../../src/core/assumptions.js";
import { funnelAssumptions } from "../../src/core/funnel-assumptions.js";
import { ASSUMPTIONS } from "../../src/core/assumptions.js";
import { parserOf } from "../../src/io/assumption-values.js";
import { compute, removeFolders } from "./harness.js";

afterAll(removeFolders);

const FUNNEL = ["--funnel", "inquiry,mql,sql,won"];
const QUOTAS = { "quotas.csv": "month,quota\n2027-06,1000000\n" };
/** The worked example as flags: 100 deals, 400 SQLs in April, 800 MQLs and 4,000 inquiries in March. */
const WORKED = [...FUNNEL, "--deal-size", "10000", "--rate", "sql_to_won=25%", "--lag", "sql_to_won=2m", "--rate", "mql_to_sql=50%", "--lag", "mql_to_sql=1m", "--rate", "inquiry_to_mql=20%", "--cost", "inquiry=10", "--surge", "0"];
const WORKED_CSV = "month,quota,deals,sql,mql,inquiry,surge_inquiry,budget\n2027-03,0,0,0,800,4000,0,40000\n2027-04,0,0,400,0,0,0,0\n2027-05,0,0,0,0,0,0,0\n2027-06,1000000,100,0,0,0,0,0\n";

async function refused(args: readonly string[], stderr: string, files: Record<string, string> = {}): Promise<void> {
  const run = await compute({ ...QUOTAS, ...files }, ["quotas.csv", ...args]);
  expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toStrictEqual({ code: 2, stdout: "", stderr: `leadplan: ${stderr}\n` });
}

describe("compute --funnel", () => {
  it("plans the issue's worked example from flags", async () => {
    const run = await compute(QUOTAS, ["quotas.csv", ...WORKED, "--format", "csv"]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(WORKED_CSV);
  });

  it("plans the same from the config file, the funnel as a list and the steps as objects", async () => {
    const config = { funnel: ["inquiry", "mql", "sql", "won"], dealSize: 10000, rate: { sql_to_won: "25%", mql_to_sql: 0.5, inquiry_to_mql: "20%" }, lag: { sql_to_won: "2m", mql_to_sql: "1 month" }, cost: { inquiry: 10 }, surge: 0 };
    const run = await compute({ ...QUOTAS, "leadplan.config.json": JSON.stringify(config) }, ["quotas.csv", "--format", "csv"]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(WORKED_CSV);
  });

  it("reads a distribution cycle file whose stage cells name steps", async () => {
    const cycles = "stage,lag_months,share\nsql_to_won,2,1\nmql_to_sql,1,1\n";
    const ratios = "avg_deal_size,sql_to_won,mql_to_sql,inquiry_to_mql,cost_per_inquiry\n10000,25%,50%,20%,10\n";
    const run = await compute({ ...QUOTAS, "cycles.csv": cycles, "ratios.csv": ratios }, ["quotas.csv", ...FUNNEL, "--ratios", "ratios.csv", "--cycles", "cycles.csv", "--surge", "0", "--format", "csv"]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(WORKED_CSV);
  });

  it("keeps every output of the default funnel when it is written out", async () => {
    const args = ["quotas.csv", "--deal-size", "10000", "--close-rate", "25%", "--qualify-rate", "10%", "--cycle-months", "2", "--cost-per-inquiry", "10", "--format", "json"];
    const implicit = await compute(QUOTAS, args);
    const written = await compute(QUOTAS, [...args, "--funnel", "inquiry,qualified,won"]);
    const stepped = await compute(QUOTAS, ["quotas.csv", "--deal-size", "10000", "--rate", "qualified_to_won=25%", "--rate", "inquiry_to_qualified=10%", "--lag", "qualified_to_won=2m", "--cost", "inquiry=10", "--format", "json"]);
    expect(implicit.code).toBe(0);
    expect(written.stdout).toBe(implicit.stdout);
    expect(stepped.stdout).toBe(implicit.stdout);
  });

  it.each([
    ["a funnel of one stage", ["--funnel", "won"], '--funnel: expected at least two stages, top first, the won deal last, like inquiry,mql,sql,won, found "won"'],
    ["a stage named twice", ["--funnel", "inquiry,mql,mql,won"], '--funnel: expected each stage once, found "inquiry,mql,mql,won" ("mql" twice)'],
    ["a stage not in lowercase", ["--funnel", "inquiry,MQL,won"], '--funnel: expected stage names of lowercase letters, digits and _, starting with a letter, like inquiry,mql,sql,won, found "inquiry,MQL,won" (not "MQL")'],
    ["a stage named as a plan column", ["--funnel", "inquiry,deals,won"], '--funnel: expected stage names other than the plan\'s own columns (month, quarter, rep, product, quota, units, deals, deal, budget, exact, revenue) and the names built from a stage (surge…, extra_…, cost_per_…, …_before_surge, …_change, …_change_percent), found "inquiry,deals,won" (not "deals")'],
    // Names the outputs build from a stage: two columns of one name (JSON exact, track's catch-up, scenarios' change) would mislead a script.
    ["a stage named as a built column (before surge)", ["--funnel", "inquiry,inquiry_before_surge,won"], '--funnel: expected stage names other than the plan\'s own columns (month, quarter, rep, product, quota, units, deals, deal, budget, exact, revenue) and the names built from a stage (surge…, extra_…, cost_per_…, …_before_surge, …_change, …_change_percent), found "inquiry,inquiry_before_surge,won" (not "inquiry_before_surge")'],
    ["a stage named as a built column (extra)", ["--funnel", "inquiry,extra_inquiry,won"], '--funnel: expected stage names other than the plan\'s own columns (month, quarter, rep, product, quota, units, deals, deal, budget, exact, revenue) and the names built from a stage (surge…, extra_…, cost_per_…, …_before_surge, …_change, …_change_percent), found "inquiry,extra_inquiry,won" (not "extra_inquiry")'],
    ["a stage named as a built column (change)", ["--funnel", "inquiry,inquiry_change,won"], '--funnel: expected stage names other than the plan\'s own columns (month, quarter, rep, product, quota, units, deals, deal, budget, exact, revenue) and the names built from a stage (surge…, extra_…, cost_per_…, …_before_surge, …_change, …_change_percent), found "inquiry,inquiry_change,won" (not "inquiry_change")'],
    ["a stage named as a built column (cost)", ["--funnel", "inquiry,cost_per_inquiry,won"], '--funnel: expected stage names other than the plan\'s own columns (month, quarter, rep, product, quota, units, deals, deal, budget, exact, revenue) and the names built from a stage (surge…, extra_…, cost_per_…, …_before_surge, …_change, …_change_percent), found "inquiry,cost_per_inquiry,won" (not "cost_per_inquiry")'],
    ["won above the last stage", ["--funnel", "inquiry,won,closed"], '--funnel: expected won as the last stage only (the won deal), found "inquiry,won,closed" (not "won" above closed)'],
    ["an unknown step in --rate", [...FUNNEL, "--rate", "qualified_to_won=25%"], '--rate: expected a step of the funnel inquiry,mql,sql,won: one of sql_to_won, mql_to_sql, inquiry_to_mql, found "qualified_to_won"'],
    ["a lag whose number the decimal mark decides", [...FUNNEL, "--lag", "sql_to_won=1.500d"], '--lag: sql_to_won: expected a number of days from 0 to 3652.5, found "1.500d" (it reads as 1500 with a decimal comma or 1.5 with a decimal point: give --decimal-comma or --decimal-point, or write it without a thousands separator)'],
    ["an unknown step in --lag", [...FUNNEL, "--lag", "sal_to_sql=30d"], '--lag: expected a step of the funnel inquiry,mql,sql,won: one of sql_to_won, mql_to_sql, inquiry_to_mql, found "sal_to_sql"'],
    ["a --rate without its step", [...FUNNEL, "--rate", "25%"], '--rate: expected FROM_TO=RATE, like sql_to_won=25%, found "25%"'],
    ["a bare number of a lag", [...FUNNEL, "--lag", "mql_to_sql=30"], '--lag: mql_to_sql: expected a duration in days or months, like 30d or 2m, found "30"'],
    ["a bad rate", [...FUNNEL, "--rate", "sql_to_won=125%"], '--rate: sql_to_won: expected a rate above 0 and at most 100%, like 25% or 0.25, found "125%"'],
    ["a step given twice", [...FUNNEL, "--rate", "sql_to_won=25%", "--rate", "sql_to_won=30%"], "--rate: sql_to_won: given twice: expected one value per step"],
    ["a cost of a stage below the top", [...FUNNEL, "--cost", "mql=5"], '--cost: expected the top stage of the funnel inquiry,mql,sql,won (only it has a cost), found "mql"'],
    ["an old flag with a configured funnel", [...FUNNEL, "--close-rate", "25%"], "--close-rate: the funnel inquiry,mql,sql,won has no step qualified_to_won: expected --rate FROM_TO=RATE instead"],
    ["an old time flag with a configured funnel", [...FUNNEL, "--cycle-days", "60"], "--cycle-days: the funnel inquiry,mql,sql,won has no step qualified_to_won: expected --lag FROM_TO=DURATION instead"],
    ["the inquiry cost when the top stage is another", ["--funnel", "lead,sql,won", "--cost-per-inquiry", "10"], "--cost-per-inquiry: the funnel lead,sql,won has no inquiry stage: expected --cost STAGE=AMOUNT instead"],
    ["an old flag and its step form together", ["--close-rate", "25%", "--rate", "qualified_to_won=30%"], "--rate: the same step as --close-rate: expected one of them"],
  ])("refuses %s in one line", async (_, args, stderr) => {
    await refused(args, stderr);
  });

  it("refuses a step column the funnel does not have, and an old column, naming the funnel's", async () => {
    const ratios = "avg_deal_size,sql_to_won,sal_to_sql\n10000,25%,50%\n";
    await refused([...FUNNEL, "--ratios", "ratios.csv"], "ratios.csv:1: sal_to_sql: not a step of the funnel inquiry,mql,sql,won: expected one of sql_to_won, mql_to_sql, inquiry_to_mql, cost_per_inquiry", { "ratios.csv": ratios });
    await refused([...FUNNEL, "--cycles", "cycles.csv"], "cycles.csv:1: sales_cycle_days: not a step of the funnel inquiry,mql,sql,won: expected one of sql_to_won_days, sql_to_won_months, mql_to_sql_days, mql_to_sql_months, inquiry_to_mql_days, inquiry_to_mql_months", {
      "cycles.csv": "sales_cycle_days\n60\n",
    });
    await refused([...FUNNEL, "--cycles", "cycles.csv"], 'cycles.csv:2: stage: expected sql_to_won, mql_to_sql, inquiry_to_mql or empty, found "sales_cycle"', { "cycles.csv": "stage,lag_months,share\nsales_cycle,2,1\n" });
  });

  it("refuses an old config key with a configured funnel", async () => {
    await refused([], 'leadplan.config.json: closeRate: the funnel inquiry,mql,sql,won has no step qualified_to_won: expected "rate": {…} instead', {
      "leadplan.config.json": JSON.stringify({ funnel: "inquiry,mql,sql,won", closeRate: "25%" }),
    });
  });

  it.each([
    [{ rate: { mql_to_sql: "abc" } }, 'rate.mql_to_sql: expected a rate above 0 and at most 100%, like 25% or 0.25, found "abc"'],
    [{ rate: { mql_to_sql: true } }, "rate.mql_to_sql: expected a rate like 25% or 0.25, found true"],
    [{ lag: { mql_to_sql: "abc" } }, 'lag.mql_to_sql: expected a duration in days or months, like 30d or 2m, found "abc"'],
    [{ lag: { mql_to_sql: null } }, "lag.mql_to_sql: expected a duration like 30d or 2m, found null"],
    [{ lag: { sql_to_won: ["2m"] } }, "lag.sql_to_won: expected a duration like 30d or 2m, found a list"],
    [{ cost: { inquiry: "abc" } }, 'cost.inquiry: expected an amount, found "abc"'],
    [{ cost: { inquiry: { amount: 10 } } }, "cost.inquiry: expected an amount like 10, found an object"],
    [{ rate: "25%" }, 'rate: expected an object of values by step, like {"sql_to_won": "25%"}, found "25%"'],
  ])("names the inner key and the bad value of a config step map: %j", async (config, message) => {
    await refused([], `leadplan.config.json: ${message}`, { "leadplan.config.json": JSON.stringify({ funnel: "inquiry,mql,sql,won", ...config }) });
  });

  it("names the step flag and column of a missing step", async () => {
    await refused([...FUNNEL, "--deal-size", "10000", "--rate", "sql_to_won=25%", "--lag", "sql_to_won=2m", "--rate", "inquiry_to_mql=20%"], "quotas.csv:2: unassigned quota: no value applies for mql_to_sql (give --ratios FILE, or --rate mql_to_sql=…)");
  });
});

// The registry of a configured funnel: each generated entry is taken as a flag (its step form), a
// config key and a file column, and a bad value refused with its parser's message.
const STEPPED = funnelAssumptions(["inquiry", "mql", "sql", "won"]);
const GOOD: Readonly<Record<string, string>> = { rate: "30%", cost: "60", days: "45", months: "2" };
const stepCases = STEPPED.flatMap((entry) => entry.spellings.filter((spelling) => spelling.key !== undefined).map((spelling) => [spelling.column, entry, spelling] as const));

describe("the registry of a configured funnel", () => {
  it("is generated from the stage list: a rate and a time per step, nearest won first, and the top stage's cost", () => {
    expect(STEPPED.map((entry) => entry.stem)).toEqual(["avg_deal_size", "sql_to_won", "mql_to_sql", "inquiry_to_mql", "units_per_deal", "cost_per_inquiry", "sql_to_won", "mql_to_sql", "inquiry_to_mql", "surge"]);
    expect(STEPPED.flatMap((entry) => entry.spellings.map((spelling) => spelling.column))).toContain("mql_to_sql_days");
    expect(funnelAssumptions(["inquiry", "qualified", "won"])).toBe(ASSUMPTIONS);
    const columns = STEPPED.flatMap((entry) => entry.spellings.map((spelling) => spelling.column));
    expect(new Set(columns).size).toBe(columns.length);
  });

  it("gives the default funnel's steps today's names", () => {
    const steps = ASSUMPTIONS.flatMap((entry) => ("step" in entry ? [`${entry.stem}:${entry.step.join(">")}`] : []));
    expect(steps).toEqual(["qualified_to_won:qualified>won", "inquiry_to_qualified:inquiry>qualified", "sales_cycle:qualified>won", "qualification:inquiry>qualified"]);
  });

  it.each(stepCases)("%s is taken as a flag, a config value and a file column alike, and a bad value refused", async (column, entry: AssumptionEntry, spelling: AssumptionSpelling) => {
    const good = GOOD[spelling.unit ?? entry.kind] ?? "";
    const flagValue = spelling.unit === undefined ? good : `${good}${spelling.unit === "days" ? "d" : "m"}`;
    const without = WORKED.filter((arg, at) => !(arg === spelling.flag && WORKED[at + 1]?.startsWith(`${spelling.key}=`)) && !(WORKED[at - 1] === spelling.flag && arg.startsWith(`${spelling.key}=`)));
    // The step into won needs a time: a run without it takes it from the place under test.
    const byFlag = await compute(QUOTAS, ["quotas.csv", ...without, spelling.flag, `${spelling.key}=${flagValue}`, "--format", "json"]);
    expect(byFlag.code, byFlag.stderr).toBe(0);
    const configKey = spelling.configKey;
    const byConfig = await compute({ ...QUOTAS, "leadplan.config.json": JSON.stringify({ [configKey]: { [spelling.key ?? ""]: flagValue } }) }, ["quotas.csv", ...without, "--format", "json"]);
    expect(byConfig.stdout, byConfig.stderr).toBe(byFlag.stdout);
    const file = entry.file === "cycles" ? "cycles" : "ratios";
    // A cycle file must give the step into won's time: beside another step's, it is the flags' 2 months.
    const [header, cells] = file === "cycles" && !column.startsWith("sql_to_won") ? [`sql_to_won_months,${column}`, `2,`] : [column, ""];
    const byFile = await compute({ ...QUOTAS, [`${file}.csv`]: `${header}\n${cells}${good}\n` }, ["quotas.csv", ...without, `--${file}`, `${file}.csv`, "--format", "json"]);
    expect(byFile.stdout.replace(/"(ratios|cycles)": "[a-z]+\.csv"/, '"$1": null'), byFile.stderr).toBe(byFlag.stdout);
    const bad = parserOf(entry.kind, spelling.unit)("-1");
    if (bad.ok) throw new Error(`${column} accepts -1`);
    const refusedFile = await compute({ ...QUOTAS, [`${file}.csv`]: `${header}\n${cells}-1\n` }, ["quotas.csv", ...without, `--${file}`, `${file}.csv`]);
    expect(refusedFile.stderr).toBe(`leadplan: ${file}.csv:2: ${column}: expected ${bad.expected}, found "-1"\n`);
  });
});
