import { Chalk } from "chalk";
import Table from "cli-table3";
import { type CapacityGrid, type CapacitySection, capacityNotes, repGrid, teamGrid } from "./capacity-text.js";

function drawGrid(grid: CapacityGrid, paint: InstanceType<typeof Chalk>): string {
  const table = new Table({
    head: grid.head.map((title) => paint.bold(title)),
    colAligns: grid.textColumns.map((text) => (text ? ("left" as const) : ("right" as const))),
    style: { head: [], border: [] },
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
  });
  for (const row of grid.rows) table.push(row.over ? row.cells.map((cell) => paint.red(cell)) : row.cells);
  return `${grid.title}\n${table.toString()}`;
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
