import type { RowKey } from "../core/group.js";
import { type ColumnKind, type CsvColumn, type CsvOptions, PLAIN_CSV, writeCsv } from "./csv-writer.js";
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
  const keys = keyColumnsOf(report.view);
  const columns: CsvColumn[] = [...keys.map((key) => ({ key, kind: KEY_KIND[key] })), ...FIGURE_COLUMNS.map((column) => ({ key: column.csv, kind: figureKind(column.kind) }))];
  const records = report.view.rows.map((row) => [
    ...keys.map((key) => row.key[key] ?? ""),
    ...FIGURE_COLUMNS.map((column) => {
      const value = column.value(row);
      return value === null ? "" : plainNumber(value);
    }),
  ]);
  return writeCsv(columns, records, options);
}
