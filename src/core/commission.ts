import type { SegmentAssumptions } from "./funnel.js";
import type { Plan } from "./plan.js";
import { roundCents, wholeUp } from "./rounding.js";

/** What the plan's won deals pay in commission: in total and per closed deal (null: not known). */
export interface CommissionTotals {
  total: number | null;
  perDeal: number | null;
}

/** Commission on one won deal of a segment: the amount per deal, or the rate × the average deal; null when not known. */
export function commissionPerDealOf(assumptions: SegmentAssumptions): number | null {
  if (assumptions.commissionPerDeal !== undefined) return assumptions.commissionPerDeal;
  if (assumptions.commissionRate !== undefined && assumptions.avgDealSize !== null) return assumptions.commissionRate * assumptions.avgDealSize;
  return null;
}

/**
 * The commission the plan's deals cost: each segment's whole deals per month (rounded up per
 * cell, as the plan's Deals column counts them) × its commission per deal. Undefined when no
 * segment gives a commission (the report then says nothing of it). A segment without one, or
 * with a rate but units-only quotas (no deal value), leaves the total unknown, as a missing cost
 * leaves the budget: a total that silently left it out would look complete.
 *
 * Example: 14 deals of $75,000 at a 10% rate → 14 × 7,500 = 105,000, 7,500 per deal.
 */
export function commissionTotals(plan: Plan): CommissionTotals | undefined {
  if (!plan.segments.some((segment) => segment.assumptions.commissionRate !== undefined || segment.assumptions.commissionPerDeal !== undefined)) return undefined;
  let total: number | null = 0;
  let deals = 0;
  for (const segment of plan.segments) {
    const perDeal = commissionPerDealOf(segment.assumptions);
    let segmentDeals = 0;
    for (const exact of segment.deals) segmentDeals += wholeUp(exact);
    deals += segmentDeals;
    total = total === null || perDeal === null ? null : total + segmentDeals * perDeal;
  }
  if (total === null) return { total: null, perDeal: null };
  return { total: roundCents(total), perDeal: deals === 0 ? null : roundCents(total / deals) };
}

/**
 * Values that set one reading of the commission drop the other: a scenario's
 * `commission_per_deal` over a file's `commission_rate` replaces it, as any override does.
 */
export function withCommission(assumptions: SegmentAssumptions, values: Pick<SegmentAssumptions, "commissionRate" | "commissionPerDeal">): SegmentAssumptions {
  if (values.commissionRate !== undefined) {
    const { commissionPerDeal: _perDeal, ...rest } = assumptions;
    return { ...rest, commissionRate: values.commissionRate };
  }
  if (values.commissionPerDeal !== undefined) {
    const { commissionRate: _rate, ...rest } = assumptions;
    return { ...rest, commissionPerDeal: values.commissionPerDeal };
  }
  return assumptions;
}
