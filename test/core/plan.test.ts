import { describe, expect, it } from "vitest";
import { groupPlan } from "../../src/core/group.js";
import { DAYS_PER_MONTH, lagFromDays, lagFromMonths } from "../../src/core/lag.js";
import { computePlan, dealsForQuota, surgedVolume } from "../../src/core/plan.js";
import { NO_SURGE, assumptions, counts, expectSeries, month, nonZero, planMonths, quota, segment, surge } from "./helpers.js";

describe("computePlan worked examples", () => {
  it("works the domain example backward: $2,000,000 at $75,000, 20% close, 10% qualify, 2-month cycle", () => {
    const values = assumptions({ avgDealSize: 75_000, closeRate: 0.2, qualifyRate: 0.1, salesCycle: lagFromMonths(2), costPerInquiry: 50 });
    const plan = computePlan([segment("", "", values, [quota("2027-03", 2_000_000)])], NO_SURGE);
    const [only] = plan.segments;
    // 2,000,000 / 75,000 = 26.67 deals due in March; / 0.2 = 133.33 qualified two months earlier
    // (January); / 0.1 = 1,333.33 inquiries, also in January (no qualification time).
    expect(planMonths(plan)).toEqual(["2027-01", "2027-02", "2027-03"]);
    expectSeries(nonZero(plan, only!.deals), [["2027-03", 26.666666667]]);
    expectSeries(nonZero(plan, only!.stages[0]!.beforeSurge), [["2027-01", 133.333333333]]);
    expectSeries(nonZero(plan, only!.stages[1]!.beforeSurge), [["2027-01", 1333.333333333]]);

    const view = groupPlan(plan, "month");
    expect(counts(view)).toEqual([
      ["2027-01", 0, 134, 1334],
      ["2027-02", 0, 0, 0],
      ["2027-03", 27, 0, 0],
    ]);
    // Budget 1,334 × $50 = $66,700; per qualified lead 66,700 / 134 = 497.76; per deal 66,700 / 27 = 2,470.37.
    expect(view.totals).toMatchObject({
      quota: 2_000_000,
      deals: 27,
      qualifiedLeads: 134,
      inquiries: 1334,
      budget: 66_700,
      costPerInquiry: 50,
      costPerQualifiedLead: 497.76,
      costPerDeal: 2470.37,
    });
  });

  it("splits a 1.25-month cycle three quarters one month earlier and one quarter two months earlier", () => {
    const plan = computePlan([segment("", "", assumptions({ salesCycle: lagFromMonths(1.25) }), [quota("2027-06", 1_000_000)])], NO_SURGE);
    // 1,000,000 / 10,000 = 100 deals; / 0.5 = 200 qualified: 150 in May, 50 in April; / 0.25 = 600 and 200 inquiries.
    expectSeries(nonZero(plan, plan.segments[0]!.stages[0]!.beforeSurge), [["2027-04", 50], ["2027-05", 150]]);
    expect(counts(groupPlan(plan, "month"))).toEqual([
      ["2027-04", 0, 50, 200],
      ["2027-05", 0, 150, 600],
      ["2027-06", 100, 0, 0],
    ]);
  });

  it("turns a 45-day cycle into about half one month earlier and half two months earlier", () => {
    const plan = computePlan([segment("", "", assumptions({ salesCycle: lagFromDays(45) }), [quota("2027-06", 1_000_000)])], NO_SURGE);
    // 45 / 30.4375 = 1.4784 months: 52.156% one month earlier, 47.844% two months earlier.
    // 200 qualified × 0.52156 = 104.31 (105) in May, × 0.47844 = 95.69 (96) in April; inquiries × 4.
    expectSeries(nonZero(plan, plan.segments[0]!.stages[0]!.beforeSurge), [["2027-04", 95.687885010], ["2027-05", 104.312114990]]);
    const view = groupPlan(plan, "month");
    expect(counts(view)).toEqual([
      ["2027-04", 0, 96, 383],
      ["2027-05", 0, 105, 418],
      ["2027-06", 100, 0, 0],
    ]);
    // Each cell rounds up on its own, so the whole plan needs 201 qualified leads for an exact 200.
    expect(view.totals.qualifiedLeads).toBe(201);
    expect(view.totals.exact.qualifiedLeads).toBeCloseTo(200, 9);
  });

  it("composes the qualification time with the sales cycle, touching three months", () => {
    const values = assumptions({ qualifyRate: 0.2, salesCycle: lagFromMonths(1.5), qualification: lagFromDays(DAYS_PER_MONTH / 2) });
    const plan = computePlan([segment("", "", values, [quota("2027-06", 400_000)])], NO_SURGE);
    // 40 deals in June / 0.5 = 80 qualified: 40 in May, 40 in April (1.5 months split half and half).
    // May's 40 need 200 inquiries: 100 in May, 100 in April. April's 40 need 100 in April, 100 in March.
    expectSeries(nonZero(plan, plan.segments[0]!.stages[0]!.beforeSurge), [["2027-04", 40], ["2027-05", 40]]);
    expectSeries(nonZero(plan, plan.segments[0]!.stages[1]!.beforeSurge), [["2027-03", 100], ["2027-04", 200], ["2027-05", 100]]);
    expect(planMonths(plan)).toEqual(["2027-03", "2027-04", "2027-05", "2027-06"]);
  });
});

describe("deals from amount and units", () => {
  const values = assumptions({ avgDealSize: 50_000, unitsPerDeal: 10 });
  it.each([
    { case: "an amount only", amount: 500_000, units: null, deals: 10 }, // 500,000 / 50,000
    { case: "units only", amount: null, units: 150, deals: 15 }, // 150 / 10
    { case: "both, the units binding", amount: 500_000, units: 150, deals: 15 }, // max(10, 15)
    { case: "both, the amount binding", amount: 1_000_000, units: 50, deals: 20 }, // max(20, 5)
  ])("needs $deals deals for $case", ({ amount, units, deals }) => {
    expect(dealsForQuota(quota("2027-01", amount, units), values)).toBe(deals);
  });

  it("plans a units-only segment without a deal size and leaves the quota column without value", () => {
    const values = assumptions({ avgDealSize: null, unitsPerDeal: 4 });
    const plan = computePlan([segment("", "", values, [quota("2027-02", null, 30)])], NO_SURGE);
    // 30 units / 4 = 7.5 deals (8 shown); / 0.5 = 15 qualified; / 0.25 = 60 inquiries in January.
    const view = groupPlan(plan, "month");
    expect(plan.hasAmounts).toBe(false);
    expect(counts(view)).toEqual([
      ["2027-01", 0, 15, 60],
      ["2027-02", 8, 0, 0],
    ]);
    expect(view.rows.map((row) => [row.quota, row.units])).toEqual([[null, 0], [null, 30]]);
    expect(view.totals.quota).toBeNull();
  });
});

describe("the surge", () => {
  // 10 deals due every month from 2026-10 to 2027-07, 1-month cycle: 20 qualified and 40 inquiries
  // generated every month from 2026-09 to 2027-06; surge months generate 26 and 52 (+30%).
  const monthly = ["2026-10", "2026-11", "2026-12", "2027-01", "2027-02", "2027-03", "2027-04", "2027-05", "2027-06", "2027-07"];
  const segments = [segment("", "", assumptions({ closeRate: 0.5, qualifyRate: 0.5 }), monthly.map((at) => quota(at, 100_000)))];

  it.each([
    // January start: Q4 is Oct–Dec, Q1 is Jan–Mar.
    { start: 1, surged: ["2026-10", "2026-11", "2026-12", "2027-01", "2027-02", "2027-03"] },
    // April start: Q4 is Jan–Mar, Q1 is Apr–Jun; Oct–Dec is the third quarter.
    { start: 4, surged: ["2027-01", "2027-02", "2027-03", "2027-04", "2027-05", "2027-06"] },
  ])("raises leads by 30% in fiscal Q4 and Q1 with the fiscal year starting in month $start", ({ start, surged }) => {
    const plan = computePlan(segments, surge(0.3, start));
    const view = groupPlan(plan, "month");
    const expected = planMonths(plan).map((at) => {
      if (at === "2027-07") return [at, false, 0, 0, 0];
      return surged.includes(at) ? [at, true, 26, 52, 12] : [at, false, 20, 40, 0];
    });
    expect(view.rows.map((row) => [row.key.month, row.surge, row.qualifiedLeads, row.inquiries, row.surgeInquiries])).toEqual(expected);
    // 6 surge months × 26 + 4 plain months × 20 = 236 qualified; 6 × 52 + 4 × 40 = 472 inquiries, 72 of them surge.
    expect(view.totals).toMatchObject({ deals: 100, qualifiedLeads: 236, inquiries: 472, surgeInquiries: 72 });
  });

  it("marks no month when the surge rate is 0, even with every quarter listed", () => {
    const plan = computePlan(segments, { rate: 0, quarters: [1, 2, 3, 4], fiscalYearStart: 1 });
    expect(plan.surgeMonths).toEqual(Array.from({ length: 11 }, () => false));
    expect(plan.segments[0]!.stages.map((stage) => stage.beforeSurge.map((_, at) => surgedVolume(plan, stage, at)))).toEqual(plan.segments[0]!.stages.map((stage) => [...stage.beforeSurge]));
    const view = groupPlan(plan, "month");
    expect(view.rows.filter((row) => row.surge)).toEqual([]);
    expect(view.totals).toMatchObject({ qualifiedLeads: 200, inquiries: 400, surgeInquiries: 0 });
  });

  it("counts surge inquiries per cell as rounded with surge minus rounded without", () => {
    // 3 deals / 0.5 = 6 qualified / 0.25 = 24 inquiries in 2026-12; × 1.3 = 31.2 → 32, so 32 − 24 = 8 surge inquiries.
    const plan = computePlan([segment("", "", assumptions(), [quota("2027-01", 30_000)])], surge(0.3));
    const [december] = groupPlan(plan, "month").rows;
    expect(december).toMatchObject({ key: { month: "2026-12" }, qualifiedLeads: 8, inquiries: 32, surgeInquiries: 8 });
  });
});

describe("plan range", () => {
  it("starts a Q1 quota's plan in the previous year's Q4", () => {
    const plan = computePlan(
      [segment("", "", assumptions({ salesCycle: lagFromMonths(2) }), [quota("2027-01", 200_000), quota("2027-02", 200_000), quota("2027-03", 200_000)])],
      NO_SURGE,
    );
    // 20 deals a month / 0.5 = 40 qualified two months earlier: 2026-11, 2026-12, 2027-01; 160 inquiries each.
    expect(planMonths(plan)).toEqual(["2026-11", "2026-12", "2027-01", "2027-02", "2027-03"]);
    expect(counts(groupPlan(plan, "quarter"))).toEqual([
      ["2026-Q4", 0, 80, 320],
      ["2027-Q1", 60, 40, 160],
    ]);
  });

  it("runs from the first month with leads to the last quota month, keeping empty months between", () => {
    const plan = computePlan(
      [segment("", "", assumptions({ salesCycle: lagFromMonths(2) }), [quota("2027-09", 100_000), quota("2027-03", 100_000)])],
      NO_SURGE,
    );
    expect(counts(groupPlan(plan, "month"))).toEqual([
      ["2027-01", 0, 20, 80],
      ["2027-02", 0, 0, 0],
      ["2027-03", 10, 0, 0],
      ["2027-04", 0, 0, 0],
      ["2027-05", 0, 0, 0],
      ["2027-06", 0, 0, 0],
      ["2027-07", 0, 20, 80],
      ["2027-08", 0, 0, 0],
      ["2027-09", 10, 0, 0],
    ]);
  });

  it("starts at the longest reach over all segments", () => {
    const plan = computePlan(
      [
        segment("Ann", "", assumptions({ salesCycle: lagFromMonths(3) }), [quota("2027-06", 10_000)]),
        segment("Bob", "", assumptions({ salesCycle: lagFromMonths(0) }), [quota("2027-02", 10_000)]),
      ],
      NO_SURGE,
    );
    expect([plan.firstMonth, plan.monthCount]).toEqual([month("2027-02"), 5]);
  });

  it("does not reach back a sales cycle for a quota of zero", () => {
    const plan = computePlan([segment("", "", assumptions({ salesCycle: lagFromMonths(3) }), [quota("2027-06", 0)])], NO_SURGE);
    expect([plan.firstMonth, plan.monthCount]).toEqual([month("2027-06"), 1]);
  });

  it("has no months when there are no quotas", () => {
    const plan = computePlan([], NO_SURGE);
    expect([plan.monthCount, plan.segments.length, groupPlan(plan, "month").rows.length]).toEqual([0, 0, 0]);
  });
});

describe("rounding and summing", () => {
  it("needs exactly 30 qualified leads for 21 deals at a 70% close rate", () => {
    expect(21 / 0.7).not.toBe(30); // 30.000000000000004: the noise that must not add a lead
    const values = assumptions({ avgDealSize: 100_000, closeRate: 0.7, qualifyRate: 0.3 });
    const plan = computePlan([segment("", "", values, [quota("2027-04", 2_100_000)])], NO_SURGE);
    // 21 deals / 0.7 = 30 qualified / 0.3 = 100 inquiries, in March.
    expect(counts(groupPlan(plan, "month"))).toEqual([
      ["2027-03", 0, 30, 100],
      ["2027-04", 21, 0, 0],
    ]);
  });

  it("sums several segments in the month view and the totals", () => {
    const plan = computePlan(
      [
        segment("Ann", "X", assumptions(), [quota("2027-03", 100_000)]),
        segment("Bob", "Y", assumptions({ closeRate: 0.4 }), [quota("2027-03", 30_000)]),
      ],
      NO_SURGE,
    );
    // Ann: 10 deals / 0.5 = 20 qualified / 0.25 = 80 inquiries. Bob: 3 deals / 0.4 = 7.5 (8) / 0.25 = 30.
    const view = groupPlan(plan, "month");
    expect(counts(view)).toEqual([
      ["2027-02", 0, 28, 110],
      ["2027-03", 13, 0, 0],
    ]);
    expect(view.totals).toMatchObject({ quota: 130_000, deals: 13, qualifiedLeads: 28, inquiries: 110 });
    expect(view.totals.exact.qualifiedLeads).toBeCloseTo(27.5, 9);
  });

  it("gives no budget to any row or total that a segment without a cost is part of", () => {
    const plan = computePlan(
      [
        segment("Ann", "X", assumptions({ costPerInquiry: 2 }), [quota("2027-03", 100_000)]),
        segment("Bob", "Y", assumptions({ costPerInquiry: null }), [quota("2027-05", 100_000)]),
      ],
      NO_SURGE,
    );
    // Ann: 80 inquiries × $2 = $160 (February); Bob's 80 inquiries (April) have no price.
    expect(groupPlan(plan, "rep").rows.map((row) => [row.key.rep, row.inquiries, row.budget])).toEqual([
      ["Ann", 80, 160],
      ["Bob", 80, null],
    ]);
    // Bob is part of every month, so no month's budget is known, not even February's.
    const view = groupPlan(plan, "month");
    expect(view.rows.map((row) => [row.key.month, row.inquiries, row.budget])).toEqual([
      ["2027-02", 80, null],
      ["2027-03", 0, null],
      ["2027-04", 80, null],
      ["2027-05", 0, null],
    ]);
    expect(view.totals).toMatchObject({ budget: null, costPerInquiry: null, costPerQualifiedLead: null, costPerDeal: null });
    expect(view.totals.exact.budget).toBeNull();
  });
});
