import { type DayNumber, firstDayOfMonth, lastDayOfMonth } from "./calibrate-days.js";
import { fiscalQuarterOf, formatFiscalQuarter } from "./fiscal.js";
import { type Every, type HalfIndex, formatHalf, halfDays, halfIndex, halfOfDay, halfWorkingDays, monthOfHalf, splitFigure, workingDays } from "./half-month.js";
import { type FunnelStages, isDefaultFunnel } from "./funnel.js";
import { type Grouping, type RowKey, groupPlan } from "./group.js";
import { type MonthIndex, formatMonth } from "./month.js";
import type { Plan } from "./plan.js";
import { roundCents } from "./rounding.js";

/** What actuals of the default funnel can report, in funnel order: inquiries, qualified leads, won deals, revenue. */
export const MEASURES = ["inquiries", "qualified", "won", "revenue"] as const;
/**
 * A figure actuals report: a stage's count (the default funnel's `inquiries`, `qualified`, `won`;
 * a configured funnel's stage names, the won deal last) or `revenue`.
 */
export type Measure = string;

/**
 * Every measure of a funnel in funnel order, top stage first, then the won deal, then revenue:
 * the default funnel's {@link MEASURES}, or a configured funnel's stage names and `revenue`
 * (`inquiry,mql,sql,won,revenue`).
 */
export function funnelMeasures(funnel: FunnelStages): readonly Measure[] {
  return isDefaultFunnel(funnel) ? MEASURES : [...funnel, "revenue"];
}

/**
 * Which plan figure a measure of `order` ({@link funnelMeasures}) is checked against: a stage
 * before won by its index in `PlanRow.stages` (nearest won first), the deals, or the quota.
 */
export function planFigureOf(order: readonly Measure[], measure: Measure): number | "deals" | "quota" {
  const at = order.indexOf(measure);
  if (at === order.length - 1) return "quota";
  if (at === order.length - 2) return "deals";
  return order.length - 3 - at;
}

/** The figures one actuals row gives; a measure the file has no column for is absent. */
export type MeasureValues = Partial<Record<Measure, number>>;

/** One row of actuals: a month, and the rep and product it is for ("" = unassigned). */
export interface ActualEntry {
  month: MonthIndex;
  /** The half-month of a row dated by day or by half (`2027-01-H1`); absent for a row dated by month. */
  half?: HalfIndex;
  /** The day of a row dated by day (a `date` column). */
  day?: DayNumber;
  rep: string;
  product: string;
  values: MeasureValues;
  /** Inquiries (or leads) the rep has contacted, of the row's follow-up base (`followed_up`). */
  followedUp?: number;
  /** Value of open qualified opportunities at the row's date (`open_pipeline`): a level, not a flow. */
  openPipeline?: number;
  /** The lead source of the row's leads (a `source` column; "" = none given). */
  source?: string;
  /** Money spent on the row's leads (a `cost` column). */
  cost?: number;
}

/** Actuals as read. Without a rep (product) column, each row covers every rep (product). */
export interface Actuals {
  byRep: boolean;
  byProduct: boolean;
  /** The measures the file has columns for, in funnel order. */
  measures: readonly Measure[];
  /** Every measure of the funnel, in funnel order ({@link funnelMeasures}); absent: the default funnel's. */
  order?: readonly Measure[];
  entries: readonly ActualEntry[];
}

export type CheckStatus = "on-track" | "behind" | "far-behind";

/** Plan against actual for one measure. Counts are whole (as compute shows them), revenue in cents. */
export interface MeasureCheck {
  measure: Measure;
  plan: number;
  actual: number;
  /** Actual minus plan: negative when behind. */
  variance: number;
  /** Actual ÷ plan × 100; null when the plan is 0 (no percentage of nothing). */
  percentOfPlan: number | null;
  status: CheckStatus;
}

/** A checkpoint row's key: a plan view's, or with --every half-month a `period` (`2027-01-H1`) for the month. */
export type TrackKey = RowKey & { period?: string };

export interface CheckpointRow {
  key: TrackKey;
  /** One check per compared measure, in funnel order. */
  checks: MeasureCheck[];
  /** The status of the deciding measure. */
  status: CheckStatus;
}

/** The months compared: from the first month with kept actuals to as-of (or the plan's end). */
export interface TrackPeriod {
  first: MonthIndex;
  last: MonthIndex;
  /** With --every half-month, or an as-of day inside a period: the checkpoints' own periods. */
  cut?: PeriodCut;
}

/**
 * How the compared days are cut into checkpoints when they are not whole months: by half-month,
 * and where the last period stops when --as-of is a day inside it.
 */
export interface PeriodCut {
  every: Every;
  /** The first and last checkpoint: months, or halves ({@link HalfIndex}). */
  first: number;
  last: number;
  /** The first and the last day compared (the as-of day, or the last period's end). */
  firstDay: DayNumber;
  lastDay: DayNumber;
  /** With an as-of day before the last period's end: its working days to that day, and in all: its plan is compared pro rata. */
  elapsed?: { days: number; of: number };
}

/**
 * The share of a month's plan inside the period: 1 for a whole month; by working days for a
 * month the period enters in its second half or leaves at an as-of day.
 *
 * Example: as-of 2027-01-20 takes January's 11 + 4 of its 21 working days: 15/21 of its plan.
 */
export function monthShare(period: TrackPeriod, month: MonthIndex): number {
  const { cut } = period;
  if (cut === undefined) return 1;
  const first = firstDayOfMonth(month);
  const last = lastDayOfMonth(month);
  const all = workingDays(first, last);
  return all === 0 ? 1 : workingDays(Math.max(first, cut.firstDay), Math.min(last, cut.lastDay)) / all;
}

/** The checkpoint period of an actuals row: its month, or its half with --every half-month. */
export const periodOfEntry = (entry: ActualEntry, every: Every): number => (every === "month" ? entry.month : (entry.half ?? halfIndex(entry.month, 1)));

/** A checkpoint period's name: `2027-01`, or `2027-01-H1`. */
export const formatPeriod = (period: number, every: Every): string => (every === "month" ? formatMonth(period) : formatHalf(period));

export type LeftOutReason = "after-as-of" | "no-plan" | "not-in-quotas";

/** Actuals fit to compare, and what was left out and why (the CLI turns these into warnings). */
export interface SelectedActuals {
  entries: ActualEntry[];
  /** Null when no entry is left to compare. */
  period: TrackPeriod | null;
  /** Indexes into the entries as read. */
  leftOut: { index: number; reason: LeftOutReason }[];
  /** Months of the period no kept row reports: their actuals count as 0. */
  monthsWithoutRows: MonthIndex[];
  /** With --every half-month: the halves no kept row reports (monthsWithoutRows is then empty). */
  halvesWithoutRows?: HalfIndex[];
}

/** Where the comparison stops inside as-of's month, and how it is cut. */
export interface TrackCalendar {
  every: Every;
  /** An as-of day (or a half's last day): rows dated after it are left out and its period compared pro rata. */
  asOfDay?: DayNumber;
}

export interface Checkpoints {
  by: Grouping;
  period: TrackPeriod;
  tolerance: number;
  /** Measures both the actuals and the plan have (revenue needs quotas in money). */
  measures: Measure[];
  /** Every measure of the funnel, in funnel order ({@link funnelMeasures}). */
  order: readonly Measure[];
  /** The measure whose cumulative status is the run's status: revenue, else the stage nearest it (won, qualified, inquiries). */
  deciding: Measure;
  rows: CheckpointRow[];
  /** Everything in the period together. */
  cumulative: CheckpointRow;
  status: CheckStatus;
}

const lastMonthOf = (plan: Plan): MonthIndex => plan.firstMonth + plan.monthCount - 1;
const scopeKey = (rep: string, product: string) => `${rep}\u0000${product}`;

/** Whether an actuals row belongs to a segment of the plan (a missing column matches every value). */
function scopeMatcher(plan: Plan, actuals: Actuals): (entry: ActualEntry) => boolean {
  const reps = new Set(plan.segments.map((segment) => segment.rep));
  const products = new Set(plan.segments.map((segment) => segment.product));
  const pairs = new Set(plan.segments.map((segment) => scopeKey(segment.rep, segment.product)));
  if (actuals.byRep && actuals.byProduct) return (entry) => pairs.has(scopeKey(entry.rep, entry.product));
  if (actuals.byRep) return (entry) => reps.has(entry.rep);
  if (actuals.byProduct) return (entry) => products.has(entry.product);
  return () => true;
}

/**
 * Keeps the actuals that can be compared: months up to as-of, inside the plan, for reps and
 * products the quotas have. The period runs from the first kept month to as-of (or the plan's last
 * month, if sooner); a month of it no kept row reports counts as 0 (CRM exports leave out months
 * and reps with nothing in them).
 */
export function selectActuals(plan: Plan, actuals: Actuals, asOf: MonthIndex, calendar: TrackCalendar = { every: "month" }): SelectedActuals {
  const inScope = scopeMatcher(plan, actuals);
  const entries: ActualEntry[] = [];
  const leftOut: SelectedActuals["leftOut"] = [];
  const { asOfDay } = calendar;
  // A row dated by half counts when its half has begun by the as-of day (it reports the half to date).
  const afterDay = (entry: ActualEntry) =>
    asOfDay !== undefined && (entry.day !== undefined ? entry.day > asOfDay : entry.half !== undefined && halfDays(entry.half).first > asOfDay);
  actuals.entries.forEach((entry, index) => {
    if (entry.month > asOf || afterDay(entry)) leftOut.push({ index, reason: "after-as-of" });
    else if (plan.monthCount === 0 || entry.month < plan.firstMonth || entry.month > lastMonthOf(plan)) leftOut.push({ index, reason: "no-plan" });
    else if (!inScope(entry)) leftOut.push({ index, reason: "not-in-quotas" });
    else entries.push(entry);
  });
  if (entries.length === 0) return { entries, period: null, leftOut, monthsWithoutRows: [] };
  const first = entries.reduce((earliest, entry) => Math.min(earliest, entry.month), Number.POSITIVE_INFINITY);
  const last = Math.min(asOf, lastMonthOf(plan));
  const cut = periodCut(entries, first, last, asOf, calendar);
  if (cut?.every === "half-month") {
    const halves = new Set(entries.map((entry) => periodOfEntry(entry, "half-month")));
    const halvesWithoutRows: HalfIndex[] = [];
    for (let half = cut.first; half <= cut.last; half++) if (!halves.has(half)) halvesWithoutRows.push(half);
    return { entries, period: { first, last, cut }, leftOut, monthsWithoutRows: [], halvesWithoutRows };
  }
  const reported = new Set(entries.map((entry) => entry.month));
  const monthsWithoutRows: MonthIndex[] = [];
  for (let month = first; month <= last; month++) if (!reported.has(month)) monthsWithoutRows.push(month);
  return { entries, period: cut === undefined ? { first, last } : { first, last, cut }, leftOut, monthsWithoutRows };
}

/**
 * The checkpoints of months `first` to `last` when they are not whole months: halves from the
 * first half a kept row reports, and the last period stopped at an as-of day. Undefined by month
 * with no as-of day inside the last month (today's whole months).
 */
function periodCut(entries: readonly ActualEntry[], first: MonthIndex, last: MonthIndex, asOf: MonthIndex, calendar: TrackCalendar): PeriodCut | undefined {
  // An as-of day past the plan's last month stops nothing: the plan's months are whole.
  const lastDay = calendar.asOfDay !== undefined && asOf === last ? Math.min(calendar.asOfDay, lastDayOfMonth(last)) : lastDayOfMonth(last);
  if (calendar.every === "month") {
    const end = lastDayOfMonth(last);
    if (lastDay >= end) return undefined;
    const start = firstDayOfMonth(last);
    return { every: "month", first, last, firstDay: firstDayOfMonth(first), lastDay, elapsed: { days: workingDays(start, lastDay), of: workingDays(start, end) } };
  }
  const firstHalf = entries.reduce((earliest, entry) => Math.min(earliest, periodOfEntry(entry, "half-month")), Number.POSITIVE_INFINITY);
  const lastHalf = halfOfDay(lastDay);
  const span = halfDays(lastHalf);
  const cut: PeriodCut = { every: "half-month", first: firstHalf, last: lastHalf, firstDay: halfDays(firstHalf).first, lastDay };
  if (lastDay < span.last) cut.elapsed = { days: workingDays(span.first, lastDay), of: workingDays(span.first, span.last) };
  return cut;
}

/**
 * A month's plan figure in each checkpoint period of `period` it falls in: whole months as they
 * are; halves by the month's working days in each (whole counts, whole cents, adding up to the
 * month's); the last period pro rata by its working days elapsed at an as-of day.
 *
 * Example: January 2027 planned at 210 inquiries is 110 in 2027-01-H1 and 100 in 2027-01-H2.
 */
export function periodParts(period: TrackPeriod, month: MonthIndex, value: number, money: boolean): [number, number][] {
  const { cut } = period;
  if (cut === undefined) return [[month, value]];
  const toDate = (at: number, figure: number) =>
    at === cut.last && cut.elapsed !== undefined ? (splitFigure(figure, [cut.elapsed.days, cut.elapsed.of - cut.elapsed.days], money)[0] ?? 0) : figure;
  if (cut.every === "month") return [[month, toDate(month, value)]];
  const halves = splitFigure(value, halfWorkingDays(month), money);
  const parts: [number, number][] = [];
  halves.forEach((figure, at) => {
    const half = halfIndex(month, at === 0 ? 1 : 2);
    if (half >= cut.first && half <= cut.last) parts.push([half, toDate(half, figure)]);
  });
  return parts;
}

// A threshold such as 7 × 0.8 is 5.6000000000000005 in binary: an actual of exactly 5.6 is on it.
const NOISE = 1e-9;

/**
 * On track when actual ≥ plan × (1 − tolerance); behind when ≥ plan × (1 − 2 × tolerance); far
 * behind below that. A zero plan is always on track: nothing was due.
 *
 * Example: plan 100, tolerance 10%: 90 is on track, 85 behind, 79 far behind.
 */
export function checkStatus(plan: number, actual: number, tolerance: number): CheckStatus {
  if (plan <= 0) return "on-track";
  const slack = NOISE * Math.max(1, plan);
  if (actual >= plan * (1 - tolerance) - slack) return "on-track";
  if (actual >= plan * (1 - 2 * tolerance) - slack) return "behind";
  return "far-behind";
}

function measureCheck(measure: Measure, plan: number, actual: number, tolerance: number): MeasureCheck {
  const money = measure === "revenue";
  const shownPlan = money ? roundCents(plan) : plan;
  const shownActual = money ? roundCents(actual) : actual;
  const variance = money ? roundCents(shownActual - shownPlan) : shownActual - shownPlan;
  return {
    measure,
    plan: shownPlan,
    actual: shownActual,
    variance,
    percentOfPlan: shownPlan === 0 ? null : (shownActual / shownPlan) * 100,
    status: checkStatus(shownPlan, shownActual, tolerance),
  };
}

/** The measures compared: the file's, less revenue when the quotas are in units only. */
export function comparedMeasures(plan: Plan, actuals: Actuals): Measure[] {
  return (actuals.order ?? MEASURES).filter((measure) => actuals.measures.includes(measure) && (measure !== "revenue" || plan.hasAmounts));
}

/** The measure that decides the run's status: money first, then the stage nearest to it. */
export function decidingMeasure(measures: readonly Measure[], order: readonly Measure[] = MEASURES): Measure | null {
  for (const measure of [...order].reverse()) if (measures.includes(measure)) return measure;
  return null;
}

type Sums = Record<Measure, number>;
const zeroSums = (order: readonly Measure[]): Sums => Object.fromEntries(order.map((measure) => [measure, 0]));

/** Code-unit order (never the locale's), unassigned last: as compute sorts reps and products. */
function compareNames(left: string, right: string): number {
  if (left === right) return 0;
  if (left === "") return 1;
  if (right === "") return -1;
  return left < right ? -1 : 1;
}

/**
 * Plan against actual for each row of a view over the period, and cumulatively. Plan figures are
 * the whole numbers compute shows per month × rep × product cell (surge included): a stage before
 * won against its leads generated in the month (`inquiries`, `qualified`; a configured funnel's
 * `inquiry`, `mql`, `sql`), the won stage against deals due and `revenue` against quota due.
 * `order` is the funnel's measures ({@link funnelMeasures}).
 *
 * Example: 120 deals due and 100 won at a 10% tolerance is 83.3% of plan, behind (at least 96 is on track).
 */
export function trackCheckpoints(
  plan: Plan,
  selected: SelectedActuals & { period: TrackPeriod },
  measures: readonly Measure[],
  by: Grouping,
  tolerance: number,
  order: readonly Measure[] = MEASURES,
): Checkpoints {
  const deciding = decidingMeasure(measures, order);
  if (deciding === null) throw new Error("trackCheckpoints needs at least one measure");
  const { period } = selected;
  const fiscalYearStart = plan.surge.fiscalYearStart;
  // Rows are kept by checkpoint period: a month, or with --every half-month a half.
  const every: Every = period.cut?.every ?? "month";
  const monthOf = (at: number): MonthIndex => (every === "month" ? at : monthOfHalf(at));
  const keyOf = (at: number, rep: string, product: string): TrackKey => {
    const time: TrackKey = every === "month" ? { month: formatMonth(at) } : { period: formatHalf(at) };
    switch (by) {
      case "month":
        return time;
      case "quarter":
        return { quarter: formatFiscalQuarter(fiscalQuarterOf(monthOf(at), fiscalYearStart), fiscalYearStart) };
      case "rep":
        return { rep };
      case "product":
        return { product };
      case "segment":
        return { ...time, rep, product };
    }
  };
  const rows = new Map<string, { key: TrackKey; plan: Sums; actual: Sums; month: number }>();
  const rowFor = (at: number, rep: string, product: string) => {
    const key = keyOf(at, rep, product);
    const id = JSON.stringify(key);
    let row = rows.get(id);
    if (!row) {
      row = { key, plan: zeroSums(order), actual: zeroSums(order), month: at };
      rows.set(id, row);
    }
    return row;
  };
  const firstPeriod = period.cut?.first ?? period.first;
  const lastPeriod = period.cut?.last ?? period.last;
  // Every month (or quarter) of the period and every rep or product of the plan gets a row, even
  // with nothing in it: a rep with no plan and no actuals is still part of the picture.
  if (by === "month" || by === "quarter") for (let at = firstPeriod; at <= lastPeriod; at++) rowFor(at, "", "");
  if (by === "rep" || by === "product") for (const segment of plan.segments) rowFor(firstPeriod, segment.rep, segment.product);

  const figures = order.map((measure) => [measure, planFigureOf(order, measure)] as const);
  const monthOfLabel = new Map<string, MonthIndex>();
  for (let at = 0; at < plan.monthCount; at++) monthOfLabel.set(formatMonth(plan.firstMonth + at), plan.firstMonth + at);
  for (const cell of groupPlan(plan, "segment").rows) {
    const month = monthOfLabel.get(cell.key.month ?? "");
    if (month === undefined || month < period.first || month > period.last) continue;
    for (const [measure, figure] of figures) {
      const value = figure === "quota" ? (cell.quota ?? 0) : figure === "deals" ? cell.deals : (cell.stages[figure] ?? 0);
      for (const [at, part] of periodParts(period, month, value, measure === "revenue")) {
        const row = rowFor(at, cell.key.rep ?? "", cell.key.product ?? "");
        row.plan[measure] = (row.plan[measure] ?? 0) + part;
      }
    }
  }
  for (const entry of selected.entries) {
    const row = rowFor(periodOfEntry(entry, every), entry.rep, entry.product);
    for (const measure of measures) row.actual[measure] = (row.actual[measure] ?? 0) + (entry.values[measure] ?? 0);
  }

  const ordered = [...rows.values()].sort(
    (left, right) =>
      left.month - right.month ||
      compareNames(left.key.rep ?? "", right.key.rep ?? "") ||
      compareNames(left.key.product ?? "", right.key.product ?? ""),
  );
  if (by === "rep" || by === "product") ordered.sort((left, right) => compareNames(left.key[by] ?? "", right.key[by] ?? ""));
  const toRow = (key: TrackKey, planned: Sums, actual: Sums): CheckpointRow => {
    const checks = measures.map((measure) => measureCheck(measure, planned[measure] ?? 0, actual[measure] ?? 0, tolerance));
    return { key, checks, status: checks.find((check) => check.measure === deciding)?.status ?? "on-track" };
  };
  const total = { plan: zeroSums(order), actual: zeroSums(order) };
  for (const row of ordered) {
    for (const measure of order) {
      total.plan[measure] = (total.plan[measure] ?? 0) + (row.plan[measure] ?? 0);
      total.actual[measure] = (total.actual[measure] ?? 0) + (row.actual[measure] ?? 0);
    }
  }
  const cumulative = toRow({}, total.plan, total.actual);
  return {
    by,
    period,
    tolerance,
    measures: [...measures],
    order,
    deciding,
    rows: ordered.map((row) => toRow(row.key, row.plan, row.actual)),
    cumulative,
    status: cumulative.status,
  };
}
