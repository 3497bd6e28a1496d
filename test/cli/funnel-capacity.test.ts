import { afterAll, describe, expect, it } from "vitest";
import { folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

// The worked example: 100 deals need 400 SQLs in April, 800 MQLs and 4,000 inquiries in March.
const QUOTAS = { "quotas.csv": "month,quota\n2027-06,1000000\n" };
const WORKED = ["--funnel", "inquiry,mql,sql,won", "--deal-size", "10000", "--rate", "sql_to_won=25%", "--lag", "sql_to_won=2m", "--rate", "mql_to_sql=50%", "--lag", "mql_to_sql=1m", "--rate", "inquiry_to_mql=20%", "--cost", "inquiry=10", "--surge", "0"];

const compute = (reps: string, args: readonly string[] = []) => runIn(folderWith({ ...QUOTAS, "reps.csv": reps }), ["compute", "quotas.csv", ...WORKED, "--reps", "reps.csv", ...args]);

describe("capacity with a configured funnel", () => {
  it("checks the stage before won by default, from a sql_capacity column, and warns naming the stage", async () => {
    // 400 SQLs in April shared by two reps of 150 each: 200 each, 133%.
    const run = await compute("rep,sql_capacity,inquiry_capacity\nAna,150,5000\nBo,150,5000\n", ["--view", "team", "--format", "csv"]);
    expect(run.stdout).toBe(
      "month,sql,capacity,utilisation,excess,extra_reps,placed,moved,at_risk,at_risk_deals,at_risk_quota,inquiry_planned,inquiry,inquiry_capacity,inquiry_utilisation,inquiry_excess,extra_follow_up\n" +
        "2027-03,0,300,0,0,0,0,0,0,0,0,4000,4000,10000,0.4,0,0\n" +
        "2027-04,400,300,1.333333,100,1,400,0,0,0,0,0,0,10000,0,0,0\n" +
        "2027-05,0,300,0,0,0,0,0,0,0,0,0,0,10000,0,0,0\n" +
        "2027-06,0,300,0,0,0,0,0,0,0,0,0,0,10000,0,0,0\n",
    );
    expect(run.stderr).toBe("warning: 2027-04: Ana must work 200 SQLs, capacity 150 (133%)\nwarning: 2027-04: Bo must work 200 SQLs, capacity 150 (133%)\n");
  });

  it("reads capacity as the stage before won, the same as sql_capacity", async () => {
    const named = await compute("rep,sql_capacity\nAna,150\n", ["--format", "json"]);
    const plain = await compute("rep,capacity\nAna,150\n", ["--format", "json"]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toBe(named.stdout);
    // A configured funnel's JSON names the key after the checked stage.
    expect(JSON.parse(plain.stdout).sql_capacity).toMatchObject({ stage: "sql", follow_up_stage: "inquiry" });
  });

  it("checks the stage --capacity-stage names, with --respect-capacity counting its deals at risk", async () => {
    // 800 MQLs in March, the plan's first month: 500 over a capacity of 300 fit nowhere earlier;
    // 500 MQLs × 50% × 25% = 62.5 deals, × $10,000 = $625,000 at risk.
    const run = await compute("rep,mql_capacity,sql_capacity\nAna,300,150\n", ["--capacity-stage", "mql", "--respect-capacity", "--format", "json"]);
    expect(run.stderr).toBe(
      "warning: reps.csv:1: sql_capacity: not checked in this run (--capacity-stage sql checks it), ignored\n" +
        "warning: 2027-03: Ana must work 800 MQLs, capacity 300 (267%): 500 fit in no earlier month, quota at risk 625,000\n",
    );
    expect(JSON.parse(run.stdout).mql_capacity.totals).toMatchObject({ qualified_leads: 800, at_risk: 500, at_risk_deals: 62.5, at_risk_quota: 625000 });
  });

  it("checks every stage the reps file gives a capacity of in one run, each named: AEs on SQLs and SDRs on MQLs", async () => {
    // 400 SQLs in April against 150 each (two reps), 800 MQLs in March against 300 each: both over.
    const reps = "rep,mql_capacity,sql_capacity,inquiry_capacity\nAna,300,150,5000\nBo,300,150,5000\n";
    const run = await compute(reps, ["--format", "json", "--strict"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "warning: 2027-04: Ana must work 200 SQLs, capacity 150 (133%)\n" +
        "warning: 2027-04: Bo must work 200 SQLs, capacity 150 (133%)\n" +
        "warning: 2027-03: Ana must work 400 MQLs, capacity 300 (133%)\n" +
        "warning: 2027-03: Bo must work 400 MQLs, capacity 300 (133%)\n" +
        "leadplan: 4 capacity warnings; exit 1 (--strict)\n",
    );
    const json = JSON.parse(run.stdout) as Record<string, { stage: string; totals: { qualified_leads: number; peak_extra_follow_up: number | null } }>;
    expect(Object.keys(json).filter((key) => key.endsWith("capacity"))).toEqual(["sql_capacity", "mql_capacity"]);
    expect(json.sql_capacity).toMatchObject({ stage: "sql", totals: { qualified_leads: 400, peak_extra_follow_up: 0 } });
    // The follow-up (inquiry_capacity) is checked once, with the stage before won.
    expect(json.mql_capacity).toMatchObject({ stage: "mql", totals: { qualified_leads: 800, peak_extra_follow_up: null } });
    const table = await compute(reps, ["--view", "team"]);
    expect(table.stdout).toMatch(/│ Month +│ SQL │ Capacity │[\s\S]*│ Month +│ MQL │ Capacity │/);
  });

  it("keeps the default funnel's capacity: qualified_capacity is capacity", async () => {
    const args = ["compute", "quotas.csv", "--deal-size", "10000", "--close-rate", "25%", "--qualify-rate", "10%", "--cycle-months", "2", "--cost-per-inquiry", "10", "--reps", "reps.csv", "--format", "json"];
    const plain = await runIn(folderWith({ ...QUOTAS, "reps.csv": "rep,capacity\nAna,150\n" }), args);
    const named = await runIn(folderWith({ ...QUOTAS, "reps.csv": "rep,qualified_capacity\nAna,150\n" }), args);
    const staged = await runIn(folderWith({ ...QUOTAS, "reps.csv": "rep,capacity\nAna,150\n" }), [...args, "--capacity-stage", "qualified"]);
    expect(plain.stderr).toBe("warning: 2027-04: Ana must work 400 qualified leads, capacity 150 (267%)\n");
    expect(named.stdout).toBe(plain.stdout);
    expect(staged.stdout).toBe(plain.stdout);
  });

  it.each([
    ["a capacity of a stage not in the funnel", "rep,sal_capacity\nAna,10\n", [], "reps.csv:1: sal_capacity: not a stage of the funnel inquiry,mql,sql,won before won: expected one of inquiry_capacity, mql_capacity, sql_capacity"],
    ["a capacity of won deals", "rep,capacity,won_capacity\nAna,10,5\n", [], "reps.csv:1: won_capacity: not a stage of the funnel inquiry,mql,sql,won before won: expected one of inquiry_capacity, mql_capacity, sql_capacity"],
    ["--capacity-stage won", "rep,capacity\nAna,10\n", ["--capacity-stage", "won"], '--capacity-stage: expected a stage before won of the funnel inquiry,mql,sql,won: one of inquiry, mql, sql, found "won"'],
    ["--capacity-stage of no stage", "rep,capacity\nAna,10\n", ["--capacity-stage", "qualified"], '--capacity-stage: expected a stage before won of the funnel inquiry,mql,sql,won: one of inquiry, mql, sql, found "qualified"'],
    ["capacity and the checked stage's column together", "rep,capacity,sql_capacity\nAna,10,10\n", [], "reps.csv:1: sql_capacity: expected one of capacity and sql_capacity, which give the same stage's capacity, found both"],
    ["no capacity of the checked stage", "rep,mql_capacity\nAna,10\n", [], "reps.csv:1: capacity: missing column: expected a capacity or sql_capacity column (SQLs a rep can work in a month) (found rep,mql_capacity)"],
    ["a bad capacity", "rep,sql_capacity\nAna,-1\n", [], 'reps.csv:2: sql_capacity: expected a number of SQLs above 0, like 30, found "-1"'],
  ])("refuses %s in one line", async (_, reps, args, message) => {
    const run = await compute(reps, args);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toStrictEqual({ code: 2, stdout: "", stderr: `leadplan: ${message}\n` });
  });

  it("refuses --capacity-stage without a team", async () => {
    const run = await runIn(folderWith(QUOTAS), ["compute", "quotas.csv", ...WORKED, "--capacity-stage", "mql"]);
    expect(run.stderr).toBe("leadplan: --capacity-stage: no reps to check against: expected --reps FILE, or --reps-count N with --rep-capacity N\n");
  });

  it("checks every scenario's plan on the named stage", async () => {
    // mql_to_sql at 40%: 1,000 MQLs in March, over a capacity of 900; at 50%, 800 fit.
    const run = await runIn(folderWith({ ...QUOTAS, "reps.csv": "rep,mql_capacity\nAna,900\n" }), ["scenarios", "quotas.csv", ...WORKED, "--reps", "reps.csv", "--capacity-stage", "mql", "--vary", "mql_to_sql=40%,50%", "--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    const document = JSON.parse(run.stdout) as { baseline: { rep_months_over_capacity: number }; scenarios: { scenario: string; rep_months_over_capacity: number }[] };
    expect([document.baseline.rep_months_over_capacity, ...document.scenarios.map((row) => row.rep_months_over_capacity)]).toEqual([0, 1, 0]);
  });
});

describe("track with a team and a configured funnel", () => {
  // Actuals to June behind by $100,000: the catch-up adds it to December, 40 more SQLs in October.
  const FILES = {
    "quotas.csv": "month,quota\n2027-06,500000\n2027-09,500000\n2027-12,500000\n",
    "actuals.csv": "month,inquiry,mql,sql,won,revenue\n2027-03,2000,400,160,0,0\n2027-04,0,0,0,0,0\n2027-05,0,0,0,0,0\n2027-06,0,0,160,40,400000\n",
  };
  const track = (files: Record<string, string>, args: readonly string[]) => runIn(folderWith(files), ["track", "quotas.csv", "actuals.csv", ...WORKED, ...args]);

  it("checks the catch-up plan ahead of as-of on the stage before won, warning in SQLs", async () => {
    // 200 SQLs in April (past: not warned), 200 in July and 240 in October against a capacity of 190.
    const run = await track({ ...FILES, "reps.csv": "rep,sql_capacity\nAna,190\n" }, ["--reps", "reps.csv", "--fail-on", "capacity", "--format", "json"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "warning: 2027-07: Ana must work 200 SQLs, capacity 190 (105%)\n" +
        "warning: 2027-10: Ana must work 240 SQLs, capacity 190 (126%)\n" +
        "leadplan: 2 capacity warnings; exit 1 (--fail-on capacity)\n",
    );
    expect(JSON.parse(run.stdout).sql_capacity).toMatchObject({ plan: "catch-up", from: "2027-07", stage: "sql", follow_up_stage: "inquiry", totals: { qualified_leads: 640 } });
  });

  it("checks every stage the reps file gives a capacity of, ahead of as-of only", async () => {
    // The SQL check as above; MQLs: 400 in March and June (past), 480 in September against 420.
    const run = await track({ ...FILES, "reps.csv": "rep,sql_capacity,mql_capacity\nAna,190,420\n" }, ["--reps", "reps.csv", "--fail-on", "capacity", "--format", "json"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "warning: 2027-07: Ana must work 200 SQLs, capacity 190 (105%)\n" +
        "warning: 2027-10: Ana must work 240 SQLs, capacity 190 (126%)\n" +
        "warning: 2027-09: Ana must work 480 MQLs, capacity 420 (114%)\n" +
        "leadplan: 3 capacity warnings; exit 1 (--fail-on capacity)\n",
    );
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(json.mql_capacity).toMatchObject({ plan: "catch-up", stage: "mql" });
  });

  it("checks the stage --capacity-stage names", async () => {
    // 400 MQLs in March, 400 in June and 480 in September against 420: only September is ahead and over.
    const run = await track({ ...FILES, "reps.csv": "rep,mql_capacity\nAna,420\n" }, ["--reps", "reps.csv", "--capacity-stage", "mql", "--fail-on", "none", "--format", "json"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("warning: 2027-09: Ana must work 480 MQLs, capacity 420 (114%)\n");
  });

  it("refuses --capacity-stage won before reading any file", async () => {
    const run = await track({}, ["--reps-count", "2", "--rep-capacity", "40", "--capacity-stage", "won"]);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toStrictEqual({
      code: 2,
      stdout: "",
      stderr: 'leadplan: --capacity-stage: expected a stage before won of the funnel inquiry,mql,sql,won: one of inquiry, mql, sql, found "won"\n',
    });
  });
});
