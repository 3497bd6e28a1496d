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

/**
 * Exact (unrounded) volume of one funnel stage in each plan month, before the surge; the surged
 * volume is {@link surgedVolume} of it (not stored: on large plans every series costs memory).
 */
export interface StageSeries {
  name: string;
  /** What the quotas need, generated in each month, before the surge. */
  beforeSurge: readonly number[];
}

/** The exact plan of one segment; every series is indexed by `month - plan.firstMonth`. */
export interface SegmentPlan {
  rep: string;
  product: string;
  assumptions: SegmentAssumptions;
  /** Quota money due in each close month (0 where none is due or the row gave units only). */
  quota: readonly number[];
  units: readonly number[];
  /** Deals due in each close month. */
  deals: readonly number[];
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
  /** True when some quota row gives units. */
  hasUnits: boolean;
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
  // Segments that share their assumptions (the resolver gives one object to all that resolve
  // alike) share their stages too.
  const stagesOf = new Map<SegmentAssumptions, FunnelStage[]>();
  const funnels = segments.map((segment) => {
    let stages = stagesOf.get(segment.assumptions);
    if (stages === undefined) {
      stages = funnelStages(segment.assumptions);
      stagesOf.set(segment.assumptions, stages);
    }
    return stages;
  });
  // The plan's first month is where the longest lags of the earliest deals reach back to: the
  // composed lag distribution always gives that month a positive share.
  let firstMonth = Number.POSITIVE_INFINITY;
  let lastMonth = Number.NEGATIVE_INFINITY;
  let hasAmounts = false;
  let hasUnits = false;
  segments.forEach((segment, index) => {
    const reach = totalMaxLag(funnels[index] ?? []);
    for (const entry of segment.quotas) {
      const generatedFrom = dealsForQuota(entry, segment.assumptions) > 0 ? entry.month - reach : entry.month;
      if (generatedFrom < firstMonth) firstMonth = generatedFrom;
      if (entry.month > lastMonth) lastMonth = entry.month;
      if (entry.quota !== null) hasAmounts = true;
      if (entry.units !== null) hasUnits = true;
    }
  });
  if (!Number.isFinite(firstMonth)) {
    return { firstMonth: 0, monthCount: 0, surge, surgeMonths: [], hasAmounts: false, hasUnits: false, segments: [] };
  }
  const monthCount = lastMonth - firstMonth + 1;
  const surgeMonths = Array.from({ length: monthCount }, (_, at) => isSurgeMonth(firstMonth + at, surge));
  // A template of zeros held as doubles (filled with 0.5 first, so V8 stores it as an array of
  // doubles): copies of it take fractional leads without changing representation, which on
  // plans of tens of thousands of segments saves a reallocation of every series.
  const zeros: number[] = new Array<number>(monthCount).fill(0.5).fill(0);
  // Most plans give no units: their segments share one series of zeros.
  const noUnits: readonly number[] = zeros.slice();

  const planned = segments.map((segment, index): SegmentPlan => {
    const stages = funnels[index] ?? [];
    const series = (): number[] => zeros.slice();
    const quota = series();
    const units = segment.quotas.some((entry) => entry.units !== null) ? series() : null;
    const deals = series();
    for (const entry of segment.quotas) {
      const at = entry.month - firstMonth;
      quota[at] = (quota[at] ?? 0) + (entry.quota ?? 0);
      if (units) units[at] = (units[at] ?? 0) + (entry.units ?? 0);
      deals[at] = (deals[at] ?? 0) + dealsForQuota(entry, segment.assumptions);
    }
    const stageSeries: StageSeries[] = [];
    let downstream: readonly number[] = deals;
    for (const stage of stages) {
      const beforeSurge = series();
      for (let at = 0; at < monthCount; at++) {
        const needed = (downstream[at] ?? 0) / stage.conversionRate;
        if (needed === 0) continue;
        for (const { lagMonths, share } of stage.lag) {
          const generatedAt = at - lagMonths;
          beforeSurge[generatedAt] = (beforeSurge[generatedAt] ?? 0) + needed * share;
        }
      }
      stageSeries.push({ name: stage.name, beforeSurge });
      downstream = beforeSurge;
    }
    return { rep: segment.rep, product: segment.product, assumptions: segment.assumptions, quota, units: units ?? noUnits, deals, stages: stageSeries };
  });
  return { firstMonth, monthCount, surge, surgeMonths, hasAmounts, hasUnits, segments: planned };
}

/** A stage's volume generated in plan month `at`, raised by the surge in surge months. */
export function surgedVolume(plan: Plan, stage: StageSeries, at: number): number {
  const volume = stage.beforeSurge[at] ?? 0;
  return plan.surgeMonths[at] ? volume * (1 + plan.surge.rate) : volume;
}

/** Whether a month generates extra leads: a surge rate above 0 and a month in a surge quarter. */
export function isSurgeMonth(month: MonthIndex, surge: SurgePolicy): boolean {
  return surge.rate > 0 && surge.quarters.includes(fiscalQuarterOf(month, surge.fiscalYearStart).quarter);
}
