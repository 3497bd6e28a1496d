import { afterAll, describe, expect, it } from "vitest";
import { folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

// $10,000 deals, 50% close, 25% qualify, a 1-month cycle, no surge: Ana needs 20 qualified leads
// in December, 40 in January and 52 in February (80, 160 and 208 inquiries); she can work 30
// leads and follow up 100 inquiries a month: January and February are over both.
const ASSUME = ["--deal-size", "10000", "--close-rate", "50%", "--qualify-rate", "25%", "--cycle-months", "1", "--surge", "0", "--cost-per-inquiry", "10"];
const FILES = {
  "quotas.csv": "month,rep,quota\n2027-01,Ana,100000\n2027-02,Ana,200000\n2027-03,Ana,260000\n",
  "on-track.csv": "month,rep,revenue\n2027-01,Ana,100000\n",
  "behind.csv": "month,rep,revenue\n2027-01,Ana,50000\n",
  "reps.csv": "rep,capacity,inquiry_capacity\nAna,30,100\n",
  "roomy.csv": "rep,capacity,inquiry_capacity\nAna,100,1000\n",
  "leads-only.csv": "rep,capacity\nAna,30\n",
};
const run = (args: readonly string[]) => runIn(folderWith(FILES), [...args, ...ASSUME]);
/** The last line on stderr: the closing summary when a check failed. */
const lastLine = (stderr: string) => stderr.trimEnd().split("\n").at(-1);

describe("--fail-on on compute", () => {
  it.each([
    [["--fail-on", "capacity"], "leadplan: 2 capacity warnings; exit 1 (--fail-on capacity)"],
    [["--fail-on", "inquiry-capacity"], "leadplan: 2 inquiry-capacity warnings; exit 1 (--fail-on inquiry-capacity)"],
    [["--fail-on", "capacity,inquiry-capacity"], "leadplan: 2 capacity warnings, 2 inquiry-capacity warnings; exit 1 (--fail-on capacity,inquiry-capacity)"],
    [["--strict"], "leadplan: 2 capacity warnings, 2 inquiry-capacity warnings; exit 1 (--strict)"],
  ])("%j fails after the plan, with one summary line", async (flags, summary) => {
    const result = await run(["compute", "quotas.csv", "--reps", "reps.csv", ...flags]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("Total");
    expect(lastLine(result.stderr)).toBe(summary);
  });

  it("passes when the checks asked for pass, whatever the others find", async () => {
    const roomyInquiries = { ...FILES, "reps.csv": "rep,capacity,inquiry_capacity\nAna,30,1000\n" };
    const result = await runIn(folderWith(roomyInquiries), ["compute", "quotas.csv", "--reps", "reps.csv", "--fail-on", "inquiry-capacity", ...ASSUME]);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain("exit 1");
  });

  it("--fail-on none reports the overloads and exits 0", async () => {
    const result = await run(["compute", "quotas.csv", "--reps", "reps.csv", "--fail-on", "none"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("warning: 2027-01: Ana must work 40 qualified leads, capacity 30 (133%)");
  });

  it("counts leads at risk with --respect-capacity, for capacity and at-risk alike", async () => {
    for (const check of ["at-risk", "capacity"]) {
      const result = await run(["compute", "quotas.csv", "--reps", "leads-only.csv", "--respect-capacity", "--fail-on", check]);
      expect(result.code).toBe(1);
      expect(lastLine(result.stderr)).toMatch(new RegExp(`^leadplan: [0-9]+ at-risk warnings?; exit 1 \\(--fail-on ${check}\\)$`));
    }
  });
});

describe("--fail-on on track", () => {
  it("fails when behind by default, naming the default in the summary", async () => {
    const result = await run(["track", "quotas.csv", "behind.csv"]);
    expect(result.code).toBe(1);
    expect(lastLine(result.stderr)).toBe("leadplan: revenue far behind plan; exit 1 (--fail-on behind, the default)");
  });

  it("--fail-on none reports the shortfall and exits 0", async () => {
    const result = await run(["track", "quotas.csv", "behind.csv", "--fail-on", "none"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
  });

  it("--fail-on capacity alone does not fail on a shortfall", async () => {
    const result = await run(["track", "quotas.csv", "behind.csv", "--reps", "roomy.csv", "--fail-on", "capacity"]);
    expect(result.code).toBe(0);
  });

  it("--fail-on behind,capacity names every check that failed", async () => {
    const result = await run(["track", "quotas.csv", "behind.csv", "--reps", "reps.csv", "--fail-on", "behind,capacity", "--catch-up", "none"]);
    expect(result.code).toBe(1);
    expect(lastLine(result.stderr)).toBe("leadplan: revenue far behind plan, 1 capacity warning; exit 1 (--fail-on behind,capacity)");
  });

  it("--strict is the default checks and the capacity checks, as before", async () => {
    const result = await run(["track", "quotas.csv", "on-track.csv", "--reps", "reps.csv", "--strict"]);
    expect(result.code).toBe(1);
    expect(lastLine(result.stderr)).toBe("leadplan: 1 capacity warning, 1 inquiry-capacity warning; exit 1 (--strict)");
  });
});

describe("--fail-on on scenarios", () => {
  it("counts the scenarios each check fails in", async () => {
    const result = await run(["scenarios", "quotas.csv", "--vary", "qualified_to_won=50%,100%", "--reps", "reps.csv", "--fail-on", "capacity"]);
    expect(result.code).toBe(1);
    // The baseline and the 50% row are the same plan (over in two months); at 100% Ana needs 10, 20 and 26 leads.
    expect(lastLine(result.stderr)).toBe("leadplan: 2 scenarios with capacity warnings; exit 1 (--fail-on capacity)");
  });

  it("--strict exits 1 as its help says", async () => {
    const result = await run(["scenarios", "quotas.csv", "--reps", "reps.csv", "--strict"]);
    expect(result.code).toBe(1);
    expect(lastLine(result.stderr)).toBe("leadplan: 1 scenario with capacity warnings, 1 scenario with inquiry-capacity warnings; exit 1 (--strict)");
  });
});

describe("--fail-on refused before any file is read, in one line, exit 2", () => {
  it.each([
    [["compute", "quotas.csv", "--reps", "reps.csv", "--fail-on", "behind"], 'leadplan: --fail-on: expected a comma list of capacity, inquiry-capacity, at-risk, vacation, or none for compute, found "behind" (behind is a track check)'],
    [["track", "quotas.csv", "behind.csv", "--fail-on", "vacation"], 'leadplan: --fail-on: expected a comma list of behind, follow-up, source, capacity, inquiry-capacity, at-risk, forecast, or none for track, found "vacation" (vacation is a compute check)'],
    [["compute", "quotas.csv", "--reps-count", "2", "--rep-capacity", "30", "--fail-on", "vacation"], "leadplan: --fail-on: vacation: --reps-count reps are always available: expected --reps FILE with availability by month, or --fail-on capacity"],
    [["track", "quotas.csv", "behind.csv", "--fail-on", "capacty"], 'leadplan: --fail-on: expected a comma list of behind, follow-up, source, capacity, inquiry-capacity, at-risk, forecast, or none for track, found "capacty"'],
    [["track", "quotas.csv", "behind.csv", "--fail-on", "none,behind"], 'leadplan: --fail-on: expected a comma list of behind, follow-up, source, capacity, inquiry-capacity, at-risk, forecast, or none for track, found "none" (none stands alone)'],
    [["compute", "quotas.csv", "--fail-on", "capacity"], "leadplan: --fail-on: capacity: no reps to check against: expected --reps FILE, or --reps-count N with --rep-capacity N"],
    [["compute", "quotas.csv", "--reps", "reps.csv", "--fail-on", "at-risk"], "leadplan: --fail-on: at-risk: without --respect-capacity no lead is built earlier, so none is at risk: expected --respect-capacity, or --fail-on capacity"],
    [["compute", "quotas.csv", "--reps-count", "2", "--rep-capacity", "30", "--fail-on", "inquiry-capacity"], "leadplan: --fail-on: inquiry-capacity: --reps-count reps have no inquiry capacity: expected --reps FILE with an inquiry_capacity column, or --fail-on capacity"],
    [["compute", "quotas.csv", "--reps", "reps.csv", "--strict", "--fail-on", "capacity"], "leadplan: --strict: not with --fail-on: --strict is --fail-on capacity,inquiry-capacity,at-risk (give one of them)"],
  ])("%j", async (args, message) => {
    const result = await runIn(folderWith({ ...FILES, "quotas.csv": "not read" }), [...args, ...ASSUME]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`${message}\n`);
  });

  it("takes the whole list of a command, at-risk and inquiry-capacity included, when some check can fail", async () => {
    const result = await run(["compute", "quotas.csv", "--reps", "reps.csv", "--fail-on", "capacity,inquiry-capacity,at-risk"]);
    expect(result.code).toBe(1);
    expect(lastLine(result.stderr)).toBe("leadplan: 2 capacity warnings, 2 inquiry-capacity warnings; exit 1 (--fail-on capacity,inquiry-capacity,at-risk)");
  });
});
