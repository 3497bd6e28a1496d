import { type Plan, surgedVolume } from "./plan.js";
import { type ActualEntry, MEASURES, type Measure, type TrackPeriod, monthShare, planFigureOf } from "./track.js";

/** A conversion (or deal size): assumed, as the plan has it in the period, and as the actuals show it. */
export interface RateCheck {
  /** The assumption, over the whole plan (several segments weighted by their plan volumes). */
  assumed: number;
  /**
   * The same ratio of the plan's own figures in the period (e.g. deals due ÷ qualified leads
   * generated in it): what the actuals would show had the plan been met exactly. It differs from
   * the assumption because leads close a cycle after they are generated and surge months generate
   * extra; null when the plan has none of the denominator in the period.
   */
  planned: number | null;
  /** Null when the actuals give no denominator (no inquiries, no qualified leads, no deals). */
  actual: number | null;
}

/**
 * The revenue a part of the funnel added to (positive) or cost (negative) the period. `from`
 * null is the volume effect of the top measure compared; otherwise the conversion from `from` to
 * `to` (adjacent measures, or a span when a column between them is missing).
 */
export interface LeakEffect {
  from: Measure | null;
  to: Measure;
  revenue: number;
}

/** One step of the funnel (`to` is the next measure; into `revenue`: the deal size) and its rates; null when the actuals lack either side. */
export interface StepRate {
  from: Measure;
  to: Measure;
  check: RateCheck | null;
}

export interface LeakDiagnosis {
  /** Quota due in the period. */
  planRevenue: number;
  actualRevenue: number;
  /** Actual minus plan: negative when behind. The effects add up to it. */
  variance: number;
  /** Every step of the funnel in funnel order, the deal size (won → revenue) last. */
  rates: StepRate[];
  /** In funnel order: the volume effect first, then each conversion. */
  effects: LeakEffect[];
  /** The effect that cost the most revenue, when the period is behind; null when none cost any. */
  largest: LeakEffect | null;
}

/**
 * Splits the period's revenue variance into stage effects by sequential substitution in funnel
 * order (`order`: the funnel's measures, top stage first, then won and revenue; the default
 * funnel's are inquiries, qualified, won, revenue, and a configured one has a rate effect per step). Each measure is valued at what one unit of it stood for in the plan of the same months:
 * worth(k) = plan revenue ÷ plan volume of k in the period. With actual volumes I, Q, W, R:
 *
 *   inquiry volume   (I − I_plan) · worth(inquiries)
 *   qualification    Q · worth(qualified) − I · worth(inquiries)   (= I · (Q/I − q_plan) · worth(qualified))
 *   closing          W · worth(won) − Q · worth(qualified)
 *   deal size        R − W · worth(won)
 *
 * which add up exactly to R − R_plan. Valuing at the plan's ratios in the period, not at the
 * assumptions, compares like with like: this period's deals came from earlier leads and surge
 * months generate extra, in the plan as in the actuals. The rates are still measured within the
 * period (this month's won over this month's qualified), not by following each lead to its close:
 * an approximation a cohort export could refine. A measure the actuals lack, or the plan has none
 * of in the period, drops out, and the conversion across it is one effect.
 *
 * Example: plan in the period 1,000 inquiries, 100 qualified, 20 deals, $200,000 (worth $200,
 * $2,000, $10,000 each); actual 1,000, 80, 20, $200,000: qualification 80 × 2,000 − 1,000 × 200
 * = −$40,000, closing 20 × 10,000 − 80 × 2,000 = +$40,000, deal size 0.
 *
 * Needs revenue and at least one other measure; returns null otherwise or with no quota in the period.
 */
export function diagnoseLeak(
  plan: Plan,
  entries: readonly ActualEntry[],
  period: TrackPeriod,
  measures: readonly Measure[],
  order: readonly Measure[] = MEASURES,
): LeakDiagnosis | null {
  if (!plan.hasAmounts || !measures.includes("revenue")) return null;
  const zero = (): Record<Measure, number> => Object.fromEntries(order.map((measure) => [measure, 0]));
  // Over the whole plan before the surge (the assumptions), and in the period with it (the plan's figures).
  const whole = zero();
  const planned = zero();
  const figures = order.map((measure) => [measure, planFigureOf(order, measure)] as const);
  for (const segment of plan.segments) {
    for (let at = 0; at < plan.monthCount; at++) {
      const month = plan.firstMonth + at;
      const inPeriod = month >= period.first && month <= period.last;
      // A month the period holds part of (a half, an as-of day) counts by its working days in it.
      const share = inPeriod ? monthShare(period, month) : 0;
      for (const [measure, figure] of figures) {
        if (figure === "quota" || figure === "deals") {
          const value = (figure === "quota" ? segment.quota[at] : segment.deals[at]) ?? 0;
          whole[measure] = (whole[measure] ?? 0) + value;
          if (inPeriod) planned[measure] = (planned[measure] ?? 0) + value * share;
          continue;
        }
        const stage = segment.stages[figure];
        if (!stage) continue;
        whole[measure] = (whole[measure] ?? 0) + (stage.beforeSurge[at] ?? 0);
        if (inPeriod) planned[measure] = (planned[measure] ?? 0) + surgedVolume(plan, stage, at) * share;
      }
    }
  }
  const plannedOf = (measure: Measure) => planned[measure] ?? 0;
  const known = order.filter((measure) => measures.includes(measure) && plannedOf(measure) > 0);
  const top = known[0];
  if (top === undefined || top === "revenue" || !known.includes("revenue")) return null;
  const worth = (measure: Measure) => plannedOf("revenue") / plannedOf(measure);
  const actual = zero();
  for (const entry of entries) for (const measure of measures) actual[measure] = (actual[measure] ?? 0) + (entry.values[measure] ?? 0);
  const actualOf = (measure: Measure) => actual[measure] ?? 0;

  const effects: LeakEffect[] = [{ from: null, to: top, revenue: (actualOf(top) - plannedOf(top)) * worth(top) }];
  for (let index = 1; index < known.length; index++) {
    const from = known[index - 1] as Measure;
    const to = known[index] as Measure;
    effects.push({ from, to, revenue: actualOf(to) * worth(to) - actualOf(from) * worth(from) });
  }
  const variance = actualOf("revenue") - plannedOf("revenue");
  let largest: LeakEffect | null = null;
  if (variance < 0) for (const effect of effects) if (effect.revenue < 0 && (largest === null || effect.revenue < largest.revenue)) largest = effect;

  const ratio = (numerator: number, denominator: number) => (denominator === 0 ? null : numerator / denominator);
  const rates = order.slice(1).map((to, at): StepRate => {
    const from = order[at] as Measure;
    const check =
      measures.includes(from) && measures.includes(to)
        ? { assumed: ratio(whole[to] ?? 0, whole[from] ?? 0) ?? 0, planned: ratio(plannedOf(to), plannedOf(from)), actual: ratio(actualOf(to), actualOf(from)) }
        : null;
    return { from, to, check };
  });
  return { planRevenue: plannedOf("revenue"), actualRevenue: actualOf("revenue"), variance, rates, effects, largest };
}
