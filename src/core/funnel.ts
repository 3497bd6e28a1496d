import type { LagDistribution } from "./lag.js";

/**
 * One step of the demand waterfall, read backward from the won deal: the volume this stage
 * must produce is the next stage's volume divided by `conversionRate`, needed `lag` earlier.
 * Today's funnel is inquiry → qualified lead → won; a longer waterfall
 * (inquiry → MQL → SAL → SQL → won) is more stages in the same list.
 */
export interface FunnelStage {
  /** The series this stage produces, e.g. `qualifiedLeads`. */
  name: string;
  /** Share of this stage's volume that reaches the next stage (0 < rate ≤ 1). */
  conversionRate: number;
  /** Time from this stage to the next. */
  lag: LagDistribution;
}

/** What one quota segment (rep × product) converts and how long each step takes. */
export interface SegmentAssumptions {
  /** Average won deal in money; null when the segment plans in units only. */
  avgDealSize: number | null;
  unitsPerDeal: number;
  /** Qualified lead → won (the closing ratio). */
  closeRate: number;
  /** Inquiry → qualified lead. */
  qualifyRate: number;
  /** Null when no cost is known: the budget then has no value. */
  costPerInquiry: number | null;
  /** Qualified lead → close. */
  salesCycle: LagDistribution;
  /** Inquiry → qualified lead. */
  qualification: LagDistribution;
}

/** The stages of a segment, nearest the deal first: qualified leads, then inquiries. */
export function funnelStages(assumptions: SegmentAssumptions): FunnelStage[] {
  return [
    { name: "qualifiedLeads", conversionRate: assumptions.closeRate, lag: assumptions.salesCycle },
    { name: "inquiries", conversionRate: assumptions.qualifyRate, lag: assumptions.qualification },
  ];
}
