import { DEFAULT_FUNNEL, type FunnelStages, isDefaultFunnel } from "../core/funnel.js";
import { formatDay } from "../core/calibrate-days.js";
import { formatHalf, halfOfDay } from "../core/half-month.js";
import { formatMonth } from "../core/month.js";
import { parseDay, parseHalf } from "./day-text.js";
import { type ActualEntry, type Actuals, type Measure, funnelMeasures } from "../core/track.js";
import { readCsvTable } from "./csv-table.js";
import { type ReadOptions, fileDecimalMark } from "./decimal-mark.js";
import { readName } from "./formula-guard.js";
import { InputError, type InputIssue } from "./input-issue.js";
import type { MarkInForce } from "./number-text.js";
import { type Parsed, RANGE, parseAmount, parseMonth } from "./values.js";

/** How the rows of an actuals file are dated: by month, by half (`2027-01-H1`), or by day (a `date` column). */
export type ActualsDating = "month" | "half" | "day";

/** Actuals as read, with the line of each entry for warnings about it. */
export interface ActualsFile extends Actuals {
  file: string;
  dating: ActualsDating;
  /** With a `followed_up` column: the measure it follows up (`inquiries`, else `qualified`; a configured funnel's first stage). */
  followUpBase?: Measure;
  /** With an `open_pipeline` column (pipeline coverage). */
  hasOpenPipeline?: boolean;
  /** With a `source` column (lead quality by source): every entry has a `source`. */
  bySource?: boolean;
  /** With a `cost` column: every entry has a `cost` when there is a `source` column too (without one the cost is not read). */
  hasCost?: boolean;
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
 *
 * Rows may be dated by half instead (`2027-01-H1` in the month column, every row alike), or by
 * day in a `date` column (`YYYY-MM-DD`, one row per day, rep and product): track sums them into
 * months or halves. A `followed_up` column counts the inquiries (without an inquiries column,
 * the qualified leads; a configured funnel's first stage) the rep has contacted: never more than
 * the row's. A `source` column names the lead source of each row (one row per period, rep,
 * product and source; track sums over it and shows lead quality by source), a `cost` column the
 * money spent on the row's leads.
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
    } else if (name !== "month" && name !== "date" && name !== "rep" && name !== "product" && name !== "followed_up" && name !== "open_pipeline" && name !== "source" && name !== "cost") {
      const expected = configured ? `unknown column, ignored (not a stage of --funnel ${funnelText})` : "unknown column, ignored";
      warnings.push({ code: "column.unknown", file, line: 1, column: name || `column ${at + 1}`, expected });
    }
  });
  if (table.header.includes("month") && table.header.includes("date")) {
    throw new InputError({ code: "column.conflict", file, line: 1, column: "date", expected: "both a month and a date column: expected one (date for rows by day, month for rows by month or half)" });
  }
  if (!table.header.includes("month") && !table.header.includes("date")) {
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
  const followUpAt = table.header.indexOf("followed_up");
  const followUpBase = followUpAt < 0 ? undefined : configured ? funnel[0] : columnOf.has("inquiries") ? "inquiries" : columnOf.has("qualified") ? "qualified" : undefined;
  if (followUpAt >= 0 && followUpBase === undefined) {
    throw new InputError({ code: "column.missing", file, line: 1, column: "followed_up", expected: "followed up out of what: expected an inquiries (or qualified) column beside followed_up" });
  }
  const measureColumns = new Set([...columnOf.values()].map(({ name }) => name));
  if (followUpAt >= 0) measureColumns.add("followed_up");
  const openAt = table.header.indexOf("open_pipeline");
  if (openAt >= 0) measureColumns.add("open_pipeline");
  const sourceAt = table.header.indexOf("source");
  const costColumn = table.header.indexOf("cost");
  // Cost is per source: without a source column it is ignored with a warning, never read, so a
  // blank or a note in it cannot stop a run (before issue 15 the column was ignored outright).
  const costAt = sourceAt < 0 ? -1 : costColumn;
  if (costAt >= 0) measureColumns.add("cost");
  const mark = fileDecimalMark(table, (name) => measureColumns.has(name), options.decimalMark, warnings);
  const dateAt = table.header.indexOf("date");
  const monthAt = dateAt >= 0 ? dateAt : table.header.indexOf("month");
  let dating: ActualsDating = dateAt >= 0 ? "day" : "month";
  let firstDated: { line: number; text: string } | undefined;
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
    const when = record[monthAt] ?? "";
    const dated: { month: number; half?: number; day?: number } = {month: 0};
    if (dateAt >= 0) {
      const day = read("date", dateAt, parseDay(when));
      Object.assign(dated, { month: Math.floor(halfOfDay(day) / 2), half: halfOfDay(day), day });
    } else {
      const half = parseHalf(when);
      const rowDating: ActualsDating = half === "not-a-half" ? "month" : "half";
      if (firstDated === undefined) {
        dating = rowDating;
        firstDated = { line, text: when };
      } else if (rowDating !== dating) {
        read("month", monthAt, { ok: false, expected: dating === "half" ? "a half like 2027-01-H1, as every row above" : "a month, as every row above" }, `line ${firstDated.line} has ${JSON.stringify(firstDated.text)}: date every row by month or every row by half`);
      }
      if (half === "not-a-half") dated.month = read("month", monthAt, parseMonth(when, dateFormat));
      else {
        const value = read("month", monthAt, half);
        Object.assign(dated, { month: Math.floor(value / 2), half: value });
      }
    }
    const { month } = dated;
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
    let followedUp: number | undefined;
    if (followUpAt >= 0 && followUpBase !== undefined) {
      followedUp = read("followed_up", followUpAt, parseCount(record[followUpAt] ?? "", mark()), record[followUpAt]?.trim() === "" ? "write 0 for none" : undefined);
      const base = values[followUpBase] ?? 0;
      if (followedUp > base) {
        // More contacted than came in cannot be: a column shifted, or the wrong export.
        read("followed_up", followUpAt, { ok: false, expected: `at most the row's ${followUpBase} (${base}): no one follows up more than came in` });
      }
    }
    // Blank: no figure that day (a daily export writes the pipeline once a period, say); never 0.
    const openText = openAt < 0 ? "" : (record[openAt] ?? "").trim();
    const openPipeline = openText === "" ? undefined : read("open_pipeline", openAt, parseAmount(openText, mark()));
    const [unit, label] = dated.day !== undefined ? ["date", formatDay(dated.day)] : dated.half !== undefined ? ["half", formatHalf(dated.half)] : ["month", formatMonth(month)];
    const source = sourceAt < 0 ? undefined : readName(record[sourceAt] ?? "");
    // Money spent on the row's leads: a blank would read as free leads, so 0 is written for none.
    const cost = costAt < 0 ? undefined : read("cost", costAt, parseAmount(record[costAt] ?? "", mark()), record[costAt]?.trim() === "" ? "write 0 for none" : undefined);
    const key = JSON.stringify([dated.day ?? dated.half ?? month, rep, product, source ?? ""]);
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      const sourceText = source === undefined ? "" : `, source "${source}"`;
      throw new InputError({
        code: "row.duplicate",
        file,
        line,
        expected: `a second row for ${unit} ${label}, rep "${rep}", product "${product}"${sourceText}: expected one row per ${unit}, rep${source === undefined ? " and product" : ", product and source"}`,
        hint: `first on line ${first}`,
      });
    }
    firstLineOf.set(key, line);
    const entry: ActualEntry = { month, rep, product, values };
    if (dated.half !== undefined) entry.half = dated.half;
    if (dated.day !== undefined) entry.day = dated.day;
    if (followedUp !== undefined) entry.followedUp = followedUp;
    if (openPipeline !== undefined) entry.openPipeline = openPipeline;
    if (source !== undefined) entry.source = source;
    if (cost !== undefined) entry.cost = cost;
    entries.push(entry);
    lines.push(line);
  });
  return {
    file,
    dating,
    ...(followUpBase === undefined ? {} : { followUpBase }),
    ...(openAt < 0 ? {} : { hasOpenPipeline: true }),
    ...(sourceAt < 0 ? {} : { bySource: true }),
    ...(costColumn < 0 ? {} : { hasCost: true }),
    byRep: repAt >= 0,
    byProduct: productAt >= 0,
    measures,
    ...(configured ? { order } : {}),
    entries,
    lines,
    warnings,
  };
}
