import { fiscalQuarterOf, formatFiscalQuarter } from "./fiscal.js";
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
  rep: string;
  product: string;
  values: MeasureValues;
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

export interface CheckpointRow {
  key: RowKey;
  /** One check per compared measure, in funnel order. */
  checks: MeasureCheck[];
  /** The status of the deciding measure. */
  status: CheckStatus;
}

/** The months compared: from the first month with kept actuals to as-of (or the plan's end). */
export interface TrackPeriod {
  first: MonthIndex;
  last: MonthIndex;
}

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
export function selectActuals(plan: Plan, actuals: Actuals, asOf: MonthIndex): SelectedActuals {
  const inScope = scopeMatcher(plan, actuals);
  const entries: ActualEntry[] = [];
  const leftOut: SelectedActuals["leftOut"] = [];
  actuals.entries.forEach((entry, index) => {
    if (entry.month > asOf) leftOut.push({ index, reason: "after-as-of" });
    else if (plan.monthCount === 0 || entry.month < plan.firstMonth || entry.month > lastMonthOf(plan)) leftOut.push({ index, reason: "no-plan" });
    else if (!inScope(entry)) leftOut.push({ index, reason: "not-in-quotas" });
    else entries.push(entry);
  });
  if (entries.length === 0) return { entries, period: null, leftOut, monthsWithoutRows: [] };
  const first = entries.reduce((earliest, entry) => Math.min(earliest, entry.month), Number.POSITIVE_INFINITY);
  const last = Math.min(asOf, lastMonthOf(plan));
  const reported = new Set(entries.map((entry) => entry.month));
  const monthsWithoutRows: MonthIndex[] = [];
  for (let month = first; month <= last; month++) if (!reported.has(month)) monthsWithoutRows.push(month);
  return { entries, period: { first, last }, leftOut, monthsWithoutRows };
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
  const keyOf = (month: MonthIndex, rep: string, product: string): RowKey => {
    switch (by) {
      case "month":
        return { month: formatMonth(month) };
      case "quarter":
        return { quarter: formatFiscalQuarter(fiscalQuarterOf(month, fiscalYearStart), fiscalYearStart) };
      case "rep":
        return { rep };
      case "product":
        return { product };
      case "segment":
        return { month: formatMonth(month), rep, product };
    }
  };
  const rows = new Map<string, { key: RowKey; plan: Sums; actual: Sums; month: MonthIndex }>();
  const rowFor = (month: MonthIndex, rep: string, product: string) => {
    const key = keyOf(month, rep, product);
    const id = JSON.stringify(key);
    let row = rows.get(id);
    if (!row) {
      row = { key, plan: zeroSums(order), actual: zeroSums(order), month };
      rows.set(id, row);
    }
    return row;
  };
  // Every month (or quarter) of the period and every rep or product of the plan gets a row, even
  // with nothing in it: a rep with no plan and no actuals is still part of the picture.
  if (by === "month" || by === "quarter") for (let month = period.first; month <= period.last; month++) rowFor(month, "", "");
  if (by === "rep" || by === "product") for (const segment of plan.segments) rowFor(period.first, segment.rep, segment.product);

  const figures = order.map((measure) => [measure, planFigureOf(order, measure)] as const);
  const monthOfLabel = new Map<string, MonthIndex>();
  for (let at = 0; at < plan.monthCount; at++) monthOfLabel.set(formatMonth(plan.firstMonth + at), plan.firstMonth + at);
  for (const cell of groupPlan(plan, "segment").rows) {
    const month = monthOfLabel.get(cell.key.month ?? "");
    if (month === undefined || month < period.first || month > period.last) continue;
    const row = rowFor(month, cell.key.rep ?? "", cell.key.product ?? "");
    for (const [measure, figure] of figures) row.plan[measure] = (row.plan[measure] ?? 0) + (figure === "quota" ? (cell.quota ?? 0) : figure === "deals" ? cell.deals : (cell.stages[figure] ?? 0));
  }
  for (const entry of selected.entries) {
    const row = rowFor(entry.month, entry.rep, entry.product);
    for (const measure of measures) row.actual[measure] = (row.actual[measure] ?? 0) + (entry.values[measure] ?? 0);
  }

  const ordered = [...rows.values()].sort(
    (left, right) =>
      left.month - right.month ||
      compareNames(left.key.rep ?? "", right.key.rep ?? "") ||
      compareNames(left.key.product ?? "", right.key.product ?? ""),
  );
  if (by === "rep" || by === "product") ordered.sort((left, right) => compareNames(left.key[by] ?? "", right.key[by] ?? ""));
  const toRow = (key: RowKey, planned: Sums, actual: Sums): CheckpointRow => {
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
