import { roundCents, wholeUp } from "./rounding.js";

/** A lead source as calibrate's source table (or a hand-made file) describes it. */
export interface LeadSource {
  source: string;
  /** Share of inquiries from this source in a fixed mix (null: not given). */
  share: number | null;
  qualifyRate: number;
  closeRate: number;
  costPerInquiry: number;
  /** Most inquiries the source can give in a month (null: no cap). */
  maxInquiriesPerMonth: number | null;
  /** Inquiries the source produced in the history (calibrate's `inquiries` column), when the file has it. */
  historyInquiries?: number;
  /**
   * A configured funnel's step rates, nearest won first (absent: the default funnel). The mix
   * uses them collapsed: `closeRate` the step into won, `qualifyRate` the product of the others.
   */
  steps?: number[];
}

/** Won deals one inquiry from this source brings: its qualification rate × its close rate. */
export const wonPerInquiry = (source: LeadSource): number => source.qualifyRate * source.closeRate;

/** What one won deal from this source costs in inquiries bought: the order the optimiser fills in. */
export const costPerWon = (source: LeadSource): number => {
  const won = wonPerInquiry(source);
  // A source that has never closed a deal brings none at any price: it is bought last, never.
  return won === 0 ? Number.POSITIVE_INFINITY : source.costPerInquiry / won;
};

export interface SourceMonth {
  month: string;
  /** Whole inquiries to buy from each source, in the order of the sources given. */
  inquiries: number[];
  /** Exact inquiries behind them. */
  exactInquiries: number[];
  budget: number;
  /** Won deals the month's need still lacks when the sources cannot bring them (0 when reached). */
  shortWon: number;
  /** Qualified leads the month's need still lacks, likewise: never a silent 0 inquiries. */
  shortQualified: number;
  /** Sources whose cap the month exceeds (fixed shares only). */
  overCap: string[];
}

/**
 * A fixed mix: the month's qualified leads come from inquiries split by share, so the inquiries
 * needed are qualified ÷ Σ(share × qualify rate) (the blended rate), each source's part whole and
 * rounded up; caps are checked, not enforced. A mix whose sources qualify no lead (every rate 0)
 * is short the whole need; one whose qualified leads never close is short every won deal (`won`).
 */
export function fixedMix(sources: readonly LeadSource[], month: string, qualifiedLeads: number, won = 0): SourceMonth {
  const blended = sources.reduce((total, source) => total + (source.share ?? 0) * source.qualifyRate, 0);
  const closing = sources.reduce((total, source) => total + (source.share ?? 0) * wonPerInquiry(source), 0);
  const total = blended === 0 ? 0 : qualifiedLeads / blended;
  const exactInquiries = sources.map((source) => total * (source.share ?? 0));
  const inquiries = exactInquiries.map(wholeUp);
  const overCap = sources.filter((source, index) => source.maxInquiriesPerMonth !== null && (inquiries[index] ?? 0) > source.maxInquiriesPerMonth).map((source) => source.source);
  const shortQualified = blended === 0 ? qualifiedLeads : 0;
  const shortWon = closing === 0 ? won : 0;
  return { month, inquiries, exactInquiries, budget: budgetOf(sources, inquiries), shortWon, shortQualified, overCap };
}

/**
 * The cheapest mix that still brings the month's won deals: sources filled in order of cost per
 * won deal, each up to its cap. Buying is linear with one need and a cap per source (a fractional
 * knapsack), so filling the cheapest first is optimal; what the caps leave is `shortWon`.
 */
export function optimalMix(sources: readonly LeadSource[], month: string, wonNeeded: number, qualifiedLeads = 0): SourceMonth {
  const order = sources.map((_, index) => index).sort((left, right) => costPerWon(sources[left] as LeadSource) - costPerWon(sources[right] as LeadSource));
  const exactInquiries = sources.map(() => 0);
  let remaining = wonNeeded;
  for (const index of order) {
    if (remaining <= 1e-12) break;
    const source = sources[index] as LeadSource;
    const perInquiry = wonPerInquiry(source);
    if (perInquiry === 0) continue;
    const wanted = remaining / perInquiry;
    const bought = source.maxInquiriesPerMonth === null ? wanted : Math.min(wanted, source.maxInquiriesPerMonth);
    exactInquiries[index] = bought;
    remaining -= bought * perInquiry;
  }
  const inquiries = exactInquiries.map(wholeUp);
  const shortWon = remaining > 1e-9 ? remaining : 0;
  // The qualified leads behind the missing deals, in the plan's proportion of leads to deals.
  const shortQualified = shortWon === 0 || wonNeeded === 0 ? 0 : (qualifiedLeads * shortWon) / wonNeeded;
  return { month, inquiries, exactInquiries, budget: budgetOf(sources, inquiries), shortWon, shortQualified, overCap: [] };
}

function budgetOf(sources: readonly LeadSource[], inquiries: readonly number[]): number {
  return roundCents(sources.reduce((total, source, index) => total + (inquiries[index] ?? 0) * source.costPerInquiry, 0));
}

/** What each month's leads must bring: the plan's whole qualified leads, and the won deals they close into. */
export interface MonthNeed {
  month: string;
  qualifiedLeads: number;
  /** Σ over segments of the month's (surged, exact) qualified leads × the segment's close rate. */
  won: number;
  /** The part of `won` the surge's extra leads close into (0 outside surge months). */
  surgeWon?: number;
}
