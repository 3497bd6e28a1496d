/**
 * A sync reader for plain CSV text: no quote character anywhere, every row as wide as the first,
 * one line end throughout (LF, or CRLF). Such text (what most tools write for numbers and names)
 * needs no CSV state machine: a row is a line, a field is what lies between separators. It gives
 * exactly the records csv-parse gives for the same text with `relax_column_count` and
 * `skip_empty_lines` (test/io/plain-csv.test.ts holds the two side by side on the corpus, the
 * awkward cases and generated texts), four times faster on a large quota file; for anything else
 * it answers `undefined`, and the caller hands the text to csv-parse, so every error and warning
 * stays csv-parse's own.
 *
 * Short cells are interned: a quota file repeats its months, reps, products and amounts on every
 * row, and one string per distinct cell instead of one per row spares most of the allocation (and
 * the garbage collection) that a million rows would cost.
 */

/** The records of a plain CSV text, and where each starts. */
export interface PlainCsv {
  /** The records in file order, the header row first, each a new array of its fields. */
  rows: string[][];
  /** The 1-based line the record at `rowIndex` is on (empty lines skipped before it counted). */
  lineOf(rowIndex: number): number;
}

/** The same records by column: what a reader of a million rows wants, without an array per row. */
export interface PlainColumns {
  /** The first record's fields (a CSV file's header). */
  header: string[];
  /** `columns[c][r]`: field `c` of the record after the header at `r`; as many columns as `header` has fields. */
  columns: string[][];
  /** How many records follow the header. */
  rowCount: number;
  /** The 1-based line the record at `rowIndex` is on, 0 being the header's. */
  lineOf(rowIndex: number): number;
}

const LF = 10;
const CR = 13;

// A direct-mapped cache of cells up to INTERNED_LENGTH characters, by a hash of their characters.
const SLOTS = 4096;
const INTERNED_LENGTH = 32;

/**
 * The records of `text` split at `delimiter` (one character) and at line ends, or `undefined`
 * when the text is not plain (see {@link readPlainColumns}).
 */
export function readPlainCsv(text: string, delimiter: string): PlainCsv | undefined {
  const table = readPlainColumns(text, delimiter);
  if (table === undefined) return undefined;
  const rows = table.rowCount === 0 && table.header.length === 0 ? [] : [table.header];
  for (let row = 0; row < table.rowCount; row++) rows.push(table.columns.map((column) => column[row] as string));
  return { rows, lineOf: table.lineOf };
}

/**
 * The records of `text` by column, split at `delimiter` (one character) and at line ends, or
 * `undefined` when the text is not plain: it holds a quote, a CR that is not part of a CRLF (or
 * CRLF and LF line ends mixed), an unpaired surrogate (which csv-parse, reading the text as UTF-8
 * bytes, would turn into U+FFFD), or records of different widths. Empty lines are skipped, as
 * `skip_empty_lines` does.
 */
export function readPlainColumns(text: string, delimiter: string): PlainColumns | undefined {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r") return undefined;
  if (text.indexOf('"') >= 0 || !isWellFormed(text)) return undefined;
  // CRLF files are read when every line ends so (and no other CR is anywhere): then each line
  // end's CR is the only one, and there are as many CRs as line ends.
  const firstCr = text.indexOf("\r");
  const crlf = firstCr >= 0;
  if (crlf && text.charCodeAt(firstCr + 1) !== LF) return undefined;
  const cache: string[] = new Array<string>(SLOTS).fill("");
  // Interns a cell: the same characters give the same string while the slot holds them.
  const cell = (start: number, end: number): string => {
    const length = end - start;
    if (length > INTERNED_LENGTH) return text.slice(start, end);
    let hash = length;
    for (let at = start; at < end; at++) hash = (Math.imul(hash, 31) + text.charCodeAt(at)) | 0;
    const slot = hash & (SLOTS - 1);
    const known = cache[slot] as string;
    if (known.length === length && text.startsWith(known, start)) return known;
    const fresh = text.slice(start, end);
    cache[slot] = fresh;
    return fresh;
  };
  // Each column is allocated once at the most records the text can hold (a line each).
  const lines = countOf(text, "\n", 0) + 1;
  let header: string[] | undefined;
  let columns: string[][] = [];
  let width = 0;
  let row = 0;
  // Record indexes after which an empty line was skipped: a line number needs them, most files have none.
  const emptyBefore: number[] = [];
  let lineEnds = 0;
  const length = text.length;
  for (let start = 0; start < length; ) {
    let next = text.indexOf("\n", start);
    let end = next;
    if (next < 0) end = next = length;
    else {
      lineEnds++;
      if (crlf) {
        if (text.charCodeAt(next - 1) !== CR) return undefined;
        end = next - 1;
      }
    }
    if (end === start) {
      if (next < length) emptyBefore.push(header === undefined ? 0 : row + 1);
    } else if (header === undefined) {
      header = [];
      let from = start;
      for (let at = text.indexOf(delimiter, from); at >= 0 && at < end; at = text.indexOf(delimiter, from)) {
        header.push(cell(from, at));
        from = at + 1;
      }
      header.push(cell(from, end));
      width = header.length;
      columns = header.map(() => new Array<string>(lines));
    } else {
      let count = 0;
      let from = start;
      for (let at = text.indexOf(delimiter, from); at >= 0 && at < end; at = text.indexOf(delimiter, from)) {
        if (count === width - 1) return undefined;
        (columns[count++] as string[])[row] = cell(from, at);
        from = at + 1;
      }
      if (count !== width - 1) return undefined;
      (columns[count] as string[])[row] = cell(from, end);
      row++;
    }
    start = next + 1;
  }
  if (crlf && countOf(text, "\r", firstCr) !== lineEnds) return undefined;
  for (const column of columns) column.length = row;
  return { header: header ?? [], columns, rowCount: row, lineOf: (rowIndex) => rowIndex + 1 + emptyLinesBefore(emptyBefore, rowIndex) };
}

/** How often `char` occurs in `text`, from `from` on. */
function countOf(text: string, char: string, from: number): number {
  let count = 0;
  for (let at = text.indexOf(char, from); at >= 0; at = text.indexOf(char, at + 1)) count++;
  return count;
}

/** How many entries of the ascending `emptyBefore` are at most `rowIndex`. */
function emptyLinesBefore(emptyBefore: readonly number[], rowIndex: number): number {
  let low = 0;
  let high = emptyBefore.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((emptyBefore[middle] as number) <= rowIndex) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** `String.prototype.isWellFormed` (Node 20 has it; the ES2022 lib this project builds with does not name it). */
function isWellFormed(text: string): boolean {
  const check = (text as unknown as { isWellFormed?: () => boolean }).isWellFormed;
  return check === undefined ? !/[\ud800-\udfff]/.test(text) : check.call(text);
}
