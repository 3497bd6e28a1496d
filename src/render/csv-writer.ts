import { stringify } from "csv-stringify/sync";
import { guardName } from "../io/formula-guard.js";
import type { ExcelLocale } from "./excel-locale.js";

/**
 * What a column holds, which decides how a cell is written. `name` is text that came from the
 * user's files (rep, product, source, scenario): it gets the formula guard, whatever it looks like
 * (a product named `-1+1` is text). `code` and `month` are words leadplan itself writes (`behind`,
 * `sales_cycle`, `2027-01`). The rest are figures: plain numbers, never guarded, written with the
 * locale's decimal mark for `--excel eu`. The same kinds as the typed columns of the planned
 * document model, plus `code`.
 */
export type ColumnKind = "name" | "code" | "month" | "count" | "money" | "percent" | "ratio";

export interface CsvColumn {
  /** The stable snake_case header. */
  key: string;
  kind: ColumnKind;
}

export { EXCEL_LOCALES, type ExcelLocale } from "./excel-locale.js";

/** How CSV is written: the formula guard on name columns, and the Excel form when asked. */
export interface CsvOptions {
  /** False with `--no-formula-guard`: names are written as they came. */
  guard: boolean;
  /** `--excel`: a UTF-8 BOM and the locale's separator and decimal mark; null for plain CSV. */
  excel: ExcelLocale | null;
}

/** Plain CSV with the guard on: what every command writes by default. */
export const PLAIN_CSV: CsvOptions = { guard: true, excel: null };

const FIGURE: Readonly<Record<ColumnKind, boolean>> = { name: false, code: false, month: false, count: true, money: true, percent: true, ratio: true };

/**
 * The one CSV writer: a header of the columns' keys, then the records (one string per column, ""
 * for a missing value). Names are guarded; for `eu`, figures take a decimal comma (`1200000,5`)
 * and cells are separated by `;`, as Excel expects in a European locale; `--excel` also starts
 * the file with a BOM so Excel reads UTF-8 (accents in names) right on a double-click.
 */
export function writeCsv(columns: readonly CsvColumn[], records: readonly (readonly string[])[], options: CsvOptions): string {
  const writer = csvWriter(columns, options);
  return writer.header() + writer.records(records);
}

/** Rows written in chunks of this many: small enough to stay young garbage, large enough to write fast. */
const CHUNK_ROWS = 4096;

/**
 * The same CSV as {@link writeCsv}, as chunks of text made while the records are read: an output
 * of millions of rows is never held whole (with `--by segment`, memory stays near that of the
 * month view).
 */
export function* csvChunks(columns: readonly CsvColumn[], records: Iterable<readonly string[]>, options: CsvOptions): Generator<string> {
  const writer = csvWriter(columns, options);
  yield writer.header();
  let chunk: (readonly string[])[] = [];
  for (const record of records) {
    chunk.push(record);
    if (chunk.length === CHUNK_ROWS) {
      yield writer.records(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) yield writer.records(chunk);
}

/** Writes the header, then any number of batches of records, each as the whole file would hold them. */
function csvWriter(columns: readonly CsvColumn[], options: CsvOptions): { header(): string; records(records: readonly (readonly string[])[]): string } {
  const guarded = options.guard ? columns.map((column) => column.kind === "name") : [];
  const comma = options.excel === "eu" ? columns.map((column) => FIGURE[column.kind]) : [];
  const adjust = guarded.includes(true) || comma.includes(true);
  // csv-stringify quotes a field with a newline but not one with a lone carriage return, which
  // every reader takes for a line break: quote those too.
  const settings = { record_delimiter: "\n", delimiter: options.excel === "eu" ? ";" : ",", quoted_match: /\r/ };
  return {
    header: () => {
      const text = stringify([columns.map((column) => column.key)], settings);
      return options.excel === null ? text : `\uFEFF${text}`;
    },
    records: (records) => {
      const rows = adjust
        ? records.map((record) =>
            record.map((cell, at) => (guarded[at] === true ? guardName(cell) : comma[at] === true ? cell.replace(".", ",") : cell)),
          )
        : records;
      return stringify(rows as string[][], settings);
    },
  };
}
