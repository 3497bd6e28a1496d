import { funnelStages } from "./funnel.js";
import { type PlanRow, groupPlan } from "./group.js";
import { maxLag } from "./lag.js";
import { type MonthIndex, formatMonth, monthOfYear } from "./month.js";
import { type Plan, type SegmentInput, computePlan } from "./plan.js";
import { roundCents } from "./rounding.js";
import { type ActualEntry, type TrackPeriod, monthShare } from "./track.js";

import type { CatchUpWindow } from "./catch-up-window.js";

export { CATCH_UP_WINDOWS, type CatchUpWindow } from "./catch-up-window.js";

export interface CatchUpOptions {
  asOf: MonthIndex;
  window: Exclude<CatchUpWindow, "none">;
  /** Lower future quota by a surplus too (by default a surplus is kept, not spent). */
  bankSurplus: boolean;
}

/**
 * The shortfall of one scope the actuals can tell apart: a rep, a product, both, or (with neither
 * column) everything. `rep` or `product` is null when the actuals do not name it.
 */
export interface CatchUpScope {
  rep: string | null;
  product: string | null;
  /** Quota due in the period, and the revenue the actuals report against it. */
  quotaDue: number;
  actual: number;
  /** Quota due minus actual: positive when behind, negative for a surplus. */
  shortfall: number;
  /** What was added to future quota (negative: taken off, with `bankSurplus`). */
  added: number;
  /** Close months the extra was spread over. */
  months: MonthIndex[];
  /** The first close month leads generated from as-of + 1 can reach, in or beyond the window. */
  earliestReachable: MonthIndex;
  /** True when there was something to spread and no month with quota could take it. */
  unreachable: boolean;
}

/** One month from as-of + 1: the revised plan, and how much more it needs than the original. */
export interface CatchUpRow {
  month: string;
  quota: number | null;
  extraQuota: number | null;
  qualifiedLeads: number;
  extraQualifiedLeads: number;
  inquiries: number;
  extraInquiries: number;
  /** Every stage before won, nearest won first (a configured funnel's columns; the default's first is `qualifiedLeads`, the last `inquiries`). */
  stages: number[];
  extraStages: number[];
  budget: number | null;
  extraBudget: number | null;
}

export interface CatchUpPlan {
  window: CatchUpOptions["window"];
  /** Last close month of the window: the end of as-of's fiscal quarter or fiscal year. */
  windowEnd: MonthIndex;
  scopes: CatchUpScope[];
  /** The quota rows with the shortfall added: compute on these gives `revised`. */
  raised: SegmentInput[];
  revised: Plan;
  /** From as-of + 1 to the end of the window (or of the plan, if sooner). */
  rows: CatchUpRow[];
  totals: Omit<CatchUpRow, "month">;
}

/** Last month of the window that contains `asOf`: its fiscal quarter, or its fiscal year. */
export function catchUpWindowEnd(asOf: MonthIndex, window: CatchUpOptions["window"], fiscalYearStart: number): MonthIndex {
  const monthsIntoYear = (monthOfYear(asOf) - fiscalYearStart + 12) % 12;
  return window === "quarter" ? asOf + 2 - (monthsIntoYear % 3) : asOf + 11 - monthsIntoYear;
}

/** Months from generating a lead to its deal closing, at the longest lag each stage can take. */
export function generationReach(segment: SegmentInput): number {
  return funnelStages(segment.assumptions).reduce((total, stage) => total + maxLag(stage.lag), 0);
}

const diff = (after: number | null, before: number | null) => (after === null || before === null ? null : roundCents(after - before));

/**
 * Adds the revenue shortfall up to as-of to the quota still ahead, and plans again.
 *
 * Leads can only be generated from as-of + 1; compute places a share of a close month's leads at
 * the longest lag of each stage, so close month M is reachable when M − (longest sales cycle +
 * longest qualification time) ≥ as-of + 1. (The shortest lag would let part of the raised quota
 * ask for leads in months already past.) Each scope's shortfall is spread over its reachable close
 * months inside the window that have quota, in proportion to that quota; the revised plan is
 * {@link computePlan} on the raised quotas.
 *
 * Example: as-of 2027-03, 2-month cycle, no qualification time, fiscal year from January: leads
 * from April close from June; a $90,000 shortfall against quotas of 100k (Jun), 200k (Jul) and
 * 300k (Dec) raises them by 15k, 30k and 45k.
 */
export function planCatchUp(
  plan: Plan,
  segments: readonly SegmentInput[],
  scope: { byRep: boolean; byProduct: boolean },
  entries: readonly ActualEntry[],
  period: TrackPeriod,
  options: CatchUpOptions,
): CatchUpPlan {
  const windowEnd = catchUpWindowEnd(options.asOf, options.window, plan.surge.fiscalYearStart);
  const scopeOf = (rep: string, product: string) => JSON.stringify([scope.byRep ? rep : null, scope.byProduct ? product : null]);
  const scopes = new Map<string, CatchUpScope & { members: number[] }>();
  segments.forEach((segment, index) => {
    const id = scopeOf(segment.rep, segment.product);
    let entry = scopes.get(id);
    if (!entry) {
      entry = {
        rep: scope.byRep ? segment.rep : null,
        product: scope.byProduct ? segment.product : null,
        quotaDue: 0,
        actual: 0,
        shortfall: 0,
        added: 0,
        months: [],
        earliestReachable: Number.POSITIVE_INFINITY,
        unreachable: false,
        members: [],
      };
      scopes.set(id, entry);
    }
    entry.members.push(index);
    entry.earliestReachable = Math.min(entry.earliestReachable, options.asOf + 1 + generationReach(segment));
    // A month the period holds part of (an as-of day) is due by its working days elapsed.
    for (const row of segment.quotas) if (row.month >= period.first && row.month <= period.last) entry.quotaDue += (row.quota ?? 0) * monthShare(period, row.month);
  });
  for (const entry of entries) {
    const found = scopes.get(scopeOf(entry.rep, entry.product));
    if (found) found.actual += entry.values.revenue ?? 0;
  }

  const extra = segments.map((segment) => new Array<number>(segment.quotas.length).fill(0));
  for (const found of scopes.values()) {
    found.quotaDue = roundCents(found.quotaDue);
    found.actual = roundCents(found.actual);
    found.shortfall = roundCents(found.quotaDue - found.actual);
    const toSpread = found.shortfall > 0 || options.bankSurplus ? found.shortfall : 0;
    const reachable: { member: number; row: number; quota: number }[] = [];
    for (const member of found.members) {
      const segment = segments[member] as SegmentInput;
      const from = options.asOf + 1 + generationReach(segment);
      segment.quotas.forEach((row, index) => {
        if (row.month >= from && row.month <= windowEnd && row.quota !== null && row.quota > 0) reachable.push({ member, row: index, quota: row.quota });
      });
    }
    const base = reachable.reduce((total, cell) => total + cell.quota, 0);
    if (toSpread === 0) continue;
    if (base === 0) {
      found.unreachable = true;
      continue;
    }
    const months = new Set<MonthIndex>();
    for (const cell of reachable) {
      // A banked surplus lowers quota, never below nothing.
      const added = Math.max(-cell.quota, (toSpread * cell.quota) / base);
      (extra[cell.member] as number[])[cell.row] = added;
      found.added += added;
      months.add((segments[cell.member] as SegmentInput).quotas[cell.row]?.month ?? 0);
    }
    found.added = roundCents(found.added);
    found.months = [...months].sort((left, right) => left - right);
  }

  const raised = segments.map((segment, member) => ({
    ...segment,
    quotas: segment.quotas.map((row, index) => {
      const added = extra[member]?.[index] ?? 0;
      return added === 0 || row.quota === null ? row : { ...row, quota: row.quota + added };
    }),
  }));
  const revised = computePlan(raised, plan.surge);
  const { rows, totals } = compareRows(plan, revised, options.asOf + 1, Math.min(windowEnd, plan.firstMonth + plan.monthCount - 1));
  return {
    window: options.window,
    windowEnd,
    scopes: [...scopes.values()].map(({ members: _members, ...rest }) => rest),
    raised,
    revised,
    rows,
    totals,
  };
}

function compareRows(original: Plan, revised: Plan, from: MonthIndex, to: MonthIndex): Pick<CatchUpPlan, "rows" | "totals"> {
  const byLabel = (plan: Plan) => new Map(groupPlan(plan, "month").rows.map((row) => [row.key.month ?? "", row]));
  const before = byLabel(original);
  const after = byLabel(revised);
  const rows: CatchUpRow[] = [];
  const totals: Omit<CatchUpRow, "month"> = {
    quota: original.hasAmounts ? 0 : null,
    extraQuota: original.hasAmounts ? 0 : null,
    qualifiedLeads: 0,
    extraQualifiedLeads: 0,
    inquiries: 0,
    extraInquiries: 0,
    stages: [],
    extraStages: [],
    budget: 0,
    extraBudget: 0,
  };
  const stageCount = original.segments.reduce((most, segment) => Math.max(most, segment.stages.length), 0);
  const empty: Pick<PlanRow, "quota" | "qualifiedLeads" | "inquiries" | "budget" | "stages"> = { quota: 0, qualifiedLeads: 0, inquiries: 0, budget: 0, stages: [] };
  for (let month = from; month <= to; month++) {
    const label = formatMonth(month);
    const old = before.get(label) ?? empty;
    const now = after.get(label) ?? empty;
    const row: CatchUpRow = {
      month: label,
      quota: original.hasAmounts ? now.quota : null,
      extraQuota: original.hasAmounts ? diff(now.quota, old.quota) : null,
      qualifiedLeads: now.qualifiedLeads,
      extraQualifiedLeads: now.qualifiedLeads - old.qualifiedLeads,
      inquiries: now.inquiries,
      extraInquiries: now.inquiries - old.inquiries,
      stages: Array.from({ length: stageCount }, (_, index) => now.stages[index] ?? 0),
      extraStages: Array.from({ length: stageCount }, (_, index) => (now.stages[index] ?? 0) - (old.stages[index] ?? 0)),
      budget: now.budget,
      extraBudget: diff(now.budget, old.budget),
    };
    rows.push(row);
    const add = (total: number | null, value: number | null) => (total === null || value === null ? null : roundCents(total + value));
    totals.quota = add(totals.quota, row.quota);
    totals.extraQuota = add(totals.extraQuota, row.extraQuota);
    totals.qualifiedLeads += row.qualifiedLeads;
    totals.extraQualifiedLeads += row.extraQualifiedLeads;
    totals.inquiries += row.inquiries;
    totals.extraInquiries += row.extraInquiries;
    row.stages.forEach((count, index) => {
      totals.stages[index] = (totals.stages[index] ?? 0) + count;
      totals.extraStages[index] = (totals.extraStages[index] ?? 0) + (row.extraStages[index] ?? 0);
    });
    totals.budget = add(totals.budget, row.budget);
    totals.extraBudget = add(totals.extraBudget, row.extraBudget);
  }
  return { rows, totals };
}

