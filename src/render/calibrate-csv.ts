import { stringify } from "csv-stringify/sync";
import { ALL_GROUP_COLUMNS, type CalibrationReport, plainFigure } from "./calibrate-report.js";

/**
 * The calibration as one CSV for scripts: a row per group of leads, `group` telling which
 * (`all`, `product`, `rep_product`, `source`), then the scope columns, the figures, and a
 * source's share of all inquiries (empty for the other groups). The distributions are in
 * `--cycles-out`, the baseline in the JSON output.
 */
export function renderCalibrationCsv(report: CalibrationReport): string {
  const header = ["group", "rep", "product", "source", ...ALL_GROUP_COLUMNS.map((column) => column.csv), "share"];
  const records: string[][] = [header];
  const figures = (row: Parameters<(typeof ALL_GROUP_COLUMNS)[number]["value"]>[0]) => ALL_GROUP_COLUMNS.map((column) => plainFigure(column.value(row), column.kind));
  for (const scope of report.calibration.scopes) {
    const group = scope.rep !== "" ? "rep_product" : scope.product !== "" ? "product" : "all";
    records.push([group, scope.rep, scope.product, "", ...figures(scope), ""]);
  }
  for (const source of report.calibration.sources) {
    records.push(["source", "", "", source.source, ...figures(source), plainFigure(source.share, "rate")]);
  }
  return stringify(records, { record_delimiter: "\n" });
}
