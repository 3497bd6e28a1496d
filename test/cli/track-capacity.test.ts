import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

// $10,000 deals, 50% close, 25% qualify, a 1-month cycle, no surge: $10,000 due in month M needs
// 2 qualified leads in M-1. Ana: $100,000 in January (20 leads in December), $200,000 in February
// (40 leads in January: over her 30, but January is past at as-of 2027-01), $260,000 in March
// (52 leads in February: over, and ahead).
const ASSUME = ["--deal-size", "10000", "--close-rate", "50%", "--qualify-rate", "25%", "--cycle-months", "1", "--surge", "0", "--cost-per-inquiry", "10"];
const FILES = {
  "quotas.csv": "month,rep,quota\n2027-01,Ana,100000\n2027-02,Ana,200000\n2027-03,Ana,260000\n",
  "actuals.csv": "month,rep,revenue\n2027-01,Ana,100000\n",
  "reps.csv": "rep,capacity,inquiry_capacity\nAna,30,1000\n",
};
const track = (args: readonly string[]) => runIn(folderWith(FILES), ["track", "quotas.csv", "actuals.csv", ...ASSUME, ...args]);

describe("track --reps", () => {
  it("checks the plan ahead of as-of and warns only of months still to come", async () => {
    const run = await track(["--reps", "reps.csv"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("warning: 2027-02: Ana must work 52 qualified leads, capacity 30 (173%)\n");
    expect(run.stdout).toContain("Capacity of the original plan (no catch-up raises it): warnings and --strict count the months from 2027-02 on.");
    expect(run.stdout).toContain("│ 2027-01 │ Ana │      100% │            40 ! │       30 │ 133% ! │");
  });

  it("exits 1 with --strict when the plan ahead is over capacity, even on track", async () => {
    const run = await track(["--reps", "reps.csv", "--strict"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("on track");
  });

  it("exits 0 with --strict when only past months were over capacity", async () => {
    // $300,000 in February: 60 leads in January, over 55 but past; February's 52 fit.
    const roomy = { ...FILES, "quotas.csv": "month,rep,quota\n2027-01,Ana,100000\n2027-02,Ana,300000\n2027-03,Ana,260000\n", "reps.csv": "rep,capacity\nAna,55\n" };
    const run = await runIn(folderWith(roomy), ["track", "quotas.csv", "actuals.csv", ...ASSUME, "--reps", "reps.csv", "--strict"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
  });

  it("carries the capacity check in JSON, naming the plan it checked and the first month counted", async () => {
    const run = await track(["--reps", "reps.csv", "--format", "json"]);
    const document = JSON.parse(run.stdout) as { capacity: { plan: string; from: string }; warnings: string[] };
    expect([document.capacity.plan, document.capacity.from]).toEqual(["original", "2027-02"]);
    expect(document.warnings).toEqual(["2027-02: Ana must work 52 qualified leads, capacity 30 (173%)"]);
  });

  it("refuses a capacity-only view, which track has no place for", async () => {
    const run = await track(["--reps", "reps.csv", "--view", "team"]);
    expect([run.code, run.stdout]).toEqual([2, ""]);
    expect(run.stderr).toBe('leadplan: --view: expected plan for track (its capacity tables print after the report), found "team"\n');
  });

  it("refuses --out over the reps file before reading anything", async () => {
    const run = await track(["--reps", "reps.csv", "--out", "reps.csv"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('leadplan: --out: expected an output file that is not one of the inputs, found "reps.csv"\n');
    expect(readFileSync(join(run.dir, "reps.csv"), "utf8")).toBe(FILES["reps.csv"]);
  });
});
