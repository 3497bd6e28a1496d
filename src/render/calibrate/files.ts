import type { SourceCalibration } from "../../core/calibrate.js";
import { roundShares } from "../../core/calibrate-lags.js";
import type { LagDistribution } from "../../core/lag.js";
import { funnelSteps, stepKey } from "../../core/funnel.js";
import { type ScopedAssumptions, lagField, rateField } from "../../core/resolve.js";
import { SOURCE_COLUMNS, figureKind, plainFigure } from "./report.js";
import { type ColumnKind, type CsvOptions, writeCsv } from "../csv-writer.js";
import { plainNumber } from "../plain-number.js";

// These files are for leadplan to read back: plain CSV whatever --excel says; only the guard applies.
const csv = (columns: readonly (readonly [string, ColumnKind])[], records: string[][], guard: boolean) =>
  writeCsv(columns.map(([key, kind]) => ({ key, kind })), records, { guard, excel: null });

// Rates keep six decimals; a rate that small still must stay above 0, which `compute` requires.
const rate = (value: number | undefined) => (value === undefined ? "" : plainNumber(Math.max(Math.round(value * 1e6) / 1e6, 1e-6)));
const money = (value: number | undefined) => (value === undefined ? "" : plainNumber(Math.round(value * 100) / 100));

/**
 * The ratio file `compute --ratios` reads: `rep,product,avg_deal_size,qualified_to_won,
 * inquiry_to_qualified,cost_per_inquiry`, the default row first. An empty cell lets the less
 * specific row supply the value, as in a hand-written file.
 */
export function renderRatiosFile(rows: readonly ScopedAssumptions[], options: Pick<CsvOptions, "guard"> = { guard: true }, funnel?: readonly string[]): string {
  if (funnel !== undefined) return funnelRatiosFile(rows, options.guard, funnel);
  const columns = [
    ["rep", "name"],
    ["product", "name"],
    ["avg_deal_size", "money"],
    ["qualified_to_won", "ratio"],
    ["inquiry_to_qualified", "ratio"],
    ["cost_per_inquiry", "money"],
  ] as const;
  const records = rows
    .filter(({ values }) => values.avgDealSize !== undefined || values.closeRate !== undefined || values.qualifyRate !== undefined || values.costPerInquiry !== undefined)
    .map(({ rep, product, values }) => [rep, product, money(values.avgDealSize), rate(values.closeRate), rate(values.qualifyRate), money(values.costPerInquiry)]);
  return csv(columns, records, options.guard);
}

/**
 * The cycle file `compute --cycles` reads, in its distribution form: `rep,product,stage,
 * lag_months,share`, one row per month lag with a share, `stage` `sales_cycle` (qualified lead →
 * close) or `qualification` (inquiry → qualified lead). Shares keep six decimals and, rounded by
 * largest remainder, still sum to exactly 1 for each scope and stage.
 */
export function renderCyclesFile(rows: readonly ScopedAssumptions[], options: Pick<CsvOptions, "guard"> = { guard: true }, funnel?: readonly string[]): string {
  const records: string[][] = [];
  const add = (rep: string, product: string, stage: string, lag: LagDistribution | undefined) => {
    if (lag === undefined) return;
    const shares = roundShares(lag.map((entry) => entry.share), 6);
    lag.forEach((entry, index) => {
      const share = shares[index] ?? 0;
      if (share > 0) records.push([rep, product, stage, plainNumber(entry.lagMonths), plainNumber(share)]);
    });
  };
  const keys = funnel === undefined ? [] : funnelSteps(funnel).map(([from, to]) => stepKey(from, to));
  for (const { rep, product, values } of rows) {
    if (funnel !== undefined) {
      // A configured funnel's steps, nearest won first, each under its key (`stage` = `mql_to_sql`).
      for (const key of keys) add(rep, product, key, values[lagField(key)]);
      continue;
    }
    add(rep, product, "sales_cycle", values.salesCycle);
    add(rep, product, "qualification", values.qualification);
  }
  const columns = [
    ["rep", "name"],
    ["product", "name"],
    ["stage", "code"],
    ["lag_months", "count"],
    ["share", "ratio"],
  ] as const;
  return csv(columns, records, options.guard);
}

/**
 * A configured funnel's ratio file: `rep,product,avg_deal_size`, a rate column per step nearest
 * won first (`sql_to_won,mql_to_sql,inquiry_to_mql`), then `cost_per_<top stage>`: the step
 * columns `compute --funnel` reads.
 */
function funnelRatiosFile(rows: readonly ScopedAssumptions[], guard: boolean, funnel: readonly string[]): string {
  const keys = funnelSteps(funnel).map(([from, to]) => stepKey(from, to));
  const columns = [
    ["rep", "name"] as const,
    ["product", "name"] as const,
    ["avg_deal_size", "money"] as const,
    ...keys.map((key) => [key, "ratio"] as const),
    [`cost_per_${funnel[0] ?? ""}`, "money"] as const,
  ];
  const records = rows
    .filter(({ values }) => values.avgDealSize !== undefined || values.costPerInquiry !== undefined || keys.some((key) => values[rateField(key)] !== undefined))
    .map(({ rep, product, values }) => [rep, product, money(values.avgDealSize), ...keys.map((key) => rate(values[rateField(key)])), money(values.costPerInquiry)]);
  return csv(columns, records, guard);
}

/** The lead-source quality table as CSV (`--sources-out`): cheapest won deal first. */
export function renderSourcesCsv(sources: readonly SourceCalibration[], options: Pick<CsvOptions, "guard"> = { guard: true }, funnel?: readonly string[]): string {
  if (funnel !== undefined) return funnelSourcesCsv(sources, options.guard, funnel);
  const columns = [["source", "name"] as const, ...SOURCE_COLUMNS.map((column) => [column.csv, figureKind(column.kind)] as const)];
  const records = sources.map((source) => [source.source, ...SOURCE_COLUMNS.map((column) => plainFigure(column.value(source), column.kind))]);
  return csv(columns, records, options.guard);
}

/**
 * A configured funnel's lead-source file, as `scenarios --sources` reads it back for that funnel:
 * `source,<top>,share,<step rates nearest won first>,won_deals,cost_per_<top>,cost_per_won_deal,
 * revenue,median_cycle_days` (`sql_to_won,mql_to_sql,inquiry_to_mql`). A rate no lead could
 * measure (none reached its stage) is empty, as in the default funnel's file.
 */
function funnelSourcesCsv(sources: readonly SourceCalibration[], guard: boolean, funnel: readonly string[]): string {
  const top = funnel[0] ?? "";
  const keys = funnelSteps(funnel).map(([from, to]) => stepKey(from, to));
  const columns: [string, ColumnKind][] = [
    ["source", "name"],
    [top, "count"],
    ["share", "ratio"],
    ...keys.map((key): [string, ColumnKind] => [key, "ratio"]),
    ["won_deals", "count"],
    [`cost_per_${top}`, "money"],
    ["cost_per_won_deal", "money"],
    ["revenue", "money"],
    ["median_cycle_days", "count"],
  ];
  const records = sources.map((source) => {
    const rates = keys.map((key) => plainFigure(source.steps?.find((own) => stepKey(own.from, own.to) === key)?.rate ?? null, "rate"));
    return [
      source.source,
      plainFigure(source.inquiries, "count"),
      plainFigure(source.share, "rate"),
      ...rates,
      plainFigure(source.wonDeals, "count"),
      plainFigure(source.costPerInquiry, "money"),
      plainFigure(source.costPerWonDeal, "money"),
      plainFigure(source.revenue, "money"),
      plainFigure(source.medianCycleDays, "count"),
    ];
  });
  return csv(columns, records, guard);
}
