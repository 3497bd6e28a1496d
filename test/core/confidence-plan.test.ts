import { describe, expect, it } from "vitest";
import { MixedMeasureError, periodsOf, planAtConfidence } from "../../src/core/confidence-plan.js";
import { groupPlan } from "../../src/core/group.js";
import { lagFromMonths } from "../../src/core/lag.js";
import { computePlan } from "../../src/core/plan.js";
import { stepAssumptions } from "../../src/core/funnel.js";
import { NO_SURGE, assumptions, counts, quota, segment, surge } from "./helpers.js";

const WORKED = assumptions({ avgDealSize: 75_000, closeRate: 0.2, qualifyRate: 0.1, salesCycle: lagFromMonths(2), costPerInquiry: 50 });
const workedPlan = (policy = NO_SURGE) => computePlan([segment("", "", WORKED, [quota("2027-03", 2_000_000)])], policy);
const OPTIONS = { by: "quarter" as const, trials: 10_000, seed: 13 };

describe("planAtConfidence on the worked example", () => {
  it.each([
    { level: 0.9, qualified: 166, inquiries: 1688 },
    { level: 0.75, qualified: 150, inquiries: 1513 },
  ])("at $level the plan's January holds $qualified qualified leads and $inquiries inquiries", ({ level, qualified, inquiries }) => {
    const result = planAtConfidence(workedPlan(), { ...OPTIONS, level });
    expect(result.method).toBe("exact");
    expect(counts(groupPlan(result.plan, "month"))).toEqual([
      ["2027-01", 0, qualified, inquiries],
      ["2027-02", 0, 0, 0],
      ["2027-03", 27, 0, 0],
    ]);
  });

  it("reports the quarter: quota, the average plan's coin flip, and what certainty costs", () => {
    const result = planAtConfidence(workedPlan(), { ...OPTIONS, level: 0.9 });
    expect(result.periods).toHaveLength(1);
    const [q1] = result.periods;
    expect(q1).toMatchObject({ label: "2027-Q1", quota: 2_000_000, budget: 1688 * 50, extraBudget: (1688 - 1334) * 50 });
    expect(q1?.probabilityAtAverage).toBeCloseTo(0.5015, 4);
    expect(q1?.revenueAtConfidence?.p10).toBeGreaterThanOrEqual(2_000_000);
    expect(q1?.revenueAtAverage.p50).toBe(27 * 75_000);
  });

  it("raises the surge on top of the confidence volumes", () => {
    const result = planAtConfidence(workedPlan(surge(0.3)), { ...OPTIONS, level: 0.9 });
    // 1,688 × 1.3 = 2,194.4, rounded up; 166 × 1.3 = 215.8.
    expect(counts(groupPlan(result.plan, "month"))[0]).toEqual(["2027-01", 0, 216, 2195]);
  });

  it("plans a units-only quota in units per deal", () => {
    const units = computePlan([segment("", "", { ...WORKED, avgDealSize: null, unitsPerDeal: 2 }, [quota("2027-03", null, 54)])], NO_SURGE);
    const result = planAtConfidence(units, { ...OPTIONS, level: 0.9 });
    expect(result.measure).toBe("units");
    // 54 units at 2 a deal: 27 deals, the same 1,688 inquiries.
    expect(counts(groupPlan(result.plan, "month"))[0]).toEqual(["2027-01", 0, 166, 1688]);
    expect(result.periods[0]?.quota).toBe(54);
  });

  it("refuses a money plan in which a segment plans in units only", () => {
    const mixed = computePlan(
      [segment("Ana", "", WORKED, [quota("2027-03", 2_000_000)]), segment("Ben", "", { ...WORKED, avgDealSize: null }, [quota("2027-03", null, 10)])],
      NO_SURGE,
    );
    expect(() => planAtConfidence(mixed, { ...OPTIONS, level: 0.9 })).toThrow(new MixedMeasureError("Ben plans in units only while other quotas give money"));
  });

  it("works on a configured funnel, every stage by its own name", () => {
    const lag = lagFromMonths(0);
    const values = stepAssumptions({ avgDealSize: 75_000, unitsPerDeal: 1, costPerInquiry: 10 }, [
      { from: "sql", rate: 0.2, lag: lagFromMonths(2) },
      { from: "mql", rate: 0.5, lag },
      { from: "inquiry", rate: 0.2, lag },
    ]);
    const plan = computePlan([segment("", "", values, [quota("2027-03", 2_000_000)])], NO_SURGE);
    const result = planAtConfidence(plan, { ...OPTIONS, level: 0.9 });
    expect(result.periods[0]?.stages.map((stage) => [stage.name, stage.confidenceVolume])).toEqual([
      ["sql", 166],
      ["mql", 335],
      ["inquiry", 1688],
    ]);
    expect(groupPlan(result.plan, "month").rows[0]?.stages).toEqual([166, 335, 1688]);
  });

  it("gives a month feeding two periods the larger factor", () => {
    // A 1.5-month cycle: January's qualified leads close half in February, half in March.
    const values = assumptions({ salesCycle: lagFromMonths(1.5) });
    const plan = computePlan([segment("", "", values, [quota("2027-02", 100_000), quota("2027-03", 500_000)])], NO_SURGE);
    const result = planAtConfidence(plan, { ...OPTIONS, by: "month", level: 0.9 });
    const factor = (label: string) => result.periods.find((period) => period.label === label)?.stages[0]?.factor ?? Number.NaN;
    // The plan starts in 2026-12; January (index 1) feeds February (1 month) and March (2 months).
    const january = plan.segments[0]?.stages[0]?.beforeSurge[1] ?? 0;
    expect(factor("2027-03")).not.toBe(factor("2027-02"));
    expect(result.plan.segments[0]?.stages[0]?.beforeSurge[1]).toBe(Math.ceil(january * Math.max(factor("2027-02"), factor("2027-03")) - 1e-9));
  });

  it("simulates several segments with different deal sizes, and says so", () => {
    const plan = computePlan(
      [segment("Ana", "", WORKED, [quota("2027-03", 2_000_000)]), segment("Ben", "", { ...WORKED, avgDealSize: 15_000 }, [quota("2027-03", 300_000)])],
      NO_SURGE,
    );
    const first = planAtConfidence(plan, { ...OPTIONS, trials: 2_000, level: 0.9 });
    expect(first.method).toBe("simulation");
    const [q1] = first.periods;
    expect(q1?.probabilityAtConfidence).toBeGreaterThanOrEqual(0.9);
    expect(q1?.extraBudget).toBeGreaterThan(0);
    // The same seed: the same numbers.
    expect(planAtConfidence(plan, { ...OPTIONS, trials: 2_000, level: 0.9 })).toEqual(first);
  });
});

describe("periodsOf", () => {
  it("groups close months by fiscal quarter and year, as the plan's fiscal year starts", () => {
    const plan = computePlan([segment("", "", WORKED, [quota("2027-03", 1), quota("2027-05", 1)])], { ...NO_SURGE, fiscalYearStart: 4 });
    expect(periodsOf(plan, "quarter").map((period) => period.label)).toEqual(["FY2027-Q4", "FY2028-Q1"]);
    expect(periodsOf(plan, "year")).toEqual([
      { label: "FY2027", months: [0, 1, 2] },
      { label: "FY2028", months: [3, 4] },
    ]);
    expect(periodsOf(workedPlan(), "year").map((period) => period.label)).toEqual(["2027"]);
  });
});
