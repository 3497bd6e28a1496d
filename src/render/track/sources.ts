import { NO_SOURCE, type SourceQuality, type SourceQualityRow, sourcesBelow } from "../../core/source-quality.js";
import type { Column, Section } from "../document.js";
import { formatNumber } from "../format.js";
import { sixDecimals } from "../plain-number.js";
import { STATUS_CODE, STATUS_TEXT, percentFigure, percentText } from "./report.js";

/** The time column of the source rows: `period` by half-month (`2027-01-H1`), else `month`. */
const timeKey = (quality: SourceQuality): "period" | "month" => (quality.every === "half-month" ? "period" : "month");

// 23 ÷ 80 × 100 is 28.749999999999996 in binary: six decimals take the noise off before it rounds to 28.7.
const percentOf = (rate: number | null): number | null => (rate === null ? null : Math.round(rate * 1e8) / 1e6);
/** A rate (a fraction) as track prints rates: `4.1%`; `–` for no rate. */
const rateText = (rate: number | null): string => percentText(percentOf(rate));
const rateFigure = (rate: number | null): number | null => percentFigure(percentOf(rate));

export const sourceName = (source: string): string => (source === "" ? NO_SOURCE : source);

/** How many sources the headline names before `and 3 more`. */
const NAMED = 3;

/** `Trade show: 4.1% qualified against 20.0% expected in 2027-01`, for each source and period behind. */
export function sourceMisses(quality: SourceQuality | undefined): string[] {
  if (quality === undefined) return [];
  return sourcesBelow(quality).map((row) => `${sourceName(row.source)}: ${rateText(row.qualifyRate)} qualified against ${rateText(row.expected?.qualifyRate ?? null)} expected in ${row.period}`);
}

/** `; lead quality below expected: Trade show: 4.1% qualified against 20.0% expected in 2027-01`; nothing when every source meets it. */
export function sourceClause(quality: SourceQuality | undefined): string {
  const misses = sourceMisses(quality);
  if (misses.length === 0) return "";
  const more = misses.length > NAMED ? `, and ${misses.length - NAMED} more` : "";
  return `; lead quality below expected: ${misses.slice(0, NAMED).join(", ")}${more}`;
}

/** Why a row has no status: nothing came in, or nothing to compare it with. */
function statusText(row: SourceQualityRow): string {
  if (row.status !== null) return STATUS_TEXT[row.status];
  return row.qualifyRate === null ? "no inquiries" : "not compared";
}

function statusCode(row: SourceQualityRow): string {
  if (row.status !== null) return STATUS_CODE[row.status];
  return row.qualifyRate === null ? "no_inquiries" : "not_compared";
}

/** The notes under the table: the verdict, where the expected rates come from, and how to read the close rate. */
function sourceNotes(quality: SourceQuality, sourcesFile: string | undefined): string[] {
  const tolerance = `${formatNumber(quality.tolerance * 100, 2)}%`;
  const misses = sourceMisses(quality);
  const compared = quality.rows.filter((row) => row.status !== null).length;
  const notes = [
    // With nothing compared (no inquiries, or no expected rate) "every source qualified" would claim a check that never ran.
    compared === 0
      ? "No source and period had both inquiries and an expected rate: nothing was compared."
      : misses.length === 0
      ? `Every source qualified within ${tolerance} of its expected rate in every period.`
      : `${misses.length} of ${compared} below expected by more than ${tolerance}: ${misses.join("; ")}.`,
  ];
  notes.push(
    quality.expectedFrom === "sources"
      ? `Expected: each source's inquiry_to_qualified and qualified_to_won in ${sourcesFile ?? "the sources file"}; a source it does not name is compared to nothing.`
      : "Expected: the plan's overall rates (no --sources file), the same for every source.",
  );
  const silent = quality.totals.filter((row) => row.inquiries === 0 && row.qualified === 0 && (row.won ?? 0) === 0).map((row) => sourceName(row.source));
  if (silent.length > 0) notes.push(`No leads in the actuals compared from ${silent.join(", ")}: shown with 0.`);
  if (quality.rows.some((row) => row.won !== null)) {
    notes.push("Close rate: won ÷ qualified in the same period, not a cohort: deals close a sales cycle after their leads qualify, so read it over the totals; only the qualification rate is checked.");
  }
  return notes;
}

/**
 * Lead quality per source and period against the expected rates (`--by source`, or any actuals
 * with a source column): a checkpoint of its own beside plan against actual. Totals per source
 * over the whole period close the table. CSV writes it with `--section sources`.
 */
export function sourcesSection(quality: SourceQuality | undefined, sourcesFile: string | undefined): Section | null {
  if (quality === undefined) return null;
  const time = timeKey(quality);
  const hasWon = quality.totals.some((row) => row.won !== null);
  const hasCost = quality.totals.some((row) => row.cost !== null);
  // The status stands beside the rate it checks; the close rate and the costs, shown not checked, follow.
  const columns: Column<SourceQualityRow>[] = [
    { key: time, title: time === "period" ? "Period" : "Month", kind: "month", value: (row) => row.period, text: (row) => (row.period === "total" ? "Total" : row.period) },
    { key: "source", title: "Source", kind: "name", value: (row) => row.source, text: (row) => sourceName(row.source) },
    { key: "inquiries", title: "Inquiries", kind: "count", value: (row) => row.inquiries },
    { key: "qualified", title: "Qualified", kind: "count", value: (row) => row.qualified },
    { key: "qualify_rate", title: "Qualified %", kind: "percent", value: (row) => rateFigure(row.qualifyRate), text: (row) => rateText(row.qualifyRate) },
    { key: "expected_qualify_rate", title: "Expected", kind: "percent", value: (row) => rateFigure(row.expected?.qualifyRate ?? null), text: (row) => rateText(row.expected?.qualifyRate ?? null) },
    {
      key: "status",
      title: "Status",
      kind: "code",
      value: statusCode,
      text: statusText,
      tone: (row) => (row.period === "total" ? undefined : row.status === "far-behind" ? "bad" : row.status === "behind" ? "warn" : undefined),
    },
    ...(hasWon
      ? ([
          { key: "won", title: "Won", kind: "count", value: (row) => row.won },
          { key: "close_rate", title: "Close %", kind: "percent", value: (row) => rateFigure(row.closeRate), text: (row) => rateText(row.closeRate) },
          { key: "expected_close_rate", title: "Expected close", kind: "percent", value: (row) => rateFigure(row.expected?.closeRate ?? null), text: (row) => rateText(row.expected?.closeRate ?? null) },
        ] satisfies Column<SourceQualityRow>[])
      : []),
    ...(hasCost
      ? ([
          { key: "cost", title: "Cost", kind: "money", value: (row) => row.cost },
          { key: "cost_per_qualified", title: "Per qualified", kind: "money", value: (row) => row.costPerQualified },
          ...(hasWon ? [{ key: "cost_per_won", title: "Per won", kind: "money", value: (row) => row.costPerWon } satisfies Column<SourceQualityRow>] : []),
        ] satisfies Column<SourceQualityRow>[])
      : []),
  ];
  const grain = time === "period" ? "half-month" : "month";
  return {
    title: { text: `Lead quality by source, per ${grain}, against ${quality.expectedFrom === "sources" ? "each source's expected rates" : "the plan's overall rates"}`, style: "heading" },
    table: { columns, rows: quality.rows, totals: quality.totals, csvTotals: true },
    notes: sourceNotes(quality, sourcesFile),
    name: "sources",
    csv: false,
  };
}

const fraction = (rate: number | null): number | null => (rate === null ? null : sixDecimals(rate));

function rowJson(row: SourceQualityRow, time: "period" | "month") {
  return {
    ...(row.period === "total" ? {} : { [time]: row.period }),
    source: row.source,
    inquiries: row.inquiries,
    qualified: row.qualified,
    won: row.won,
    qualify_rate: fraction(row.qualifyRate),
    expected_qualify_rate: fraction(row.expected?.qualifyRate ?? null),
    close_rate: fraction(row.closeRate),
    expected_close_rate: fraction(row.expected?.closeRate ?? null),
    cost: row.cost,
    cost_per_qualified: row.costPerQualified,
    cost_per_won: row.costPerWon,
    status: row.status === null ? null : STATUS_CODE[row.status],
  };
}

/** Lead quality by source in track's JSON (`sources`, additive to leadplan.track/1). */
export function sourcesJson(quality: SourceQuality, sourcesFile: string | undefined) {
  const time = timeKey(quality);
  return {
    expected_from: quality.expectedFrom,
    file: quality.expectedFrom === "sources" ? (sourcesFile ?? null) : null,
    rows: quality.rows.map((row) => rowJson(row, time)),
    totals: quality.totals.map((row) => rowJson(row, time)),
    below: sourceMisses(quality),
  };
}
