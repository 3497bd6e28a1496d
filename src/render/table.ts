import { Chalk } from "chalk";
import { renderBaselineTable } from "./calibrate-baseline-table.js";
import { renderCapacityTable } from "./capacity-table.js";
import { drawTextTable } from "./text-table.js";
import { FIGURE_COLUMNS, type PlanReport, costLine, describeSurge, formatFigure, keyColumnsOf, keyText, keyTitle } from "./report.js";

export interface TableOptions {
  /** Colour with ANSI codes: the CLI decides (a TTY, no NO_COLOR). */
  color: boolean;
}

/** The plan as a terminal table with a totals row; surge rows carry a `*` (and colour on a TTY). */
export function renderPlanTable(report: PlanReport, options: TableOptions): string {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const keys = keyColumnsOf(report.view);
  const anySurge = report.view.rows.some((row) => row.surge);
  const head = [...keys.map(keyTitle), ...FIGURE_COLUMNS.map((column) => column.title)].map((title) => paint.bold(title));
  const aligns = [...keys.map(() => "left" as const), ...FIGURE_COLUMNS.map(() => "right" as const)];
  const rows = report.view.rows.map((row) => {
    const cells = [
      ...keys.map((key, index) => (index === 0 && row.surge ? `${keyText(row, key)} *` : keyText(row, key))),
      ...FIGURE_COLUMNS.map((column) => formatFigure(column.value(row), column.kind)),
    ];
    return row.surge ? cells.map((cell) => paint.yellow(cell)) : cells;
  });
  rows.push([
    ...keys.map((_, index) => paint.bold(index === 0 ? "Total" : "")),
    ...FIGURE_COLUMNS.map((column) => paint.bold(formatFigure(column.value(report.view.totals), column.kind))),
  ]);
  const lines = [drawTextTable(head, rows, aligns), costLine(report.view.totals)];
  if (anySurge) lines.push(`* surge: ${describeSurge(report.surge)}`);
  if (report.capacity) lines.push("", renderCapacityTable(report.capacity, options).trimEnd());
  if (report.baseline) lines.push("", renderBaselineTable(report.baseline, options));
  return `${lines.join("\n")}\n`;
}
