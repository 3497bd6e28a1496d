import { afterAll, describe, expect, it } from "vitest";
import { folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

// $150,000 due in 2027-03 at $75,000 deals, 20% close, 10% qualify, a 1-month cycle, no surge,
// $45 an inquiry: 10 qualified leads and 100 inquiries in 2027-02, $4,500.
const ASSUME = ["--deal-size", "75000", "--close-rate", "20%", "--qualify-rate", "10%", "--cycle-months", "1", "--surge", "0", "--cost-per-inquiry", "45"];
const FILES = {
  "quotas.csv": "month,quota\n2027-03,150000\n",
  "sources.csv": "source,share,inquiry_to_qualified,qualified_to_won,cost_per_inquiry\nWeb,100%,10%,20%,45\n",
};
const scenarios = (args: readonly string[]) => runIn(folderWith(FILES), ["scenarios", "quotas.csv", ...ASSUME, ...args]);

describe("scenarios --section: every table of the report in CSV, one per file", () => {
  it("without --section writes the scenarios table and names the others on stderr", async () => {
    const run = await scenarios(["--sensitivity", "10%", "--sources", "sources.csv", "--format", "csv"]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toMatch(/^scenario,inquiries,qualified_leads,deals,budget,/);
    // The quarter budgets are columns of this CSV already: nothing of them is left out.
    expect(run.stderr).toBe("note: the CSV holds the scenarios table; --section sensitivity, --section sources write the others\n");
  });

  it("names only the sections the run has", async () => {
    expect((await scenarios(["--format", "csv", "--sensitivity", "10%"])).stderr).toBe("note: the CSV holds the scenarios table; --section sensitivity writes the other\n");
    expect((await scenarios(["--format", "csv"])).stderr).toBe("");
  });

  it("writes the quarter budgets", async () => {
    const run = await scenarios(["--format", "csv", "--section", "quarters"]);
    expect(run.stdout).toBe("scenario,budget_2027-Q1\nbaseline,4500\n");
    expect(run.stderr).toBe("");
  });

  it("writes the sensitivity with each move spelled out, as the JSON names them", async () => {
    const run = await scenarios(["--format", "csv", "--section", "sensitivity", "--sensitivity", "10%"]);
    const [header, ...rows] = run.stdout.trim().split("\n");
    expect(header).toBe(
      "assumption,down_value,down_budget_change,down_budget_change_percent,down_inquiries_change,down_inquiries_change_percent,up_value,up_budget_change,up_budget_change_percent,up_inquiries_change,up_inquiries_change_percent,impact",
    );
    // Cost per inquiry 10% down: $40.50 × 100 = $4,050, 450 less (-10%); no inquiry changes.
    expect(rows).toContain("cost_per_inquiry,-10%,-450,-10,0,0,+10%,450,10,0,0,450");
  });

  it("writes the source mix, its total and the plan at its own cost per inquiry, each line named in the line column", async () => {
    const run = await scenarios(["--format", "csv", "--section", "sources", "--sources", "sources.csv"]);
    expect(run.stdout).toBe(
      "line,source,share,inquiries,won_deals,budget,cost_per_won_deal,monthly_cap\nsource,Web,1,100,2,4500,2250,\ntotal,Total,1,100,2,4500,2250,\nplan,Plan at its cost per inquiry,,100,2,4500,2250,\n",
    );
  });

  it("refuses a section the run does not make, before any file is read", async () => {
    const run = await runIn(folderWith({}), ["scenarios", "missing.csv", ...ASSUME, "--format", "csv", "--section", "sensitivity"]);
    expect([run.code, run.stderr]).toEqual([2, 'leadplan: --section: expected a table this run makes: sensitivity needs --sensitivity PCT, found "sensitivity"\n']);
  });

  it("refuses --section with a format that shows every section", async () => {
    const run = await scenarios(["--section", "quarters"]);
    expect([run.code, run.stderr]).toEqual([2, 'leadplan: --section: expected --format csv: the other formats show every section, found "quarters"\n']);
  });

  it("refuses a name that is no section", async () => {
    const run = await scenarios(["--format", "csv", "--section", "budget"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^leadplan: .*--section.*budget.*scenarios, quarters, sensitivity, sources/);
  });
});

describe("a scenario's fiscal quarters", () => {
  it("reads 0, not missing, in a quarter its own plan does not reach (a shorter cycle starts it later)", async () => {
    // $150,000 due in 2027-04; a 1-month cycle generates in March (Q1), no cycle in April (Q2).
    const run = await runIn(folderWith({ "quotas.csv": "month,quota\n2027-04,150000\n" }), [
      "scenarios", "quotas.csv", ...ASSUME, "--vary", "sales_cycle_months=0", "--format", "csv", "--section", "quarters",
    ]);
    expect(run.stdout).toBe("scenario,budget_2027-Q1,budget_2027-Q2\nbaseline,4500,0\nsales_cycle_months=0,0,4500\n");
  });
});

describe("every scenario's quarters add up to its budget", () => {
  it("keeps a quarter only a longer cycle reaches (it used to drop out of the comparison)", async () => {
    const run = await runIn(folderWith({ "quotas.csv": "month,quota\n2027-04,150000\n" }), [
      "scenarios", "quotas.csv", ...ASSUME, "--vary", "sales_cycle_months=1,4", "--format", "json",
    ]);
    const rows = (JSON.parse(run.stdout) as { scenarios: { scenario: string; budget: number; budget_by_quarter: { quarter: string; budget: number }[] }[] }).scenarios;
    // A 4-month cycle generates in 2026-12 (Q4 2026), before any quarter of the baseline's plan.
    expect(rows.map((row) => row.budget_by_quarter.map((entry) => entry.quarter))).toEqual(Array(2).fill(["2026-Q4", "2027-Q1", "2027-Q2"]));
    for (const row of rows) expect(row.budget_by_quarter.reduce((total, entry) => total + entry.budget, 0)).toBe(row.budget);
  });
});
