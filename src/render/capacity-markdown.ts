import { type CapacityGrid, type CapacitySection, capacityNotes, repGrid, teamGrid } from "./capacity-text.js";

const escapeCell = (text: string) => text.replace(/\|/g, "\\|");

function gridMarkdown(grid: CapacityGrid): string {
  const lines = [`**${grid.title}**`, "", `| ${grid.head.join(" | ")} |`, `| ${grid.textColumns.map((text) => (text ? "---" : "---:")).join(" | ")} |`];
  for (const row of grid.rows) {
    // Bold the figures marked over capacity: a Markdown reader sees no colour.
    const cells = row.cells.map((cell) => (cell.endsWith(" !") ? `**${escapeCell(cell)}**` : escapeCell(cell)));
    lines.push(`| ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}

/**
 * The capacity section as GitHub Markdown: the same tables as the terminal, over-capacity figures
 * in bold. `warnings` are for a `--view capacity` or `team` run, which shows this section alone.
 */
export function renderCapacityMarkdown(section: CapacitySection, warnings: readonly string[] = []): string {
  const parts: string[] = [];
  if (section.view !== "team") parts.push(gridMarkdown(repGrid(section)));
  if (section.view !== "capacity") parts.push(gridMarkdown(teamGrid(section)));
  const lines = [...parts, capacityNotes(section).join("  \n"), ...warnings.map((warning) => `> Warning: ${warning}`)];
  return `${lines.join("\n\n")}\n`;
}
