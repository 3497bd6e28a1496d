import type { Grouping, PlanRow, RowKey } from "../core/group.js";
import { type ColumnKind, type CsvColumn, type CsvOptions, PLAIN_CSV, csvChunks } from "./csv-writer.js";
import { FIGURE_COLUMNS, type PlanColumn, type PlanReport, keyColumnsOf } from "./report.js";
import { plainNumber } from "./plain-number.js";

/** Rep and product come from the quota file: names. Month and quarter leadplan writes itself. */
export const KEY_KIND: Readonly<Record<keyof RowKey, ColumnKind>> = { month: "month", quarter: "month", rep: "name", product: "name" };

const figureKind = (kind: PlanColumn["kind"]): ColumnKind => (kind === "key" ? "name" : kind);

/**
 * The plan as CSV for scripts and spreadsheets: a header of stable snake_case names, one row per
 * view row, plain numbers (no thousands separators), empty where a value is missing. No totals
 * row: they are sums of the rows.
 */
export function renderPlanCsv(report: PlanReport, options: CsvOptions = PLAIN_CSV): string {
  return [...planCsvChunks(report.view.by, report.view.rows, options)].join("");
}

/**
 * The same CSV in chunks, made as the rows are read: with {@link segmentRows}, a plan of millions
 * of segment months is written without holding its rows or its text.
 */
export function planCsvChunks(by: Grouping, rows: Iterable<PlanRow>, options: CsvOptions = PLAIN_CSV): Generator<string> {
  const keys = keyColumnsOf({ by });
  const columns: CsvColumn[] = [...keys.map((key) => ({ key, kind: KEY_KIND[key] })), ...FIGURE_COLUMNS.map((column) => ({ key: column.csv, kind: figureKind(column.kind) }))];
  return csvChunks(columns, recordsOf(keys, rows), options);
}

function* recordsOf(keys: readonly (keyof RowKey)[], rows: Iterable<PlanRow>): Generator<string[]> {
  for (const row of rows) {
    yield [
      ...keys.map((key) => row.key[key] ?? ""),
      ...FIGURE_COLUMNS.map((column) => {
        const value = column.value(row);
        return value === null ? "" : plainNumber(value);
      }),
    ];
  }
}
