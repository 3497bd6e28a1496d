import { type CommissionTotals, commissionTotals } from "./commission.js";
import { fiscalQuarterOf, formatFiscalQuarter } from "./fiscal.js";
import { formatMonth } from "./month.js";
import type { Plan, SegmentPlan } from "./plan.js";
import { roundCents, wholeUp } from "./rounding.js";

export const GROUPINGS = ["month", "quarter", "rep", "product", "segment"] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** A time grain with a name grain: one row per month (or fiscal quarter) and rep (or product). */
export const PAIR_GROUPINGS = ["month,rep", "month,product", "quarter,rep", "quarter,product"] as const;
export type PairGrouping = (typeof PAIR_GROUPINGS)[number];

/** Every view of a plan (`--by`): the single grains and the pairs. */
export const PLAN_GROUPINGS = [...GROUPINGS, ...PAIR_GROUPINGS] as const;
export type PlanGrouping = Grouping | PairGrouping;

export const isPairGrouping = (by: PlanGrouping): by is PairGrouping => by.includes(",");

/** What identifies a row; only the fields of the grouping are present. */
export interface RowKey {
  month?: string;
  quarter?: string;
  rep?: string;
  product?: string;
}

/** Exact (unrounded) sums behind a row's whole numbers. */
export interface ExactFigures {
  deals: number;
  qualifiedLeads: number;
  inquiries: number;
  inquiriesBeforeSurge: number;
  budget: number | null;
  /** Every stage before won, nearest won first (the first is `qualifiedLeads`, the last `inquiries`). */
  stages: number[];
}

export interface PlanRow {
  key: RowKey;
  /** True when the row's months generate surge leads. */
  surge: boolean;
  /** Quota money due; null when the plan gives units only. */
  quota: number | null;
  units: number;
  deals: number;
  qualifiedLeads: number;
  inquiries: number;
  /** Inquiries with the surge minus inquiries without it, each rounded up per cell. */
  surgeInquiries: number;
  /** Rounded inquiries × cost per inquiry; null when a cost is unknown. */
  budget: number | null;
  /**
   * Every stage before won, nearest won first, rounded up per cell like the named two: a
   * configured funnel's columns (the default funnel's are `qualifiedLeads`, then `inquiries`).
   */
  stages: number[];
  exact: ExactFigures;
}

export interface PlanTotals extends Omit<PlanRow, "key" | "surge"> {
  costPerInquiry: number | null;
  costPerQualifiedLead: number | null;
  costPerDeal: number | null;
  /** Budget per entry of every stage before won, nearest won first (a configured funnel's cost line). */
  costPerStage: (number | null)[];
  /** The deals' commission, when some segment gives one (absent otherwise: the report says nothing of it). */
  commission?: CommissionTotals;
}

export interface PlanView {
  by: PlanGrouping;
  rows: PlanRow[];
  totals: PlanTotals;
}

function emptyRow(key: RowKey, surge: boolean, hasAmounts: boolean): PlanRow {
  return {
    key,
    surge,
    quota: hasAmounts ? 0 : null,
    units: 0,
    deals: 0,
    qualifiedLeads: 0,
    inquiries: 0,
    surgeInquiries: 0,
    budget: 0,
    stages: [],
    exact: { deals: 0, qualifiedLeads: 0, inquiries: 0, inquiriesBeforeSurge: 0, budget: 0, stages: [] },
  };
}

/** A ratio that has no value when its denominator is zero or its numerator is unknown. */
function ratio(numerator: number | null, denominator: number): number | null {
  return numerator === null || denominator === 0 ? null : roundCents(numerator / denominator);
}

/**
 * Adds one month of one segment into a row. Whole numbers are rounded up here, at the finest
 * grain (month × rep × product), and every coarser row sums those cells, so every view adds up.
 */
function addCell(plan: Plan, row: PlanRow, segment: SegmentPlan, at: number): void {
  const { stages } = segment;
  const last = stages.length - 1;
  const surged = plan.surgeMonths[at] ?? false;
  const raise = 1 + plan.surge.rate;
  const exactDeals = segment.deals[at] ?? 0;
  let inquiries = 0;
  let exactInquiries = 0;
  let exactInquiriesBeforeSurge = 0;
  // One pass over the stages, nearest won first, with no object made per stage: this runs for
  // every month of every segment. The same figures as surgedVolume gives.
  for (let index = 0; index <= last; index++) {
    const beforeSurge = stages[index]?.beforeSurge[at] ?? 0;
    const exact = surged ? beforeSurge * raise : beforeSurge;
    const whole = wholeUp(exact);
    row.stages[index] = (row.stages[index] ?? 0) + whole;
    row.exact.stages[index] = (row.exact.stages[index] ?? 0) + exact;
    if (index === 0) {
      row.qualifiedLeads += whole;
      row.exact.qualifiedLeads += exact;
    }
    if (index === last) {
      inquiries = whole;
      exactInquiries = exact;
      exactInquiriesBeforeSurge = beforeSurge;
    }
  }
  const cost = segment.assumptions.costPerInquiry;

  if (row.quota !== null) row.quota += segment.quota[at] ?? 0;
  row.units += segment.units[at] ?? 0;
  row.deals += wholeUp(exactDeals);
  row.inquiries += inquiries;
  row.surgeInquiries += inquiries - wholeUp(exactInquiriesBeforeSurge);
  row.exact.deals += exactDeals;
  row.exact.inquiries += exactInquiries;
  row.exact.inquiriesBeforeSurge += exactInquiriesBeforeSurge;
  // A segment without a cost makes every budget it is part of unknown, even in months it buys
  // nothing: a total that silently leaves a segment out would look complete.
  row.budget = cost === null || row.budget === null ? null : row.budget + inquiries * cost;
  row.exact.budget = cost === null || row.exact.budget === null ? null : row.exact.budget + exactInquiries * cost;
}

function cellIsEmpty(segment: SegmentPlan, at: number): boolean {
  if ((segment.quota[at] ?? 0) !== 0 || (segment.units[at] ?? 0) !== 0 || (segment.deals[at] ?? 0) !== 0) return false;
  return segment.stages.every((stage) => (stage.beforeSurge[at] ?? 0) === 0);
}

/** Code-unit order, so the result never depends on the machine's locale; unassigned sorts last. */
function compareNames(left: string, right: string): number {
  if (left === right) return 0;
  if (left === "") return 1;
  if (right === "") return -1;
  return left < right ? -1 : 1;
}

/**
 * A view of the plan: one row per month (the default), fiscal quarter, rep, product, or
 * month × rep × product segment, with totals. Months run without gaps over the plan; segment
 * rows are listed only where something is due or generated.
 */
export function groupPlan(plan: Plan, by: PlanGrouping): PlanView {
  const month = (at: number) => formatMonth(plan.firstMonth + at);
  const rows: PlanRow[] = [];
  const surgeAt = (at: number) => plan.surgeMonths[at] ?? false;

  if (by === "month" || by === "quarter") {
    const rowOfMonth: number[] = [];
    for (let at = 0; at < plan.monthCount; at++) {
      const label =
        by === "month"
          ? month(at)
          : formatFiscalQuarter(fiscalQuarterOf(plan.firstMonth + at, plan.surge.fiscalYearStart), plan.surge.fiscalYearStart);
      const previous = rows[rows.length - 1];
      const previousLabel = previous?.key.month ?? previous?.key.quarter;
      if (previous && previousLabel === label) {
        previous.surge ||= surgeAt(at);
      } else {
        rows.push(emptyRow(by === "month" ? { month: label } : { quarter: label }, surgeAt(at), plan.hasAmounts));
      }
      rowOfMonth.push(rows.length - 1);
    }
    for (const segment of plan.segments) {
      for (let at = 0; at < plan.monthCount; at++) {
        const row = rows[rowOfMonth[at] ?? 0];
        if (row) addCell(plan, row, segment, at);
      }
    }
  } else if (isPairGrouping(by)) {
    for (const row of pairRows(plan, by)) rows.push(row);
  } else if (by === "rep" || by === "product") {
    const byName = new Map<string, PlanRow>();
    for (const segment of plan.segments) {
      const name = segment[by];
      let row = byName.get(name);
      if (!row) {
        row = emptyRow(by === "rep" ? { rep: name } : { product: name }, false, plan.hasAmounts);
        byName.set(name, row);
      }
      for (let at = 0; at < plan.monthCount; at++) {
        if (surgeAt(at) && !cellIsEmpty(segment, at)) row.surge = true;
        addCell(plan, row, segment, at);
      }
    }
    for (const item of [...byName.values()].sort((left, right) => compareNames(left.key[by] ?? "", right.key[by] ?? ""))) rows.push(item);
  } else {
    for (const row of segmentRows(plan)) rows.push(row);
  }
  // Segment rows come rounded.
  if (by !== "segment") for (const row of rows) roundMoney(row);
  // Views that list only non-empty cells (segments) may leave out a segment without a cost; the
  // totals must still say the budget is unknown, as every other view does.
  const budgetKnown = plan.segments.every((segment) => segment.assumptions.costPerInquiry !== null);
  const totals = totalsOf(rows, plan.hasAmounts, budgetKnown);
  const commission = commissionTotals(plan);
  if (commission !== undefined) totals.commission = commission;
  return { by, rows, totals };
}

/**
 * Rows of a time grain and a name grain (`month,rep`): time in order, names by code unit within
 * it, listed where something is due or generated (as segment rows are); each sums its segments'
 * cells, so the pairs add up to the month (or quarter) view and to the rep (or product) view.
 */
function pairRows(plan: Plan, by: PairGrouping): PlanRow[] {
  const [time, name] = by.split(",") as ["month" | "quarter", "rep" | "product"];
  const labels: string[] = [];
  const order = new Map<string, number>();
  for (let at = 0; at < plan.monthCount; at++) {
    const label =
      time === "month" ? formatMonth(plan.firstMonth + at) : formatFiscalQuarter(fiscalQuarterOf(plan.firstMonth + at, plan.surge.fiscalYearStart), plan.surge.fiscalYearStart);
    labels.push(label);
    if (!order.has(label)) order.set(label, order.size);
  }
  const byKey = new Map<string, PlanRow>();
  for (const segment of plan.segments) {
    const nameValue = segment[name];
    for (let at = 0; at < plan.monthCount; at++) {
      if (cellIsEmpty(segment, at)) continue;
      const label = labels[at] ?? "";
      const id = `${label}\u0000${nameValue}`;
      let row = byKey.get(id);
      if (!row) {
        row = emptyRow({ [time]: label, [name]: nameValue }, false, plan.hasAmounts);
        byKey.set(id, row);
      }
      if (plan.surgeMonths[at] ?? false) row.surge = true;
      addCell(plan, row, segment, at);
    }
  }
  return [...byKey.values()].sort(
    (left, right) => (order.get(left.key[time] ?? "") ?? 0) - (order.get(right.key[time] ?? "") ?? 0) || compareNames(left.key[name] ?? "", right.key[name] ?? ""),
  );
}

/**
 * The segment view's rows (month × rep × product, months in order, reps and products by name
 * within a month, empty cells left out), made one at a time as they are asked for: a writer that
 * streams them holds one row, not millions (a 3.6M-cell plan's rows outgrew the heap).
 */
export function* segmentRows(plan: Plan): Generator<PlanRow> {
  const ordered = [...plan.segments].sort((left, right) => compareNames(left.rep, right.rep) || compareNames(left.product, right.product));
  for (let at = 0; at < plan.monthCount; at++) {
    const month = formatMonth(plan.firstMonth + at);
    const surge = plan.surgeMonths[at] ?? false;
    for (const segment of ordered) {
      if (cellIsEmpty(segment, at)) continue;
      const row = emptyRow({ month, rep: segment.rep, product: segment.product }, surge, plan.hasAmounts);
      addCell(plan, row, segment, at);
      roundMoney(row);
      yield row;
    }
  }
}

/** The rows of a view, as {@link groupPlan} lists them; the segment view's made as they are read. */
export function planRows(plan: Plan, by: PlanGrouping): Iterable<PlanRow> {
  return by === "segment" ? segmentRows(plan) : groupPlan(plan, by).rows;
}

function roundMoney(row: PlanRow): void {
  if (row.quota !== null) row.quota = roundCents(row.quota);
  if (row.budget !== null) row.budget = roundCents(row.budget);
}

function totalsOf(rows: readonly PlanRow[], hasAmounts: boolean, budgetKnown: boolean): PlanTotals {
  const total = emptyRow({}, false, hasAmounts);
  if (!budgetKnown) {
    total.budget = null;
    total.exact.budget = null;
  }
  for (const row of rows) {
    if (total.quota !== null) total.quota += row.quota ?? 0;
    total.units += row.units;
    total.deals += row.deals;
    total.qualifiedLeads += row.qualifiedLeads;
    total.inquiries += row.inquiries;
    total.surgeInquiries += row.surgeInquiries;
    row.stages.forEach((count, index) => {
      total.stages[index] = (total.stages[index] ?? 0) + count;
      total.exact.stages[index] = (total.exact.stages[index] ?? 0) + (row.exact.stages[index] ?? 0);
    });
    total.budget = total.budget === null || row.budget === null ? null : total.budget + row.budget;
    total.exact.deals += row.exact.deals;
    total.exact.qualifiedLeads += row.exact.qualifiedLeads;
    total.exact.inquiries += row.exact.inquiries;
    total.exact.inquiriesBeforeSurge += row.exact.inquiriesBeforeSurge;
    total.exact.budget = total.exact.budget === null || row.exact.budget === null ? null : total.exact.budget + row.exact.budget;
  }
  roundMoney(total);
  const { key: _key, surge: _surge, ...figures } = total;
  return {
    ...figures,
    costPerInquiry: ratio(total.budget, total.inquiries),
    costPerQualifiedLead: ratio(total.budget, total.qualifiedLeads),
    costPerDeal: ratio(total.budget, total.deals),
    costPerStage: total.stages.map((count) => ratio(total.budget, count)),
  };
}
