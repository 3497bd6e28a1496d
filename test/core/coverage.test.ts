import { describe, expect, it } from "vitest";
import { checkCoverage } from "../../src/core/coverage.js";
import { halfIndex } from "../../src/core/half-month.js";
import { lagFromDays, lagFromMonths } from "../../src/core/lag.js";
import { computePlan } from "../../src/core/plan.js";
import type { ActualEntry } from "../../src/core/track.js";
import { NO_SURGE, assumptions, month, quota, segment } from "./helpers.js";

// Ana: 300,000 due in each month 2027-02 to 2027-05, a 2-month cycle. The plan runs from
// 2026-12 (two months before the first quota) to 2027-05.
const quotas = ["2027-02", "2027-03", "2027-04", "2027-05"].map((at) => quota(at, 300_000));
const plan = computePlan([segment("Ana", "X", assumptions({ salesCycle: lagFromMonths(2) }), quotas)], NO_SURGE);
const open = (at: string, value: number, extra: Partial<ActualEntry> = {}): ActualEntry => ({ month: month(at), rep: "Ana", product: "X", values: {}, openPipeline: value, ...extra });
const rows = (entries: ActualEntry[], every: "month" | "half-month" = "month", target = 3) =>
  checkCoverage(plan, entries, every, target)?.rows.map((row) => [row.period, row.openPipeline, row.quotaDue, row.coverage, row.below, row.pastPlan]);

describe("checkCoverage: open pipeline against the quota due in the next sales cycle", () => {
  it("divides the open pipeline by the quota of the next cycle's months", () => {
    // End of 2027-01: Feb + Mar = 600,000 due; 900,000 open is 1.5×, below 3×. End of 2027-02:
    // Mar + Apr = 600,000; 1,800,000 is 3×, met. End of 2027-04: only May is in the plan (past it).
    expect(rows([open("2027-01", 900_000), open("2027-02", 1_800_000), open("2027-04", 900_000)])).toEqual([
      ["2027-01", 900_000, 600_000, 1.5, true, false],
      ["2027-02", 1_800_000, 600_000, 3, false, false],
      ["2027-04", 900_000, 300_000, 3, false, true],
    ]);
  });

  it("sums the pipeline of each source: a source column splits a rep's level, it does not replace it", () => {
    // Ana's January by source: Web 500,000 and Events 400,000 are 900,000 open, not the last row's 400,000.
    const entries = [open("2027-01", 500_000, { source: "Web" }), open("2027-01", 400_000, { source: "Events" })];
    expect(rows(entries)).toEqual([["2027-01", 900_000, 600_000, 1.5, true, false]]);
  });

  it("takes each rep and product's last figure in a period (a level, not a flow), then sums them", () => {
    // Two halves of January: H2's 700,000 is the month's; Ben's 200,000 adds: 900,000.
    const entries = [
      open("2027-01", 500_000, { half: halfIndex(month("2027-01"), 1) }),
      open("2027-01", 700_000, { half: halfIndex(month("2027-01"), 2) }),
      open("2027-01", 200_000, { rep: "Ben" }),
    ];
    expect(rows(entries)).toEqual([["2027-01", 900_000, 600_000, 1.5, true, false]]);
    // By half-month each half stands alone, with its month's window.
    expect(rows(entries.slice(0, 2), "half-month", 1)).toEqual([
      ["2027-01-H1", 500_000, 600_000, 500_000 / 600_000, true, false],
      ["2027-01-H2", 700_000, 600_000, 700_000 / 600_000, false, false],
    ]);
  });

  it("rounds a cycle in days up to whole months: 90 days (2.96 months) looks 3 months ahead", () => {
    const days = computePlan([segment("Ana", "X", assumptions({ salesCycle: lagFromDays(90) }), quotas)], NO_SURGE);
    const check = checkCoverage(days, [open("2027-01", 900_000)], "month", 3);
    expect(check?.rows[0]?.quotaDue).toBe(900_000);
    expect(check?.cycleWithinPeriod).toBe(false);
  });

  it("says when the cycle is not longer than the period, and has no coverage of no quota", () => {
    const short = computePlan([segment("Ana", "X", assumptions(), quotas)], NO_SURGE);
    const check = checkCoverage(short, [open("2027-05", 100)], "month", 3);
    expect(check?.cycleWithinPeriod).toBe(true);
    expect(check?.rows[0]).toMatchObject({ quotaDue: 0, coverage: null, below: false });
  });

  it("is undefined without open pipeline figures", () => {
    expect(checkCoverage(plan, [{ month: month("2027-01"), rep: "Ana", product: "X", values: {} }], "month", 3)).toBeUndefined();
  });
});
