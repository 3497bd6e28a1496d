import { Chalk, type ChalkInstance } from "chalk";
import { type Column, type Document, type Section, type Table, type Tone, alignsRight, columnsFor } from "../document.js";
import { formatCell } from "../format.js";
import { drawTextTable } from "../text-table.js";

export interface TableOptions {
  /** Colour with ANSI codes: the CLI decides (a TTY, no NO_COLOR). */
  color: boolean;
}

/** A cell as people read it, with its `!` mark. */
export function cellText<R>(column: Column<R>, row: R): string {
  const text = column.text ? column.text(row) : formatCell(column.value(row), column.kind);
  return column.marked?.(row) === true ? `${text} !` : text;
}

function drawTable(table: Table<unknown>, paint: ChalkInstance): { text: string; flagged: boolean } {
  const columns = columnsFor(table, "text");
  const toned = (tone: Tone | undefined) => (tone === "bad" ? paint.red : tone === "warn" ? paint.yellow : undefined);
  const { flag } = table;
  let flagged = false;
  const rows: string[][] = [];
  for (const row of table.rows) {
    const on = flag?.on(row) === true;
    if (on) flagged = true;
    const rowTone = toned(table.tone?.(row));
    rows.push(
      columns.map((column, at) => {
        let text = cellText(column, row);
        if (on && at === 0) text = `${text} ${flag?.sign ?? ""}`;
        const cellTone = rowTone ?? toned(column.tone?.(row));
        return cellTone ? cellTone(text) : text;
      }),
    );
  }
  for (const total of table.totals ?? []) {
    const rowTone = toned(table.tone?.(total));
    rows.push(
      columns.map((column) => {
        const text = cellText(column, total);
        const cellTone = rowTone ?? toned(column.tone?.(total));
        return paint.bold(cellTone ? cellTone(text) : text);
      }),
    );
  }
  const head = columns.map((column) => paint.bold(column.title));
  const aligns = columns.map((column) => (alignsRight(column.kind) ? ("right" as const) : ("left" as const)));
  return { text: drawTextTable(head, rows, aligns), flagged };
}

function sectionText(section: Section, paint: ChalkInstance): string {
  const lines: string[] = [...(section.intro ?? [])];
  if (section.title) {
    const { text, style, detail, separator = ": " } = section.title;
    // The detail sentence joins the title on one line: `Lead sources, cheapest won deal first`.
    const line = detail === undefined ? text : `${text}${separator}${detail.charAt(0).toLowerCase()}${detail.slice(1).replace(/\.$/, "")}`;
    lines.push(style === "caption" ? line : paint.bold(line));
  }
  lines.push(...(section.bullets ?? []));
  let flagged = false;
  if (section.table) {
    const drawn = drawTable(section.table, paint);
    lines.push(drawn.text);
    flagged = drawn.flagged;
  }
  lines.push(...(section.notes ?? []));
  const flag = section.table?.flag;
  if (flagged && flag) lines.push(`${flag.sign} ${flag.word}: ${flag.text}`);
  return lines.join("\n");
}

/**
 * Any document as terminal text: sections one after another with a blank line between, each
 * table boxed (figures right, bold head and totals; on a colour terminal, toned rows and cells).
 * Warnings are not repeated here: the CLI prints them on stderr.
 */
export function writeTable(document: Document, options: TableOptions): string {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const shown = document.sections.filter((section) => section.only === undefined);
  return `${shown.map((section) => sectionText(section, paint)).join("\n\n")}\n`;
}
