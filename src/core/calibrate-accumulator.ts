import { WonAmounts } from "./calibrate-amounts.js";
import { type DayNumber, lastDayOfMonth } from "./calibrate-days.js";
import type { MonthIndex } from "./month.js";

/** Lags longer than ten years are refused by the readers, as `compute` refuses such durations. */
export const MAX_LAG_MONTHS = 120;
export const MAX_LAG_DAYS = 3652;
const LAG_BINS = MAX_LAG_MONTHS + 1;
const DAY_BINS = MAX_LAG_DAYS + 1;

export type Outcome = "won" | "lost" | "open";

/**
 * One lead as a reader hands it over. Readers fill one object again and again, so the hot path of
 * a million-lead file allocates nothing per lead; names are indices into the reader's name lists.
 */
export interface LeadFacts {
  created: DayNumber;
  createdMonth: MonthIndex;
  /** Null when the lead never qualified (or not yet). */
  qualified: DayNumber | null;
  qualifiedMonth: MonthIndex;
  /** Null while the lead is open. */
  closed: DayNumber | null;
  closedMonth: MonthIndex;
  outcome: Outcome;
  /** The won value; null unless won. */
  amount: number | null;
  /** What the lead cost; null when the export does not say. */
  cost: number | null;
  /** -1 when the lead names none: it then counts only towards all leads. */
  product: number;
  rep: number;
  source: number;
  /**
   * A configured funnel's stages between the top and won, top first: the day each was reached
   * (NaN: not reached) and its month. Empty for the default funnel. The last one is also
   * `qualified`: the stage before won.
   */
  stageDays: Float64Array;
  stageMonths: Int32Array;
}

/** One month of one source and product in a monthly aggregate export. */
export interface MonthFacts {
  month: MonthIndex;
  product: number;
  source: number;
  inquiries: number;
  qualified: number;
  won: number;
  revenue: number;
  /** Null when the export gives no spend. */
  spend: number | null;
}

/**
 * Counts of one step above the last of a configured funnel (from stage k to stage k + 1), by the
 * month a lead reached stage k: how many did, how many of them went on (and their days), and
 * the month lags of those that went on. The step into won is the group's close step.
 */
export class StepCounts {
  entered: Float64Array;
  advanced: Float64Array;
  advanceDays: Float64Array;
  lags: Float64Array | null;
  dayCounts: Float64Array | null;
  /** Leads that reached stage k + 1, whatever their cohort. */
  reached = 0;

  constructor(months: number, detailed: boolean) {
    this.entered = new Float64Array(months);
    this.advanced = new Float64Array(months);
    this.advanceDays = new Float64Array(months);
    this.lags = detailed ? new Float64Array(months * LAG_BINS) : null;
    this.dayCounts = detailed ? new Float64Array(DAY_BINS) : null;
  }

  widen(move: (series: Float64Array, width: number) => Float64Array): void {
    this.entered = move(this.entered, 1);
    this.advanced = move(this.advanced, 1);
    this.advanceDays = move(this.advanceDays, 1);
    if (this.lags) this.lags = move(this.lags, LAG_BINS);
  }
}

/**
 * Counts of one group of leads (all, a product, a source, or a rep × product). Series are by
 * cohort month, relative to the accumulator's first month: inquiries and their qualification by
 * the month a lead was created, qualified leads and their wins by the month it qualified. Keeping
 * cohorts apart lets the rates be worked out at the end from the cohorts old enough to have
 * resolved, once the whole file has shown how long resolving takes.
 */
export class GroupCounts {
  inquiries: Float64Array;
  qualifiedByCreated: Float64Array;
  qualifyDaysByCreated: Float64Array;
  qualified: Float64Array;
  won: Float64Array;
  cycleDaysByQualified: Float64Array;
  /** Month-lag histograms by cohort (`cohort * 121 + lag`): only for groups that report cycles. */
  qualifyLags: Float64Array | null;
  cycleLags: Float64Array | null;
  /** How many leads took each whole number of days (for percentiles and medians). */
  qualifyDayCounts: Float64Array | null;
  cycleDayCounts: Float64Array | null;
  leads = 0;
  wonDeals = 0;
  lostDeals = 0;
  openLeads = 0;
  revenue = 0;
  /** Won deals with an amount (every won lead has one; aggregates give revenue per month). */
  pricedDeals = 0;
  costTotal = 0;
  costedLeads = 0;
  /** A configured funnel's steps above the last, top first; empty for the default funnel. */
  readonly steps: StepCounts[];
  /** The won amounts, when the accumulator keeps them (`keepWonAmounts`); null otherwise. */
  readonly wonAmounts: WonAmounts | null;

  constructor(months: number, detailed: boolean, chainSteps = 0, keepWonAmounts = false) {
    this.steps = Array.from({ length: chainSteps }, () => new StepCounts(months, detailed));
    this.wonAmounts = keepWonAmounts ? new WonAmounts() : null;
    this.inquiries = new Float64Array(months);
    this.qualifiedByCreated = new Float64Array(months);
    this.qualifyDaysByCreated = new Float64Array(months);
    this.qualified = new Float64Array(months);
    this.won = new Float64Array(months);
    this.cycleDaysByQualified = new Float64Array(months);
    this.qualifyLags = detailed ? new Float64Array(months * LAG_BINS) : null;
    this.cycleLags = detailed ? new Float64Array(months * LAG_BINS) : null;
    this.qualifyDayCounts = detailed ? new Float64Array(DAY_BINS) : null;
    this.cycleDayCounts = detailed ? new Float64Array(DAY_BINS) : null;
  }

  /** Moves every series to a wider month range: `shift` months are added in front. */
  widen(months: number, shift: number): void {
    const move = (series: Float64Array, width: number) => {
      const wider = new Float64Array(months * width);
      wider.set(series, shift * width);
      return wider;
    };
    this.inquiries = move(this.inquiries, 1);
    this.qualifiedByCreated = move(this.qualifiedByCreated, 1);
    this.qualifyDaysByCreated = move(this.qualifyDaysByCreated, 1);
    this.qualified = move(this.qualified, 1);
    this.won = move(this.won, 1);
    this.cycleDaysByQualified = move(this.cycleDaysByQualified, 1);
    if (this.qualifyLags) this.qualifyLags = move(this.qualifyLags, LAG_BINS);
    if (this.cycleLags) this.cycleLags = move(this.cycleLags, LAG_BINS);
    for (const step of this.steps) step.widen(move);
  }
}

/** The lag histograms' row width, for readers of {@link GroupCounts}. */
export const LAG_WIDTH = LAG_BINS;

/**
 * Collects a history lead by lead in memory that depends on the number of products, sources,
 * reps and months, never on the number of leads: the file is read once and not kept.
 */
export class HistoryAccumulator {
  /** The month of cohort slot 0, and how many slots every series has. */
  firstMonth = 0;
  months = 0;
  readonly all: GroupCounts;
  readonly products: GroupCounts[] = [];
  readonly sources: GroupCounts[] = [];
  /** By rep, then product; only with `byRep`. */
  readonly repProducts: GroupCounts[][] = [];
  /** The latest date any lead shows: the export's as-of date unless one is given. */
  latestDay: DayNumber | null = null;
  readonly byRep: boolean;
  /** A configured funnel's steps above the last (its stages between the top and won); 0 for the default funnel. */
  readonly chainSteps: number;
  /**
   * Keep each scope's won amounts (all leads, products, rep × product; not sources) for the
   * confidence plan to resample; a reservoir caps them (`MAX_KEPT_AMOUNTS`). Off for `calibrate`.
   */
  readonly keepWonAmounts: boolean;

  constructor(options: { byRep: boolean; chainSteps?: number; keepWonAmounts?: boolean }) {
    this.byRep = options.byRep;
    this.chainSteps = options.chainSteps ?? 0;
    this.keepWonAmounts = options.keepWonAmounts === true;
    this.all = new GroupCounts(0, true, this.chainSteps, this.keepWonAmounts);
  }

  /** Every group, for widening. */
  private *groups(): Generator<GroupCounts> {
    yield this.all;
    yield* this.products;
    yield* this.sources;
    for (const row of this.repProducts) for (const counts of row) if (counts) yield counts;
  }

  /** Makes `month` a valid cohort slot, widening every series (with room to spare) if needed. */
  private cover(month: MonthIndex): void {
    const empty = this.months === 0;
    const end = this.firstMonth + this.months;
    if (!empty && month >= this.firstMonth && month < end) return;
    const first = empty ? month - 12 : Math.min(this.firstMonth, month - 12);
    const last = empty ? month + 13 : Math.max(end, month + 13);
    const shift = empty ? 0 : this.firstMonth - first;
    this.firstMonth = first;
    this.months = last - first;
    for (const counts of this.groups()) counts.widen(this.months, shift);
  }

  private product(index: number): GroupCounts {
    return (this.products[index] ??= new GroupCounts(this.months, true, this.chainSteps, this.keepWonAmounts));
  }

  private source(index: number): GroupCounts {
    return (this.sources[index] ??= new GroupCounts(this.months, true, this.chainSteps));
  }

  private repProduct(rep: number, product: number): GroupCounts {
    const row = (this.repProducts[rep] ??= []);
    return (row[product] ??= new GroupCounts(this.months, false, this.chainSteps, this.keepWonAmounts));
  }

  /** Adds one lead. The reader has checked it (dates in order, a won lead qualified, closed and priced). */
  addLead(lead: LeadFacts): void {
    this.cover(lead.createdMonth);
    if (lead.qualified !== null) this.cover(lead.qualifiedMonth);
    for (let at = 0; at < lead.stageDays.length; at++) if (!Number.isNaN(lead.stageDays[at] ?? Number.NaN)) this.cover(lead.stageMonths[at] ?? 0);
    const latest = lead.closed ?? lead.qualified ?? lead.created;
    if (this.latestDay === null || latest > this.latestDay) this.latestDay = latest;
    const created = lead.createdMonth - this.firstMonth;
    const qualified = lead.qualified === null ? -1 : lead.qualifiedMonth - this.firstMonth;
    addTo(this.all, lead, created, qualified);
    if (lead.product >= 0) addTo(this.product(lead.product), lead, created, qualified);
    addTo(this.source(lead.source), lead, created, qualified);
    if (this.byRep && lead.rep >= 0 && lead.product >= 0) addTo(this.repProduct(lead.rep, lead.product), lead, created, qualified);
  }

  /**
   * Adds one month of a monthly aggregate. Without lead dates a month's qualified leads and wins
   * are counted as that month's cohort: the rates become totals over the months.
   */
  addMonth(facts: MonthFacts): void {
    this.cover(facts.month);
    const monthEnd = lastDayOfMonth(facts.month);
    if (this.latestDay === null || monthEnd > this.latestDay) this.latestDay = monthEnd;
    const at = facts.month - this.firstMonth;
    const groups = [this.all, this.source(facts.source)];
    if (facts.product >= 0) groups.push(this.product(facts.product));
    for (const counts of groups) {
      counts.leads += facts.inquiries;
      counts.inquiries[at] = (counts.inquiries[at] ?? 0) + facts.inquiries;
      counts.qualifiedByCreated[at] = (counts.qualifiedByCreated[at] ?? 0) + facts.qualified;
      counts.qualified[at] = (counts.qualified[at] ?? 0) + facts.qualified;
      counts.won[at] = (counts.won[at] ?? 0) + facts.won;
      counts.wonDeals += facts.won;
      counts.revenue += facts.revenue;
      counts.pricedDeals += facts.won;
      if (facts.spend !== null) {
        counts.costTotal += facts.spend;
        counts.costedLeads += facts.inquiries;
      }
    }
  }
}

function addTo(counts: GroupCounts, lead: LeadFacts, created: number, qualified: number): void {
  counts.leads++;
  counts.inquiries[created]! += 1;
  if (lead.cost !== null) {
    counts.costTotal += lead.cost;
    counts.costedLeads++;
  }
  if (lead.outcome === "open") counts.openLeads++;
  else if (lead.outcome === "lost") counts.lostDeals++;
  if (counts.steps.length > 0) addSteps(counts.steps, lead, lead.createdMonth - created);
  if (lead.qualified === null) return;
  const qualifyDays = lead.qualified - lead.created;
  counts.qualifiedByCreated[created]! += 1;
  counts.qualifyDaysByCreated[created]! += qualifyDays;
  counts.qualified[qualified]! += 1;
  if (counts.qualifyLags) counts.qualifyLags[created * LAG_BINS + (lead.qualifiedMonth - lead.createdMonth)]! += 1;
  if (counts.qualifyDayCounts) counts.qualifyDayCounts[qualifyDays]! += 1;
  if (lead.outcome !== "won" || lead.closed === null) return;
  const cycleDays = lead.closed - lead.qualified;
  counts.wonDeals++;
  counts.won[qualified]! += 1;
  counts.cycleDaysByQualified[qualified]! += cycleDays;
  if (counts.cycleLags) counts.cycleLags[qualified * LAG_BINS + (lead.closedMonth - lead.qualifiedMonth)]! += 1;
  if (counts.cycleDayCounts) counts.cycleDayCounts[cycleDays]! += 1;
  if (lead.amount !== null) {
    counts.revenue += lead.amount;
    counts.pricedDeals++;
    counts.wonAmounts?.add(lead.amount);
  }
}

/**
 * A lead's steps above the last into a configured funnel's counts: each stage it reached enters
 * the step from it, by the month it reached it; the next stage reached advances it.
 * A month's cohort slot is the month less the accumulator's `firstMonth`.
 */
function addSteps(steps: readonly StepCounts[], lead: LeadFacts, firstMonth: MonthIndex): void {
  let fromDay = lead.created;
  let fromMonth = lead.createdMonth;
  for (let at = 0; at < steps.length; at++) {
    const step = steps[at]!;
    const slot = fromMonth - firstMonth;
    step.entered[slot]! += 1;
    const toDay = lead.stageDays[at] ?? Number.NaN;
    if (Number.isNaN(toDay)) return;
    const toMonth = lead.stageMonths[at] ?? 0;
    const days = toDay - fromDay;
    step.reached++;
    step.advanced[slot]! += 1;
    step.advanceDays[slot]! += days;
    if (step.lags) step.lags[slot * LAG_BINS + (toMonth - fromMonth)]! += 1;
    if (step.dayCounts) step.dayCounts[days]! += 1;
    fromDay = toDay;
    fromMonth = toMonth;
  }
}
