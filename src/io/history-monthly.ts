import type { MonthFacts } from "../core/calibrate-accumulator.js";
import { type DayNumber, firstDayOfMonth, formatDay } from "../core/calibrate-days.js";
import { formatMonth } from "../core/month.js";
import type { HistoryLayout } from "./history-columns.js";
import type { DateFormat } from "./history-day.js";
import { NameIndex } from "./history-names.js";
import type { InputIssue } from "./input-issue.js";
import { StreamDecimalMark } from "./decimal-mark.js";
import type { MarkInForce } from "./number-text.js";
import { type Parsed, parseMonth } from "./values.js";

/**
 * Checks one row of a monthly aggregate (`month,source,product,inquiries,qualified,won,revenue,spend`)
 * and fills {@link month} with it, or returns what is wrong. A month, source and product may
 * appear once: a second row would be counted twice.
 */
export class MonthRowReader {
  readonly month: MonthFacts = { month: 0, product: -1, source: 0, inquiries: 0, qualified: 0, won: 0, revenue: 0, spend: null };
  readonly products = new NameIndex();
  readonly sources = new NameIndex();
  private readonly seen = new Map<string, number>();
  /** Reads a month in any spelling parseMonth takes, dates with a day in the --date-format. */
  private readonly parseMonthCell: (text: string) => Parsed<number>;

  constructor(
    private readonly layout: HistoryLayout,
    private readonly header: readonly string[],
    private readonly file: string,
    private readonly asOf: DayNumber | null,
    decimalMark?: MarkInForce,
    dateFormat: DateFormat = "auto",
  ) {
    this.numbers = new StreamDecimalMark(decimalMark);
    this.parseMonthCell = (text) => parseMonth(text, dateFormat);
  }

  private readonly numbers: StreamDecimalMark;

  private text(fields: readonly string[], column: string): string {
    const index = this.layout.at[column] ?? -1;
    return index < 0 ? "" : (fields[index] ?? "").trim();
  }

  private issue(line: number, column: string, expected: string, found: string, hint?: string): InputIssue {
    const label = this.header[this.layout.at[column] ?? -1]?.trim() || column;
    const issue: InputIssue = { code: "value.invalid", file: this.file, line, column: label, expected, found };
    if (hint !== undefined) issue.hint = hint;
    return issue;
  }

  read(fields: readonly string[], line: number): InputIssue | null {
    const width = this.layout.width;
    if (fields.length !== width && (fields.length < width || fields.slice(width).some((field) => field.trim() !== ""))) {
      return { code: "row.width", file: this.file, line, expected: `a row of ${fields.length} fields: expected ${width} as in the header` };
    }
    const facts = this.month;
    let problem: InputIssue | null = null;
    // Required columns parse even when empty (the parser says what was expected); optional ones
    // give `empty` instead.
    const value = <T>(column: string, parse: (text: string) => Parsed<T>, empty: T | "required"): T | null => {
      const text = this.text(fields, column);
      if (problem !== null) return null;
      if (text === "" && empty !== "required") return empty;
      const parsed = parse(text);
      if (parsed.ok) return parsed.value;
      problem = this.issue(line, column, parsed.expected, text, parsed.hint);
      return null;
    };
    const count = (text: string) => this.numbers.count(text, line);
    const amount = (text: string) => this.numbers.amount(text, line);
    facts.month = value("month", this.parseMonthCell, "required") ?? 0;
    facts.inquiries = value("inquiries", count, "required") ?? 0;
    facts.qualified = value("qualified", count, "required") ?? 0;
    facts.won = value("won", count, "required") ?? 0;
    facts.revenue = value("revenue", amount, 0) ?? 0;
    facts.spend = value<number | null>("spend", amount, null);
    if (problem !== null) return problem;
    // Counts follow the month's inquiries down the funnel: more qualified than inquiries (or won
    // than qualified) is a typing slip that would give a rate above 100%.
    if (facts.qualified > facts.inquiries) {
      return this.issue(line, "qualified", `at most the row's ${facts.inquiries} inquiries`, this.text(fields, "qualified"));
    }
    if (facts.won > facts.qualified) {
      return this.issue(line, "won", `at most the row's ${facts.qualified} qualified leads`, this.text(fields, "won"));
    }
    if (this.asOf !== null && firstDayOfMonth(facts.month) > this.asOf) {
      return this.issue(line, "month", `a month on or before --as-of ${formatDay(this.asOf)}`, this.text(fields, "month"));
    }
    const product = this.text(fields, "product");
    const source = this.text(fields, "source");
    const key = `${facts.month}\u0000${source}\u0000${product}`;
    const earlier = this.seen.get(key);
    if (earlier !== undefined) {
      return {
        code: "row.duplicate",
        file: this.file,
        line,
        expected: `a second row for month ${formatMonth(facts.month)}, source "${source}", product "${product}": expected one row per month, source and product`,
        hint: `first on line ${earlier}`,
      };
    }
    this.seen.set(key, line);
    facts.product = product === "" ? -1 : this.products.indexOf(product, line);
    facts.source = this.sources.indexOf(source, line);
    if (facts.source < 0 || (product !== "" && facts.product < 0)) {
      return this.issue(line, facts.source < 0 ? "source" : "product", "at most 10,000 different names in the column", facts.source < 0 ? source : product);
    }
    return null;
  }
}
