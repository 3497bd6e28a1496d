import { type CellValue, type Document, type Table, columnsFor } from "../document.js";
import { type CsvOptions, csvChunks } from "../csv-writer.js";
import { plainNumber } from "../plain-number.js";

const plain = (value: CellValue): string => (value === null ? "" : typeof value === "number" ? plainNumber(value) : String(value));

/** The table CSV writes: the section named (`--section`), else the document's first one that does not opt out. */
function csvTable(document: Document, name?: string): Table<unknown> {
  const section =
    name === undefined
      ? document.sections.find((candidate) => candidate.table !== undefined && candidate.csv !== false && candidate.only !== "html")
      : document.sections.find((candidate) => candidate.table !== undefined && candidate.name === name);
  if (section?.table === undefined) throw new Error(name === undefined ? "a document written as CSV has no table" : `a document written as CSV has no section ${name}`);
  return section.table;
}

/** The named sections with a table (what `--section` may choose), in the document's order. */
export const csvSectionNames = (document: Document): string[] =>
  document.sections.flatMap((section) => (section.table !== undefined && section.name !== undefined ? [section.name] : []));

/** The named sections a CSV of `written` leaves out: neither it nor covered by it. */
export const csvSectionsLeftOut = (document: Document, written: string | undefined): string[] =>
  document.sections.flatMap((section) =>
    section.table !== undefined && section.name !== undefined && section.name !== written && section.coveredBy !== written ? [section.name] : [],
  );

function* recordsOf<R>(table: Table<R>): Generator<string[]> {
  const columns = columnsFor(table, "csv");
  for (const row of table.rows) yield columns.map((column) => plain(column.value(row)));
  if (table.csvTotals === true) for (const row of table.totals ?? []) yield columns.map((column) => plain(column.value(row)));
}

/**
 * A document as CSV chunks: the header of its CSV table's keys, then its rows (the totals only with `csvTotals`),
 * written as they are read, so a table of millions of rows streams. One table per file: a CSV
 * holds one header.
 */
export function writeCsvChunks(document: Document, options: CsvOptions, section?: string): Generator<string> {
  const table = csvTable(document, section);
  return csvChunks(
    columnsFor(table, "csv").map((column) => ({ key: column.key, kind: column.kind })),
    recordsOf(table),
    options,
  );
}

/** The same CSV as one text. */
export const writeCsvText = (document: Document, options: CsvOptions, section?: string): string => [...writeCsvChunks(document, options, section)].join("");
