import { Chalk, type ChalkInstance } from "chalk";
import { type Column, type Document, type Section, type Table, type Tone, alignsRight, columnsFor } from "../document.js";
import { cellText } from "../format.js";
import { type FitColumn, type TablePart, fitTable } from "../table-fit.js";
import { type Align, drawTextTable, textWidth } from "../text-table.js";
import { widestWord, wrapWords } from "../wrap-words.js";

export interface TableOptions {
  /** Colour with ANSI codes: the CLI decides (a TTY, no NO_COLOR). */
  color: boolean;
  /**
   * The terminal's columns: every line is made to fit them (see fitTable; prose wraps between
   * words). Absent, every table has its natural width: a file or a pipe gets the same bytes.
   */
  width?: number | undefined;
}


/** A line of the table as read: a row (maybe flagged) or a totals line. */
interface Line {
  row: unknown;
  flagged: boolean;
  total: boolean;
  /** The whole row's tone, asked once per row. */
  tone: Tone | undefined;
}

/** The one paint of a table's cells: a row's tone, else the cell's; the flag's sign; totals bold. */
function cellPainter(table: Table<unknown>, paint: ChalkInstance) {
  const toned = (tone: Tone | undefined) => (tone === "bad" ? paint.red : tone === "warn" ? paint.yellow : undefined);
  return (column: Column<unknown>, at: number, line: Line, text: string): string => {
    const signed = line.flagged && at === 0 ? `${text} ${table.flag?.sign ?? ""}` : text;
    const cellTone = toned(line.tone) ?? toned(column.tone?.(line.row));
    const toneText = cellTone ? cellTone(signed) : signed;
    return line.total ? paint.bold(toneText) : toneText;
  };
}

function drawTable(table: Table<unknown>, paint: ChalkInstance, width: number | undefined): { text: string; flagged: boolean; narrowed: boolean } {
  const columns = columnsFor(table, "text");
  const painted = cellPainter(table, paint);
  // Rows are kept only where a bar may be drawn again, shorter: a table of figures keeps its text alone.
  const keep = width !== undefined && columns.some((column) => column.bar !== undefined);
  const kept: Line[] = [];
  const bodies = columns.map(() => 0);
  const words = columns.map(() => 0);
  let flagged = false;
  const rows: string[][] = [];
  const add = (line: Line) => {
    if (keep) kept.push(line);
    const cells = columns.map((column, at) => painted(column, at, line, cellText(column, line.row)));
    // Measured as made, in the one pass: only a width to fit asks for it.
    if (width !== undefined) {
      cells.forEach((cell, at) => {
        const size = textWidth(cell);
        bodies[at] = Math.max(bodies[at] ?? 0, size);
        words[at] = Math.max(words[at] ?? 0, cell.includes(" ") ? widestWord(cell) : size);
      });
    }
    rows.push(cells);
  };
  for (const row of table.rows) {
    const on = table.flag?.on(row) === true;
    if (on) flagged = true;
    add({ row, flagged: on, total: false, tone: table.tone?.(row) });
  }
  for (const total of table.totals ?? []) add({ row: total, flagged: false, total: true, tone: table.tone?.(total) });

  const fitColumns = columns.map((column, at): FitColumn => ({ title: column.title, body: bodies[at] ?? 0, word: words[at] ?? 0, key: !alignsRight(column.kind), bar: column.bar !== undefined }));
  const aligns = columns.map((column): Align => (alignsRight(column.kind) ? "right" : "left"));
  const fit = fitTable(fitColumns, width);
  const drawPart = (part: TablePart) => {
    const head = part.titles.map((title) => paint.bold(title));
    const partRows =
      part.columns.length === columns.length && part.bars.size === 0 && part.wraps.size === 0
        ? rows
        : rows.map((cells, lineAt) =>
            part.columns.map((at, partAt) => {
              const wrap = part.wraps.get(partAt);
              if (wrap !== undefined) return wrapWords(cells[at] ?? "", wrap).join("\n");
              const length = part.bars.get(partAt);
              const column = columns[at];
              const line = kept[lineAt];
              if (length === undefined || column?.bar === undefined || line === undefined) return cells[at] ?? "";
              return painted(column, at, line, column.bar(line.row, length));
            }),
          );
    return drawTextTable(head, partRows, part.columns.map((at) => aligns[at] ?? "left"));
  };
  return { text: fit.parts.map(drawPart).join("\n"), flagged, narrowed: fit.narrowed };
}

function sectionText(section: Section, paint: ChalkInstance, width: number | undefined): { text: string; narrowed: boolean } {
  const prose = (lines: readonly string[] | undefined, indent = 0) => (lines ?? []).flatMap((line) => line.split("\n").flatMap((part) => wrapWords(part, width, indent)));
  const lines: string[] = prose(section.intro);
  if (section.title) {
    const { text, style, detail, separator = ": " } = section.title;
    // The detail sentence joins the title on one line: `Lead sources, cheapest won deal first`.
    const line = detail === undefined ? text : `${text}${separator}${detail.charAt(0).toLowerCase()}${detail.slice(1).replace(/\.$/, "")}`;
    lines.push(...prose([line]).map((part) => (style === "caption" ? part : paint.bold(part))));
  }
  // A terminal writes a list without marks: its items' further lines sit in, so each item stands out.
  lines.push(...prose(section.bullets, 2));
  let flagged = false;
  let narrowed = false;
  if (section.table) {
    const drawn = drawTable(section.table, paint, width);
    lines.push(drawn.text);
    ({ flagged, narrowed } = drawn);
  }
  lines.push(...prose(section.notes));
  const flag = section.table?.flag;
  if (flagged && flag) lines.push(...prose([`${flag.sign} ${flag.word}: ${flag.text}`]));
  return { text: lines.join("\n"), narrowed };
}

/**
 * Any document as terminal text: sections one after another with a blank line between, each
 * table boxed (figures right, bold head and totals; on a colour terminal, toned rows and cells).
 * Given a width, every line fits it where a whole cell can (see fitTable), and a report that had
 * to be narrowed says at its end how to see it whole. Warnings are not repeated here: the CLI
 * prints them on stderr.
 */
export function writeTable(document: Document, options: TableOptions): string {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const { width } = options;
  const shown = document.sections.filter((section) => section.only === undefined).map((section) => sectionText(section, paint, width));
  const texts = shown.map((section) => section.text);
  if (width !== undefined && shown.some((section) => section.narrowed)) {
    texts.push(wrapWords(`Narrowed to ${width} columns: --wide for full width, --format csv for every column.`, width).join("\n"));
  }
  return `${texts.join("\n\n")}\n`;
}
