import { stringify } from "csv-stringify/sync";
import type { SourceCalibration } from "../core/calibrate.js";
import { roundShares } from "../core/calibrate-lags.js";
import type { LagDistribution } from "../core/lag.js";
import type { ScopedAssumptions } from "../core/resolve.js";
import { SOURCE_COLUMNS, plainFigure } from "./calibrate-report.js";

const csv = (records: string[][]) => stringify(records, { record_delimiter: "\n" });

// Rates keep six decimals; a rate that small still must stay above 0, which `compute` requires.
const rate = (value: number | undefined) => (value === undefined ? "" : String(Math.max(Math.round(value * 1e6) / 1e6, 1e-6)));
const money = (value: number | undefined) => (value === undefined ? "" : String(Math.round(value * 100) / 100));

/**
 * The ratio file `compute --ratios` reads: `rep,product,avg_deal_size,qualified_to_won,
 * inquiry_to_qualified,cost_per_inquiry`, the default row first. An empty cell lets the less
 * specific row supply the value, as in a hand-written file.
 */
export function renderRatiosFile(rows: readonly ScopedAssumptions[]): string {
  const header = ["rep", "product", "avg_deal_size", "qualified_to_won", "inquiry_to_qualified", "cost_per_inquiry"];
  const records = rows
    .filter(({ values }) => values.avgDealSize !== undefined || values.closeRate !== undefined || values.qualifyRate !== undefined || values.costPerInquiry !== undefined)
    .map(({ rep, product, values }) => [rep, product, money(values.avgDealSize), rate(values.closeRate), rate(values.qualifyRate), money(values.costPerInquiry)]);
  return csv([header, ...records]);
}

/**
 * The cycle file `compute --cycles` reads, in its distribution form: `rep,product,stage,
 * lag_months,share`, one row per month lag with a share, `stage` `sales_cycle` (qualified lead →
 * close) or `qualification` (inquiry → qualified lead). Shares keep six decimals and, rounded by
 * largest remainder, still sum to exactly 1 for each scope and stage.
 */
export function renderCyclesFile(rows: readonly ScopedAssumptions[]): string {
  const records: string[][] = [];
  const add = (rep: string, product: string, stage: string, lag: LagDistribution | undefined) => {
    if (lag === undefined) return;
    const shares = roundShares(lag.map((entry) => entry.share), 6);
    lag.forEach((entry, index) => {
      const share = shares[index] ?? 0;
      if (share > 0) records.push([rep, product, stage, String(entry.lagMonths), String(share)]);
    });
  };
  for (const { rep, product, values } of rows) {
    add(rep, product, "sales_cycle", values.salesCycle);
    add(rep, product, "qualification", values.qualification);
  }
  return csv([["rep", "product", "stage", "lag_months", "share"], ...records]);
}

/** The lead-source quality table as CSV (`--sources-out`): cheapest won deal first. */
export function renderSourcesCsv(sources: readonly SourceCalibration[]): string {
  const header = ["source", ...SOURCE_COLUMNS.map((column) => column.csv)];
  const records = sources.map((source) => [source.source, ...SOURCE_COLUMNS.map((column) => plainFigure(column.value(source), column.kind))]);
  return csv([header, ...records]);
}
