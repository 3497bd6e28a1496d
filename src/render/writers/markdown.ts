import { cellText } from "../format.js";
import { type Document, type Section, type Table, alignsRight, columnsFor } from "../document.js";

// A line break in a cell (a quoted CSV name may hold one) would end the table row: GFM's <br> keeps it one row.
const escapeCell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r\n|\r|\n/g, "<br>");
const bold = (text: string) => (text === "" ? text : `**${text}**`);

function tableLines(table: Table<unknown>): { lines: string[]; flagged: boolean } {
  const columns = columnsFor(table, "text");
  const lines = [`| ${columns.map((column) => column.title).join(" | ")} |`, `| ${columns.map((column) => (alignsRight(column.kind) ? "---:" : "---")).join(" | ")} |`];
  const { flag } = table;
  let flagged = false;
  for (const row of table.rows) {
    const on = flag?.on(row) === true;
    if (on) flagged = true;
    const cells = columns.map((column, at) => {
      const text = escapeCell(cellText(column, row));
      // A Markdown reader sees no colour: a marked figure is bold instead.
      if (column.marked?.(row) === true) return bold(text);
      return on && at === 0 ? `${text} (${flag?.word ?? ""})` : text;
    });
    lines.push(`| ${cells.join(" | ")} |`);
  }
  for (const total of table.totals ?? []) lines.push(`| ${columns.map((column) => bold(escapeCell(cellText(column, total)))).join(" | ")} |`);
  return { lines, flagged };
}

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function sectionText(section: Section): string {
  const blocks: string[] = [];
  if (section.intro && section.intro.length > 0) blocks.push(section.intro.join("\n"));
  if (section.title) {
    const { text, style, detail } = section.title;
    // A headline names the user's file: a `|` in it must not start a table.
    blocks.push(style === "heading" ? `### ${text}` : style === "strong" ? `**${escapeCell(text)}**` : `**${text}**`);
    if (detail !== undefined) blocks.push(detail);
  }
  if (section.bullets && section.bullets.length > 0) blocks.push(section.bullets.map((line) => `- ${line}`).join("\n"));
  const notes = [...(section.notes ?? [])];
  if (section.table) {
    const { lines, flagged } = tableLines(section.table);
    blocks.push(lines.join("\n"));
    const flag = section.table.flag;
    if (flagged && flag) notes.push(`${capitalised(flag.word)}: ${flag.text}.`);
  }
  // Two trailing spaces: a line break inside one paragraph.
  if (notes.length > 0) blocks.push(notes.join("  \n"));
  return blocks.join("\n\n");
}

/** Any document as GitHub-flavoured Markdown, for a PR or a wiki; the warnings close it as quotes. */
export function writeMarkdown(document: Document): string {
  const blocks = document.sections.filter((section) => section.only === undefined).map(sectionText);
  for (const warning of document.warnings) blocks.push(`> Warning: ${warning}`);
  return `${blocks.join("\n\n")}\n`;
}
