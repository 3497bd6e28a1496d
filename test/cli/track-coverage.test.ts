import { afterAll, describe, expect, it } from "vitest";
import { folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

// $10,000 deals, 50% close, 25% qualify, a 2-month cycle, no surge: 300,000 due in each month
// 2027-02 to 2027-05. Open pipeline at the end of January 900,000 against Feb + Mar's 600,000 is
// 1.5× (below 3×); at the end of February 1,800,000 against Mar + Apr's 600,000 is 3× (met).
const ASSUME = ["--deal-size", "10000", "--close-rate", "50%", "--qualify-rate", "25%", "--cycle-months", "2", "--surge", "0", "--cost-per-inquiry", "10"];
const FILES = {
  "quotas.csv": "month,quota\n2027-02,300000\n2027-03,300000\n2027-04,300000\n2027-05,300000\n",
  "actuals.csv": "month,inquiries,open_pipeline\n2027-01,240,900000\n2027-02,240,1800000\n",
  "plain.csv": "month,inquiries\n2027-01,240\n2027-02,240\n",
};
const run = (args: readonly string[]) => runIn(folderWith(FILES), ["track", "quotas.csv", ...args, ...ASSUME]);

describe("track: pipeline coverage from open_pipeline", () => {
  it("shows coverage per month and names the months below 3× in the headline", async () => {
    const result = await run(["actuals.csv"]);
    expect(result.stdout.split("\n")[0]).toMatch(/; pipeline coverage below 3×: 2027-01 \(1\.50×\)$/);
    expect(result.stdout).toContain("│ 2027-01 │       900,000 │              600,000 │    1.50× │ below target │");
    expect(result.stdout).toContain("│ 2027-02 │     1,800,000 │              600,000 │    3.00× │ met          │");
  });

  it("--coverage-target moves the bar: at 1.5x every month meets it", async () => {
    const result = await run(["actuals.csv", "--coverage-target", "1.5x"]);
    expect(result.stdout).not.toContain("below target");
    expect(result.stdout).toContain("Open pipeline covers at least 1.50× the quota due in every period.");
  });

  it("is additive in JSON and its own CSV section", async () => {
    const json = JSON.parse((await run(["actuals.csv", "--format", "json"])).stdout) as { schema: string; coverage: unknown };
    expect(json.schema).toBe("leadplan.track/1");
    expect(json.coverage).toEqual({
      target: 3,
      cycle_months: 2,
      cycle_within_period: false,
      rows: [
        { month: "2027-01", open_pipeline: 900_000, quota_due: 600_000, coverage: 1.5, status: "below_target", past_plan: false },
        { month: "2027-02", open_pipeline: 1_800_000, quota_due: 600_000, coverage: 3, status: "met", past_plan: false },
      ],
      below: ["2027-01 (1.50×)"],
    });
    const csv = await run(["actuals.csv", "--format", "csv", "--section", "coverage"]);
    expect(csv.stdout).toBe("month,open_pipeline,quota_due,coverage,status\n2027-01,900000,600000,1.5,below_target\n2027-02,1800000,600000,3,met\n");
    const checkpoints = await run(["actuals.csv", "--format", "csv"]);
    expect(checkpoints.stderr).toContain("note: the CSV holds the checkpoints; --section coverage writes the pipeline coverage\n");
    for (const format of ["markdown", "html"]) expect((await run(["actuals.csv", "--format", format])).stdout).toContain("Pipeline coverage against 3×");
  });

  it("says so when the sales cycle is not longer than the period", async () => {
    const result = await runIn(folderWith(FILES), ["track", "quotas.csv", "actuals.csv", ...ASSUME, "--cycle-months", "1"]);
    expect(result.stdout).toContain("The sales cycle is not longer than the period");
  });

  it("refuses a bad target before reading, and --section coverage without the column", async () => {
    expect(await run(["actuals.csv", "--coverage-target", "0"])).toMatchObject({ code: 2, stderr: 'leadplan: --coverage-target: expected a multiple of the quota due above 0, like 3 or 2.5x, found "0"\n' });
    const missing = await run(["plain.csv", "--format", "csv", "--section", "coverage"]);
    expect(missing).toMatchObject({ code: 2, stderr: "leadplan: plain.csv:1: open_pipeline: --section coverage: expected an open_pipeline column in the actuals (and quotas in money)\n" });
  });

  it("leaves a report without open_pipeline as it was", async () => {
    expect((await run(["plain.csv"])).stdout).not.toContain("coverage");
  });
});
