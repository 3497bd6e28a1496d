import { parse } from "csv-parse/sync";
import { InputError, type InputIssue } from "./input-issue.js";

/** A parsed CSV file: normalised header names and the data records, as text. */
export interface CsvTable {
  file: string;
  header: string[];
  /** Data records (the header excluded); a short record is padded with empty fields. */
  records: string[][];
  /** The 1-based line a data record starts on (computed on demand: only errors need it). */
  lineOf(recordIndex: number): number;
}

// Excel writes ';' (and sometimes tabs) where the locale uses a decimal comma; the header line
// tells which one a file uses, since header names hold none of them.
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  let best = ",";
  let bestCount = 0;
  for (const candidate of [",", ";", "\t"]) {
    const count = firstLine.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/** `Avg Deal Size` and ` avg_deal_size ` both name the column `avg_deal_size`. */
export function normaliseColumnName(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, "_");
}

/**
 * Reads CSV text with csv-parse: UTF-8 BOM, CRLF and `;` or tab separators are all accepted.
 * Records are parsed without position info (three times faster on large files); the line of a
 * record is found by parsing again with `info` only when a message needs it.
 */
export function readCsvTable(content: string, file: string): CsvTable {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  if (text.trim() === "") {
    throw new InputError({ code: "file.empty", file, expected: "the file is empty: expected a header row and data rows" });
  }
  const options = { delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: true } as const;
  let rows: string[][];
  try {
    rows = parse(text, options) as string[][];
  } catch (error) {
    throw new InputError(csvSyntaxIssue(error, file));
  }
  const header = (rows[0] ?? []).map(normaliseColumnName);
  const records = rows.slice(1);
  let lines: number[] | undefined;
  const lineOf = (recordIndex: number): number => {
    lines ??= (parse(text, { ...options, info: true }) as unknown as { info: { lines: number } }[]).map((entry) => entry.info.lines);
    return lines[recordIndex + 1] ?? 0;
  };
  const table: CsvTable = { file, header, records, lineOf };
  for (let index = 0; index < records.length; index++) {
    const record = records[index] ?? [];
    if (record.length > header.length && record.slice(header.length).some((field) => field.trim() !== "")) {
      throw new InputError({
        code: "row.width",
        file,
        line: lineOf(index),
        expected: `${header.length} fields as in the header`,
        found: `${record.length} fields`,
      });
    }
    while (record.length < header.length) record.push("");
  }
  return table;
}

function csvSyntaxIssue(error: unknown, file: string): InputIssue {
  const details = error as { message?: string; lines?: number };
  const message = String(details.message ?? error).replace(/^Invalid Record Length: |^Invalid Opening Quote: /, "");
  const issue: InputIssue = { code: "csv.malformed", file, expected: `well-formed CSV: ${message.replace(/\s*at line \d+\.?$/, "")}` };
  if (typeof details.lines === "number") issue.line = details.lines;
  return issue;
}
