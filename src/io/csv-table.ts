import { parse } from "csv-parse/sync";
import { delimiterOf } from "./delimiter.js";
import { InputError, type InputIssue } from "./input-issue.js";
import { looksLikeMonthColumn } from "./month-text.js";
import { normaliseLineEnds } from "./line-ends.js";
import { type PlainColumns, readPlainColumns } from "./plain-csv.js";

/** A parsed CSV file: normalised header names and the data records, as text. */
export interface CsvTable {
  file: string;
  header: string[];
  /**
   * Data records (the header excluded); a short record is padded with empty fields. A plain file's
   * are made the first time they are asked for: a large file's reader takes {@link column}s.
   */
  readonly records: string[][];
  /** How many data records there are (without making them). */
  readonly recordCount: number;
  /** One column's cells, a data record's each, in order. */
  column(at: number): readonly string[];
  /** The field separator the file uses: `,`, `;` or tab. */
  delimiter: string;
  /** The 1-based line a data record starts on (computed on demand: only errors need it). */
  lineOf(recordIndex: number): number;
}

/**
 * `Avg Deal Size`, `avg-deal-size` and ` avg_deal_size ` all name `avg_deal_size`; a month
 * (`2027-01`, `Jan-27`, `January 2027`) stays as written, for the reader to parse and to name.
 */
export function normaliseColumnName(name: string): string {
  const trimmed = name.trim();
  return looksLikeMonthColumn(trimmed) ? trimmed : trimmed.toLowerCase().replace(/[\s-]+/g, "_");
}

const isBlank = (record: readonly string[]) => record.every((field) => field === "" || field.trim() === "");

/** Line breaks inside a record's quoted fields, a CRLF counting once. */
function lineBreaksIn(record: readonly string[]): number {
  let breaks = 0;
  for (const field of record) {
    if (field.includes("\n") || field.includes("\r")) breaks += field.split(/\r\n|\r|\n/).length - 1;
  }
  return breaks;
}

/**
 * Reads CSV text with csv-parse: UTF-8 BOM, CRLF (or LF and CRLF mixed) and `;` or tab
 * separators are all accepted, and rows with nothing in them (`,,,` as spreadsheets export blank
 * rows) are skipped.
 */
export function readCsvTable(content: string, file: string): CsvTable {
  const text = normaliseLineEnds(content.charCodeAt(0) === 0xfeff ? content.slice(1) : content);
  if (text.trim() === "") {
    throw new InputError({ code: "file.empty", file, expected: "the file is empty: expected a header row and data rows" });
  }
  const delimiter = delimiterOf(text);
  // Plain text (no quotes, rows of one width: most files, and every large one we have met) is
  // split without csv-parse, to the same records; anything else is csv-parse's, errors included.
  const plain = readPlainColumns(text, delimiter);
  if (plain !== undefined && !hasBlankRecord(plain)) return plainTable(plain, file, delimiter);
  const options = { delimiter, relax_column_count: true, skip_empty_lines: true } as const;
  let rows: string[][];
  let startLineOf: (row: number) => number;
  if (plain) {
    rows = [plain.header];
    for (let row = 0; row < plain.rowCount; row++) rows.push(plain.columns.map((column) => column[row] as string));
    startLineOf = (row) => (row < rows.length ? plain.lineOf(row) : 0);
  } else {
    try {
      // Parsed without position info, three times faster on large files: lines are worked out
      // again only when a message needs one.
      rows = parse(text, options) as string[][];
    } catch (error) {
      throw new InputError(csvSyntaxIssue(error, file, text, options.delimiter));
    }
    let startLines: number[] | undefined;
    startLineOf = (row) => {
      startLines ??= startLinesOf(text, options);
      return startLines[row] ?? 0;
    };
  }
  const header = (rows[0] ?? []).map(normaliseColumnName);
  let records = rows.slice(1);
  let anyBlank = false;
  for (const record of records) {
    // A blank row's first field is empty; checking that first keeps this loop cheap on large files.
    if ((record[0] === "" || record[0]?.trim() === "") && isBlank(record)) {
      anyBlank = true;
      break;
    }
  }
  // Data record index → parsed row index, needed only when blank rows were dropped.
  let rowOfRecord: number[] | undefined;
  if (anyBlank) {
    rowOfRecord = [];
    records.forEach((record, index) => {
      if (!isBlank(record)) rowOfRecord?.push(index + 1);
    });
    records = records.filter((record) => !isBlank(record));
  }
  const lineOf = (recordIndex: number): number => startLineOf(rowOfRecord ? (rowOfRecord[recordIndex] ?? 0) : recordIndex + 1);
  refuseDuplicateColumns(header, file);
  for (let index = 0; index < records.length; index++) {
    const record = records[index] ?? [];
    if (record.length > header.length && record.slice(header.length).some((field) => field.trim() !== "")) {
      throw new InputError({
        code: "row.width",
        file,
        line: lineOf(index),
        expected: `a row of ${record.length} fields: expected ${header.length} as in the header`,
      });
    }
    while (record.length < header.length) record.push("");
  }
  const column = (at: number) => records.map((record) => record[at] ?? "");
  return { file, header, records, recordCount: records.length, column, lineOf, delimiter };
}

/** True when a record of a plain file is blank (every field empty or spaces), which is dropped. */
function hasBlankRecord(plain: PlainColumns): boolean {
  const first = plain.columns[0] ?? [];
  for (let row = 0; row < plain.rowCount; row++) {
    const field = first[row] as string;
    // A blank row's first field is empty; checking that first keeps this loop cheap on large files.
    if ((field === "" || field.trim() === "") && plain.columns.every((column) => (column[row] as string).trim() === "")) return true;
  }
  return false;
}

/**
 * The table of a plain file without blank records: every record as wide as the header (so none is
 * padded or too wide), the cells kept by column, and records made only if a reader asks for them.
 */
function plainTable(plain: PlainColumns, file: string, delimiter: string): CsvTable {
  const header = plain.header.map(normaliseColumnName);
  refuseDuplicateColumns(header, file);
  let records: string[][] | undefined;
  return {
    file,
    header,
    get records() {
      if (records === undefined) {
        records = [];
        for (let row = 0; row < plain.rowCount; row++) records.push(plain.columns.map((column) => column[row] as string));
      }
      return records;
    },
    recordCount: plain.rowCount,
    column: (at) => plain.columns[at] ?? [],
    lineOf: (recordIndex) => (recordIndex < plain.rowCount ? plain.lineOf(recordIndex + 1) : 0),
    delimiter,
  };
}

function refuseDuplicateColumns(header: readonly string[], file: string): void {
  header.forEach((name, index) => {
    if (name !== "" && header.indexOf(name) !== index) {
      throw new InputError({ code: "column.duplicate", file, line: 1, column: name, expected: "a column named twice: expected each column once" });
    }
  });
}

/**
 * The line each parsed row starts on. csv-parse reports the line a record ends on, and counts a
 * CRLF inside quotes twice; so count instead: each row starts after the rows before it, the line
 * breaks inside their quoted fields, and the empty lines skipped so far.
 */
export function startLinesOf(text: string, options: object): number[] {
  const rows = parse(text, { ...options, info: true }) as unknown as { info: { empty_lines: number }; record: string[] }[];
  const starts: number[] = [];
  let linesBefore = 0;
  for (const { info, record } of rows) {
    starts.push(1 + linesBefore + info.empty_lines);
    linesBefore += 1 + lineBreaksIn(record);
  }
  return starts;
}

const SYNTAX_MESSAGES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "a quote is opened and never closed: expected a closing quote",
  CSV_INVALID_OPENING_QUOTE: "a quote inside an unquoted field: expected the whole field in quotes, with inner quotes doubled",
  CSV_INVALID_CLOSING_QUOTE: "text after a closing quote: expected a separator or a line end, with inner quotes doubled",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "text after a closing quote: expected a separator or a line end, with inner quotes doubled",
};

function csvSyntaxIssue(error: unknown, file: string, text: string, delimiter: string): InputIssue {
  const details = error as { code?: string; message?: string; lines?: number };
  // csv-parse names some codes with a `CSV_` prefix and some without.
  const code = `CSV_${(details.code ?? "").replace(/^CSV_/, "")}`;
  const known = SYNTAX_MESSAGES[code];
  const expected = known ?? `well-formed CSV: ${String(details.message ?? error).replace(/\s*at line \d+\.?$/, "")}`;
  const issue: InputIssue = { code: "csv.malformed", file, expected };
  // An unclosed quote is only noticed at the end of the file: the line it opens on is found again.
  const line = code === "CSV_QUOTE_NOT_CLOSED" ? unclosedQuoteLine(text, delimiter) : details.lines;
  if (typeof line === "number") issue.line = line;
  return issue;
}

/**
 * The line of the quote that opens the field left open at the end of `text`, as csv-parse reads
 * quotes: only at the start of a field, with `""` inside standing for one quote. Undefined if
 * every quoted field closes (csv-parse then had another complaint).
 */
export function unclosedQuoteLine(text: string, delimiter: string): number | undefined {
  let line = 1;
  let openedOn: number | undefined;
  let fieldStart = true;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (openedOn !== undefined) {
      if (char === "\n") line++;
      else if (char === '"') {
        if (text[index + 1] === '"') index++;
        else openedOn = undefined;
      }
      continue;
    }
    if (char === '"' && fieldStart) {
      openedOn = line;
      continue;
    }
    fieldStart = char === delimiter || char === "\n";
    if (char === "\n") line++;
  }
  return openedOn;
}
