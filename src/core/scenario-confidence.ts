/**
 * The confidence level as a scenario dimension (`scenarios --vary confidence=average,75,90,95`):
 * each row's plan at its level, and the chance that plan makes quota. Side by side, the rows are
 * the price of certainty.
 *
 * Why `average` is its own value and not 50. The average plan divides quota by the rates; the
 * plan at 50% is the median plan, the smallest whole volumes making quota at least half the time.
 * For one segment closing in one period they nearly meet (the worked example: 1,334 inquiries
 * both); over several segments and lags the average plan can make a quarter's quota far less
 * often than half the time (the examples' plan: 24.4% in its least certain quarter, where the 50%
 * plan costs 12.3% more), so a planner comparing with today's plan asks for `average`.
 */
import type { ConfidenceGrain } from "./confidence-grain.js";
import { type PlanAtConfidence, planAtConfidence } from "./confidence-plan.js";
import type { Plan } from "./plan.js";

/** A row's certainty: its level and how often its plan makes each period's quota. */
export interface ScenarioCertainty {
  /** 0 < level < 1; null for the average plan (`average`, or no level given). */
  level: number | null;
  by: ConfidenceGrain;
  method: "exact" | "simulation";
  trials: number;
  seed: number;
  /** The lowest chance over the periods with a quota; null when no period has one. */
  probability: number | null;
  periods: { period: string; quota: number; probability: number | null }[];
  /** Periods no volume makes at the level: their months keep the average plan. */
  outOfReach: string[];
}

export interface CertaintyOptions {
  by: ConfidenceGrain;
  trials: number;
  seed: number;
}

/**
 * The plan at `level` (null: the plan as given, the average plan) and its certainty. A level
 * row's chance per period is that of the period's own confidence volumes (at least the level);
 * a period out of reach, and every period of the average plan, gives the chance of the plan's
 * own volumes.
 *
 * Example: the worked example ($2,000,000 due 2027-03, $75,000 deals, 20% close over 2 months,
 * 10% qualification) at 0.9 plans 1,688 inquiries in 2027-01 (chance 90.1%); the average plan,
 * 1,334 inquiries, makes quota with probability 0.502.
 */
export function certaintyAt(plan: Plan, level: number | null, options: CertaintyOptions): { plan: Plan; certainty: ScenarioCertainty } {
  // The average plan's chance comes with any level's answer: the median's is the cheapest to find.
  const result: PlanAtConfidence = planAtConfidence(plan, { level: level ?? 0.5, by: options.by, trials: options.trials, seed: options.seed });
  const periods = result.periods.map((period) => ({
    period: period.label,
    quota: period.quota,
    probability: level === null ? period.probabilityAtAverage : (period.probabilityAtConfidence ?? period.probabilityAtAverage),
  }));
  const chances = periods.map((period) => period.probability).filter((chance): chance is number => chance !== null);
  const certainty: ScenarioCertainty = {
    level,
    by: options.by,
    method: result.method,
    trials: result.trials,
    seed: result.seed,
    probability: chances.length === 0 ? null : Math.min(...chances),
    periods,
    outOfReach: level === null ? [] : result.outOfReach,
  };
  return { plan: level === null ? plan : result.plan, certainty };
}
