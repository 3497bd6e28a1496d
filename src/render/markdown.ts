import { renderBaselineMarkdown } from "./calibrate-baseline.js";
import { renderCapacityMarkdown } from "./capacity-markdown.js";
import { FIGURE_COLUMNS, type PlanReport, costLine, describeSurge, formatFigure, keyColumnsOf, keyText, keyTitle } from "./report.js";

const escapeCell = (text: string) => text.replace(/\|/g, "\\|");

/** The plan as a GitHub-flavoured Markdown table with a bold totals row, for pasting into docs. */
export function renderPlanMarkdown(report: PlanReport): string {
  const keys = keyColumnsOf(report.view);
  const anySurge = report.view.rows.some((row) => row.surge);
  const header = [...keys.map(keyTitle), ...FIGURE_COLUMNS.map((column) => column.title)];
  const align = [...keys.map(() => "---"), ...FIGURE_COLUMNS.map(() => "---:")];
  const lines = [`| ${header.join(" | ")} |`, `| ${align.join(" | ")} |`];
  for (const row of report.view.rows) {
    const keyCells = keys.map((key, index) => {
      const text = escapeCell(keyText(row, key));
      return index === 0 && row.surge ? `${text} (surge)` : text;
    });
    lines.push(`| ${[...keyCells, ...FIGURE_COLUMNS.map((column) => formatFigure(column.value(row), column.kind))].join(" | ")} |`);
  }
  const totalKeys = keys.map((_, index) => (index === 0 ? "**Total**" : ""));
  lines.push(`| ${[...totalKeys, ...FIGURE_COLUMNS.map((column) => `**${formatFigure(column.value(report.view.totals), column.kind)}**`)].join(" | ")} |`);
  lines.push("", costLine(report.view.totals) + (anySurge ? `  \nSurge: ${describeSurge(report.surge)}.` : ""));
  if (report.capacity) lines.push("", renderCapacityMarkdown(report.capacity).trimEnd());
  if (report.baseline) lines.push("", renderBaselineMarkdown(report.baseline));
  for (const warning of report.warnings) lines.push("", `> Warning: ${warning}`);
  return `${lines.join("\n")}\n`;
}
