/**
 * The plan at a confidence level: a computed {@link Plan} handed to {@link planConfidence} and
 * its stage volumes raised to what makes each period's quota with the chosen certainty.
 *
 * Why a wrapper. `planConfidence` works on abstract segments and periods; a planner works on the
 * plan `compute` prints. This file is the bridge both ways: plan → confidence segments (stages
 * nearest won first, volumes before surge, the quota in the plan's measure) and periods (fiscal
 * month, quarter or year of the close months), then confidence factors → a plan of the same shape
 * whose every view, writer and JSON key carries the confidence volumes. It stays pure so that
 * `scenarios` can vary the level by calling it again.
 *
 * Volumes at confidence. Each stage of each period has one common factor over every month and
 * segment feeding it; a month's volume becomes ⌈volume × factor⌉ whole leads, and a month feeding
 * two periods (a spread cycle) takes the larger factor, so both periods keep their certainty. The
 * surge then applies on top in surge months, as in the average plan; the budget is the plan's
 * own rule (top-stage entries × cost per entry) on those volumes.
 */
import { type ConfidencePeriod, type ConfidencePlan, type ConfidenceSegment, type DealValue, type RateUncertainty, type RevenuePercentiles, type StageConfidence, planConfidence } from "./confidence.js";
import type { ConfidenceGrain } from "./confidence-grain.js";
import { fiscalQuarterOf, formatFiscalQuarter } from "./fiscal.js";
import { funnelStages } from "./funnel.js";
import { formatMonth } from "./month.js";
import { type Plan, type SegmentPlan, surgedVolume } from "./plan.js";
import { roundCents, wholeUp } from "./rounding.js";

export { CONFIDENCE_GRAINS, type ConfidenceGrain } from "./confidence-grain.js";

/** What a history says about one segment: known when calibrate saw its scope's counts. */
export interface SegmentEvidence {
  /** Per stage, nearest won first (as the plan's stages): the rate's posterior; undefined keeps the rate known. */
  rates: readonly (RateUncertainty | undefined)[];
  /** Won amounts to resample as the deal value (money plans only); absent keeps the average. */
  wonAmounts?: readonly number[];
}

export interface ConfidencePlanOptions {
  /** 0 < level < 1. */
  level: number;
  by: ConfidenceGrain;
  trials: number;
  seed: number;
  /** One entry per plan segment, in order, or undefined where no history speaks for it. */
  evidence?: readonly (SegmentEvidence | undefined)[];
}

/** One report period of the confidence plan, for the top stage (what marketing must generate). */
export interface ConfidencePeriodResult {
  label: string;
  /** The period's quota in the plan's measure: money, or units for a units-only plan. */
  quota: number;
  /** Null when the period has no quota: nothing to make. */
  probabilityAtAverage: number | null;
  revenueAtAverage: RevenuePercentiles;
  /**
   * Revenue closing in the period when its feeding months are raised by its own factor (a month
   * feeding a later period too may be raised more: then more comes in). Null when no volume makes
   * the quota with the level's certainty, or when the period has no quota to make.
   */
  revenueAtConfidence: RevenuePercentiles | null;
  probabilityAtConfidence: number | null;
  /** What the confidence plan spends in the period's months; null when a cost is unknown. */
  budget: number | null;
  /** That budget minus the average plan's in the same months. */
  extraBudget: number | null;
  /** Every stage's answer, nearest won first (the last is the top stage the figures above give). */
  stages: StageConfidence[];
}

export interface PlanAtConfidence {
  level: number;
  by: ConfidenceGrain;
  method: "exact" | "simulation";
  trials: number;
  seed: number;
  /** "money" or "units": what revenue and quota are counted in. */
  measure: "money" | "units";
  periods: ConfidencePeriodResult[];
  /** The plan with every stage's volumes at confidence (whole leads, before surge). */
  plan: Plan;
  /** Periods where the quota is out of reach: their feeding months keep the average volumes. */
  outOfReach: string[];
}

/** A plan the confidence planner cannot read as one measure of revenue. */
export class MixedMeasureError extends Error {
  override name = "MixedMeasureError";
}

/**
 * The plan at a confidence level: for each period (fiscal month, quarter or year of the close
 * months) and stage, the smallest whole volume that makes the period's quota with probability ≥
 * `level` (see `confidence.ts`), and the plan's volumes raised to it.
 *
 * Example: the worked example ($2,000,000 due 2027-03, $75,000 deals, 20% close over 2 months,
 * 10% qualification) at level 0.9 plans 166 qualified leads and 1,688 inquiries in 2027-01, where
 * the average plan has 134 and 1,334; that plan makes quota with probability 0.502.
 */
export function planAtConfidence(plan: Plan, options: ConfidencePlanOptions): PlanAtConfidence {
  const measure = measureOf(plan);
  const segments = plan.segments.map((segment, index) => confidenceSegment(segment, measure, options.evidence?.[index]));
  const periods = periodsOf(plan, options.by);
  const result: ConfidencePlan = planConfidence(segments, periods, { level: options.level, trials: options.trials, seed: options.seed });
  const confident = raisedPlan(plan, segments, periods, result);
  const outOfReach: string[] = [];
  const results = result.periods.map((period, index): ConfidencePeriodResult => {
    const top = period.stages[period.stages.length - 1];
    const months = periods[index]?.months ?? [];
    const budget = budgetIn(confident, months);
    const average = budgetIn(plan, months);
    if (top !== undefined && top.confidenceVolume === null) outOfReach.push(period.label);
    const due = top !== undefined && top.quota > 0;
    return {
      label: period.label,
      quota: top?.quota ?? 0,
      probabilityAtAverage: due ? top.probabilityAtAverage : null,
      revenueAtAverage: top?.revenueAtAverage ?? { p10: 0, p50: 0, p90: 0 },
      revenueAtConfidence: due ? top.revenueAtConfidence : null,
      probabilityAtConfidence: due ? top.probabilityAtConfidence : null,
      budget,
      extraBudget: budget === null || average === null ? null : roundCents(budget - average),
      stages: period.stages,
    };
  });
  return { level: result.level, by: options.by, method: result.method, trials: result.trials, seed: result.seed, measure, periods: results, plan: confident, outOfReach };
}

/**
 * Money when any quota row gives money, units when none does. A money plan with a segment that
 * plans in units only (no deal size) has no one revenue to count: refused, not mixed.
 */
function measureOf(plan: Plan): "money" | "units" {
  if (!plan.hasAmounts) return "units";
  for (const segment of plan.segments) {
    if (segment.assumptions.avgDealSize !== null) continue;
    if (segment.deals.some((deals) => deals > 0)) {
      const name = [segment.rep, segment.product].filter((part) => part !== "").join(" × ") || "a segment";
      throw new MixedMeasureError(`${name} plans in units only while other quotas give money`);
    }
  }
  return "money";
}

/** One plan segment as the confidence planner reads it: stages nearest won first, quota in the plan's measure. */
function confidenceSegment(segment: SegmentPlan, measure: "money" | "units", evidence: SegmentEvidence | undefined): ConfidenceSegment {
  const funnel = funnelStages(segment.assumptions);
  const stages = funnel.map((stage, index) => {
    const uncertainty = evidence?.rates[index];
    const volumes = segment.stages[index]?.beforeSurge ?? [];
    return uncertainty === undefined ? { ...stage, volumes } : { ...stage, volumes, uncertainty };
  });
  const amounts = evidence?.wonAmounts;
  const fixed = measure === "money" ? (segment.assumptions.avgDealSize ?? 0) : segment.assumptions.unitsPerDeal;
  const dealValue: DealValue = measure === "money" && amounts !== undefined && amounts.length > 0 ? { kind: "resampled", amounts } : { kind: "fixed", value: fixed };
  // A segment with nothing due has no deal value to check (units-only rows of a units plan give a deal size of null).
  const value: DealValue = dealValue.kind === "fixed" && !(dealValue.value > 0) ? { kind: "fixed", value: 1 } : dealValue;
  return { stages, dealValue: value, quota: measure === "money" ? segment.quota : segment.units };
}

/** The periods over the plan's months, in order: each label with the months it holds. */
export function periodsOf(plan: Plan, by: ConfidenceGrain): ConfidencePeriod[] {
  const start = plan.surge.fiscalYearStart;
  const label = (at: number): string => {
    const month = plan.firstMonth + at;
    if (by === "month") return formatMonth(month);
    const quarter = fiscalQuarterOf(month, start);
    if (by === "quarter") return formatFiscalQuarter(quarter, start);
    return start === 1 ? String(quarter.fiscalYear) : `FY${quarter.fiscalYear}`;
  };
  const periods: { label: string; months: number[] }[] = [];
  for (let at = 0; at < plan.monthCount; at++) {
    const name = label(at);
    const last = periods[periods.length - 1];
    if (last?.label === name) last.months.push(at);
    else periods.push({ label: name, months: [at] });
  }
  return periods;
}

/**
 * The plan with each stage's volumes at confidence: every month feeding a period raised by that
 * period's factor for the stage (the larger where it feeds two), rounded up to whole leads. A
 * period out of reach raises nothing: its months keep the average plan, and the report says so.
 */
function raisedPlan(plan: Plan, segments: readonly ConfidenceSegment[], periods: readonly ConfidencePeriod[], result: ConfidencePlan): Plan {
  // factors[segment][stage][month]: the largest factor of any period the cell feeds.
  const factors = segments.map((segment) => segment.stages.map(() => new Float64Array(plan.monthCount).fill(Number.NaN)));
  periods.forEach((period, periodIndex) => {
    const closeMonths = new Set(period.months);
    for (const stage of result.periods[periodIndex]?.stages ?? []) {
      const factor = stage.factor;
      if (factor === null) continue;
      segments.forEach((segment, segmentIndex) => {
        const depth = segment.stages.findIndex((candidate) => candidate.name === stage.name);
        if (depth < 0) return;
        const lags = reachOf(segment, depth);
        const series = factors[segmentIndex]?.[depth];
        if (!series) return;
        for (let month = 0; month < plan.monthCount; month++) {
          if (!lags.some((lag) => closeMonths.has(month + lag))) continue;
          const previous = series[month] ?? Number.NaN;
          if (Number.isNaN(previous) || factor > previous) series[month] = factor;
        }
      });
    }
  });
  const raised = plan.segments.map((segment, segmentIndex): SegmentPlan => ({
    ...segment,
    stages: segment.stages.map((stage, depth) => ({
      name: stage.name,
      beforeSurge: stage.beforeSurge.map((volume, month) => {
        const factor = factors[segmentIndex]?.[depth]?.[month] ?? Number.NaN;
        return volume > 0 && !Number.isNaN(factor) ? wholeUp(volume * factor) : volume;
      }),
    })),
  }));
  return { ...plan, segments: raised };
}

/** The whole-month lags with a positive share from entering stage `depth` to the won deal. */
function reachOf(segment: ConfidenceSegment, depth: number): number[] {
  let reach = new Set<number>([0]);
  for (let index = 0; index <= depth; index++) {
    const next = new Set<number>();
    for (const months of reach) for (const step of segment.stages[index]?.lag ?? []) if (step.share > 0) next.add(months + step.lagMonths);
    reach = next;
  }
  return [...reach];
}

/**
 * What a plan spends in some of its months: the top stage's entries, surged and rounded up per
 * segment month, times the segment's cost per entry, summed (as `groupPlan` sums a row's budget)
 * and rounded to cents. Null when a segment has no cost.
 */
function budgetIn(plan: Plan, months: readonly number[]): number | null {
  let budget = 0;
  for (const segment of plan.segments) {
    const cost = segment.assumptions.costPerInquiry;
    if (cost === null) return null;
    const top = segment.stages[segment.stages.length - 1];
    if (!top) continue;
    for (const at of months) budget += wholeUp(surgedVolume(plan, top, at)) * cost;
  }
  return roundCents(budget);
}
