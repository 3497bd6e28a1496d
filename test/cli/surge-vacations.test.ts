import { afterAll, describe, expect, it } from "vitest";
import { folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

// $10,000 deals, 50% close, 25% qualify, a 1-month cycle, surge 30% in fiscal Q4 and Q1 (calendar
// years): Ana's January quota and Ben's March quota are planned in 2026-12 to 2027-02, all surge
// months. Ana is at half in December and in April (outside the plan), Ben at three quarters in
// January. Capacity 100 is never reached: the only warnings are the two vacations.
const ASSUME = ["--deal-size", "10000", "--close-rate", "50%", "--qualify-rate", "25%", "--cycle-months", "1", "--cost-per-inquiry", "10"];
const FILES = {
  "quotas.csv": "month,rep,quota\n2027-01,Ana,100000\n2027-03,Ben,100000\n",
  "reps.csv": "rep,capacity,2026-12,2027-01,2027-04\nAna,100,0.5,,0.5\nBen,100,,0.75,\n",
};
const run = (args: readonly string[]) => runIn(folderWith(FILES), ["compute", "quotas.csv", "--reps", "reps.csv", ...ASSUME, ...args]);
const WARNINGS = [
  "warning: 2026-12: Ana is available 50% in a surge month (fiscal Q4): time off there costs the pipeline the next quarter closes",
  "warning: 2027-01: Ben is available 75% in a surge month (fiscal Q1): time off there costs the pipeline the next quarter closes",
].join("\n");

describe("compute with a reps file: reps away in surge months", () => {
  it("warns once per rep and surge month below 1, as advice: exit 0, --strict too", async () => {
    for (const flags of [[], ["--strict"]]) {
      const result = await run(flags);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe(`${WARNINGS}\n`);
    }
  });

  it("--fail-on vacation counts them: exit 1 after the plan, one summary line", async () => {
    const result = await run(["--fail-on", "vacation"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("Total");
    expect(result.stderr).toBe(`${WARNINGS}\nleadplan: 2 vacation warnings; exit 1 (--fail-on vacation)\n`);
  });

  it("says nothing without a surge (--surge 0: no surge month), and passes --fail-on vacation", async () => {
    const result = await run(["--surge", "0", "--fail-on", "vacation"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
  });

  it("carries them in every format: JSON warnings, CSV on stderr", async () => {
    const json = await run(["--format", "json"]);
    expect((JSON.parse(json.stdout) as { warnings: string[] }).warnings).toEqual(WARNINGS.split("\n").map((line) => line.slice("warning: ".length)));
    for (const format of ["csv", "markdown", "html"]) {
      const result = await run(["--format", format, "--fail-on", "vacation"]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(WARNINGS);
    }
  });
});
