import { type GroupCounts, LAG_WIDTH, type StepCounts } from "./calibrate-accumulator.js";
import { type DayNumber, lastDayOfMonth } from "./calibrate-days.js";
import { distributionOf, foldTail, percentileDays, totalOf } from "./calibrate-lags.js";
import type { LagDistribution } from "./lag.js";
import type { MonthIndex } from "./month.js";

/** What one step of a configured funnel (`mql` → `sql`) does in a group of leads. Missing values are null. */
export interface StepCalibration {
  from: string;
  to: string;
  /** Leads that reached `from`, and `to`, in any cohort. */
  entered: number;
  reached: number;
  /** The rate's denominator: leads that reached `from` in the mature cohorts. */
  cohortEntered: number;
  rate: number | null;
  lag: LagDistribution | null;
  meanDays: number | null;
  medianDays: number | null;
  /** Days a cohort month must be past its end to count towards this step. */
  windowDays: number;
}

/** Lags past the one by which this share of the volume has arrived are folded into it. */
export const DISTRIBUTION_KEEP = 0.995;

/** Cohort slots `[0, end)` whose month ended at least `window` days before the as-of date. */
export function matureEnd(firstMonth: MonthIndex, months: number, asOf: DayNumber, window: number): number {
  let end = months;
  while (end > 0 && lastDayOfMonth(firstMonth + end - 1) + window > asOf) end--;
  return end;
}

/** The total of a cohort series' first `end` slots. */
export const sumTo = (series: Float64Array, end: number): number => {
  let total = 0;
  for (let at = 0; at < end; at++) total += series[at] ?? 0;
  return total;
};

/** The month-lag distribution of cohorts `[0, end)` of a histogram by cohort, its thin tail folded. */
export function cohortLags(histogram: Float64Array | null, end: number): LagDistribution | null {
  if (histogram === null) return null;
  const counts = new Float64Array(LAG_WIDTH);
  for (let cohort = 0; cohort < end; cohort++) {
    for (let lag = 0; lag < LAG_WIDTH; lag++) counts[lag]! += histogram[cohort * LAG_WIDTH + lag] ?? 0;
  }
  const lag = distributionOf(counts);
  return lag === null ? null : foldTail(lag, DISTRIBUTION_KEEP);
}

const ratio = (numerator: number, denominator: number): number | null => (denominator > 0 ? numerator / denominator : null);

/**
 * The maturity window of each step above the last, top first: the 95th percentile (`share`) of
 * the step's observed days, the group's own when it has at least `minSample` of them, else
 * `fallback`'s (the all-leads window).
 */
export function stepWindows(counts: GroupCounts, share: number, minSample: number, fallback: readonly number[] | null): number[] {
  return counts.steps.map((step, at) => {
    const own = step.dayCounts !== null && (fallback === null || totalOf(step.dayCounts) >= minSample) ? percentileDays(step.dayCounts, share) : null;
    return own ?? fallback?.[at] ?? 0;
  });
}

/**
 * A configured funnel's steps above the last, measured as the qualification rate is: each
 * step's rate counts only the leads that reached its `from` stage in months that ended at least
 * the step's window before the as-of date (or every cohort when none is that old, `immature`).
 *
 * Example: 1,000 inquiries in mature months, 300 of them MQLs: `inquiry_to_mql` 30%.
 */
export function stepCalibrations(
  counts: GroupCounts,
  stages: readonly string[],
  firstMonth: MonthIndex,
  asOf: DayNumber,
  windows: readonly number[],
): { steps: StepCalibration[]; immature: boolean } {
  let immature = false;
  const steps = counts.steps.map((step: StepCounts, at): StepCalibration => {
    const window = windows[at] ?? 0;
    const months = step.entered.length;
    let end = matureEnd(firstMonth, months, asOf, window);
    if (sumTo(step.entered, end) === 0) {
      if (totalOf(step.entered) > 0) immature = true;
      end = months;
    }
    const cohortEntered = sumTo(step.entered, end);
    const cohortAdvanced = sumTo(step.advanced, end);
    const lag = cohortLags(step.lags, end);
    return {
      from: stages[at] ?? "",
      to: stages[at + 1] ?? "",
      entered: totalOf(step.entered),
      reached: step.reached,
      cohortEntered,
      rate: ratio(cohortAdvanced, cohortEntered),
      lag,
      meanDays: lag === null ? null : ratio(sumTo(step.advanceDays, end), cohortAdvanced),
      medianDays: step.dayCounts === null ? null : percentileDays(step.dayCounts, 0.5),
      windowDays: window,
    };
  });
  return { steps, immature };
}
