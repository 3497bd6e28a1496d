import { describe, expect, it } from "vitest";
import { betaBinomialAtLeast, smallestVolumeBetaBinomial } from "../../src/core/confidence-binomial.js";
import { type SegmentEvidence, planAtConfidence } from "../../src/core/confidence-plan.js";
import { groupPlan } from "../../src/core/group.js";
import { lagFromMonths } from "../../src/core/lag.js";
import { computePlan } from "../../src/core/plan.js";
import { NO_SURGE, assumptions, counts, quota, segment } from "./helpers.js";

// The worked example: $2,000,000 due 2027-03, $75,000 deals, 20% close over 2 months, 10% qualification.
const WORKED = assumptions({ avgDealSize: 75_000, closeRate: 0.2, qualifyRate: 0.1, salesCycle: lagFromMonths(2), costPerInquiry: 50 });
const plan = computePlan([segment("", "", WORKED, [quota("2027-03", 2_000_000)])], NO_SURGE);
const trials = 10_000;
const at90 = (evidence: SegmentEvidence) => planAtConfidence(plan, { level: 0.9, by: "quarter", trials, seed: 13, evidence: [evidence] });

/** Beta(s + 1, n − s + 1) for s of n: the posterior a history of those counts gives. */
const posterior = (successes: number, n: number) => ({ alpha: successes + 1, beta: n - successes + 1 });

describe("planAtConfidence with a history's evidence", () => {
  it("matches the closed-form Beta-binomial for one segment with a learned close rate (20 won of 100 qualified: Beta(21, 81))", () => {
    const result = at90({ rates: [posterior(20, 100), undefined] });
    const qualified = result.periods[0]?.stages[0];
    expect(result.method).toBe("simulation");
    const standardError = Math.sqrt((0.9 * 0.1) / trials);
    // 134 qualified leads (the average plan) make 27 deals with the Beta-binomial's chance.
    expect(Math.abs((qualified?.probabilityAtAverage ?? -1) - betaBinomialAtLeast(134, 21, 81, 27))).toBeLessThan(3 * Math.sqrt(0.25 / trials));
    // The volume found makes 27 deals with the level's chance, within the simulation's error, and lies a few leads from the closed form's.
    expect(Math.abs(betaBinomialAtLeast(qualified?.confidenceVolume ?? 0, 21, 81, 27) - 0.9)).toBeLessThan(3 * standardError);
    const exact = smallestVolumeBetaBinomial(21, 81, 27, 0.9) ?? 0;
    expect(exact).toBeGreaterThan(166);
    expect(Math.abs((qualified?.confidenceVolume ?? 0) - exact)).toBeLessThanOrEqual(6);
  });

  it("plans wider and dearer on a thin history than on a thick one with the same average rates", () => {
    // Posterior means 20% and 10% both ways: 19 won of 98 and 9 qualified of 98, against 1,999 of 9,998 and 999 of 9,998.
    const thin = at90({ rates: [posterior(19, 98), posterior(9, 98)] });
    const thick = at90({ rates: [posterior(1999, 9998), posterior(999, 9998)] });
    const january = (result: ReturnType<typeof at90>) => counts(groupPlan(result.plan, "month"))[0];
    const [, , thinQualified = 0, thinInquiries = 0] = january(thin) ?? [];
    const [, , thickQualified = 0, thickInquiries = 0] = january(thick) ?? [];
    // The thick history is nearly the known rates' 1,688 inquiries and 166 qualified leads.
    expect(Math.abs(thickInquiries - 1688)).toBeLessThan(60);
    expect(Math.abs(thickQualified - 166)).toBeLessThan(8);
    // The thin one asks for far more: its rates may well be lower than they looked.
    expect(thinInquiries).toBeGreaterThan(thickInquiries * 1.3);
    expect(thinQualified).toBeGreaterThan(thickQualified * 1.1);
    expect(thin.periods[0]?.extraBudget ?? 0).toBeGreaterThan(thick.periods[0]?.extraBudget ?? 0);
    // Its revenue at confidence spreads wider too.
    const spread = (result: ReturnType<typeof at90>) => (result.periods[0]?.revenueAtConfidence?.p90 ?? 0) - (result.periods[0]?.revenueAtConfidence?.p10 ?? 0);
    expect(spread(thin)).toBeGreaterThan(spread(thick));
  });

  it("resamples won amounts as the deal value: a spread of amounts asks for more than their average", () => {
    const fixed = counts(groupPlan(at90({ rates: [undefined, undefined], wonAmounts: [75_000] }).plan, "month"))[0]?.[3] ?? 0;
    const spread = counts(groupPlan(at90({ rates: [undefined, undefined], wonAmounts: [15_000, 135_000] }).plan, "month"))[0]?.[3] ?? 0;
    expect(Math.abs(fixed - 1688)).toBeLessThan(30);
    expect(spread).toBeGreaterThan(fixed * 1.05);
  });
});
