import { Chalk } from "chalk";
import { drawTextTable } from "./text-table.js";
import { type CapacityGrid, type CapacitySection, capacityNotes, repGrid, teamGrid } from "./capacity-text.js";

function drawGrid(grid: CapacityGrid, paint: InstanceType<typeof Chalk>): string {
  const rows = grid.rows.map((row) => (row.over ? row.cells.map((cell) => paint.red(cell)) : row.cells));
  const aligns = grid.textColumns.map((text) => (text ? ("left" as const) : ("right" as const)));
  return `${grid.title}\n${drawTextTable(grid.head.map((title) => paint.bold(title)), rows, aligns)}`;
}

/**
 * The capacity section as terminal tables: per rep and month, then the team per month, then
 * notes. `view` picks what a `--view capacity` or `--view team` run shows alone; the plan view
 * shows both after the plan. Over-capacity rows carry `!` (and red on a colour terminal).
 */
export function renderCapacityTable(section: CapacitySection, options: { color: boolean }): string {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const parts: string[] = [];
  if (section.view !== "team") parts.push(drawGrid(repGrid(section), paint));
  if (section.view !== "capacity") parts.push(drawGrid(teamGrid(section), paint));
  return `${[...parts, capacityNotes(section).join("\n")].join("\n\n")}\n`;
}
