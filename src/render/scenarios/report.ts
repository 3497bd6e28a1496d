import type { FunnelStages } from "../../core/funnel.js";
import type { Change, ScenarioRow, SensitivityRow } from "../../core/scenarios.js";
import { type LeadSource, type SourceMonth, costPerWon, wonPerInquiry } from "../../core/source-mix.js";
import { sixDecimals } from "../plain-number.js";
import { formatNumber } from "../format.js";

/** What the scenario renderers get. */
export interface ScenariosReport {
  /** The baseline first, then one row per scenario. */
  rows: ScenarioRow[];
  /** With `--sensitivity`: the share each assumption moved, and the rows sorted by impact. */
  sensitivity: { share: number; rows: SensitivityRow[] } | null;
  /** With `--sources`: the sources and the baseline plan bought month by month from them. */
  sources: { optimized: boolean; sources: LeadSource[]; months: SourceMonth[] } | null;
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

/** Per source over the whole plan: inquiries, budget, and what a won deal costs from it. */
/** Each source's totals as people read them (`text`) and as figures (`values`: the machine value of an HTML cell). */
export function sourceTotals(report: NonNullable<ScenariosReport["sources"]>): { text: string[]; values: (string | number | null)[] }[] {
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
    return { text, values: [source.source, sixDecimals(share), inquiries, sixDecimals(won), sixDecimals(inquiries * source.costPerInquiry), sixDecimals(perWon), source.maxInquiriesPerMonth] };
  });
}

/** One line per month the sources cannot cover: over a cap (fixed mix) or short of won deals. */
export function sourceWarnings(sources: NonNullable<ScenariosReport["sources"]>): string[] {
  return sources.months.flatMap((month) => [
    ...(month.shortWon > 0 || month.shortQualified > 0 ? [shortfallWarning(sources, month)] : []),
    ...month.overCap.map((name) => `${month.month}: ${name} must give ${count(month.inquiries[sources.sources.findIndex((source) => source.source === name)] ?? 0)} inquiries, over its monthly cap`),
  ]);
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
