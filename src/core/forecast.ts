/**
 * The forecast of `track --forecast`: given actuals to as-of, the chance of making the open fiscal
 * quarter and the fiscal year (those holding as-of + 1), and revenue P10/P50/P90 for each.
 *
 * Model. Every lead converts at each step independently at the plan's rate for its segment and,
 * if it converts, takes the step's lag (the plan's whole-month distribution), drawn independently
 * per lead. A period's revenue is the sum of three parts:
 *
 * - Known: revenue won to date, the actuals' revenue in the period's months up to as-of.
 * - In flight: the leads that entered a stage in a month up to as-of. Each is counted at the last
 *   stage it was seen to reach: a lead of stage s in month m counts only along the paths whose
 *   step out of s lands after as-of (it is still at s today) and whose deal then closes inside the
 *   period. A path whose step out of s landed by as-of is not counted here, because that lead is
 *   already in the next stage's count of its month (had it converted) or gone (had it not); a
 *   deal closed by as-of is already in the revenue won. So no lead is counted twice, and a lead
 *   entering stage s in month m is a deal in the period with chance
 *     r_s · r_(s−1) ⋯ r_won · Σ_a lag_s(a) · [m + a > as-of] · P(m + a + L ∈ period),
 *   L the composed lag of the stages nearer the deal. The counts are the actuals' (a month of the
 *   actuals' span without rows counts 0, as track reads it); where the actuals cannot say, the
 *   plan's own whole volumes stand in: for a stage the actuals have no column for, and for plan
 *   months before the actuals' first month (`standIns` names both). Actuals that name no
 *   segment (by rep only, or no rep or product) are split over the plan's segments they cover in
 *   proportion to the plan's volume of the stage that month: each lead is of segment j with that
 *   share, so a cell's deals are a multinomial over its segments.
 * - To come: the plan's leads at the top stage in each month after as-of (whole volumes, the surge
 *   included: what marketing is planned to generate), converting through every step.
 *
 * Method. When every deal is worth the same (one segment, or segments with one deal size), the
 * deal count is a sum of independent binomials, convolved exactly (`exact`); otherwise seeded
 * simulation (`simulation`: `trials` draws keyed by the seed and the period). The probability's
 * standard error in simulation is √(p(1 − p) / trials).
 *
 * Not modelled (TODO: issue 13 follow-ups): rate uncertainty from a history (Beta posteriors) and
 * resampled deal sizes, as compute's `--history` does; units-only quotas (the CLI refuses them).
 */
import { catchUpWindowEnd } from "./catch-up.js";
import { fiscalQuarterOf, formatFiscalQuarter } from "./fiscal.js";
import { type FunnelStage, funnelStages } from "./funnel.js";
import { type LeadCell, type RevenueOutlook, commonValue, exactDeals, exactOutlook, simulatedOutlook } from "./forecast-draw.js";
import { composeLags } from "./lag.js";
import { type MonthIndex, formatMonth } from "./month.js";
import { type Plan, type SegmentPlan, surgedVolume } from "./plan.js";
import { roundCents, wholeUp } from "./rounding.js";
import { type ActualEntry, type Measure, type TrackPeriod, planFigureOf } from "./track.js";
import type { RevenuePercentiles } from "./confidence.js";

export interface ForecastOptions {
  /** Simulation trials (the CLI's default is 10,000). */
  trials: number;
  /** Any whole number from 0 to 2^32 − 1; the same seed gives the same figures on every machine. */
  seed: number;
  /** Simulate even where the exact path applies (tests compare the two). */
  simulate?: boolean;
}

export interface ForecastInput {
  plan: Plan;
  /** What the actuals can tell apart, and the measures they have columns for. */
  actuals: { byRep: boolean; byProduct: boolean; measures: readonly Measure[] };
  /** The actuals kept by `selectActuals`, and their span. */
  entries: readonly ActualEntry[];
  period: TrackPeriod;
  asOf: MonthIndex;
  /** The funnel's measures, top stage first ({@link funnelMeasures}). */
  order: readonly Measure[];
}

export interface PeriodForecast {
  kind: "quarter" | "year";
  /** `2027-Q2`, `FY2027-Q2`; `2027`, `FY2027`. */
  label: string;
  first: MonthIndex;
  last: MonthIndex;
  quota: number;
  wonToDate: number;
  /** Mean revenue from the leads in flight and from the plan's leads to come. */
  expectedInFlight: number;
  expectedToCome: number;
  /** P(revenue ≥ quota); null when the period has no quota. */
  probability: number | null;
  revenue: RevenuePercentiles;
  method: "exact" | "simulation";
  /** Months of the period up to as-of before the actuals' first month: nothing won is known there. */
  unreported: { first: MonthIndex; last: MonthIndex } | null;
}

export interface Forecast {
  /** "exact" only when every period was. */
  method: "exact" | "simulation";
  trials: number;
  seed: number;
  periods: PeriodForecast[];
  /** Where the plan's volumes stood in for counts the actuals do not give (and that can still close in a period). */
  standIns: { before: { first: MonthIndex; last: MonthIndex } | null; measures: Measure[] };
}

/** Chance that a lead entering stage `depth` in `month` is a deal closing in [first, last] after as-of, not counted elsewhere. */
function landingChance(stages: readonly FunnelStage[], depth: number, month: MonthIndex, asOf: MonthIndex, first: MonthIndex, last: MonthIndex): number {
  const stage = stages[depth];
  if (!stage) return 0;
  let rate = 1;
  for (let at = 0; at <= depth; at++) rate *= stages[at]?.conversionRate ?? 0;
  let below: readonly { lagMonths: number; share: number }[] = [{ lagMonths: 0, share: 1 }];
  for (let at = 0; at < depth; at++) below = composeLags(below, stages[at]?.lag ?? []);
  let landing = 0;
  for (const step of stage.lag) {
    const reached = month + step.lagMonths;
    if (step.share <= 0 || reached <= asOf) continue;
    for (const rest of below) {
      const closes = reached + rest.lagMonths;
      if (closes >= first && closes <= last) landing += step.share * rest.share;
    }
  }
  return rate * Math.min(1, landing);
}

/** The open quarter and year: those holding as-of + 1. */
export function forecastPeriods(asOf: MonthIndex, fiscalYearStart: number): { kind: "quarter" | "year"; label: string; first: MonthIndex; last: MonthIndex }[] {
  const next = asOf + 1;
  const quarter = fiscalQuarterOf(next, fiscalYearStart);
  const quarterLast = catchUpWindowEnd(next, "quarter", fiscalYearStart);
  const yearLast = catchUpWindowEnd(next, "year", fiscalYearStart);
  const year = fiscalYearStart === 1 ? String(quarter.fiscalYear) : `FY${quarter.fiscalYear}`;
  return [
    { kind: "quarter", label: formatFiscalQuarter(quarter, fiscalYearStart), first: quarterLast - 2, last: quarterLast },
    { kind: "year", label: year, first: yearLast - 11, last: yearLast },
  ];
}

/** Whether an actuals row covers a segment (a column the actuals lack covers every value). */
const covers = (input: ForecastInput, entry: ActualEntry, segment: SegmentPlan): boolean =>
  (!input.actuals.byRep || entry.rep === segment.rep) && (!input.actuals.byProduct || entry.product === segment.product);

/**
 * The forecast described at the top of this file, for the open quarter and the fiscal year.
 *
 * Example: one segment, $75,000 deals, 20% close with a 2-month cycle, as-of 2027-01 with 134
 * qualified leads reported in January and nothing won: the quarter's deals are Bin(134, 0.2), and
 * a quota of $2,000,000 (27 deals) is made with probability 0.517.
 */
export function forecastTrack(input: ForecastInput, options: ForecastOptions): Forecast {
  const { plan, asOf, period, order } = input;
  const funnels = plan.segments.map((segment) => funnelStages(segment.assumptions));
  const stageMeasures = order.slice(0, -2);
  const depthOf = (measure: Measure) => planFigureOf(order, measure) as number;
  const top = stageMeasures[0];
  const atOf = (month: MonthIndex) => month - plan.firstMonth;
  const planVolume = (segment: SegmentPlan, depth: number, month: MonthIndex): number => {
    const stage = segment.stages[depth];
    const at = atOf(month);
    return stage && at >= 0 && at < plan.monthCount ? wholeUp(surgedVolume(plan, stage, at)) : 0;
  };
  const valueOf = (index: number) => plan.segments[index]?.assumptions.avgDealSize ?? 0;
  const standIns = { before: null as Forecast["standIns"]["before"], measures: new Set<Measure>() };
  const lastMonth = plan.firstMonth + plan.monthCount - 1;

  const periods = forecastPeriods(asOf, plan.surge.fiscalYearStart).map((target, periodIndex): PeriodForecast => {
    const inFlight: LeadCell[] = [];
    const toCome: LeadCell[] = [];
    const chance = (index: number, depth: number, month: MonthIndex) => landingChance(funnels[index] ?? [], depth, month, asOf, target.first, target.last);
    // The plan's own volume of a stage in a month, one cell per segment.
    const fromPlan = (measure: Measure, month: MonthIndex, into: LeadCell[]): boolean => {
      let used = false;
      plan.segments.forEach((segment, index) => {
        const count = planVolume(segment, depthOf(measure), month);
        const outcome = { chance: chance(index, depthOf(measure), month), value: valueOf(index) };
        if (count > 0 && outcome.chance > 0) {
          into.push({ count, outcomes: [outcome] });
          used = true;
        }
      });
      return used;
    };
    for (let month = plan.firstMonth; month <= Math.min(asOf, lastMonth); month++) {
      for (const measure of stageMeasures) {
        if (month < period.first || !input.actuals.measures.includes(measure)) {
          if (fromPlan(measure, month, inFlight)) {
            if (month < period.first) standIns.before = { first: plan.firstMonth, last: period.first - 1 };
            else standIns.measures.add(measure);
          }
        }
      }
    }
    for (const entry of input.entries) {
      for (const measure of stageMeasures) {
        const count = entry.values[measure];
        if (count === undefined || count <= 0 || !input.actuals.measures.includes(measure)) continue;
        inFlight.push({ count, outcomes: splitOverSegments(input, entry, depthOf(measure), chance, valueOf) });
      }
    }
    if (top !== undefined) for (let month = asOf + 1; month <= lastMonth; month++) fromPlan(top, month, toCome);

    const quota = roundCents(plan.segments.reduce((sum, segment) => sum + sumMonths(segment.quota, atOf(target.first), atOf(target.last)), 0));
    let wonToDate = 0;
    for (const entry of input.entries) if (entry.month >= target.first && entry.month <= target.last) wonToDate += entry.values.revenue ?? 0;
    wonToDate = roundCents(wonToDate);
    const cells = [...inFlight, ...toCome];
    const value = options.simulate === true ? null : commonValue(cells);
    const deals = value === null ? null : exactDeals(cells);
    const outlook: RevenueOutlook =
      value !== null && deals !== null
        ? exactOutlook(deals, value, wonToDate, quota)
        : simulatedOutlook(cells, wonToDate, quota, options.trials, [options.seed, periodIndex]);
    const unreportedLast = Math.min(asOf, target.last, period.first - 1);
    return {
      ...target,
      quota,
      wonToDate,
      expectedInFlight: roundCents(expected(inFlight)),
      expectedToCome: roundCents(expected(toCome)),
      probability: outlook.probability,
      revenue: outlook.revenue,
      method: value !== null && deals !== null ? "exact" : "simulation",
      unreported: unreportedLast >= target.first ? { first: target.first, last: unreportedLast } : null,
    };
  });
  return {
    method: periods.every((forecast) => forecast.method === "exact") ? "exact" : "simulation",
    trials: options.trials,
    seed: options.seed,
    periods,
    standIns: { before: standIns.before, measures: stageMeasures.filter((measure) => standIns.measures.has(measure)) },
  };
}

/**
 * The outcomes of one actuals row's leads: one per plan segment the row covers, each lead of
 * segment j with the plan's share of the stage that month (over the whole plan when the month has
 * none; equal shares when the plan has none at all).
 */
function splitOverSegments(
  input: ForecastInput,
  entry: ActualEntry,
  depth: number,
  chance: (index: number, depth: number, month: MonthIndex) => number,
  valueOf: (index: number) => number,
): LeadCell["outcomes"] {
  const members = input.plan.segments.flatMap((segment, index) => (covers(input, entry, segment) ? [index] : []));
  const weightsBy = (weigh: (segment: SegmentPlan) => number) => members.map((index) => weigh(input.plan.segments[index] as SegmentPlan));
  let weights = weightsBy((segment) => segment.stages[depth]?.beforeSurge[entry.month - input.plan.firstMonth] ?? 0);
  if (!(sum(weights) > 0)) weights = weightsBy((segment) => sum(segment.stages[depth]?.beforeSurge ?? []));
  if (!(sum(weights) > 0)) weights = members.map(() => 1);
  const total = sum(weights);
  return members.map((index, at) => ({ chance: ((weights[at] ?? 0) / total) * chance(index, depth, entry.month), value: valueOf(index) }));
}

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

function sumMonths(series: readonly number[], from: number, to: number): number {
  let total = 0;
  for (let at = Math.max(0, from); at <= Math.min(series.length - 1, to); at++) total += series[at] ?? 0;
  return total;
}

function expected(cells: readonly LeadCell[]): number {
  return cells.reduce((total, cell) => total + cell.count * cell.outcomes.reduce((sum, outcome) => sum + outcome.chance * outcome.value, 0), 0);
}

/** `2027-04 to 2027-06`, for notes. */
export const monthSpan = (span: { first: MonthIndex; last: MonthIndex }): string =>
  span.first === span.last ? formatMonth(span.first) : `${formatMonth(span.first)} to ${formatMonth(span.last)}`;
