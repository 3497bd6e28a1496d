import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type StepAssumption, funnelSteps, isDefaultFunnel, stepAssumptions } from "../../src/core/funnel.js";
import { groupPlan } from "../../src/core/group.js";
import { composeLags, lagFromMonths } from "../../src/core/lag.js";
import { computePlan } from "../../src/core/plan.js";
import { NO_SURGE, assumptions, nonZero, quota, segment, surge } from "./helpers.js";

const step = (from: string, rate: number, months: number): StepAssumption => ({ from, rate, lag: lagFromMonths(months) });

/** The worked example: inquiry → MQL → SQL → won, $10 an inquiry. */
const WORKED = stepAssumptions({ avgDealSize: 10_000, unitsPerDeal: 1, costPerInquiry: 10 }, [step("sql", 0.25, 2), step("mql", 0.5, 1), step("inquiry", 0.2, 0)]);

describe("a configured funnel", () => {
  it("works the issue's example backward: 100 deals in June, 400 SQLs in April, 800 MQLs and 4,000 inquiries in March", () => {
    const plan = computePlan([segment("", "", WORKED, [quota("2027-06", 1_000_000)])], NO_SURGE);
    const [only] = plan.segments;
    expect(only!.stages.map((stage) => stage.name)).toEqual(["sql", "mql", "inquiry"]);
    expect(nonZero(plan, only!.deals)).toEqual([["2027-06", 100]]);
    expect(nonZero(plan, only!.stages[0]!.beforeSurge)).toEqual([["2027-04", 400]]);
    expect(nonZero(plan, only!.stages[1]!.beforeSurge)).toEqual([["2027-03", 800]]);
    expect(nonZero(plan, only!.stages[2]!.beforeSurge)).toEqual([["2027-03", 4000]]);
    const view = groupPlan(plan, "month");
    expect(view.rows.map((row) => [row.key.month, row.deals, ...row.stages])).toEqual([
      ["2027-03", 0, 0, 800, 4000],
      ["2027-04", 0, 400, 0, 0],
      ["2027-05", 0, 0, 0, 0],
      ["2027-06", 100, 0, 0, 0],
    ]);
    // 4,000 inquiries × $10; per SQL 40,000 / 400, per MQL 40,000 / 800, per inquiry $10.
    expect(view.totals).toMatchObject({ deals: 100, qualifiedLeads: 400, inquiries: 4000, budget: 40_000, costPerStage: [100, 50, 10], costPerDeal: 400 });
  });

  it("raises every stage generated in a surge month", () => {
    const plan = computePlan([segment("", "", WORKED, [quota("2027-06", 1_000_000)])], surge(0.3, 2));
    // Fiscal years from February: March is in Q1 (a surge quarter), April too; June is Q2.
    const view = groupPlan(plan, "month");
    expect(view.rows.map((row) => [row.key.month, row.surge, ...row.stages, row.surgeInquiries])).toEqual([
      ["2027-03", true, 0, 1040, 5200, 1200],
      ["2027-04", true, 520, 0, 0, 0],
      ["2027-05", false, 0, 0, 0, 0],
      ["2027-06", false, 0, 0, 0, 0],
    ]);
  });

  it("collapses to the two-stage fields: the step into won, the others multiplied and composed", () => {
    expect(WORKED).toMatchObject({ closeRate: 0.25, qualifyRate: 0.1, salesCycle: lagFromMonths(2), qualification: lagFromMonths(1) });
    expect(funnelSteps(["inquiry", "mql", "sql", "won"])).toEqual([["sql", "won"], ["mql", "sql"], ["inquiry", "mql"]]);
    expect(isDefaultFunnel(["inquiry", "qualified", "won"])).toBe(true);
    expect(isDefaultFunnel(["inquiry", "mql", "won"])).toBe(false);
  });

  it("composes lags as a convolution", () => {
    expect(composeLags(lagFromMonths(1), lagFromMonths(1.5))).toEqual([
      { lagMonths: 2, share: 0.5 },
      { lagMonths: 3, share: 0.5 },
    ]);
  });

  // Property (issue 12): steps whose rates multiply to today's two and whose whole-month lags add
  // up to today's plan the same top of the funnel, before rounding.
  it("plans the same top-of-funnel counts as the two-stage plan when the steps multiply and add up to it", () => {
    const percent = fc.integer({ min: 5, max: 100 }).map((whole) => whole / 100);
    fc.assert(
      fc.property(
        percent,
        percent,
        fc.array(fc.tuple(percent, fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 4 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1_000, max: 900_000 })), { minLength: 1, maxLength: 4 }),
        (closeRate, lastQualifyShare, splits, salesMonths, dues) => {
          // The qualification step split into several: the first ones' rates and lags are drawn,
          // the last one's make the product and the sum come out at today's.
          const upperRate = splits.reduce((product, [rate]) => product * rate, 1);
          const qualifyRate = upperRate * lastQualifyShare;
          const qualifyMonths = splits.reduce((total, [, months]) => total + months, 0);
          const two = assumptions({ avgDealSize: 10_000, closeRate, qualifyRate, salesCycle: lagFromMonths(salesMonths), qualification: lagFromMonths(qualifyMonths) });
          const steps: StepAssumption[] = [step("s0", closeRate, salesMonths), step("s1", lastQualifyShare, 0), ...splits.map(([rate, months], index) => step(`s${index + 2}`, rate, months))];
          const many = stepAssumptions({ avgDealSize: 10_000, unitsPerDeal: 1, costPerInquiry: null }, steps as [StepAssumption, ...StepAssumption[]]);
          const quotas = dues.map(([offset, amount]) => ({ month: quota("2027-01", 0).month + offset, quota: amount, units: null }));
          const twoPlan = computePlan([segment("", "", two, quotas)], NO_SURGE);
          const manyPlan = computePlan([segment("", "", many, quotas)], NO_SURGE);
          expect(manyPlan.firstMonth).toBe(twoPlan.firstMonth);
          const twoTop = twoPlan.segments[0]!.stages.at(-1)!.beforeSurge;
          const manyTop = manyPlan.segments[0]!.stages.at(-1)!.beforeSurge;
          expect(manyTop.length).toBe(twoTop.length);
          twoTop.forEach((value, at) => expect(manyTop[at]).toBeCloseTo(value, 6));
        },
      ),
      { numRuns: 200, seed: 20_271_212 },
    );
  });
});
