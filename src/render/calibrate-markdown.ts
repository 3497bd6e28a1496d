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

const escapeCell = (text: string) => text.replace(/\|/g, "\\|");

function markdownTable(head: readonly string[], rows: readonly string[][]): string {
  const lines = [`| ${head.join(" | ")} |`, `| ${head.map((_, index) => (index === 0 ? "---" : "---:")).join(" | ")} |`];
  for (const row of rows) lines.push(`| ${row.join(" | ")} |`);
  return lines.join("\n");
}

function figureTable<Row>(keyTitle: string, rows: readonly Row[], key: (row: Row) => string, columns: readonly CalibrationColumn<Row>[]): string {
  return markdownTable(
    [keyTitle, ...columns.map((column) => column.title)],
    rows.map((row) => [escapeCell(key(row)), ...columns.map((column) => formatCalibrationFigure(column.value(row), column.kind))]),
  );
}

function lagTable(rows: readonly { name: string; lag: LagDistribution | null }[]): string | null {
  const shown = rows.filter((row) => row.lag !== null);
  if (shown.length === 0) return null;
  const { last, more } = lastLagOf(shown.map((row) => row.lag));
  const titles = Array.from({ length: last + 1 }, (_, lag) => `${lag} mo`);
  if (more) titles.push(`${last + 1}+ mo`);
  return markdownTable(
    ["Scope", ...titles],
    shown.map((row) => [escapeCell(row.name), ...lagCells(row.lag, last).slice(0, titles.length).map((share) => formatCalibrationFigure(share, "rate"))]),
  );
}

/** The calibration as GitHub-flavoured Markdown, the same sections as the terminal tables. */
export function renderCalibrationMarkdown(report: CalibrationReport): string {
  const { calibration } = report;
  const sections: string[] = [`**${escapeCell(headline(report))}**`, "", "### Funnel", "", figureTable("Scope", calibration.scopes, scopeName, SCOPE_COLUMNS)];
  const detailed = calibration.scopes.filter((scope) => scope.rep === "");
  const cycle = lagTable(detailed.map((scope) => ({ name: scopeName(scope), lag: scope.salesCycle })));
  if (cycle !== null) sections.push("", "### Sales cycle", "", "Share of won deals closing N months after the lead qualified.", "", cycle);
  const qualification = lagTable(detailed.map((scope) => ({ name: scopeName(scope), lag: scope.qualification })));
  if (qualification !== null) sections.push("", "### Qualification", "", "Share of qualified leads qualifying N months after the inquiry.", "", qualification);
  sections.push("", "### Lead sources", "", "Cheapest won deal first.", "", figureTable("Source", calibration.sources, sourceName, SOURCE_COLUMNS));
  const span = baselineSpan(calibration);
  if (span !== null) {
    const rows = calibration.baseline.months.map((month) => [
      formatMonth(month.month),
      formatNumber(month.inquiries, 0),
      formatNumber(month.qualifiedLeads, 0),
      formatIndex(calibration.baseline.seasonality[monthOfYear(month.month) - 1] ?? null),
    ]);
    sections.push("", "### Baseline", "", `${span}, with the seasonality of each calendar month.`, "", markdownTable(["Month", "Inquiries", "Qualified", "Season index"], rows));
  }
  sections.push("", methodLine(calibration));
  for (const warning of report.warnings) sections.push("", `> Warning: ${warning}`);
  return `${sections.join("\n")}\n`;
}
