import type { FunnelStages } from "../../core/funnel.js";
import type { Change, ScenarioRow, SensitivityRow } from "../../core/scenarios.js";
import { type LeadSource, type SourceMonth, costPerWon, wonPerInquiry } from "../../core/source-mix.js";
import type { MixLine, MixSummary } from "../../core/source-mix-summary.js";
import { sixDecimals } from "../plain-number.js";
import { formatNumber } from "../format.js";

/** What the scenario renderers get. */
export interface ScenariosReport {
  /** The baseline first, then one row per scenario. */
  rows: ScenarioRow[];
  /** With `--sensitivity`: the share each assumption moved, and the rows sorted by impact. */
  sensitivity: { share: number; rows: SensitivityRow[] } | null;
  /** With `--sources`: the sources and the baseline plan bought month by month from them. */
  sources: { optimized: boolean; sources: LeadSource[]; months: SourceMonth[]; summary?: MixSummary } | null;
  warnings: readonly string[];
  /** A configured funnel (absent for the default one, whose columns keep today's names). */
  funnel?: FunnelStages;
}

export const money = (value: number | null) => (value === null ? "–" : formatNumber(value, 2));
export const count = (value: number) => formatNumber(value, 0);

/** `+12,345.00 (+8.2%)`, or `–` when the change has no value. */
export function changeText(change: Change, decimals: number): string {
  if (change.absolute === null) return "–";
  const sign = change.absolute > 0 ? "+" : "";
  const percent = change.percent === null ? "" : ` (${change.percent > 0 ? "+" : ""}${formatNumber(change.percent, 1, true)}%)`;
  return `${sign}${formatNumber(change.absolute, decimals)}${percent}`;
}

/** With a team, a last column: rep-months over capacity in each scenario. */
export const hasTeam = (report: ScenariosReport): boolean => report.rows.some((row) => row.overCapacity !== null);
/** Budget per fiscal quarter: one column per quarter of the baseline. */
export function quarterTitles(report: ScenariosReport): string[] {
  return report.rows[0]?.budgetByQuarter.map((entry) => entry.quarter) ?? [];
}

/** A text bar for the tornado: `████` in proportion to the largest impact, `length` characters at most (30 unless a terminal is narrower). */
export function bar(impact: number, largest: number, length = 30): string {
  return largest === 0 ? "" : "█".repeat(Math.max(impact > 0 ? 1 : 0, Math.round((impact / largest) * length)));
}

/** A line of the source table: a source, or (below them) the mix's total and what it is compared with. */
export interface SourceLine {
  /** CSV's `line`: `source`, `total`, `given_shares`, `plan`. */
  line: string;
  text: string[];
  values: (string | number | null)[];
}

/** Per source over the whole plan: inquiries, budget, and what a won deal costs from it. */
/** Each source's totals as people read them (`text`) and as figures (`values`: the machine value of an HTML cell). */
export function sourceTotals(report: NonNullable<ScenariosReport["sources"]>): SourceLine[] {
  const inquiriesOf = (index: number) => report.months.reduce((total, month) => total + (month.inquiries[index] ?? 0), 0);
  const allInquiries = report.sources.reduce((total, _, index) => total + inquiriesOf(index), 0);
  return report.sources.map((source, index) => {
    const inquiries = inquiriesOf(index);
    const won = inquiries * source.qualifyRate * source.closeRate;
    // An optimised mix shows the share it chose; a fixed mix the share it was given.
    const share = report.optimized ? (allInquiries === 0 ? null : inquiries / allInquiries) : source.share;
    const perWon = Number.isFinite(costPerWon(source)) ? costPerWon(source) : null;
    const text = [
      source.source,
      share === null ? "–" : `${formatNumber(share * 100, 1)}%`,
      count(inquiries),
      formatNumber(won, 1),
      money(inquiries * source.costPerInquiry),
      money(perWon),
      source.maxInquiriesPerMonth === null ? "–" : count(source.maxInquiriesPerMonth),
    ];
    // Machine values to six decimals, as every JSON document writes them: 2250, not 2249.9999999999995.
    return { line: "source", text, values: [source.source, sixDecimals(share), inquiries, sixDecimals(won), sixDecimals(inquiries * source.costPerInquiry), sixDecimals(perWon), source.maxInquiriesPerMonth] };
  });
}

/**
 * The lines under the sources: the mix's total, and what the same plan costs bought otherwise:
 * at the given shares (beside the cheapest mix) and at the plan's own cost per inquiry (its
 * whole deals: what compute prints).
 */
export function sourceSummaryLines(summary: MixSummary, optimized: boolean): SourceLine[] {
  const lineOf = (line: string, name: string, share: number | null, figures: MixLine, wonDecimals: number): SourceLine => ({
    line,
    text: [name, share === null ? "–" : `${formatNumber(share * 100, 1)}%`, count(figures.inquiries), formatNumber(figures.won, wonDecimals), money(figures.budget), money(figures.costPerWon), "–"],
    values: [name, share, figures.inquiries, sixDecimals(figures.won), sixDecimals(figures.budget), sixDecimals(figures.costPerWon), null],
  });
  return [
    lineOf("total", "Total", summary.total.inquiries === 0 ? null : 1, summary.total, 1),
    ...(optimized && summary.givenShares !== null ? [lineOf("given_shares", "Given shares instead", null, summary.givenShares, 1)] : []),
    lineOf("plan", "Plan at its cost per inquiry", null, summary.plan, 0),
  ];
}

const percentText = (share: number) => `${formatNumber(share * 100, 1, true)}%`;

/** `-19.2%`: how much more or less the mix's won deal costs than another's (null without both). */
function against(mine: number | null, other: number | null): string | null {
  if (mine === null || other === null || other === 0) return null;
  const change = (mine - other) / other;
  return `${change > 0 ? "+" : ""}${percentText(change)}`;
}

/**
 * In a planner's words: what the mix is sized on, why its won deals are not the plan's deals,
 * and what its won deal costs against the given shares and the plan's own cost per inquiry.
 */
export function sourceNotes(summary: MixSummary, optimized: boolean): string[] {
  const { total, plan } = summary;
  const planRate = summary.qualifiedLeads === 0 ? null : summary.wonNeeded / summary.qualifiedLeads;
  const quota = summary.wonNeeded - summary.surgeWon;
  // The plan's own won deals from the same leads: the quota's, and the surge's extra on top.
  const planWon =
    `${formatNumber(summary.wonNeeded, 1)}${planRate === null ? "" : ` (${percentText(planRate)})`}: the ${formatNumber(quota, 1)} deals the quota needs ` +
    `(${count(plan.won)} in the plan, each segment's month rounded up to whole deals)${summary.surgeWon > 0 ? ` and ${formatNumber(summary.surgeWon, 1)} from the surge's extra leads` : ""}`;
  const notes: string[] = [];
  if (!optimized) {
    const mixRate = total.qualifiedLeads === 0 ? null : total.won / total.qualifiedLeads;
    notes.push(
      `Won deals: the given shares buy the plan's ${count(summary.qualifiedLeads)} qualified leads and the sources close ${mixRate === null ? "none" : percentText(mixRate)} of them: ` +
        `${formatNumber(total.won, 1)} won deals. At the ratio file's close rates the same leads close into ${planWon}.`,
    );
  } else {
    notes.push(`Won deals: the mix buys what the plan's ${count(summary.qualifiedLeads)} qualified leads close into at the ratio file's close rates, ${planWon}; whole inquiries per source and month bring ${formatNumber(total.won, 1)}.`);
  }
  const comparisons = [
    ...(optimized && summary.givenShares !== null ? [[against(total.costPerWon, summary.givenShares.costPerWon), "the given shares", summary.givenShares.costPerWon] as const] : []),
    [against(total.costPerWon, plan.costPerWon), "the plan at its own cost per inquiry", plan.costPerWon] as const,
  ].flatMap(([change, name, value]) => (change === null ? [] : [`${change} against ${name} (${money(value)})`]));
  if (total.costPerWon !== null && comparisons.length > 0) notes.push(`Cost per won deal: ${money(total.costPerWon)} in this mix, ${comparisons.join(", ")}.`);
  return notes;
}

/** One line per month the sources cannot cover: over a cap (fixed mix) or short of won deals. */
export function sourceWarnings(sources: NonNullable<ScenariosReport["sources"]>): string[] {
  const one = sources.summary?.oneSource ?? null;
  // Without caps the cheapest source is bought without end: a figure no market would sell.
  const uncapped =
    one === null
      ? []
      : [
          `the cheapest mix buys every inquiry from one source: ${count(one.inquiries)} inquiries from ${one.source}${one.historyInquiries === null ? "" : `, which produced ${count(one.historyInquiries)} in the history`}; ${one.source} has no max_inquiries_per_month cap to stop it (give each source the most a month can bring)`,
        ];
  return [...uncapped, ...sources.months.flatMap((month) => [
    ...(month.shortWon > 0 || month.shortQualified > 0 ? [shortfallWarning(sources, month)] : []),
    ...month.overCap.map((name) => `${month.month}: ${name} must give ${count(month.inquiries[sources.sources.findIndex((source) => source.source === name)] ?? 0)} inquiries, over its monthly cap`),
  ])];
}

/** What the mix cannot bring, in qualified leads and won deals, and why. */
function shortfallWarning(sources: NonNullable<ScenariosReport["sources"]>, month: SourceMonth): string {
  const closing = sources.sources.some((source) => wonPerInquiry(source) > 0 && (!sources.optimized ? (source.share ?? 0) > 0 : true));
  const why =
    sources.optimized && closing
      ? "the sources' caps leave"
      : !sources.optimized && month.shortQualified > 0
        ? "no source in the mix qualifies a lead: the mix leaves"
        : "no source in the mix closes a lead: the mix leaves";
  return `${month.month}: ${why} ${formatNumber(month.shortQualified, 1)} qualified leads and ${formatNumber(month.shortWon, 1)} won deals short of the need`;
}
