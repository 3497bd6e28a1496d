import type { FunnelStage } from "./funnel.js";
import type { LagDistribution } from "./lag.js";

/** A rate known from a history of counts: its posterior Beta(successes + 1, failures + 1). */
export interface RateUncertainty {
  alpha: number;
  beta: number;
  /**
   * Rates with the same key are one unknown (one calibrated scope feeding several segments): a
   * trial draws it once for all of them. Without a key each stage of each segment draws its own.
   */
  key?: string;
}

/** One funnel stage of one segment with the average plan's volume entering it each month. */
export interface ConfidenceStage extends FunnelStage {
  /** Volume entering the stage in each plan month (index = month − plan's first month), before any surge. */
  volumes: readonly number[];
  /** Absent: the rate is `conversionRate`, known. */
  uncertainty?: RateUncertainty;
}

/** What one won deal brings, in the measure of the quota (money, or units for a units-only plan). */
export type DealValue = { kind: "fixed"; value: number } | { kind: "resampled"; amounts: readonly number[] };

/** One quota segment (rep × product) as the confidence planner sees it. */
export interface ConfidenceSegment {
  /** Nearest the deal first, as `funnelStages` lists them; any number of stages. */
  stages: readonly ConfidenceStage[];
  dealValue: DealValue;
  /** Quota due in each close month, on the same month axis as the volumes. */
  quota: readonly number[];
}

/** A report period: its close months on the plan's month axis. */
export interface ConfidencePeriod {
  label: string;
  months: readonly number[];
}

/** A month's volume of one segment at one stage that can land deals in the period. */
export interface FeedingCell {
  segment: number;
  month: number;
  /** The average plan's exact volume. */
  volume: number;
  /** P(a lead entering this month closes, if won, inside the period): the composed lag's share. */
  landing: number;
}

/** Everything the planners need for one stage in one period. */
export interface StageProblem {
  name: string;
  /** Quota of the period over the segments that have this stage. */
  quota: number;
  /** For each segment with the stage, its index in that segment's list (nearest won = 0); else -1. */
  depth: readonly number[];
  cells: readonly FeedingCell[];
}

/**
 * The lag from entering a stage to the won deal: the stage's own lag composed with every stage
 * nearer the deal (a convolution of the whole-month distributions).
 */
export function composedLag(stages: readonly FunnelStage[], depth: number): Map<number, number> {
  let composed = new Map<number, number>([[0, 1]]);
  for (let index = 0; index <= depth; index++) {
    const lag: LagDistribution = stages[index]?.lag ?? [];
    const next = new Map<number, number>();
    for (const [months, share] of composed) {
      for (const step of lag) {
        if (step.share <= 0) continue;
        const at = months + step.lagMonths;
        next.set(at, (next.get(at) ?? 0) + share * step.share);
      }
    }
    composed = next;
  }
  return composed;
}

/**
 * The stage names of all segments, nearest won first, in order of first appearance: a stage is
 * matched across segments by name, so a two-stage and a five-stage funnel share `inquiries`.
 */
export function stageNames(segments: readonly ConfidenceSegment[]): string[] {
  const names: string[] = [];
  for (const segment of segments) for (const stage of segment.stages) if (!names.includes(stage.name)) names.push(stage.name);
  return names;
}

/**
 * The cells feeding a period at a named stage: every month of every segment with that stage whose
 * volume is positive and whose composed lag can land a deal in one of the period's close months.
 * Their whole volume is raised together; the months count in full, also where some of their deals
 * close in a neighbouring period.
 */
export function stageProblem(segments: readonly ConfidenceSegment[], period: ConfidencePeriod, name: string): StageProblem {
  const closeMonths = new Set(period.months);
  const depth: number[] = [];
  const cells: FeedingCell[] = [];
  let quota = 0;
  segments.forEach((segment, index) => {
    const at = segment.stages.findIndex((stage) => stage.name === name);
    depth.push(at);
    if (at < 0) return;
    for (const month of closeMonths) quota += segment.quota[month] ?? 0;
    const lag = composedLag(segment.stages, at);
    const volumes = segment.stages[at]?.volumes ?? [];
    volumes.forEach((volume, month) => {
      if (!(volume > 0)) return;
      let landing = 0;
      for (const [months, share] of lag) if (closeMonths.has(month + months)) landing += share;
      if (landing > 0) cells.push({ segment: index, month, volume, landing: Math.min(1, landing) });
    });
  });
  return { name, quota, depth, cells };
}

/** The product of the known rates from a stage down to the won deal (uncertain ones at their mean). */
export function meanRateToWon(stages: readonly ConfidenceStage[], depth: number): number {
  let rate = 1;
  for (let index = 0; index <= depth; index++) {
    const stage = stages[index];
    if (!stage) continue;
    rate *= stage.uncertainty ? stage.uncertainty.alpha / (stage.uncertainty.alpha + stage.uncertainty.beta) : stage.conversionRate;
  }
  return rate;
}
