import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { filesIn, folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

// $10,000 deals, 50% close, 25% qualification, a 1-month cycle, $50 an inquiry, no surge:
// $100,000 due in February, March and April is 10 deals a month, 20 qualified leads and 80
// inquiries generated a month before.
const ASSUME = ["--deal-size", "10000", "--close-rate", "50%", "--qualify-rate", "25%", "--cycle-months", "1", "--cost-per-inquiry", "50", "--surge", "0"];
const QUOTAS = "month,quota\n2027-02,100000\n2027-03,100000\n2027-04,100000\n";
const ON_PLAN = "month,inquiries,qualified,won,revenue\n2027-01,80,20,0,0\n2027-02,80,20,10,100000\n";
// February: 7 deals, $70,000: 70% of plan, far behind.
const BEHIND = "month,won,revenue\n2027-02,7,70000\n";

async function track(files: Record<string, string>, args: string[], stdin?: () => string) {
  return runIn(folderWith(files), ["track", ...args], stdin);
}

describe("track exit codes", () => {
  it("exits 0 on track, with the checkpoints as CSV", async () => {
    const run = await track({ "quotas.csv": QUOTAS, "actuals.csv": ON_PLAN }, ["quotas.csv", "actuals.csv", ...ASSUME, "--format", "csv"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toBe(
      [
        "month,measure,plan,actual,variance,percent_of_plan,status",
        "2027-01,inquiries,80,80,0,100,on_track",
        "2027-01,qualified,20,20,0,100,on_track",
        "2027-01,won,0,0,0,,on_track",
        "2027-01,revenue,0,0,0,,on_track",
        "2027-02,inquiries,80,80,0,100,on_track",
        "2027-02,qualified,20,20,0,100,on_track",
        "2027-02,won,10,10,0,100,on_track",
        "2027-02,revenue,100000,100000,0,100,on_track",
        "total,inquiries,160,160,0,100,on_track",
        "total,qualified,40,40,0,100,on_track",
        "total,won,10,10,0,100,on_track",
        "total,revenue,100000,100000,0,100,on_track",
        "",
      ].join("\n"),
    );
  });

  it("exits 1 when behind beyond the tolerance, and still prints the report", async () => {
    const run = await track({ "quotas.csv": QUOTAS, "actuals.csv": BEHIND }, ["quotas.csv", "actuals.csv", ...ASSUME, "--format", "json"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("leadplan: revenue far behind plan; exit 1 (--fail-on behind, the default)\n");
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({ schema: "leadplan.track/1", as_of: "2027-02", status: "far_behind", deciding_measure: "revenue", measures: ["won", "revenue"] });
    expect(report.cumulative).toStrictEqual({
      status: "far_behind",
      checks: {
        won: { plan: 10, actual: 7, variance: -3, percent_of_plan: 70, status: "far_behind" },
        revenue: { plan: 100000, actual: 70000, variance: -30000, percent_of_plan: 70, status: "far_behind" },
      },
    });
  });

  it("exits 0 when a wider tolerance takes the shortfall in", async () => {
    // 70% of plan is on track at 30% tolerance (from 100,000 × 0.7 = 70,000).
    const run = await track({ "quotas.csv": QUOTAS, "actuals.csv": BEHIND }, ["quotas.csv", "actuals.csv", ...ASSUME, "--tolerance", "30%", "--format", "csv"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("total,revenue,100000,70000,-30000,70,on_track\n");
  });

  it("writes the report to --out when behind, and exits 1", async () => {
    const run = await track({ "quotas.csv": QUOTAS, "actuals.csv": BEHIND }, ["quotas.csv", "actuals.csv", ...ASSUME, "--format", "csv", "--out", "track.csv"]);
    expect(run).toMatchObject({ code: 1, stdout: "", stderr: "leadplan: revenue far behind plan; exit 1 (--fail-on behind, the default)\n" });
    expect(readFileSync(join(run.dir, "track.csv"), "utf8")).toContain("total,revenue,100000,70000,-30000,70,far_behind\n");
  });

  it("reads the actuals from standard input", async () => {
    const run = await track({ "quotas.csv": QUOTAS }, ["quotas.csv", "-", ...ASSUME, "--format", "csv"], () => BEHIND);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("2027-02,won,10,7,-3,70,far_behind\n");
  });
});

describe("track report", () => {
  it("shows the catch-up: February's 30,000 goes on April, the one month a lead from March can still close in", async () => {
    // As of February, leads from March close in April (1-month cycle): April's quota rises from
    // 100,000 to 130,000, 13 deals, 26 qualified leads and 104 inquiries in March (+6 and +24,
    // 24 × $50 = $1,200 more budget).
    const run = await track({ "quotas.csv": QUOTAS, "actuals.csv": BEHIND }, ["quotas.csv", "actuals.csv", ...ASSUME, "--format", "json"]);
    const report = JSON.parse(run.stdout) as { catch_up: { scopes: unknown[]; totals: unknown } };
    expect(report.catch_up.scopes).toStrictEqual([
      { rep: null, product: null, quota_due: 100000, actual: 70000, shortfall: 30000, added: 30000, months: ["2027-04"], recoverable: true, earliest_reachable: "2027-04" },
    ]);
    expect(report.catch_up.totals).toStrictEqual({
      quota: 230000,
      extra_quota: 30000,
      qualified_leads: 26,
      extra_qualified_leads: 6,
      inquiries: 104,
      extra_inquiries: 24,
      budget: 5200,
      extra_budget: 1200,
    });
  });

  it("says so in the table when the shortfall cannot be recovered in the window", async () => {
    const run = await track({ "quotas.csv": QUOTAS, "actuals.csv": BEHIND }, ["quotas.csv", "actuals.csv", ...ASSUME, "--catch-up", "quarter"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "All quotas: quota 100,000, actual 70,000 to 2027-02: shortfall 30,000 cannot be recovered within the rest of fiscal 2027-Q1 (to 2027-03): " +
        "leads generated from 2027-03 close in 2027-04 at the earliest, after the window ends.\n",
    );
  });

  it("warns, one line each, about rows it leaves out and months without rows", async () => {
    const actuals = "month,rep,won\n2026-11,Ana,1\n2027-02,Ana,7\n2027-02,Cy,2\n2027-04,Ana,9\n";
    const quotas = "month,rep,quota\n2027-02,Ana,100000\n2027-03,Ana,100000\n2027-04,Ana,100000\n";
    const run = await track({ "quotas.csv": quotas, "actuals.csv": actuals }, ["quotas.csv", "actuals.csv", ...ASSUME, "--as-of", "2027-03", "--format", "csv"]);
    expect(run.stderr).toBe(
      [
        "warning: actuals.csv:5: month: 1 row after --as-of 2027-03 left out (2027-04)",
        "warning: actuals.csv:2: month: 1 row in months with no plan left out (2026-11; the plan runs 2027-01 to 2027-04)",
        'warning: actuals.csv:4: rep "Cy" is not in the quotas: 1 row left out',
        "warning: actuals.csv: no row for 2027-03: its actuals count as 0",
        "leadplan: won far behind plan; exit 1 (--fail-on behind, the default)",
        "",
      ].join("\n"),
    );
    expect(run.stdout).toContain("total,won,20,7,-13,35,far_behind\n");
  });

  it("warns that revenue is not compared when the quotas are in units", async () => {
    const run = await track(
      { "quotas.csv": "month,units\n2027-02,10\n", "actuals.csv": "month,won,revenue\n2027-02,10,50000\n" },
      ["quotas.csv", "actuals.csv", ...ASSUME, "--format", "csv"],
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("warning: actuals.csv:1: revenue: the quotas are in units only: revenue is not compared\n");
    expect(run.stdout).toBe("month,measure,plan,actual,variance,percent_of_plan,status\n2027-02,won,10,10,0,100,on_track\ntotal,won,10,10,0,100,on_track\n");
  });
});

/** Exit 2, one stderr line, nothing on stdout, and no file written or changed. */
async function expectRefused(files: Record<string, string>, args: string[], stderr: string, stdin?: () => string): Promise<void> {
  const run = await track(files, args, stdin);
  const contents = Object.fromEntries(filesIn(run.dir).map((name) => [name, readFileSync(join(run.dir, name), "utf8")]));
  expect({ code: run.code, stdout: run.stdout, stderr: run.stderr, contents }).toStrictEqual({ code: 2, stdout: "", stderr, contents: files });
}

describe("track refuses bad input", () => {
  const files = { "quotas.csv": QUOTAS, "actuals.csv": BEHIND };
  const base = ["quotas.csv", "actuals.csv", ...ASSUME, "--out", "track.txt"];

  it.each([
    ["a bad --as-of", ["--as-of", "March"], 'leadplan: --as-of: expected a month as YYYY-MM, found "March"\n'],
    ["a tolerance above 100%", ["--tolerance", "150"], 'leadplan: --tolerance: expected a percentage from 0 to 100, like 10 or 10%, found "150"\n'],
    ["an unknown catch-up window", ["--catch-up", "month"], "leadplan: option '--catch-up <WINDOW>' argument 'month' is invalid. Allowed choices are quarter, year, none. (see 'leadplan track --help')\n"],
    ["--by rep without a rep column", ["--by", "rep"], "leadplan: actuals.csv:1: rep: missing column: expected a rep column for --by rep\n"],
    ["--by segment without rep and product columns", ["--by", "segment"], "leadplan: actuals.csv:1: rep: missing column: expected a rep column for --by segment\n"],
    ["an --as-of before every actual", ["--as-of", "2027-01"], "leadplan: actuals.csv: no row to compare: expected rows for months of the plan (2027-01 to 2027-04) up to --as-of 2027-01, for reps and products in the quotas\n"],
    ["--out over the actuals", ["--out", "actuals.csv"], 'leadplan: --out: expected an output file that is not one of the inputs, found "actuals.csv"\n'],
  ])("%s", async (_name, args, stderr) => {
    await expectRefused(files, [...base, ...args], stderr);
  });

  it("reports an actuals file that does not exist", async () => {
    await expectRefused({ "quotas.csv": QUOTAS }, ["quotas.csv", "nope.csv", ...ASSUME], "leadplan: nope.csv: cannot read the file: no such file\n");
  });

  it("reports a bad value in the actuals with its line and column", async () => {
    await expectRefused({ "quotas.csv": QUOTAS, "actuals.csv": "month,won\n2027-02,seven\n" }, ["quotas.csv", "actuals.csv", ...ASSUME], 'leadplan: actuals.csv:2: won: expected a whole number of 0 or more, found "seven"\n');
  });

  it("refuses standard input for both files", async () => {
    await expectRefused({}, ["-", "-", ...ASSUME], 'leadplan: ACTUALS: expected a file: QUOTAS already reads standard input, found "-"\n', () => QUOTAS);
  });

  it("refuses actuals that give only revenue against quotas in units", async () => {
    await expectRefused(
      { "quotas.csv": "month,units\n2027-02,10\n", "actuals.csv": "month,revenue\n2027-02,50000\n" },
      ["quotas.csv", "actuals.csv", ...ASSUME],
      "leadplan: actuals.csv:1: revenue: the quotas are in units only: expected inquiries, qualified or won to compare\n",
    );
  });
});
