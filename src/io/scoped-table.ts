import type { ScopedAssumptions } from "../core/resolve.js";
import { type CsvTable, readCsvTable } from "./csv-table.js";
import { readName } from "./formula-guard.js";
import { InputError, type InputIssue } from "./input-issue.js";
import { type ReadOptions, fileDecimalMark } from "./decimal-mark.js";
import type { MarkInForce } from "./number-text.js";
import type { Parsed } from "./values.js";

/** A ratio or cycle row, with the line it came from. */
export interface LocatedAssumptions extends ScopedAssumptions {
  file: string;
  line: number;
}

export interface ScopedFile {
  rows: LocatedAssumptions[];
  warnings: InputIssue[];
}

/** Reads one column of the current row: undefined when empty, else parsed and validated. */
export type FieldReader = <T>(column: string, parse: (text: string, mark: MarkInForce) => Parsed<T>) => T | undefined;
/** Rejects the current row, naming the column at fault. */
export type RowRejecter = (column: string, expected: string) => never;
/** How one record's fields become assumption values. */
export type RowReader = (field: FieldReader, reject: RowRejecter) => ScopedAssumptions["values"];

/**
 * Shared reading of files whose rows apply to a scope: optional `rep` and `product` columns (an
 * empty value applies to all), then value columns. A scope may appear once per file. A column
 * `foreign` names (another funnel's step) is refused; any other unknown column is a warning.
 */
export function readScopedTable(
  content: string,
  file: string,
  valueColumns: readonly string[],
  requiredOneOf: readonly string[],
  readRow: RowReader,
  options: ReadOptions = {},
  foreign: (column: string) => string | undefined = () => undefined,
): ScopedFile {
  const table = readCsvTable(content, file);
  // Every value column holds a number: together they reveal the file's decimal mark.
  const warnings: InputIssue[] = [];
  const mark = fileDecimalMark(table, (name) => valueColumns.includes(name), options.decimalMark, warnings);
  table.header.forEach((name, index) => {
    if (name !== "rep" && name !== "product" && !valueColumns.includes(name)) {
      // A column of another funnel's step would lose its values: refused, not warned about.
      const refusal = foreign(name);
      if (refusal !== undefined) throw new InputError({ code: "column.unknown", file, line: 1, column: name, expected: refusal });
      warnings.push({ code: "column.unknown", file, line: 1, column: name || `column ${index + 1}`, expected: "unknown column, ignored" });
    }
  });
  if (!requiredOneOf.some((name) => table.header.includes(name))) {
    throw new InputError({
      code: "column.missing",
      file,
      line: 1,
      expected: `missing column: expected ${requiredOneOf.length > 1 ? "one of " : ""}${requiredOneOf.join(", ")}`,
      hint: `found ${table.header.join(",")}`,
    });
  }
  if (table.records.length === 0) {
    throw new InputError({ code: "file.empty", file, line: 2, expected: "no rows: expected at least one row after the header" });
  }
  const seenScope = new Map<string, number>();
  const rows = table.records.map((record, recordIndex): LocatedAssumptions => {
    const text = (column: string) => {
      const at = table.header.indexOf(column);
      return at < 0 ? "" : (record[at] ?? "").trim();
    };
    const rep = readName(text("rep"));
    const product = readName(text("product"));
    const scope = `${rep}\u0000${product}`;
    const earlier = seenScope.get(scope);
    if (earlier !== undefined) {
      throw new InputError({
        code: "row.duplicate",
        file,
        line: table.lineOf(recordIndex),
        expected: `a second row for ${describeScope(rep, product)}: expected one row per rep and product`,
        hint: `first on line ${table.lineOf(earlier)}`,
      });
    }
    seenScope.set(scope, recordIndex);
    const values = readRow(
      (column, parse) => {
        const value = text(column);
        if (value === "") return undefined;
        const parsed = parse(value, mark());
        if (parsed.ok) return parsed.value;
        throw invalid(table, recordIndex, column, parsed, value);
      },
      (column, expected) => {
        throw new InputError({ code: "column.conflict", file, line: table.lineOf(recordIndex), column, expected });
      },
    );
    return { rep, product, values, file, line: table.lineOf(recordIndex) };
  });
  return { rows, warnings };
}

function invalid(table: CsvTable, recordIndex: number, column: string, parsed: { expected: string; hint?: string }, found: string): InputError {
  const issue: InputIssue = { code: "value.invalid", file: table.file, line: table.lineOf(recordIndex), column, expected: parsed.expected, found };
  if (parsed.hint !== undefined) issue.hint = parsed.hint;
  return new InputError(issue);
}

/** `rep "Ana", product "Widgets"`, `product "Widgets"`, or `the default row`. */
export function describeScope(rep: string, product: string): string {
  const parts = [rep === "" ? "" : `rep "${rep}"`, product === "" ? "" : `product "${product}"`].filter(Boolean);
  return parts.length === 0 ? "the default row" : parts.join(", ");
}
