import { fiscalQuarterOf } from "./fiscal.js";
import { type FunnelStage, type SegmentAssumptions, funnelStages } from "./funnel.js";
import { maxLag } from "./lag.js";
import type { MonthIndex } from "./month.js";

/** Quota due in one close month of one segment. Either amount or units may be absent, not both. */
export interface MonthQuota {
  month: MonthIndex;
  /** Money due; null when this row plans in units only. */
  quota: number | null;
  units: number | null;
}

/** One rep × product with its assumptions and its quotas. Empty rep or product means unassigned. */
export interface SegmentInput {
  rep: string;
  product: string;
  assumptions: SegmentAssumptions;
  quotas: readonly MonthQuota[];
}

/** Extra lead generation in chosen fiscal quarters (the Q4/Q1 playbook). */
export interface SurgePolicy {
  /** 0.3 for 30% more; 0 turns the surge off. */
  rate: number;
  /** Fiscal quarters (1-4) that surge. */
  quarters: readonly number[];
  /** Month (1-12) the fiscal year starts in. */
  fiscalYearStart: number;
}

/** Exact (unrounded) volume of one funnel stage in each plan month. */
export interface StageSeries {
  name: string;
  /** What the quotas need, generated in each month, before the surge. */
  beforeSurge: Float64Array;
  /** The same with the surge months raised. */
  withSurge: Float64Array;
}

/** The exact plan of one segment; every series is indexed by `month - plan.firstMonth`. */
export interface SegmentPlan {
  rep: string;
  product: string;
  assumptions: SegmentAssumptions;
  /** Quota money due in each close month (0 where none is due or the row gave units only). */
  quota: Float64Array;
  units: Float64Array;
  /** Deals due in each close month. */
  deals: Float64Array;
  /** Nearest the deal first: qualified leads, then inquiries (the stage marketing buys). */
  stages: StageSeries[];
}

export interface Plan {
  firstMonth: MonthIndex;
  monthCount: number;
  surge: SurgePolicy;
  /** Whether each plan month is in a surge quarter. */
  surgeMonths: boolean[];
  /** False when every quota row planned in units only: the quota column then has no value. */
  hasAmounts: boolean;
  segments: SegmentPlan[];
}

/**
 * Deals a month's quota needs: quota / average deal size, or units / units per deal, and when a
 * row gives both, the larger binds (a planner who must sell both the money and the units).
 */
export function dealsForQuota(entry: MonthQuota, assumptions: SegmentAssumptions): number {
  let deals = 0;
  if (entry.quota !== null && assumptions.avgDealSize !== null) deals = entry.quota / assumptions.avgDealSize;
  if (entry.units !== null) deals = Math.max(deals, entry.units / assumptions.unitsPerDeal);
  return deals;
}

function totalMaxLag(stages: readonly FunnelStage[]): number {
  let total = 0;
  for (const stage of stages) total += maxLag(stage.lag);
  return total;
}

/**
 * Works the funnel backward and back in time. For each segment, deals due in close month M need
 * deals / closeRate qualified leads, spread over the months the sales cycle reaches back to; those
 * need qualified / qualifyRate inquiries a qualification time before each of them (the lags
 * compose, so a spread cycle spreads the inquiries too). Months in surge quarters then generate
 * `surge.rate` more of every stage.
 *
 * Example: $2,000,000 due in 2027-03 at $75,000 a deal, 20% close, 10% qualification and a
 * 2-month cycle needs 26.67 deals, 133.3 qualified leads in 2027-01, 1,333.3 inquiries in 2027-01
 * (before any surge).
 *
 * The plan runs from the first month with anything to generate to the last quota month. Values
 * are exact; rounding happens only when a view is built ({@link groupPlan}).
 */
export function computePlan(segments: readonly SegmentInput[], surge: SurgePolicy): Plan {
  const funnels = segments.map((segment) => funnelStages(segment.assumptions));
  let rangeStart = Number.POSITIVE_INFINITY;
  let rangeEnd = Number.NEGATIVE_INFINITY;
  let firstQuotaMonth = Number.POSITIVE_INFINITY;
  let hasAmounts = false;
  segments.forEach((segment, index) => {
    const reach = totalMaxLag(funnels[index] ?? []);
    for (const entry of segment.quotas) {
      if (entry.month - reach < rangeStart) rangeStart = entry.month - reach;
      if (entry.month > rangeEnd) rangeEnd = entry.month;
      if (entry.month < firstQuotaMonth) firstQuotaMonth = entry.month;
      if (entry.quota !== null) hasAmounts = true;
    }
  });
  if (!Number.isFinite(rangeStart)) {
    return { firstMonth: 0, monthCount: 0, surge, surgeMonths: [], hasAmounts: false, segments: [] };
  }
  const rangeLength = rangeEnd - rangeStart + 1;
  const surgeMonths = Array.from({ length: rangeLength }, (_, at) => isSurgeMonth(rangeStart + at, surge));

  let firstActive = firstQuotaMonth - rangeStart;
  const planned = segments.map((segment, index): SegmentPlan => {
    const quota = new Float64Array(rangeLength);
    const units = new Float64Array(rangeLength);
    const deals = new Float64Array(rangeLength);
    for (const entry of segment.quotas) {
      const at = entry.month - rangeStart;
      quota[at] = (quota[at] ?? 0) + (entry.quota ?? 0);
      units[at] = (units[at] ?? 0) + (entry.units ?? 0);
      deals[at] = (deals[at] ?? 0) + dealsForQuota(entry, segment.assumptions);
    }
    const stages: StageSeries[] = [];
    let downstream = deals;
    for (const stage of funnels[index] ?? []) {
      const beforeSurge = new Float64Array(rangeLength);
      for (let at = 0; at < rangeLength; at++) {
        const needed = (downstream[at] ?? 0) / stage.conversionRate;
        if (needed === 0) continue;
        for (const { lagMonths, share } of stage.lag) {
          const generatedAt = at - lagMonths;
          beforeSurge[generatedAt] = (beforeSurge[generatedAt] ?? 0) + needed * share;
        }
      }
      const withSurge = beforeSurge.map((volume, at) => (surgeMonths[at] ? volume * (1 + surge.rate) : volume));
      for (let at = 0; at < firstActive; at++) {
        if (beforeSurge[at] !== 0) {
          firstActive = at;
          break;
        }
      }
      stages.push({ name: stage.name, beforeSurge, withSurge });
      downstream = beforeSurge;
    }
    return { rep: segment.rep, product: segment.product, assumptions: segment.assumptions, quota, units, deals, stages };
  });

  const trim = (series: Float64Array) => series.subarray(firstActive);
  return {
    firstMonth: rangeStart + firstActive,
    monthCount: rangeLength - firstActive,
    surge,
    surgeMonths: surgeMonths.slice(firstActive),
    hasAmounts,
    segments: planned.map((segment) => ({
      ...segment,
      quota: trim(segment.quota),
      units: trim(segment.units),
      deals: trim(segment.deals),
      stages: segment.stages.map((stage) => ({ ...stage, beforeSurge: trim(stage.beforeSurge), withSurge: trim(stage.withSurge) })),
    })),
  };
}

/** Whether a month generates extra leads: a surge rate above 0 and a month in a surge quarter. */
export function isSurgeMonth(month: MonthIndex, surge: SurgePolicy): boolean {
  return surge.rate > 0 && surge.quarters.includes(fiscalQuarterOf(month, surge.fiscalYearStart).quarter);
}
