import { formatMonth } from "../core/month.js";
import type { MonthQuota } from "../core/plan.js";
import { type CsvTable, readCsvTable } from "./csv-table.js";
import { type ReadOptions, fileDecimalMark } from "./decimal-mark.js";
import type { DateFormat } from "./history-day.js";
import { readName } from "./formula-guard.js";
import { InputError, type InputIssue } from "./input-issue.js";
import { looksLikeMonthColumn, monthColumnIssue } from "./month-text.js";
import type { MarkInForce } from "./number-text.js";
import { type Parsed, parseAmount, parseMonth, quickAmount, quickMonth } from "./values.js";

/** The quotas of one rep × product, with the record that first named it (for messages). */
export interface QuotaSegment {
  rep: string;
  product: string;
  quotas: MonthQuota[];
  firstRecord: number;
}

export interface QuotaFile {
  file: string;
  /** The line a data record starts on, for messages about a segment. */
  lineOf: (recordIndex: number) => number;
  form: "long" | "wide";
  segments: QuotaSegment[];
  warnings: InputIssue[];
}

const LONG_COLUMNS = ["month", "quota", "units", "rep", "product"];

/**
 * Reads a quota file in either form. Long: `month,quota[,units][,rep][,product]`, one row per
 * month × rep × product. Wide, as spreadsheets export it: `rep,product,2027-01,2027-02,...`
 * with the quota of each month in its column (an empty cell means none). The wide form is
 * recognised by month-named columns and no `month` column. Months may be in any spelling
 * parseMonth reads (`Jan-27`, `January 2027`); `dateFormat` says how to read dates with a day.
 */
export function readQuotas(content: string, file: string, options: ReadOptions = {}): QuotaFile {
  const dateFormat = options.dateFormat ?? "auto";
  const table = readCsvTable(content, file);
  const wide = !table.header.includes("month") && table.header.some(looksLikeMonthColumn);
  const warnings: InputIssue[] = [];
  const known = (name: string) => (wide ? name === "rep" || name === "product" || looksLikeMonthColumn(name) : LONG_COLUMNS.includes(name));
  table.header.forEach((name, index) => {
    if (!known(name)) {
      warnings.push({ code: "column.unknown", file, line: 1, column: name || `column ${index + 1}`, expected: "unknown column, ignored" });
    }
  });
  if (!wide) {
    requireColumn(table, "month", "a month column (or month columns like 2027-01 in the wide form)");
    if (!table.header.includes("quota") && !table.header.includes("units")) requireColumn(table, "quota", "a quota column");
  }
  if (table.recordCount === 0) {
    throw new InputError({ code: "file.empty", file, line: 2, expected: "no quota rows: expected at least one row after the header" });
  }
  const mark = fileDecimalMark(table, (name) => (wide ? looksLikeMonthColumn(name) : name === "quota" || name === "units"), options.decimalMark, warnings);
  const segments = wide ? readWide(table, mark, dateFormat) : readLong(table, mark, dateFormat);
  if (segments.every((segment) => segment.quotas.length === 0)) {
    throw new InputError({ code: "file.empty", file, line: 2, expected: "no quota in any month column: expected at least one amount" });
  }
  refuseTotalsRows(table, segments);
  // The records are not kept: on large files they are most of the memory, and nothing needs them now.
  return { file, lineOf: table.lineOf, form: wide ? "wide" : "long", segments, warnings };
}

// What spreadsheets call the row that sums the rows above it (English, German, French, Dutch,
// Spanish, Italian, Portuguese), whole, as a pivot table's subtotal (`Ana Total`), or as its
// value header (`Sum of quota`).
const TOTALS_NAMES = new Set([
  "total", "totals", "grand total", "subtotal", "sub-total", "sum", "overall", "all reps", "all products",
  "summe", "gesamt", "gesamtsumme", "gesamtergebnis", "ergebnis", "total général", "totaal", "suma", "suma total",
  "totale", "totale complessivo", "total geral",
]);
const TOTALS_SUFFIX = / (total|totals|subtotal|ergebnis|summe|gesamt)$/;

function looksLikeTotals(name: string): boolean {
  const folded = name.toLowerCase().replace(/\s+/g, " ").replace(/\s*:$/, "");
  return TOTALS_NAMES.has(folded) || TOTALS_SUFFIX.test(folded) || folded.startsWith("sum of ");
}

/**
 * A sheet's totals row (`Total,,"$1,650,000",...` under the reps) would be planned as one more
 * segment, doubling every figure without a word: refused, naming its line. It is told by its
 * name, or, for a row with no rep and no product, by holding in every one of its months the sum
 * of at least two other segments' quotas. A real rep called "Total" is renamed in the file.
 */
function refuseTotalsRows(table: CsvTable, segments: readonly QuotaSegment[]): void {
  const refuse = (segment: QuotaSegment, column: "rep" | "product", expected: string, found: string, hint: string): never => {
    throw new InputError({ code: "value.invalid", file: table.file, line: table.lineOf(segment.firstRecord), column, expected, found, hint });
  };
  for (const segment of segments) {
    for (const column of ["rep", "product"] as const) {
      if (looksLikeTotals(segment[column])) {
        refuse(segment, column, `a ${column}'s quota, not a totals row (it would count the quota twice)`, segment[column], `delete the row, or rename it if it is a real ${column}`);
      }
    }
  }
  const unassigned = segments.find((segment) => segment.rep === "" && segment.product === "");
  if (unassigned === undefined || segments.length < 3) return;
  const totalOf = new Map<number, number>();
  const countOf = new Map<number, number>();
  for (const segment of segments) {
    for (const { month, quota } of segment.quotas) {
      if (quota === null) continue;
      totalOf.set(month, (totalOf.get(month) ?? 0) + quota);
      countOf.set(month, (countOf.get(month) ?? 0) + 1);
    }
  }
  const months = unassigned.quotas.filter((entry) => entry.quota !== null && entry.quota > 0);
  const sumsTheOthers = months.every(({ month, quota }) => (countOf.get(month) ?? 0) >= 3 && Math.abs(2 * (quota ?? 0) - (totalOf.get(month) ?? 0)) < 0.005);
  if (months.length > 0 && sumsTheOthers) {
    refuse(unassigned, "rep", "unassigned quota, not a totals row: every month of this row is the sum of the other rows", "", "delete the row, or name its rep or product if the quota is real");
  }
}

/**
 * A quota is money due, printed to the cent: a fraction of a cent (`0.005`) would print as a quota
 * of 0 with a deal due. Refused where it stands.
 */
function inCents(table: CsvTable, recordIndex: number, column: string, amount: number, text: string): number {
  const cents = amount * 100;
  if (Math.abs(cents - Math.round(cents)) <= 1e-6 * Math.max(1, Math.abs(cents) / 1e9)) return amount;
  return valueOf(table, recordIndex, column, { ok: false, expected: "an amount in whole cents" }, text);
}

function requireColumn(table: CsvTable, name: string, expected: string): void {
  if (!table.header.includes(name)) {
    throw new InputError({ code: "column.missing", file: table.file, line: 1, column: name, expected: `missing column: expected ${expected}`, hint: `found ${table.header.join(",")}` });
  }
}

function valueOf<T>(table: CsvTable, recordIndex: number, column: string, parsed: Parsed<T>, text: string): T {
  if (parsed.ok) return parsed.value;
  const issue: InputIssue = { code: "value.invalid", file: table.file, line: table.lineOf(recordIndex), column, expected: parsed.expected, found: text };
  if (parsed.hint !== undefined) issue.hint = parsed.hint;
  throw new InputError(issue);
}

/** Groups rows into segments; consecutive rows of one segment (the usual layout) skip the lookup. */
interface CollectedSegment {
  segment: QuotaSegment;
  /** The months seen; kept only once a segment's months stop rising (see `add`). */
  monthsSeen: Set<number> | undefined;
  lastMonth: number;
}

class SegmentCollector {
  private readonly byKey = new Map<string, CollectedSegment>();
  private last: CollectedSegment | undefined;
  constructor(
    private readonly table: CsvTable,
    /** Finds the record that first gave a month to a segment: only a duplicate's message needs it. */
    private readonly earlierRecord: (rep: string, product: string, month: number, before: number) => number,
  ) {}

  add(rep: string, product: string, quota: MonthQuota, recordIndex: number): void {
    let entry = this.last;
    if (!entry || entry.segment.rep !== rep || entry.segment.product !== product) {
      const key = `${rep}\u0000${product}`;
      entry = this.byKey.get(key);
      if (!entry) {
        entry = { segment: { rep, product, quotas: [], firstRecord: recordIndex }, monthsSeen: undefined, lastMonth: Number.NEGATIVE_INFINITY };
        this.byKey.set(key, entry);
      }
      this.last = entry;
    }
    // Files list a segment's months in order, and then no month can repeat; only a segment whose
    // months go back pays for a set of the months it has.
    if (entry.monthsSeen === undefined && quota.month <= entry.lastMonth) {
      entry.monthsSeen = new Set(entry.segment.quotas.map((earlier) => earlier.month));
    }
    entry.lastMonth = quota.month;
    if (entry.monthsSeen?.has(quota.month)) {
      const earlier = this.earlierRecord(rep, product, quota.month, recordIndex);
      throw new InputError({
        code: "row.duplicate",
        file: this.table.file,
        line: this.table.lineOf(recordIndex),
        expected: `a second row for month ${formatMonth(quota.month)}, rep "${rep}", product "${product}": expected one row per month, rep and product`,
        hint: `first on line ${this.table.lineOf(earlier)}`,
      });
    }
    entry.monthsSeen?.add(quota.month);
    entry.segment.quotas.push(quota);
  }

  segments(): QuotaSegment[] {
    return [...this.byKey.values()].map((entry) => entry.segment);
  }
}

function readLong(table: CsvTable, mark: () => MarkInForce, dateFormat: DateFormat): QuotaSegment[] {
  const column = (name: string) => table.header.indexOf(name);
  const monthAt = column("month");
  const quotaAt = column("quota");
  const unitsAt = column("units");
  const repAt = column("rep");
  const productAt = column("product");
  const textAt = (record: readonly string[], at: number) => (at < 0 ? "" : readName(record[at] ?? ""));
  const collector = new SegmentCollector(table, (rep, product, month, before) =>
    table.records.findIndex((record, index) => {
      if (index >= before || textAt(record, repAt) !== rep || textAt(record, productAt) !== product) return false;
      const parsed = parseMonth(record[monthAt] ?? "", dateFormat);
      return parsed.ok && parsed.value === month;
    }),
  );
  // The per-row work is kept free of closures and result objects: on files of a million rows it
  // is, with csv-parse itself, most of the run.
  // The file's decimal mark is looked for only at its first number that is not plain digits.
  let knownMark: MarkInForce;
  const amountAt = (recordIndex: number, column: string, text: string): number | null => {
    const quick = quickAmount(text, knownMark);
    if (Number.isFinite(quick)) return column === "quota" && quick % 1 !== 0 ? inCents(table, recordIndex, column, quick, text) : quick;
    if (text.trim() === "") return null;
    knownMark = mark();
    const amount = valueOf(table, recordIndex, column, parseAmount(text, knownMark), text);
    return column === "quota" ? inCents(table, recordIndex, column, amount, text) : amount;
  };
  // Months in another spelling than YYYY-MM (`Jan-27`) are parsed once each: a file has few.
  const spelledMonths = new Map<string, number>();
  // Read by column: a plain file's table keeps its cells so, and needs no array per record.
  const empty: readonly string[] = [];
  const months = table.column(monthAt);
  const quotas = quotaAt < 0 ? empty : table.column(quotaAt);
  const unitses = unitsAt < 0 ? empty : table.column(unitsAt);
  const reps = repAt < 0 ? empty : table.column(repAt);
  const products = productAt < 0 ? empty : table.column(productAt);
  // A file lists one rep and product for many rows in a row: the name read last is reused while
  // the cell is the same.
  let repCell: string | undefined;
  let rep = "";
  let productCell: string | undefined;
  let product = "";
  for (let recordIndex = 0; recordIndex < table.recordCount; recordIndex++) {
    const monthText = months[recordIndex] ?? "";
    let month = quickMonth(monthText);
    if (Number.isNaN(month)) {
      month = spelledMonths.get(monthText) ?? Number.NaN;
      if (Number.isNaN(month)) {
        month = valueOf(table, recordIndex, "month", parseMonth(monthText, dateFormat), monthText);
        if (spelledMonths.size < 10_000) spelledMonths.set(monthText, month);
      }
    }
    const quota = quotaAt < 0 ? null : amountAt(recordIndex, "quota", quotas[recordIndex] ?? "");
    const units = unitsAt < 0 ? null : amountAt(recordIndex, "units", unitses[recordIndex] ?? "");
    if (quota === null && units === null) {
      const expected = unitsAt < 0 ? "an amount" : "an amount (or units)";
      valueOf(table, recordIndex, quotaAt < 0 ? "units" : "quota", { ok: false, expected }, quotaAt < 0 ? "" : (quotas[recordIndex] ?? ""));
    }
    if (repAt >= 0 && reps[recordIndex] !== repCell) {
      repCell = reps[recordIndex] ?? "";
      rep = readName(repCell);
    }
    if (productAt >= 0 && products[recordIndex] !== productCell) {
      productCell = products[recordIndex] ?? "";
      product = readName(productCell);
    }
    collector.add(rep, product, { month, quota, units }, recordIndex);
  }
  return collector.segments();
}

function readWide(table: CsvTable, mark: () => MarkInForce, dateFormat: DateFormat): QuotaSegment[] {
  const repAt = table.header.indexOf("rep");
  const productAt = table.header.indexOf("product");
  const monthColumns: { at: number; name: string; month: number }[] = [];
  table.header.forEach((name, at) => {
    if (!looksLikeMonthColumn(name)) return;
    const parsed = parseMonth(name, dateFormat);
    if (!parsed.ok) throw new InputError(monthColumnIssue(table.file, name, parsed));
    monthColumns.push({ at, name, month: parsed.value });
  });
  const seenMonth = new Set<number>();
  for (const { name, month } of monthColumns) {
    if (seenMonth.has(month)) {
      const first = monthColumns.find((column) => column.month === month)?.name ?? name;
      throw new InputError({ code: "row.duplicate", file: table.file, line: 1, column: name, expected: "a month column named twice: expected each month once", hint: `${first} is ${formatMonth(month)} too` });
    }
    seenMonth.add(month);
  }
  // A wide file gives each month once per row, so a repeated month is a repeated rep and product.
  const collector = new SegmentCollector(table, (rep, product, _month, before) =>
    table.records.findIndex(
      (record, index) => index < before && readName(record[repAt] ?? "") === rep && readName(record[productAt] ?? "") === product,
    ),
  );
  table.records.forEach((record, recordIndex) => {
    const rep = repAt < 0 ? "" : readName(record[repAt] ?? "");
    const product = productAt < 0 ? "" : readName(record[productAt] ?? "");
    for (const { at, name, month } of monthColumns) {
      const text = record[at] ?? "";
      if (text.trim() === "") continue;
      const quota = inCents(table, recordIndex, name, valueOf(table, recordIndex, name, parseAmount(text, mark()), text), text);
      collector.add(rep, product, { month, quota, units: null }, recordIndex);
    }
  });
  return collector.segments();
}
