import { Chalk } from "chalk";
import {
  OVER_CAPACITY_TITLE,
  SCENARIO_TITLES,
  SENSITIVITY_TITLES,
  SOURCE_TITLES,
  type ScenariosReport,
  hasTeam,
  quarterCells,
  quarterTitles,
  scenarioCells,
  sensitivityCells,
  sourceTotals,
} from "./scenarios-report.js";
import { drawTextTable } from "./text-table.js";

function tableOf(head: readonly string[], rows: readonly string[][], color: boolean): string {
  const paint = new Chalk({ level: color ? 1 : 0 });
  return drawTextTable(head.map((title) => paint.bold(title)), rows, head.map((_, index) => (index === 0 ? "left" : "right")));
}

function markdownOf(head: readonly string[], rows: readonly string[][]): string {
  const escape = (cell: string) => cell.replace(/\|/g, "\\|");
  const lines = [`| ${head.join(" | ")} |`, `| ${head.map((_, index) => (index === 0 ? "---" : "---:")).join(" | ")} |`];
  for (const row of rows) lines.push(`| ${row.map(escape).join(" | ")} |`);
  return lines.join("\n");
}

/** The scenario report as terminal tables (`markdown`: the same sections as Markdown tables). */
export function renderScenariosText(report: ScenariosReport, options: { color: boolean; markdown: boolean }): string {
  const draw = (head: readonly string[], rows: readonly string[][]) => (options.markdown ? markdownOf(head, rows) : tableOf(head, rows, options.color));
  const title = (text: string) => (options.markdown ? `**${text}**\n` : text);
  const quarters = quarterTitles(report);
  const sections = [
    title("Scenarios against the baseline (budget change in money and percent)"),
    hasTeam(report)
      ? draw([...SCENARIO_TITLES, OVER_CAPACITY_TITLE], report.rows.map((row) => [...scenarioCells(row), String(row.overCapacity ?? "–")]))
      : draw(SCENARIO_TITLES, report.rows.map(scenarioCells)),
    "",
    title("Budget per fiscal quarter"),
    draw(["Scenario", ...quarters], report.rows.map((row) => [row.name, ...quarterCells(row, quarters)])),
  ];
  if (report.sensitivity) {
    const largest = Math.max(0, ...report.sensitivity.rows.map((row) => row.impact));
    const share = `${Math.round(report.sensitivity.share * 10000) / 100}%`;
    sections.push("", title(`Sensitivity: each assumption ${share} down and up, one at a time, largest budget change first`));
    sections.push(draw(SENSITIVITY_TITLES, report.sensitivity.rows.map((row) => sensitivityCells(row, largest))));
  }
  if (report.sources) {
    const how = report.sources.optimized ? "the cheapest mix per won deal within each source's cap" : "the given shares, blended";
    sections.push("", title(`Lead sources for the baseline plan: ${how}`), draw(SOURCE_TITLES, sourceTotals(report.sources)));
  }
  if (options.markdown) for (const warning of report.warnings) sections.push("", `> Warning: ${warning}`);
  return `${sections.join("\n")}\n`;
}
