import { Chalk } from "chalk";
import type { LagDistribution } from "../core/lag.js";
import { formatMonth, monthOfYear } from "../core/month.js";
import {
  type CalibrationColumn,
  type CalibrationReport,
  SCOPE_COLUMNS,
  SOURCE_COLUMNS,
  baselineSpan,
  formatCalibrationFigure,
  formatIndex,
  headline,
  lagCells,
  lastLagOf,
  methodLine,
  scopeName,
  sourceName,
} from "./calibrate-report.js";
import { formatNumber } from "./format.js";
import { drawTextTable } from "./text-table.js";

type Paint = InstanceType<typeof Chalk>;

function table(paint: Paint, head: string[], rows: string[][], leftColumns = 1): string {
  const aligns = head.map((_, index) => (index < leftColumns ? ("left" as const) : ("right" as const)));
  return drawTextTable(head.map((title) => paint.bold(title)), rows, aligns);
}

function figureTable<Row>(paint: Paint, keyTitle: string, rows: readonly Row[], key: (row: Row) => string, columns: readonly CalibrationColumn<Row>[]): string {
  return table(
    paint,
    [keyTitle, ...columns.map((column) => column.title)],
    rows.map((row) => [key(row), ...columns.map((column) => formatCalibrationFigure(column.value(row), column.kind))]),
  );
}

function lagTable(paint: Paint, rows: readonly { name: string; lag: LagDistribution | null }[]): string | null {
  const shown = rows.filter((row) => row.lag !== null);
  if (shown.length === 0) return null;
  const { last, more } = lastLagOf(shown.map((row) => row.lag));
  const titles = Array.from({ length: last + 1 }, (_, lag) => `${lag} mo`);
  if (more) titles.push(`${last + 1}+ mo`);
  return table(
    paint,
    ["Scope", ...titles],
    shown.map((row) => [row.name, ...lagCells(row.lag, last).slice(0, titles.length).map((share) => formatCalibrationFigure(share, "rate"))]),
  );
}

/**
 * The calibration as terminal tables: the funnel by scope, the sales cycle and qualification time
 * as shares by month lag, the lead sources (cheapest won deal first), and the baseline with its
 * seasonality; then how open leads were kept out of the rates.
 */
export function renderCalibrationTable(report: CalibrationReport, options: { color: boolean }): string {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const { calibration } = report;
  const sections: string[] = [paint.bold(headline(report))];
  sections.push("", paint.bold("Funnel"), figureTable(paint, "Scope", calibration.scopes, scopeName, SCOPE_COLUMNS));
  const detailed = calibration.scopes.filter((scope) => scope.rep === "");
  const cycle = lagTable(paint, detailed.map((scope) => ({ name: scopeName(scope), lag: scope.salesCycle })));
  if (cycle !== null) sections.push("", paint.bold("Sales cycle: share of won deals closing N months after the lead qualified"), cycle);
  const qualification = lagTable(paint, detailed.map((scope) => ({ name: scopeName(scope), lag: scope.qualification })));
  if (qualification !== null) sections.push("", paint.bold("Qualification: share of qualified leads qualifying N months after the inquiry"), qualification);
  sections.push("", paint.bold("Lead sources, cheapest won deal first"), figureTable(paint, "Source", calibration.sources, sourceName, SOURCE_COLUMNS));
  const span = baselineSpan(calibration);
  if (span !== null) {
    const rows = calibration.baseline.months.map((month) => [
      formatMonth(month.month),
      formatNumber(month.inquiries, 0),
      formatNumber(month.qualifiedLeads, 0),
      formatIndex(calibration.baseline.seasonality[monthOfYear(month.month) - 1] ?? null),
    ]);
    sections.push("", paint.bold(`Baseline: ${span}, with the seasonality of each calendar month`), table(paint, ["Month", "Inquiries", "Qualified", "Season index"], rows));
  }
  sections.push("", methodLine(calibration));
  return `${sections.join("\n")}\n`;
}
