import { type Plan, surgedVolume } from "./plan.js";
import type { ActualEntry, Measure, TrackPeriod } from "./track.js";

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

export interface LeakDiagnosis {
  /** Quota due in the period. */
  planRevenue: number;
  actualRevenue: number;
  /** Actual minus plan: negative when behind. The effects add up to it. */
  variance: number;
  qualifyRate: RateCheck | null;
  closeRate: RateCheck | null;
  dealSize: RateCheck | null;
  /** In funnel order: the volume effect first, then each conversion. */
  effects: LeakEffect[];
  /** The effect that cost the most revenue, when the period is behind; null when none cost any. */
  largest: LeakEffect | null;
}

const ORDER: readonly Measure[] = ["inquiries", "qualified", "won", "revenue"];

/**
 * Splits the period's revenue variance into stage effects by sequential substitution in funnel
 * order. Each measure is valued at what one unit of it stood for in the plan of the same months:
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
export function diagnoseLeak(plan: Plan, entries: readonly ActualEntry[], period: TrackPeriod, measures: readonly Measure[]): LeakDiagnosis | null {
  if (!plan.hasAmounts || !measures.includes("revenue")) return null;
  const whole = { quota: 0, deals: 0, qualified: 0, inquiries: 0 };
  const planned: Record<Measure, number> = { inquiries: 0, qualified: 0, won: 0, revenue: 0 };
  for (const segment of plan.segments) {
    const qualified = segment.stages[0];
    const inquiries = segment.stages[segment.stages.length - 1];
    for (let at = 0; at < plan.monthCount; at++) {
      whole.quota += segment.quota[at] ?? 0;
      whole.deals += segment.deals[at] ?? 0;
      whole.qualified += qualified?.beforeSurge[at] ?? 0;
      whole.inquiries += inquiries?.beforeSurge[at] ?? 0;
      const month = plan.firstMonth + at;
      if (month < period.first || month > period.last) continue;
      planned.revenue += segment.quota[at] ?? 0;
      planned.won += segment.deals[at] ?? 0;
      if (qualified) planned.qualified += surgedVolume(plan, qualified, at);
      if (inquiries) planned.inquiries += surgedVolume(plan, inquiries, at);
    }
  }
  const known = ORDER.filter((measure) => measures.includes(measure) && planned[measure] > 0);
  const top = known[0];
  if (top === undefined || top === "revenue" || !known.includes("revenue")) return null;
  const worth = (measure: Measure) => planned.revenue / planned[measure];
  const actual: Record<Measure, number> = { inquiries: 0, qualified: 0, won: 0, revenue: 0 };
  for (const entry of entries) for (const measure of measures) actual[measure] += entry.values[measure] ?? 0;

  const effects: LeakEffect[] = [{ from: null, to: top, revenue: (actual[top] - planned[top]) * worth(top) }];
  for (let index = 1; index < known.length; index++) {
    const from = known[index - 1] as Measure;
    const to = known[index] as Measure;
    effects.push({ from, to, revenue: actual[to] * worth(to) - actual[from] * worth(from) });
  }
  const variance = actual.revenue - planned.revenue;
  let largest: LeakEffect | null = null;
  if (variance < 0) for (const effect of effects) if (effect.revenue < 0 && (largest === null || effect.revenue < largest.revenue)) largest = effect;

  const ratio = (numerator: number, denominator: number) => (denominator === 0 ? null : numerator / denominator);
  const rate = (assumed: number, over: Measure, under: Measure): RateCheck | null =>
    measures.includes(over) && measures.includes(under)
      ? { assumed, planned: ratio(planned[over], planned[under]), actual: ratio(actual[over], actual[under]) }
      : null;
  return {
    planRevenue: planned.revenue,
    actualRevenue: actual.revenue,
    variance,
    qualifyRate: rate(ratio(whole.qualified, whole.inquiries) ?? 0, "qualified", "inquiries"),
    closeRate: rate(ratio(whole.deals, whole.qualified) ?? 0, "won", "qualified"),
    dealSize: rate(ratio(whole.quota, whole.deals) ?? 0, "revenue", "won"),
    effects,
    largest,
  };
}
