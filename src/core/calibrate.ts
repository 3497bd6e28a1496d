import type { GroupCounts, HistoryAccumulator } from "./calibrate-accumulator.js";
import { type Baseline, baselineOf } from "./calibrate-baseline.js";
import type { DayNumber } from "./calibrate-days.js";
import { percentileDays, totalOf } from "./calibrate-lags.js";
import { type StepCalibration, cohortLags, matureEnd, stepCalibrations, stepWindows, sumTo } from "./calibrate-steps.js";
import type { LagDistribution } from "./lag.js";
import type { MonthIndex } from "./month.js";

/** A lead-level export, or a monthly aggregate (counts per month, source and product). */
export type HistoryShape = "leads" | "monthly";

/** The names behind the accumulator's indices. */
export interface HistoryNames {
  products: readonly string[];
  sources: readonly string[];
  reps: readonly string[];
}

/**
 * A cohort counts towards a rate once it has had time for this share of the observed lags: leads
 * younger than that are mostly still open, and counting them would bias every rate down.
 */
export const MATURITY_SHARE = 0.95;

/** A group's own lag percentile needs this many lags; below it the all-leads window applies. */
const MIN_WINDOW_SAMPLE = 30;

/** What one group of leads says about the funnel. Missing values are null. */
export interface GroupCalibration {
  inquiries: number;
  qualifiedLeads: number;
  wonDeals: number;
  /** Null for a monthly aggregate, which does not count them. */
  lostDeals: number | null;
  openLeads: number | null;
  /** The denominators of the two rates: inquiries and qualified leads of the mature cohorts. */
  cohortInquiries: number;
  cohortQualified: number;
  /** The qualification rate's numerator: those mature inquiries that qualified (the close rate's is `cohortWon`). */
  cohortQualifiedOfInquiries: number;
  /** Won deals behind the deal size and the sales cycle. */
  cohortWon: number;
  qualifyRate: number | null;
  closeRate: number | null;
  avgDealSize: number | null;
  revenue: number;
  costPerInquiry: number | null;
  costPerQualifiedLead: number | null;
  costPerWonDeal: number | null;
  salesCycle: LagDistribution | null;
  meanCycleDays: number | null;
  medianCycleDays: number | null;
  qualification: LagDistribution | null;
  meanQualificationDays: number | null;
  /** Days a cohort month must be past its end to count, for each stage. */
  windows: { qualification: number; cycle: number };
  /**
   * A configured funnel's steps, nearest won first (absent for the default funnel). The step
   * into won is the close step above; the two-stage fields hold the funnel collapsed (the
   * "qualified" stage is the one before won).
   */
  steps?: StepCalibration[];
}

/** A group by rep and product; empty means all (both empty: every lead). */
export interface ScopeCalibration extends GroupCalibration {
  rep: string;
  product: string;
  /** The scope's won amounts (a sample past `MAX_KEPT_AMOUNTS`), when the history kept them. */
  wonAmounts?: { values: Float64Array; seen: number };
}

export interface SourceCalibration extends GroupCalibration {
  source: string;
  /** This source's share of all inquiries. */
  share: number;
}

export interface Calibration {
  shape: HistoryShape;
  /** A configured funnel's stages, top first (absent: the default funnel). */
  funnel?: readonly string[];
  asOf: DayNumber;
  leads: number;
  /** All leads first, then each product, then each rep × product (with `byRep`). */
  scopes: ScopeCalibration[];
  /** Cheapest won deal first; sources whose cost per won deal is unknown last. */
  sources: SourceCalibration[];
  baseline: Baseline;
  /** True when no cohort was old enough and every cohort was counted (rates then run low). */
  immature: boolean;
}

interface Windows {
  qualification: number;
  cycle: number;
}

const windowOf = (counts: Float64Array | null, fallback: number): number =>
  counts !== null && totalOf(counts) >= MIN_WINDOW_SAMPLE ? (percentileDays(counts, MATURITY_SHARE) ?? fallback) : fallback;

/**
 * Works out the funnel from an accumulated history. A lead still open is neither won nor lost, so
 * each rate counts only cohorts old enough to have resolved: the qualification rate takes the
 * inquiries of months that ended at least the 95th percentile of the observed inquiry →
 * qualification lags before the as-of date; the close rate takes the qualified leads of months
 * that ended at least the 95th percentile of the won deals' cycles before it. The sales cycle and
 * qualification time come from the same cohorts, so their long lags are not cut short. Costs per
 * qualified lead and per won deal follow from the rates, as `compute` budgets them.
 *
 * Example: 1,000 inquiries in mature months, 250 of them qualified, 60 of those won (out of the
 * mature qualified cohorts' 240) give 25% and 25%.
 */
export function calibrate(
  history: HistoryAccumulator,
  names: HistoryNames,
  options: { asOf: DayNumber | null; shape: HistoryShape; funnel?: readonly string[] | undefined },
): Calibration {
  const asOf = options.asOf ?? history.latestDay ?? 0;
  const leadLevel = options.shape === "leads";
  const allWindows: Windows = leadLevel
    ? { qualification: percentileDays(history.all.qualifyDayCounts ?? [], MATURITY_SHARE) ?? 0, cycle: percentileDays(history.all.cycleDayCounts ?? [], MATURITY_SHARE) ?? 0 }
    : { qualification: 0, cycle: 0 };
  const windowsOf = (counts: GroupCounts): Windows =>
    leadLevel
      ? { qualification: windowOf(counts.qualifyDayCounts, allWindows.qualification), cycle: windowOf(counts.cycleDayCounts, allWindows.cycle) }
      : allWindows;
  let immature = false;
  const funnel = options.funnel;
  const allStepWindows = stepWindows(history.all, MATURITY_SHARE, MIN_WINDOW_SAMPLE, null);
  const group = (counts: GroupCounts, windows: Windows): GroupCalibration => {
    const result = calibrateGroup(counts, history.firstMonth, asOf, windows, leadLevel);
    if (result.immature) immature = true;
    if (funnel === undefined) return result.calibration;
    // The steps above the last take their windows as the qualification does: the group's own with enough lags.
    const own = counts === history.all ? allStepWindows : stepWindows(counts, MATURITY_SHARE, MIN_WINDOW_SAMPLE, allStepWindows);
    const above = stepCalibrations(counts, funnel, history.firstMonth, asOf, own);
    if (above.immature) immature = true;
    return { ...result.calibration, steps: [intoWon(result.calibration, funnel), ...above.steps.reverse()] };
  };

  const scopes: ScopeCalibration[] = [withAmounts({ rep: "", product: "", ...group(history.all, allWindows) }, history.all)];
  const productWindows: Windows[] = [];
  for (const index of sortedIndices(names.products, history.products)) {
    const counts = history.products[index];
    if (!counts) continue;
    productWindows[index] = windowsOf(counts);
    scopes.push(withAmounts({ rep: "", product: names.products[index] ?? "", ...group(counts, productWindows[index] ?? allWindows) }, counts));
  }
  const repOrder = sortedIndices(names.reps, history.repProducts);
  for (const rep of repOrder) {
    const row = history.repProducts[rep] ?? [];
    for (const product of sortedIndices(names.products, row)) {
      const counts = row[product];
      if (counts) scopes.push(withAmounts({ rep: names.reps[rep] ?? "", product: names.products[product] ?? "", ...group(counts, productWindows[product] ?? allWindows) }, counts));
    }
  }
  const total = history.all.leads;
  const sources = history.sources
    .map((counts, index): SourceCalibration | null =>
      counts ? { source: names.sources[index] ?? "", share: total === 0 ? 0 : counts.leads / total, ...group(counts, windowsOf(counts)) } : null,
    )
    .filter((source): source is SourceCalibration => source !== null)
    .sort(bySourceQuality);
  const calibration: Calibration = { shape: options.shape, asOf, leads: total, scopes, sources, baseline: baselineOf(history.all, history.firstMonth, asOf), immature };
  return funnel === undefined ? calibration : { ...calibration, funnel };
}

/** A scope with its won amounts, when the accumulator kept them. */
function withAmounts(scope: ScopeCalibration, counts: GroupCounts): ScopeCalibration {
  return counts.wonAmounts === null ? scope : { ...scope, wonAmounts: { values: counts.wonAmounts.values(), seen: counts.wonAmounts.seen } };
}

/** A configured funnel's step into won: the group's close step, its "qualified" stage the one before won. */
function intoWon(group: GroupCalibration, funnel: readonly string[]): StepCalibration {
  return {
    from: funnel[funnel.length - 2] ?? "",
    to: funnel[funnel.length - 1] ?? "",
    entered: group.qualifiedLeads,
    reached: group.wonDeals,
    cohortEntered: group.cohortQualified,
    rate: group.closeRate,
    lag: group.salesCycle,
    meanDays: group.meanCycleDays,
    medianDays: group.medianCycleDays,
    windowDays: group.windows.cycle,
  };
}

/** Indices of the groups that exist, ordered by name. */
function sortedIndices(names: readonly string[], groups: readonly unknown[]): number[] {
  const indices: number[] = [];
  groups.forEach((group, index) => {
    if (group) indices.push(index);
  });
  return indices.sort((a, b) => compareText(names[a] ?? "", names[b] ?? ""));
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function bySourceQuality(a: SourceCalibration, b: SourceCalibration): number {
  if (a.costPerWonDeal !== b.costPerWonDeal) {
    if (a.costPerWonDeal === null) return 1;
    if (b.costPerWonDeal === null) return -1;
    return a.costPerWonDeal - b.costPerWonDeal;
  }
  return b.inquiries - a.inquiries || compareText(a.source, b.source);
}

/** Lags past the one by which this share of the volume has arrived are folded into it. */
export { DISTRIBUTION_KEEP } from "./calibrate-steps.js";

const sum = sumTo;
const lagsOf = cohortLags;

const ratio = (numerator: number, denominator: number): number | null => (denominator > 0 ? numerator / denominator : null);

function calibrateGroup(
  counts: GroupCounts,
  firstMonth: MonthIndex,
  asOf: DayNumber,
  windows: Windows,
  leadLevel: boolean,
): { calibration: GroupCalibration; immature: boolean } {
  const months = counts.inquiries.length;
  let qualifyEnd = matureEnd(firstMonth, months, asOf, windows.qualification);
  let cycleEnd = matureEnd(firstMonth, months, asOf, windows.cycle);
  // A history shorter than its own cycle has no resolved cohort: count them all, and say so.
  const immature = (sum(counts.inquiries, qualifyEnd) === 0 && counts.leads > 0) || (sum(counts.qualified, cycleEnd) === 0 && totalOf(counts.qualified) > 0);
  if (sum(counts.inquiries, qualifyEnd) === 0) qualifyEnd = months;
  if (sum(counts.qualified, cycleEnd) === 0) cycleEnd = months;

  const cohortInquiries = sum(counts.inquiries, qualifyEnd);
  const cohortQualifiedOfInquiries = sum(counts.qualifiedByCreated, qualifyEnd);
  const cohortQualified = sum(counts.qualified, cycleEnd);
  const cohortWon = sum(counts.won, cycleEnd);
  const qualifyRate = ratio(cohortQualifiedOfInquiries, cohortInquiries);
  const closeRate = ratio(cohortWon, cohortQualified);
  const costPerInquiry = ratio(counts.costTotal, counts.costedLeads);
  const costPerQualifiedLead = costPerInquiry === null || !qualifyRate ? null : costPerInquiry / qualifyRate;
  const costPerWonDeal = costPerQualifiedLead === null || !closeRate ? null : costPerQualifiedLead / closeRate;
  const salesCycle = lagsOf(counts.cycleLags, cycleEnd);
  const qualification = lagsOf(counts.qualifyLags, qualifyEnd);
  return {
    immature,
    calibration: {
      inquiries: counts.leads,
      qualifiedLeads: totalOf(counts.qualified),
      wonDeals: counts.wonDeals,
      lostDeals: leadLevel ? counts.lostDeals : null,
      openLeads: leadLevel ? counts.openLeads : null,
      cohortInquiries,
      cohortQualified,
      cohortQualifiedOfInquiries,
      cohortWon,
      qualifyRate,
      closeRate,
      avgDealSize: ratio(counts.revenue, counts.pricedDeals),
      revenue: counts.revenue,
      costPerInquiry,
      costPerQualifiedLead,
      costPerWonDeal,
      salesCycle,
      meanCycleDays: salesCycle === null ? null : ratio(sum(counts.cycleDaysByQualified, cycleEnd), cohortWon),
      medianCycleDays: counts.cycleDayCounts === null ? null : percentileDays(counts.cycleDayCounts, 0.5),
      qualification,
      meanQualificationDays: qualification === null ? null : ratio(sum(counts.qualifyDaysByCreated, qualifyEnd), cohortQualifiedOfInquiries),
      windows,
    },
  };
}
