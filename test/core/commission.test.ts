import { describe, expect, it } from "vitest";
import { commissionTotals, withCommission } from "../../src/core/commission.js";
import { groupPlan } from "../../src/core/group.js";
import { computePlan } from "../../src/core/plan.js";
import { NO_SURGE, assumptions, quota, segment } from "./helpers.js";

// The helpers' $10,000 deals: Ana's $260,000 due in 2027-02 is 26 deals, Ben's $30,000 is 3.
const ana = (values = {}) => segment("Ana", "X", assumptions(values), [quota("2027-02", 260_000)]);
const ben = (values = {}) => segment("Ben", "X", assumptions(values), [quota("2027-02", 30_000)]);

describe("commissionTotals: what the deals pay in commission", () => {
  it("a rate is a share of each deal's value: 26 deals × 10% of 10,000 = 26,000, 1,000 a deal", () => {
    expect(commissionTotals(computePlan([ana({ commissionRate: 0.1 })], NO_SURGE))).toEqual({ total: 26_000, perDeal: 1_000 });
  });

  it("adds segments' rates and amounts: 26,000 + 3 × 500 = 27,500 over 29 deals, 948.28 a deal", () => {
    // 27,500 / 29 = 948.2758… → 948.28.
    expect(commissionTotals(computePlan([ana({ commissionRate: 0.1 }), ben({ commissionPerDeal: 500 })], NO_SURGE))).toEqual({ total: 27_500, perDeal: 948.28 });
  });

  it("is unknown when a segment gives none, or a rate without a deal value (units only)", () => {
    expect(commissionTotals(computePlan([ana({ commissionRate: 0.1 }), ben()], NO_SURGE))).toEqual({ total: null, perDeal: null });
    const units = segment("Ana", "X", assumptions({ avgDealSize: null, commissionRate: 0.1 }), [quota("2027-02", null, 5)]);
    expect(commissionTotals(computePlan([units], NO_SURGE))).toEqual({ total: null, perDeal: null });
  });

  it("is absent when no segment gives one, and so from the plan's totals", () => {
    const plan = computePlan([ana(), ben()], NO_SURGE);
    expect(commissionTotals(plan)).toBeUndefined();
    expect("commission" in groupPlan(plan, "month").totals).toBe(false);
    expect(groupPlan(computePlan([ana({ commissionPerDeal: 500 })], NO_SURGE), "quarter").totals.commission).toEqual({ total: 13_000, perDeal: 500 });
  });

  it("one reading replaces the other (a scenario's amount over a file's rate)", () => {
    expect(withCommission(assumptions({ commissionRate: 0.1 }), { commissionPerDeal: 500 })).toEqual(assumptions({ commissionPerDeal: 500 }));
    expect(withCommission(assumptions({ commissionPerDeal: 500 }), { commissionRate: 0.1 })).toEqual(assumptions({ commissionRate: 0.1 }));
  });
});
