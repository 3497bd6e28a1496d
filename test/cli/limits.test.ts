import { afterAll, describe, expect, it } from "vitest";
import { filesIn, folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

const ASSUME = ["--deal-size", "75000", "--close-rate", "20%", "--qualify-rate", "10%", "--cycle-months", "1", "--surge", "0", "--cost-per-inquiry", "45"];

// Counts that size the work are refused above their documented bound before any file is read:
// the quota file named here does not exist, so a count let through would end in a file error (or,
// before these bounds, in a run that grew to gigabytes and aborted).
describe("bounds on the counts a user gives", () => {
  it.each([
    [["compute", "missing.csv", "--reps-count", "10000000", "--rep-capacity", "30"], 'leadplan: --reps-count: expected a whole number from 1 to 100,000, found "10000000"'],
    [["compute", "missing.csv", "--reps-count", "100001", "--rep-capacity", "30"], 'leadplan: --reps-count: expected a whole number from 1 to 100,000, found "100001"'],
    [["compute", "missing.csv", "--reps-count", "3", "--rep-capacity", "1000001"], 'leadplan: --rep-capacity: expected a number of qualified leads above 0 and at most 1,000,000, like 30, found "1000001"'],
    [["scenarios", "missing.csv", "--reps-count", "1e9", "--rep-capacity", "30"], 'leadplan: --reps-count: expected a whole number from 1 to 100,000, found "1e9"'],
    [["track", "missing.csv", "actuals.csv", "--reps-count", "200000", "--rep-capacity", "30"], 'leadplan: --reps-count: expected a whole number from 1 to 100,000, found "200000"'],
    [["calibrate", "missing.csv", "--min-leads", "99999999999999999999"], 'leadplan: --min-leads: expected a whole number from 1 to 1,000,000, found "99999999999999999999"'],
  ])("refuses %j before reading any file", async (args, message) => {
    const dir = folderWith({});
    const run = await runIn(dir, [...args, ...(args[0] === "calibrate" ? [] : ASSUME)]);
    expect([run.code, run.stdout, run.stderr]).toEqual([2, "", `${message}\n`]);
    expect(filesIn(dir)).toEqual([]);
  });

  it("takes the largest count allowed, in seconds", async () => {
    const run = await runIn(folderWith({ "quotas.csv": "month,quota\n2027-03,150000\n" }), ["compute", "quotas.csv", ...ASSUME, "--reps-count", "100000", "--rep-capacity", "1000000", "--format", "json"]);
    expect(run.code).toBe(0);
    // A JSON capacity section of 100,000 reps: each rep's months found by a walk over all of them took minutes.
  }, 60_000);

  it("counts a scenarios file's rows and the --vary grid together against the 100,000 scenarios of one run", async () => {
    const costs = Array.from({ length: 1000 }, (_, at) => 20 + at).join(",");
    const rates = Array.from({ length: 100 }, (_, at) => `${at + 1}%`).join(",");
    const files = { "quotas.csv": "month,quota\n2027-03,150000\n", "s.csv": "scenario,cost_per_inquiry\ncheaper,30\ndearer,60\n" };
    const run = await runIn(folderWith(files), ["scenarios", "quotas.csv", ...ASSUME, "--scenarios", "s.csv", "--vary", `cost_per_inquiry=${costs}`, "--vary", `qualified_to_won=${rates}`]);
    expect([run.code, run.stdout, run.stderr]).toEqual([
      2,
      "",
      'scenarios: 100000 combinations\nleadplan: s.csv: expected at most 100,000 scenarios in one run, found "2 in the file and 100,000 in the --vary grid"\n',
    ]);
  });
});
