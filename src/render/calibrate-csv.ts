import { ALL_GROUP_COLUMNS, type CalibrationColumn, type CalibrationReport, plainFigure } from "./calibrate-report.js";
import { type ColumnKind, type CsvColumn, type CsvOptions, PLAIN_CSV, writeCsv } from "./csv-writer.js";

/** A calibration figure's kind as the CSV writer knows it: every one is a figure. */
export const figureKind = (kind: CalibrationColumn<unknown>["kind"]): ColumnKind => (kind === "rate" ? "ratio" : kind === "days" ? "count" : kind);

/**
 * The calibration as one CSV for scripts: a row per group of leads, `group` telling which
 * (`all`, `product`, `rep_product`, `source`), then the scope columns, the figures, and a
 * source's share of all inquiries (empty for the other groups). The distributions are in
 * `--cycles-out`, the baseline in the JSON output.
 */
export function renderCalibrationCsv(report: CalibrationReport, options: CsvOptions = PLAIN_CSV): string {
  const columns: CsvColumn[] = [
    { key: "group", kind: "code" },
    { key: "rep", kind: "name" },
    { key: "product", kind: "name" },
    { key: "source", kind: "name" },
    ...ALL_GROUP_COLUMNS.map((column) => ({ key: column.csv, kind: figureKind(column.kind) })),
    { key: "share", kind: "ratio" },
  ];
  const records: string[][] = [];
  const figures = (row: Parameters<(typeof ALL_GROUP_COLUMNS)[number]["value"]>[0]) => ALL_GROUP_COLUMNS.map((column) => plainFigure(column.value(row), column.kind));
  for (const scope of report.calibration.scopes) {
    const group = scope.rep !== "" ? "rep_product" : scope.product !== "" ? "product" : "all";
    records.push([group, scope.rep, scope.product, "", ...figures(scope), ""]);
  }
  for (const source of report.calibration.sources) {
    records.push(["source", "", "", source.source, ...figures(source), plainFigure(source.share, "rate")]);
  }
  return writeCsv(columns, records, options);
}
