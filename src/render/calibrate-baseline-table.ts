import { Chalk } from "chalk";
import { BASELINE_HEAD, type BaselineSection, baselineCells, peakLine } from "./calibrate-baseline.js";
import { drawTextTable } from "./text-table.js";

/** The plan against the history's baseline as a terminal table, with the month that most exceeds it. */
export function renderBaselineTable(section: BaselineSection, options: { color: boolean }): string {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const aligns = BASELINE_HEAD.map((_, index) => (index === 0 ? ("left" as const) : ("right" as const)));
  const table = drawTextTable(BASELINE_HEAD.map((title) => paint.bold(title)), section.comparison.rows.map(baselineCells), aligns);
  return [paint.bold("Against the baseline"), table, peakLine(section)].join("\n");
}
