import { MAX_LAG_DAYS, type LeadFacts } from "../core/calibrate-accumulator.js";
import { type DayNumber, formatDay } from "../core/calibrate-days.js";
import type { HistoryLayout } from "./history-columns.js";
import type { DateFormat, DaySlot } from "./history-day.js";
import { DayReader } from "./history-dates.js";
import { FULL, NameIndex } from "./history-names.js";
import type { InputIssue } from "./input-issue.js";
import { StreamDecimalMark } from "./decimal-mark.js";
import type { MarkInForce } from "./number-text.js";
import { MAX_AMOUNT, type Parsed, RANGE } from "./values.js";

/** A failed amount's own expectation when it concerns the decimal mark, else the column's. */
// A mixed decimal mark and an amount past its range say more than the usual wording.
const amountExpected = (failed: { expected: string }, usual: string) =>
  failed.expected === "one decimal mark in a file" || failed.expected === RANGE.money.expected ? failed.expected : usual;

/** `won`, `lost`, `open` or empty (any case; also `Closed Won`, `Closed Lost`), else null. */
function outcomeOf(text: string): LeadFacts["outcome"] | null {
  // Compared, not looked up: a property lookup by a fresh string costs more than three compares.
  if (text === "won") return "won";
  if (text === "lost") return "lost";
  if (text === "" || text === "open") return "open";
  switch (text.trim().toLowerCase()) {
    case "won":
    case "closed won":
      return "won";
    case "lost":
    case "closed lost":
      return "lost";
    case "":
    case "open":
      return "open";
    default:
      return null;
  }
}

/**
 * Plain digits with at most one dot (`12.27`), read by character codes; NaN for anything else,
 * which then goes through the full amount parser. Digits and the power of ten are exact doubles
 * below 15 digits, so one IEEE division gives the same correctly rounded value as `Number(text)`.
 */
export function plainAmount(text: string, allowDot: boolean): number {
  const length = text.length;
  if (length === 0 || length > 15) return Number.NaN;
  let digits = 0;
  let scale = 1;
  let dot = -1;
  for (let at = 0; at < length; at++) {
    const code = text.charCodeAt(at);
    if (code >= 48 && code <= 57) {
      digits = digits * 10 + (code - 48);
      if (dot >= 0) scale *= 10;
    } else if (code === 46 && allowDot && dot < 0 && at > 0 && at < length - 1) {
      dot = at;
    } else {
      return Number.NaN;
    }
  }
  return scale === 1 ? digits : digits / scale;
}

/**
 * An amount by the quick path (plain digits; a dot only once the file's mark is known to be
 * one), else the full parser, which also learns the file's decimal mark.
 */
function amountOf(text: string, line: number, numbers: StreamDecimalMark): Parsed<number> {
  const quick = plainAmount(text, numbers.current === ".");
  if (quick <= MAX_AMOUNT) return { ok: true, value: quick };
  return numbers.amount(text, line);
}

/**
 * Checks one row of a lead-level export and fills {@link lead} with it, or returns what is wrong
 * (the first problem, located at its column). One reader per file; `lead` is the same object
 * for every row, so a million-row file allocates nothing per good row.
 */
export class LeadRowReader {
  readonly lead: LeadFacts = {
    created: 0, createdMonth: 0, qualified: null, qualifiedMonth: 0, closed: null, closedMonth: 0,
    outcome: "open", amount: null, cost: null, product: -1, rep: -1, source: 0,
    stageDays: new Float64Array(0), stageMonths: new Int32Array(0),
  };
  readonly products = new NameIndex(true);
  readonly reps = new NameIndex(true);
  readonly sources = new NameIndex();
  private readonly days: DayReader;
  private readonly numbers: StreamDecimalMark;
  private readonly slot: DaySlot = { day: 0, month: 0 };
  // Field indices, -1 for an absent column: numbers, so the hot path looks nothing up by name
  // (read by the byte reader too, history-bytes.ts).
  readonly createdAt: number;
  readonly qualifiedAt: number;
  readonly closedAt: number;
  readonly outcomeAt: number;
  readonly amountAt: number;
  readonly costAt: number;
  readonly productAt: number;
  readonly repAt: number;
  readonly sourceAt: number;
  readonly width: number;
  /** A configured funnel's stage date columns (top first, between the top and won) and their field indices. */
  private readonly stageColumns: readonly string[];
  private readonly stageAt: Int32Array;
  /** The column whose date is the stage before won: `qualified_on`, or a configured funnel's last stage column. */
  private readonly qualifiedColumn: string;

  constructor(
    private readonly layout: HistoryLayout,
    private readonly header: readonly string[],
    private readonly file: string,
    dateFormat: DateFormat,
    private readonly asOf: DayNumber | null,
    decimalMark?: MarkInForce,
  ) {
    this.days = new DayReader(dateFormat);
    this.numbers = new StreamDecimalMark(decimalMark);
    const at = (name: string) => layout.at[name] ?? -1;
    this.createdAt = at("created");
    this.qualifiedAt = at("qualified_on");
    this.closedAt = at("closed_on");
    this.outcomeAt = at("outcome");
    this.amountAt = at("amount");
    this.costAt = at("cost");
    this.productAt = at("product");
    this.repAt = at("rep");
    this.sourceAt = at("source");
    this.width = layout.width;
    this.stageColumns = layout.stageColumns ?? [];
    this.stageAt = Int32Array.from(this.stageColumns, (name) => at(name));
    this.lead.stageDays = new Float64Array(this.stageColumns.length);
    this.lead.stageMonths = new Int32Array(this.stageColumns.length);
    this.qualifiedColumn = this.stageColumns.at(-1) ?? (layout.stageColumns === undefined ? "qualified_on" : "created");
  }

  private issue(line: number, column: string, expected: string, found: string, hint?: string): InputIssue {
    const label = this.header[this.layout.at[column] ?? -1]?.trim() || column;
    const issue: InputIssue = { code: "value.invalid", file: this.file, line, column: label, expected, found };
    if (hint !== undefined) issue.hint = hint;
    return issue;
  }

  /** Reads a date into the slot; an issue when it is not a date or is after the as-of date. */
  private date(text: string, column: string, line: number): InputIssue | null {
    if (!this.days.read(text, this.slot)) return this.issue(line, column, this.days.expected(), text, this.days.hintFor(text));
    if (this.asOf !== null && this.slot.day > this.asOf) return this.issue(line, column, `a date on or before --as-of ${formatDay(this.asOf)}`, text);
    return null;
  }

  read(fields: readonly string[], line: number): InputIssue | null {
    const width = this.width;
    if (fields.length !== width && (fields.length < width || fields.slice(width).some((field) => field.trim() !== ""))) {
      return { code: "row.width", file: this.file, line, expected: `a row of ${fields.length} fields: expected ${width} as in the header` };
    }
    const lead = this.lead;
    const created = this.date(fields[this.createdAt] ?? "", "created", line);
    if (created) return created;
    lead.created = this.slot.day;
    lead.createdMonth = this.slot.month;

    lead.qualified = null;
    let qualifiedText = this.qualifiedAt < 0 ? "" : (fields[this.qualifiedAt] ?? "");
    if (this.layout.stageColumns !== undefined) {
      const stages = this.stages(fields, line);
      if (stages !== null) return stages;
      qualifiedText = this.stageColumns.length === 0 ? (fields[this.createdAt] ?? "") : (fields[this.stageAt[this.stageAt.length - 1] ?? -1] ?? "");
    } else if (qualifiedText !== "") {
      const invalid = this.date(qualifiedText, "qualified_on", line);
      if (invalid) return invalid;
      lead.qualified = this.slot.day;
      lead.qualifiedMonth = this.slot.month;
    }
    lead.closed = null;
    const closedText = this.closedAt < 0 ? "" : (fields[this.closedAt] ?? "");
    if (closedText !== "") {
      const invalid = this.date(closedText, "closed_on", line);
      if (invalid) return invalid;
      lead.closed = this.slot.day;
      lead.closedMonth = this.slot.month;
    }
    const outcomeText = this.outcomeAt < 0 ? "" : (fields[this.outcomeAt] ?? "");
    const outcome = outcomeOf(outcomeText);
    if (outcome === null) return this.issue(line, "outcome", "won, lost, open or empty", outcomeText);
    lead.outcome = outcome;
    const order = this.checkOrder(line, qualifiedText, closedText, outcomeText);
    if (order) return order;

    lead.amount = null;
    if (outcome === "won") {
      const amountText = this.amountAt < 0 ? "" : (fields[this.amountAt] ?? "");
      const amount = amountOf(amountText, line, this.numbers);
      // A won deal of at least a cent, as a deal size must be: a smaller average is written as 0
      // in --ratios-out, which compute would refuse.
      const wonExpected = amount.ok && amount.value > 0 ? "the amount of a won lead, from 0.01" : "the amount of a won lead, above 0";
      if (!amount.ok || amount.value < RANGE.dealSize.min) return this.issue(line, "amount", amount.ok ? wonExpected : amountExpected(amount, wonExpected), amountText, amount.ok ? undefined : amount.hint);
      lead.amount = amount.value;
    }
    lead.cost = null;
    const costText = this.costAt < 0 ? "" : (fields[this.costAt] ?? "");
    if (costText !== "") {
      const cost = amountOf(costText, line, this.numbers);
      if (!cost.ok) return this.issue(line, "cost", amountExpected(cost, "an amount of 0 or more"), costText, cost.hint);
      lead.cost = cost.value;
    }
    // An unnamed product or rep has no group of its own: it counts only towards all leads.
    const product = this.productAt < 0 ? "" : (fields[this.productAt] ?? "");
    lead.product = product === "" ? -1 : this.products.indexOf(product, line);
    if (lead.product === FULL) return this.tooMany(line, "product", product);
    const rep = this.repAt < 0 ? "" : (fields[this.repAt] ?? "");
    lead.rep = rep === "" ? -1 : this.reps.indexOf(rep, line);
    if (lead.rep === FULL) return this.tooMany(line, "rep", rep);
    const source = this.sourceAt < 0 ? "" : (fields[this.sourceAt] ?? "");
    lead.source = this.sources.indexOf(source, line);
    if (lead.source === FULL) return this.tooMany(line, "source", source);
    return null;
  }

  /** Whether the file's decimal mark is known to be a point: until then `12.27` goes through the full amount parser, which learns it. */
  get pointIsMark(): boolean {
    return this.numbers.current === ".";
  }

  /** Whether the default funnel is read (no configured stage columns): the only layout the byte reader fills leads for. */
  get defaultFunnel(): boolean {
    return this.layout.stageColumns === undefined;
  }

  /**
   * For a lead the byte reader (history-bytes.ts) filled from a row of the default funnel whose
   * dates were all ISO and whose amounts plain: whether it passes the checks {@link read} makes
   * once it has parsed them (the as-of date, the order of the dates, a won lead's amount). False:
   * the row goes through `read` from its text, which says what is wrong.
   */
  accepts(): boolean {
    const { lead, asOf } = this;
    const { created, qualified, closed } = lead;
    if (asOf !== null && (created > asOf || (qualified !== null && qualified > asOf) || (closed !== null && closed > asOf))) return false;
    // checkOrder's tests for the default funnel, without building the messages it would return
    // (test/io/history-bytes.test.ts holds the two readers to the same rows).
    if (qualified !== null && (qualified < created || qualified - created > MAX_LAG_DAYS)) return false;
    if (closed !== null) {
      if (closed < created || closed - created > MAX_LAG_DAYS) return false;
      if (qualified !== null && (closed < qualified || closed - qualified > MAX_LAG_DAYS)) return false;
      if (lead.outcome === "open") return false;
    }
    if (lead.outcome !== "won") return true;
    return qualified !== null && closed !== null && lead.amount !== null && lead.amount >= RANGE.dealSize.min;
  }

  /** Dates in order, lags within ten years, and what a won or open lead must have. */
  private checkOrder(line: number, qualifiedText: string, closedText: string, outcomeText: string): InputIssue | null {
    const { lead } = this;
    const after = (column: string, found: string, earlier: string, from: DayNumber, to: DayNumber) => {
      if (to < from) return this.issue(line, column, `a date on or after ${earlier} (${formatDay(from)})`, found);
      if (to - from > MAX_LAG_DAYS) return this.issue(line, column, `a date at most ten years after ${earlier} (${formatDay(from)})`, found);
      return null;
    };
    const qualifiedColumn = this.qualifiedColumn;
    if (lead.qualified !== null && this.layout.stageColumns === undefined) {
      const invalid = after("qualified_on", qualifiedText, "created", lead.created, lead.qualified);
      if (invalid) return invalid;
    }
    if (lead.closed !== null) {
      const reached = this.latestStage();
      const invalid =
        after("closed_on", closedText, "created", lead.created, lead.closed) ??
        (reached < 0 ? null : after("closed_on", closedText, this.stageColumns[reached] ?? "", lead.stageDays[reached] ?? 0, lead.closed)) ??
        (lead.qualified === null || reached >= 0 ? null : after("closed_on", closedText, qualifiedColumn, lead.qualified, lead.closed));
      if (invalid) return invalid;
      if (lead.outcome === "open") return this.issue(line, "outcome", "won or lost for a lead with a closed_on date", outcomeText);
    }
    if (lead.outcome === "won") {
      if (lead.qualified === null) {
        return this.issue(line, qualifiedColumn, qualifiedColumn === "qualified_on" ? "the date a won lead qualified" : `the date a won lead reached ${qualifiedColumn.slice(0, -3)}`, "");
      }
      if (lead.closed === null) return this.issue(line, "closed_on", "the date a won lead closed", "");
    }
    return null;
  }

  /** The last stage column with a date (-1: none): stages are reached in order, so it is the latest. */
  private latestStage(): number {
    const days = this.lead.stageDays;
    for (let at = days.length - 1; at >= 0; at--) if (!Number.isNaN(days[at] ?? Number.NaN)) return at;
    return -1;
  }

  /**
   * A configured funnel's stage dates into the lead, checked: each on or after the one before
   * (the first after `created`) and within ten years of it, and none missing before a later
   * one (a lead reaches the stages in order). The last one is the lead's `qualified` date, so the
   * step into won is measured as the sales cycle is; with no stage between the top and won,
   * every lead "qualifies" the day it is created.
   */
  private stages(fields: readonly string[], line: number): InputIssue | null {
    const lead = this.lead;
    const columns = this.stageColumns;
    let previous = lead.created;
    let previousColumn = "created";
    let gap = -1;
    for (let at = 0; at < columns.length; at++) {
      const column = columns[at] ?? "";
      const text = fields[this.stageAt[at] ?? -1] ?? "";
      if (text === "") {
        lead.stageDays[at] = Number.NaN;
        if (gap < 0) gap = at;
        continue;
      }
      if (gap >= 0) return this.issue(line, columns[gap] ?? "", `the date the lead reached ${(columns[gap] ?? "").slice(0, -3)}, as it has a ${column} date`, "");
      const invalid = this.date(text, column, line);
      if (invalid) return invalid;
      const day = this.slot.day;
      if (day < previous) return this.issue(line, column, `a date on or after ${previousColumn} (${formatDay(previous)})`, text);
      if (day - lead.created > MAX_LAG_DAYS) return this.issue(line, column, `a date at most ten years after created (${formatDay(lead.created)})`, text);
      lead.stageDays[at] = day;
      lead.stageMonths[at] = this.slot.month;
      previous = day;
      previousColumn = column;
    }
    if (columns.length === 0) {
      lead.qualified = lead.created;
      lead.qualifiedMonth = lead.createdMonth;
    } else if (gap < 0) {
      lead.qualified = lead.stageDays[columns.length - 1] ?? null;
      lead.qualifiedMonth = lead.stageMonths[columns.length - 1] ?? 0;
    }
    return null;
  }

  private tooMany(line: number, column: string, found: string): InputIssue {
    return this.issue(line, column, "at most 10,000 different names in the column (is an id column mapped to it?)", found);
  }
}
