import tableUtils from "cli-table3/src/utils.js";

/** How a column's cells sit in their width. */
export type Align = "left" | "right";

// cli-table3's own pattern for the colour codes it ignores when it measures a cell.
const COLOR_CODE = /\u001b\[(?:\d*;){0,5}\d*m/g;
const PLAIN = /^[\x20-\x7e]*$/;

/**
 * Columns a cell line takes on a terminal, as cli-table3 measures it (colour codes take none; wide
 * characters two). Printable ASCII, nearly every cell, is counted by its length; anything else
 * asks cli-table3's measure, so the widths stay what they were.
 */
function widthOf(line: string): number {
  if (PLAIN.test(line)) return line.length;
  const bare = line.includes("\u001b") ? line.replace(COLOR_CODE, "") : line;
  return PLAIN.test(bare) ? bare.length : tableUtils.strlen(bare);
}

/** Columns the widest line of a text takes on a terminal (colour codes none, wide characters two). */
export function textWidth(text: string): number {
  if (!text.includes("\n")) return widthOf(text);
  let widest = 0;
  for (const line of text.split("\n")) widest = Math.max(widest, widthOf(line));
  return widest;
}

/**
 * A boxed terminal table: the same bytes cli-table3 draws with `style: { head: [], border: [] }`
 * and no lines between rows (every table leadplan prints), in time linear in the cells. cli-table3
 * lays out its cells in time that grows with the square of the rows (27,000 plan rows took minutes),
 * so this writer draws them: widths in one pass, lines in a second. A cell may hold several lines
 * (`\n`); the row is then as tall as its tallest cell. Colour codes in a cell take no width.
 */
export function drawTextTable(head: readonly string[], rows: readonly (readonly string[])[], aligns: readonly Align[]): string {
  const widths = head.map(() => 0);
  // A cell with colour codes has its lines closed and reopened as cli-table3 does (a no-op for chalk's).
  const split = (cell: string): readonly string[] => {
    if (cell.includes("\u001b")) return tableUtils.colorizeLines(cell.split("\n"));
    return cell.includes("\n") ? cell.split("\n") : [cell];
  };
  const measure = (cells: readonly string[]) => {
    for (let at = 0; at < widths.length; at++) {
      const cell = cells[at] ?? "";
      for (const line of split(cell)) widths[at] = Math.max(widths[at] ?? 0, widthOf(line));
    }
  };
  measure(head);
  for (const row of rows) measure(row);

  const rule = (left: string, joint: string, right: string) => `${left}${widths.map((width) => "─".repeat(width + 2)).join(joint)}${right}`;
  const out: string[] = [rule("┌", "┬", "┐")];
  const draw = (cells: readonly string[]) => {
    const lines = widths.map((_, at) => split(cells[at] ?? ""));
    const height = Math.max(1, ...lines.map((cell) => cell.length));
    for (let lineAt = 0; lineAt < height; lineAt++) {
      let text = "│";
      for (let at = 0; at < widths.length; at++) {
        const line = lines[at]?.[lineAt] ?? "";
        const gap = " ".repeat((widths[at] ?? 0) - widthOf(line));
        text += aligns[at] === "right" ? ` ${gap}${line} │` : ` ${line}${gap} │`;
      }
      out.push(text);
    }
  };
  draw(head);
  for (const row of rows) draw(row);
  out.push(rule("└", "┴", "┘"));
  return out.join("\n");
}
