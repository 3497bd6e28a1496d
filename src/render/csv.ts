import { stringify } from "csv-stringify/sync";
import { FIGURE_COLUMNS, type PlanReport, keyColumnsOf } from "./report.js";

/**
 * The plan as CSV for scripts and spreadsheets: a header of stable snake_case names, one row per
 * view row, plain numbers (no thousands separators), empty where a value is missing. No totals
 * row: they are sums of the rows.
 */
export function renderPlanCsv(report: PlanReport): string {
  const keys = keyColumnsOf(report.view);
  const header = [...keys, ...FIGURE_COLUMNS.map((column) => column.csv)];
  const records = report.view.rows.map((row) => [
    ...keys.map((key) => row.key[key] ?? ""),
    ...FIGURE_COLUMNS.map((column) => {
      const value = column.value(row);
      return value === null ? "" : String(value);
    }),
  ]);
  return stringify([header, ...records], { record_delimiter: "\n" });
}
