import { DEFAULT_FUNNEL, type FunnelStages, isDefaultFunnel } from "../core/funnel.js";
import { formatMonth } from "../core/month.js";
import { type ActualEntry, type Actuals, type Measure, funnelMeasures } from "../core/track.js";
import { readCsvTable } from "./csv-table.js";
import { type ReadOptions, fileDecimalMark } from "./decimal-mark.js";
import { readName } from "./formula-guard.js";
import { InputError, type InputIssue } from "./input-issue.js";
import type { MarkInForce } from "./number-text.js";
import { type Parsed, RANGE, parseAmount, parseMonth } from "./values.js";

/** Actuals as read, with the line of each entry for warnings about it. */
export interface ActualsFile extends Actuals {
  file: string;
  /** The file line of each entry, in the same order. */
  lines: number[];
  warnings: InputIssue[];
}

// compute's output names the same figures `qualified_leads` and `deals`: a file built from it reads too.
const ALIASES: Readonly<Record<string, Measure>> = { qualified_leads: "qualified", deals: "won" };
// The default funnel's columns, which a configured funnel's actuals name after its stages instead.
const DEFAULT_COLUMNS = ["inquiries", "qualified", "qualified_leads", "won", "deals"];

/** A whole number of leads or deals: `1200` or `1,200`. */
function parseCount(text: string, mark: MarkInForce): Parsed<number> {
  const amount = parseAmount(text, mark, RANGE.count);
  if ((amount.ok && Number.isInteger(amount.value)) || (!amount.ok && amount.expected === RANGE.count.expected)) return amount;
  const expected = "a whole number of 0 or more";
  return !amount.ok && amount.hint !== undefined ? { ok: false, expected, hint: amount.hint } : { ok: false, expected };
}

/**
 * Reads an actuals CSV: `month`, optional `rep` and `product`, then any of `inquiries`,
 * `qualified`, `won` (deals) and `revenue`. A measure without a column is not compared; a column
 * that is there needs a value in every row (0 for none), since a blank would silently read as 0
 * or hide a month. One row per month × rep × product. A month may be in any spelling parseMonth
 * reads with `dateFormat` (`Jan-27`, `January 2027`); it prints as YYYY-MM.
 *
 * A configured `funnel` (`inquiry,mql,sql,won`) names the columns after its stages instead
 * (`inquiry,mql,sql,won` and optional `revenue`), and needs every stage: a stage left out would
 * merge two steps of the leak diagnosis unseen. A default funnel column there is refused; any
 * other unknown column is warned about and ignored, as with the default funnel.
 */
export function readActuals(content: string, file: string, options: ReadOptions = {}, funnel: FunnelStages = DEFAULT_FUNNEL): ActualsFile {
  const dateFormat = options.dateFormat ?? "auto";
  const table = readCsvTable(content, file);
  const warnings: InputIssue[] = [];
  const configured = !isDefaultFunnel(funnel);
  const order = funnelMeasures(funnel);
  const columnOf = new Map<Measure, { at: number; name: string }>();
  const funnelText = funnel.join(",");
  if (configured && funnel.includes("revenue")) {
    throw new InputError({ code: "option.invalid", file: "--funnel", expected: "stage names other than revenue for track (revenue is the actuals' money column)", found: funnelText });
  }
  table.header.forEach((name, at) => {
    const measure = order.includes(name) ? name : configured ? undefined : ALIASES[name];
    if (configured && measure === undefined && DEFAULT_COLUMNS.includes(name)) {
      throw new InputError({
        code: "column.unknown",
        file,
        line: 1,
        column: name,
        expected: `a column of the default funnel: expected the stages of --funnel ${funnelText} (${order.join(",")})`,
      });
    }
    if (measure !== undefined) {
      const earlier = columnOf.get(measure);
      if (earlier) {
        throw new InputError({ code: "column.duplicate", file, line: 1, column: name, expected: `a second column for ${measure} (first: ${earlier.name}): expected each measure once` });
      }
      columnOf.set(measure, { at, name });
    } else if (name !== "month" && name !== "rep" && name !== "product") {
      const expected = configured ? `unknown column, ignored (not a stage of --funnel ${funnelText})` : "unknown column, ignored";
      warnings.push({ code: "column.unknown", file, line: 1, column: name || `column ${at + 1}`, expected });
    }
  });
  if (!table.header.includes("month")) {
    throw new InputError({ code: "column.missing", file, line: 1, column: "month", expected: "missing column: expected a month column", hint: `found ${table.header.join(",")}` });
  }
  if (columnOf.size === 0) {
    throw new InputError({
      code: "column.missing",
      file,
      line: 1,
      expected: `missing column: expected one or more of ${order.join(", ")}`,
      hint: `found ${table.header.join(",")}`,
    });
  }
  const missing = configured ? funnel.filter((stage) => !columnOf.has(stage)) : [];
  if (missing.length > 0) {
    throw new InputError({
      code: "column.missing",
      file,
      line: 1,
      column: missing.join(", "),
      expected: `missing column: expected a column for every stage of --funnel ${funnelText} (revenue optional)`,
      hint: `found ${table.header.join(",")}`,
    });
  }
  if (table.records.length === 0) {
    throw new InputError({ code: "file.empty", file, line: 2, expected: "no actuals rows: expected at least one row after the header" });
  }
  const measureColumns = new Set([...columnOf.values()].map(({ name }) => name));
  const mark = fileDecimalMark(table, (name) => measureColumns.has(name), options.decimalMark, warnings);
  const monthAt = table.header.indexOf("month");
  const repAt = table.header.indexOf("rep");
  const productAt = table.header.indexOf("product");
  const measures = order.filter((measure) => columnOf.has(measure));
  const firstLineOf = new Map<string, number>();
  const entries: ActualEntry[] = [];
  const lines: number[] = [];
  table.records.forEach((record, recordIndex) => {
    const line = table.lineOf(recordIndex);
    const read = <T>(column: string, at: number, parsed: Parsed<T>, hint?: string): T => {
      if (parsed.ok) return parsed.value;
      const issue: InputIssue = { code: "value.invalid", file, line, column, expected: parsed.expected, found: record[at] ?? "" };
      const why = parsed.hint ?? hint;
      throw new InputError(why === undefined ? issue : { ...issue, hint: why });
    };
    const month = read("month", monthAt, parseMonth(record[monthAt] ?? "", dateFormat));
    const rep = repAt < 0 ? "" : readName(record[repAt] ?? "");
    const product = productAt < 0 ? "" : readName(record[productAt] ?? "");
    const values: ActualEntry["values"] = {};
    for (const measure of measures) {
      const { at, name } = columnOf.get(measure) as { at: number; name: string };
      const text = record[at] ?? "";
      // A configured funnel needs every stage's column: leaving it out is no way out there.
      const blank = text.trim() === "" ? (configured && name !== "revenue" ? "write 0 for none" : "write 0 for none, or leave the column out to not compare it") : undefined;
      values[measure] = read(name, at, measure === "revenue" ? parseAmount(text, mark()) : parseCount(text, mark()), blank);
    }
    const key = JSON.stringify([month, rep, product]);
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      throw new InputError({
        code: "row.duplicate",
        file,
        line,
        expected: `a second row for month ${formatMonth(month)}, rep "${rep}", product "${product}": expected one row per month, rep and product`,
        hint: `first on line ${first}`,
      });
    }
    firstLineOf.set(key, line);
    entries.push({ month, rep, product, values });
    lines.push(line);
  });
  return { file, byRep: repAt >= 0, byProduct: productAt >= 0, measures, ...(configured ? { order } : {}), entries, lines, warnings };
}
