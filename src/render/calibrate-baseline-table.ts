import { Chalk } from "chalk";
import Table from "cli-table3";
import { BASELINE_HEAD, type BaselineSection, baselineCells, peakLine } from "./calibrate-baseline.js";

/** The plan against the history's baseline as a terminal table, with the month that most exceeds it. */
export function renderBaselineTable(section: BaselineSection, options: { color: boolean }): string {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const table = new Table({
    head: BASELINE_HEAD.map((title) => paint.bold(title)),
    colAligns: BASELINE_HEAD.map((_, index) => (index === 0 ? ("left" as const) : ("right" as const))),
    style: { head: [], border: [] },
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
  });
  for (const row of section.comparison.rows) table.push(baselineCells(row));
  return [paint.bold("Against the baseline"), table.toString(), peakLine(section)].join("\n");
}
