import { type CellValue, type Document, type Section, type Table, alignsRight, columnsFor } from "../document.js";
import { cellText, formatCell } from "../format.js";
import { plainNumber } from "../plain-number.js";
import { chartSvg, chartIdsFromZero } from "./html-charts.js";
import { HTML_STYLE } from "./html-style.js";

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text as HTML: a rep named `<b>` or `Smith & Co` is shown, never read as markup. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);

const plain = (value: CellValue): string => (value === null ? "" : typeof value === "number" ? plainNumber(value) : String(value));

/** Rows once, as an array: a table and its charts read the same rows (a generator reads once). */
const rowsOf = (table: Table<unknown> | undefined): readonly unknown[] => (table === undefined ? [] : Array.isArray(table.rows) ? (table.rows as unknown[]) : [...table.rows]);

function tableHtml(table: Table<unknown>, rows: readonly unknown[]): { html: string; flagged: boolean } {
  const columns = columnsFor(table, "text");
  const { flag } = table;
  let flagged = false;
  // A title may break after a slash (`Cost/<wbr>qualified`): the widest tables fit a printed page only so.
  const head = columns.map((column) => `<th scope="col" class="${alignsRight(column.kind) ? "num" : "text"}">${escapeHtml(column.title).replace(/\//g, "/<wbr>")}</th>`).join("");
  const line = (row: unknown, total: boolean): string => {
    const on = !total && flag?.on(row) === true;
    if (on) flagged = true;
    const rowTone = table.tone?.(row);
    const cells = columns.map((column, at) => {
      const classes = [alignsRight(column.kind) ? "num" : "text"];
      const tone = column.tone?.(row);
      if (tone) classes.push(tone);
      if (column.marked?.(row) === true) classes.push("marked");
      let text = escapeHtml(column.bar !== undefined ? formatCell(column.value(row), column.kind) : cellText(column, row));
      if (on && at === 0) text += ` <span class="flag" title="${escapeHtml(flag?.word ?? "")}">${escapeHtml(flag?.sign ?? "")}</span>`;
      // The machine value rides along: what a script or a test compares with the CSV of the same run.
      const tag = at === 0 && !total ? "th" : "td";
      const scope = tag === "th" ? ' scope="row"' : "";
      return `<${tag}${scope} class="${classes.join(" ")}" data-key="${escapeHtml(column.key)}" data-value="${escapeHtml(plain(column.value(row)))}">${text}</${tag}>`;
    });
    const rowClasses = [total ? "total" : "", rowTone ?? "", on ? "flagged" : ""].filter((name) => name !== "").join(" ");
    return `<tr${rowClasses === "" ? "" : ` class="${rowClasses}"`}>${cells.join("")}</tr>`;
  };
  const body = rows.map((row) => line(row, false)).join("\n");
  const totals = (table.totals ?? []).map((row) => line(row, true)).join("\n");
  const html = [
    '<div class="table-wrap"><table>',
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>\n${body}\n</tbody>`,
    totals === "" ? "" : `<tfoot>\n${totals}\n</tfoot>`,
    "</table></div>",
  ].join("\n");
  return { html, flagged };
}

const paragraphs = (lines: readonly string[] | undefined, className: string): string => (lines ?? []).map((text) => `<p class="${className}">${escapeHtml(text)}</p>`).join("\n");

function sectionHtml(section: Section): string {
  const parts: string[] = [];
  parts.push(paragraphs(section.intro, "intro"));
  if (section.title) {
    const { text, style, detail } = section.title;
    parts.push(style === "strong" ? `<p class="headline">${escapeHtml(text)}</p>` : `<h2>${escapeHtml(text)}</h2>`);
    if (detail !== undefined) parts.push(`<p class="detail">${escapeHtml(detail)}</p>`);
  }
  if (section.bullets && section.bullets.length > 0) parts.push(`<ul>${section.bullets.map((bullet) => `<li>${escapeHtml(bullet)}</li>`).join("")}</ul>`);
  const rows = rowsOf(section.table);
  for (const chart of section.charts ?? []) {
    parts.push(`<figure class="chart" role="img" aria-label="${escapeHtml(chart.title)}">${chartSvg(chart, rows)}<figcaption>Drawn from the table below.</figcaption></figure>`);
  }
  const notes = [...(section.notes ?? [])];
  if (section.table) {
    const { html, flagged } = tableHtml(section.table, rows);
    parts.push(html);
    const flag = section.table.flag;
    if (flagged && flag) notes.push(`${flag.sign} ${flag.word}: ${flag.text}`);
  }
  parts.push(paragraphs(notes, "note"));
  return `<section>\n${parts.filter((part) => part !== "").join("\n")}\n</section>`;
}

/**
 * Any document as one self-contained HTML page: styles inline, charts as inline SVG, no script,
 * nothing fetched from elsewhere, so it opens from a mail attachment or a shared drive and prints
 * on A4 and Letter. Warnings stand first: a reader of the page has no stderr.
 */
export function writeHtml(document: Document): string {
  return chartIdsFromZero(htmlPage(document));
}

function htmlPage(document: Document): string {
  const heading = document.title ?? "leadplan report";
  const shown = document.sections.filter((section) => section.only !== "csv");
  const warnings =
    document.warnings.length === 0
      ? ""
      : `<aside class="warnings" role="note"><h2>Warnings</h2><ul>${document.warnings.map((warning) => `<li>${escapeHtml(warning)}</li>`).join("")}</ul></aside>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="leadplan">
<title>${escapeHtml(heading)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(heading)}</h1>
${warnings}
${shown.map(sectionHtml).join("\n")}
</main>
<footer>Made with leadplan. Figures in tables are the same as <code>--format csv</code> gives; each chart is drawn from the table under it.</footer>
</body>
</html>
`;
}
