import { Chalk, type ChalkInstance } from "chalk";
import { renderCapacityTable } from "./legacy.js";
import { drawTextTable } from "./text-table.js";
import {
  type TextTable,
  type TrackReport,
  catchUpChanged,
  catchUpLines,
  catchUpNote,
  catchUpTable,
  catchUpTitle,
  checkpointTable,
  headline,
  leakNote,
  leakTable,
  leakTitle,
  leakVerdict,
  capacityTitle,
} from "./track-report.js";

function draw(text: TextTable, paint: ChalkInstance): string {
  const rows = text.rows.map((row) => {
    // Only the status cell is coloured: a whole red row would hide which measure is behind.
    const status = row.status === "far-behind" ? paint.red : row.status === "behind" ? paint.yellow : (cell: string) => cell;
    const last = row.cells.length - 1;
    return row.cells.map((cell, at) => {
      const shown = row.status !== undefined && at === last ? status(cell) : cell;
      return row.total ? paint.bold(shown) : shown;
    });
  });
  const aligns = text.right.map((right) => (right ? ("right" as const) : ("left" as const)));
  return drawTextTable(text.head.map((title) => paint.bold(title)), rows, aligns);
}

/**
 * The track report for a terminal: the headline, plan against actual per row and measure (behind
 * in yellow, far behind in red on a colour terminal), where the funnel leaks, and the catch-up.
 */
export function renderTrackTable(report: TrackReport, options: { color: boolean }): string {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const lines = [paint.bold(headline(report)), draw(checkpointTable(report), paint), ""];
  if (report.leak === null) lines.push(leakNote(report));
  else lines.push(leakTitle(report), draw(leakTable(report.leak), paint), leakVerdict(report.leak));
  lines.push("");
  if (report.catchUp === null) lines.push(catchUpNote(report));
  else {
    lines.push(catchUpTitle(report, report.catchUp), ...catchUpLines(report, report.catchUp));
    if (catchUpChanged(report.catchUp)) lines.push(draw(catchUpTable(report.catchUp), paint));
  }
  if (report.capacity) lines.push("", capacityTitle(report), renderCapacityTable(report.capacity, options).trimEnd());
  return `${lines.join("\n")}\n`;
}
