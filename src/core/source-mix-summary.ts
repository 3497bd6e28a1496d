import { type LeadSource, type MonthNeed, type SourceMonth, fixedMix, wonPerInquiry } from "./source-mix.js";
import { roundCents } from "./rounding.js";

/** One way of buying the plan's leads, over the whole plan: what it buys, brings and costs. */
export interface MixLine {
  inquiries: number;
  /** Won deals the inquiries bring at the sources' own rates (the plan's deals on the plan's line). */
  won: number;
  /** Null when no cost is known (a plan without a cost per inquiry). */
  budget: number | null;
  costPerWon: number | null;
}

/** The plan as compute prints it: whole inquiries and deals, and its budget at its own cost per inquiry. */
export interface PlanTotals {
  inquiries: number;
  deals: number;
  budget: number | null;
}

/**
 * What a source mix buys, against what else the plan could buy, and why its won deals are not
 * the plan's deals:
 * - a mix of given shares buys the plan's qualified leads (surge included); they close at the
 *   sources' own close rates, not the ratio file's, so the won deals differ by that ratio;
 * - the cheapest mix buys the won deals those qualified leads close into at the ratio file's
 *   rates: the quota's exact deals (compute rounds each month's up to whole deals) and the deals
 *   the surge's extra leads bring.
 */
export interface MixSummary {
  /** The mix itself, summed over its months and sources. */
  total: MixLine & { qualifiedLeads: number };
  /** With `--optimize-mix` and shares in the file: the given shares bought for the same need. */
  givenShares: MixLine | null;
  /** The plan bought at its own cost per inquiry (the ratio file's). */
  plan: MixLine;
  /** What the mix is sized on: the plan's qualified leads (given shares) or their won deals (the cheapest mix). */
  target: "qualified leads" | "won deals";
  /** The plan's qualified leads, as the months show them (whole). */
  qualifiedLeads: number;
  /** The won deals the plan's qualified leads close into at the ratio file's rates, and the surge's part of them. */
  wonNeeded: number;
  surgeWon: number;
  /** With `--optimize-mix`: every inquiry bought from one source that no cap stops. */
  oneSource: { source: string; inquiries: number; historyInquiries: number | null } | null;
}

const line = (inquiries: number, won: number, budget: number | null): MixLine => ({
  inquiries,
  won,
  budget,
  costPerWon: budget === null || won === 0 ? null : roundCents(budget / won),
});

/** A mix's months summed: whole inquiries, the won deals and qualified leads they bring, the budget. */
function totalOf(sources: readonly LeadSource[], months: readonly SourceMonth[]): MixLine & { qualifiedLeads: number } {
  let inquiries = 0;
  let won = 0;
  let qualifiedLeads = 0;
  let budget = 0;
  for (const month of months) {
    budget += month.budget;
    sources.forEach((source, at) => {
      const bought = month.inquiries[at] ?? 0;
      inquiries += bought;
      won += bought * wonPerInquiry(source);
      qualifiedLeads += bought * source.qualifyRate;
    });
  }
  return { ...line(inquiries, won, roundCents(budget)), qualifiedLeads };
}

/**
 * Sums a source mix and sets it beside the given shares and the plan's own cost per inquiry.
 *
 * Example: the examples' plan (480 qualified leads, 96 deals) bought at the given shares closes
 * into 135.5 won deals: the sources close 28% of their qualified leads, the ratio file about 20%.
 */
export function summariseMix(sources: readonly LeadSource[], months: readonly SourceMonth[], needs: readonly MonthNeed[], optimized: boolean, plan: PlanTotals): MixSummary {
  const total = totalOf(sources, months);
  const sharesGiven = sources.every((source) => source.share !== null) && Math.abs(sources.reduce((sum, source) => sum + (source.share ?? 0), 0) - 1) <= 0.001;
  const givenShares = optimized && sharesGiven ? totalOf(sources, needs.map((need) => fixedMix(sources, need.month, need.qualifiedLeads, need.won))) : null;
  const bought = sources.map((_, at) => months.reduce((sum, month) => sum + (month.inquiries[at] ?? 0), 0));
  const buying = bought.flatMap((inquiries, at) => (inquiries > 0 ? [at] : []));
  const only = buying.length === 1 ? buying[0] : undefined;
  const onlySource = only === undefined ? undefined : sources[only];
  const oneSource =
    optimized && onlySource !== undefined && onlySource.maxInquiriesPerMonth === null
      ? { source: onlySource.source, inquiries: bought[only ?? 0] ?? 0, historyInquiries: onlySource.historyInquiries ?? null }
      : null;
  return {
    total,
    givenShares: givenShares === null ? null : line(givenShares.inquiries, givenShares.won, givenShares.budget),
    plan: line(plan.inquiries, plan.deals, plan.budget),
    target: optimized ? "won deals" : "qualified leads",
    qualifiedLeads: needs.reduce((sum, need) => sum + need.qualifiedLeads, 0),
    wonNeeded: needs.reduce((sum, need) => sum + need.won, 0),
    surgeWon: needs.reduce((sum, need) => sum + (need.surgeWon ?? 0), 0),
    oneSource,
  };
}
