import { type CellValue, type Document, type Table, columnsFor } from "../document.js";
import { type CsvOptions, csvChunks } from "../csv-writer.js";
import { plainNumber } from "../plain-number.js";

const plain = (value: CellValue): string => (value === null ? "" : typeof value === "number" ? plainNumber(value) : String(value));

/** The table CSV writes: the document's first one that does not opt out. */
function csvTable(document: Document): Table<unknown> {
  const section = document.sections.find((candidate) => candidate.table !== undefined && candidate.csv !== false && candidate.only !== "html");
  if (section?.table === undefined) throw new Error("a document written as CSV has no table");
  return section.table;
}

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
export function writeCsvChunks(document: Document, options: CsvOptions): Generator<string> {
  const table = csvTable(document);
  return csvChunks(
    columnsFor(table, "csv").map((column) => ({ key: column.key, kind: column.kind })),
    recordsOf(table),
    options,
  );
}

/** The same CSV as one text. */
export const writeCsvText = (document: Document, options: CsvOptions): string => [...writeCsvChunks(document, options)].join("");
