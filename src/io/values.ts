import { type MonthIndex, monthIndex } from "../core/month.js";
import type { DateFormat } from "./history-day.js";
import { FIRST_YEAR, LAST_YEAR, readMonthText } from "./month-text.js";
import { type MarkInForce, numberWithMark, quickNumber, troubleHint } from "./number-text.js";

/** A parsed value, or what was expected instead (completing "expected …"). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string; hint?: string };

const fail = (expected: string, hint?: string | undefined): { ok: false; expected: string; hint?: string } =>
  hint === undefined ? { ok: false, expected } : { ok: false, expected, hint };

/**
 * Plain decimal digits with at most one dot: the form of nearly every cell in large files; NaN
 * for any other form or an amount past {@link MAX_AMOUNT} (parseAmount then says why).
 */
export function quickAmount(text: string, mark: MarkInForce): number {
  const value = quickNumber(text, mark);
  return value <= MAX_AMOUNT ? value : Number.NaN;
}

/** The common case of {@link parseMonth} (`YYYY-MM`) without allocating a result, else NaN. */
export function quickMonth(text: string): MonthIndex {
  if (text.length !== 7 || text.charCodeAt(4) !== 45) return Number.NaN;
  let year = 0;
  for (let index = 0; index < 4; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    year = year * 10 + digit;
  }
  const tens = text.charCodeAt(5) - 48;
  const ones = text.charCodeAt(6) - 48;
  const month = tens * 10 + ones;
  if (tens < 0 || tens > 1 || ones < 0 || ones > 9 || month < 1 || month > 12) return Number.NaN;
  // Any other year goes the slow way, to be refused with its reason.
  if (year < FIRST_YEAR || year > LAST_YEAR) return Number.NaN;
  return monthIndex(year, month);
}

// A currency sign may lead or trail (`$1,200`, `1.200 €`); it says nothing of the value.
// Escaped, not typed: the CLI bundle stays ASCII (scripts/bundle.mjs), so V8 keeps it one byte a character.
const CURRENCY = /^[$\u20ac\u00a3]\s*|\s*[$\u20ac\u00a3]$/g; // $, €, £

/**
 * The digits and separators of a number: currency signs, a leading minus and surrounding spaces
 * taken off (`negative` says whether there was a minus).
 */
export function numberBody(text: string): { body: string; negative: boolean } {
  let body = text.trim().replace(CURRENCY, "");
  const negative = body.startsWith("-");
  if (negative) body = body.slice(1).trim().replace(CURRENCY, "");
  return { body, negative };
}

/**
 * The sensible range of each kind of value a file cell, flag or config key gives. Every value is
 * checked against its range where it is read, so a plan's figures stay far below 2^53, the
 * largest whole number a double holds exactly (a total that still passes it is refused by the
 * result check, see src/cli/result-size.ts). `expected` names the range in messages.
 */
export interface ValueRange {
  min: number;
  max: number;
  expected: string;
}

/** A trillion: far above any quota, revenue or count one cell of a sales plan holds. */
export const MAX_AMOUNT = 1e12;

export const RANGE = {
  /** Quotas, revenue, units, caps: a quota of 0 is a month with nothing due. */
  money: { min: 0, max: MAX_AMOUNT, expected: "an amount from 0 to 1,000,000,000,000" },
  /** A deal size or units per deal: the divisor of every deal count. */
  dealSize: { min: 0.01, max: MAX_AMOUNT, expected: "an amount from 0.01 to 1,000,000,000,000" },
  /** What one inquiry costs. */
  cost: { min: 0, max: 1e9, expected: "a cost from 0 to 1,000,000,000 per inquiry" },
  /** Leads, deals or inquiries counted in one cell. */
  count: { min: 0, max: MAX_AMOUNT, expected: "a whole number from 0 to 1,000,000,000,000" },
  /** A conversion rate: one in a million is below any real funnel, and divides the need by it. */
  rate: { min: 1e-6, max: 1, expected: "a rate from 0.0001% to 100% (0.000001 to 1), like 25% or 0.25" },
} as const satisfies Record<string, ValueRange>;

const outside = (value: number, range: ValueRange) => !(value >= range.min && value <= range.max);

/** A number's body read with the mark in force, or a failure with the hint that explains it. */
function readBody(body: string, mark: MarkInForce, expected: string, range: ValueRange): Parsed<number> {
  const read = numberWithMark(body, mark);
  if (read.ok) return outside(read.value, range) ? fail(range.expected) : read;
  return fail(expected, troubleHint(read.trouble));
}

/**
 * A non-negative amount of money or units: `1200000`, `1200000.50`, `$1,200,000`, and with a
 * decimal comma `1.200.000,50 €`. `mark` is the decimal mark stated or revealed by the file;
 * without one, a number that reads two ways (`75.000`) is refused. `range` bounds it (money by
 * default: up to a trillion).
 */
export function parseAmount(text: string, mark?: MarkInForce, range: ValueRange = RANGE.money): Parsed<number> {
  const quick = quickNumber(text, mark);
  if (Number.isFinite(quick)) return outside(quick, range) ? fail(range.expected) : { ok: true, value: quick };
  const { body, negative } = numberBody(text);
  if (negative) return numberWithMark(body, mark).ok ? fail("an amount of 0 or more") : fail("an amount");
  return readBody(body, mark, "an amount", range);
}

/** What one inquiry costs: an amount up to a billion. */
export function parseCost(text: string, mark?: MarkInForce): Parsed<number> {
  return parseAmount(text, mark, RANGE.cost);
}

/** A positive amount: a deal size or units per deal, where 0 would divide by zero. */
export function parsePositiveAmount(text: string, mark?: MarkInForce): Parsed<number> {
  const amount = parseAmount(text, mark, { ...RANGE.dealSize, min: 0 });
  if (!amount.ok) return amount;
  if (amount.value === 0) return fail("an amount above 0");
  return amount.value < RANGE.dealSize.min ? fail(RANGE.dealSize.expected) : amount;
}

/**
 * A number written bare or with a percent sign (`0.25`, `25%`, `12,5 %`), read with the mark in
 * force: its value as written (25 for `25%`) and whether the sign was there. Undefined when the
 * text is neither; a failure carries the hint of a number that reads two ways.
 */
export function readPercentText(
  text: string,
  mark: MarkInForce,
): { ok: true; value: number; percent: boolean; trimmed: string } | { ok: false; hint?: string } | undefined {
  const trimmed = text.trim();
  const sign = /^(.*?)\s*%$/.exec(trimmed);
  const body = sign ? (sign[1] ?? "") : trimmed;
  if (!/^[\d.,]+$/.test(body)) return undefined;
  const read = numberWithMark(body, mark);
  if (read.ok) return { ok: true, value: read.value, percent: sign !== null, trimmed };
  const hint = troubleHint(read.trouble);
  return hint === undefined ? { ok: false } : { ok: false, hint };
}

const RATE = "a rate above 0 and at most 100%, like 25% or 0.25";

/** A conversion rate or share in [0.000001, 1]: `0.25` or `25%` (`0,25`, `12,5%` with a decimal comma). */
export function parseRate(text: string, mark?: MarkInForce): Parsed<number> {
  const read = readPercentText(text, mark);
  if (read === undefined) return fail(RATE);
  if (!read.ok) return fail(RATE, read.hint);
  const { percent, trimmed } = read;
  const value = percent ? read.value / 100 : read.value;
  if (value <= 0 || value > 1 + 1e-12) {
    const hint = !percent && value > 1 && value <= 100 ? `for a percentage write ${trimmed}%` : undefined;
    return fail(RATE, hint);
  }
  if (value < RANGE.rate.min) return fail(RANGE.rate.expected);
  return { ok: true, value: Math.min(value, 1) };
}

/** The largest surge taken: ten times normal generation is already beyond any real plan. */
export const MAX_PERCENT = 1000;

/**
 * Percent points from 0 to 1000: `30` and `30%` both mean 30 percent; the result is a share
 * (0.3). A bare number between 0 and 1 (`0.3`) is refused: it would be 0.3 percent, while the
 * same text means 30% as a rate (`--close-rate 0.3`), and a planner who wrote it meant one of them.
 */
export function parsePercent(text: string, mark?: MarkInForce): Parsed<number> {
  const expected = `a percentage from 0 to ${MAX_PERCENT}, like 30 or 30%`;
  const read = readPercentText(text, mark);
  if (read === undefined) return fail(expected);
  if (!read.ok) return fail(expected, read.hint);
  const { percent, trimmed } = read;
  if (!(read.value <= MAX_PERCENT)) return fail(expected);
  if (!percent && read.value > 0 && read.value < 1) {
    const points = Math.round(read.value * 100 * 1e9) / 1e9;
    // Below 1 percent only the sign says it: a bare 0.1 is refused like the 0.001 it came from.
    const spelled = points >= 1 ? `${points} or ${points}%` : `${points}%`;
    return fail(expected, `${trimmed} would mean ${trimmed} percent here: write ${spelled} for ${points} percent, or ${trimmed}% for ${trimmed} percent`);
  }
  return { ok: true, value: read.value / 100 };
}

/** The longest stage taken: ten years, far past any sales cycle, and a bound on the plan's length. */
export const MAX_DURATION = { days: 3652.5, months: 120 } as const;

/** A duration from 0 to ten years in days or months, fractions allowed. */
export function parseDuration(text: string, unit: "days" | "months", mark?: MarkInForce): Parsed<number> {
  const expected = `a number of ${unit} from 0 to ${MAX_DURATION[unit]}`;
  const { body, negative } = numberBody(text);
  if (negative || body !== text.trim() || !/^[\d.,]+$/.test(body)) return fail(expected);
  const read = numberWithMark(body, mark);
  if (!read.ok) return fail(expected, troubleHint(read.trouble));
  return read.value <= MAX_DURATION[unit] ? read : fail(expected);
}

/** A whole number of at least `minimum`, and at most a trillion (counts: {@link RANGE}). */
export function parseWholeNumber(text: string, minimum: number, mark?: MarkInForce): Parsed<number> {
  const trimmed = text.trim();
  const expected = `a whole number of ${minimum} or more`;
  if (!/^[\d.,\u00a0\u202f' ]+$/.test(trimmed)) return fail(expected);
  const read = numberWithMark(trimmed, mark);
  if (!read.ok) return fail(expected, troubleHint(read.trouble));
  if (!(read.value <= RANGE.count.max)) return fail(`a whole number from ${minimum} to 1,000,000,000,000`);
  return Number.isInteger(read.value) && read.value >= minimum ? read : fail(expected);
}

/**
 * A month: `YYYY-MM`, or any spelling a spreadsheet writes (`2027-01-31`, `Jan-27`, `January 2027`,
 * `2027/01`, `01/2027`; see month-text.ts). `format` (`--date-format`) says how to read a date with
 * its day in another order, like `01/02/2027`.
 */
export function parseMonth(text: string, format: DateFormat = "auto"): Parsed<MonthIndex> {
  const quick = quickMonth(text);
  if (!Number.isNaN(quick)) return { ok: true, value: quick };
  return readMonthText(text, format);
}

const MONTH_NAMES = [
  "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december",
];

/** A month of the year: `4`, `04`, `Apr`, `Sept` or `April` (any case; a name by 3 letters or more). */
export function parseMonthOfYear(text: string): Parsed<number> {
  const trimmed = text.trim().toLowerCase();
  if (/^\d{1,2}$/.test(trimmed)) {
    const value = Number(trimmed);
    if (value >= 1 && value <= 12) return { ok: true, value };
  }
  const byName = trimmed.length >= 3 ? MONTH_NAMES.findIndex((name) => name.startsWith(trimmed)) : -1;
  return byName >= 0 ? { ok: true, value: byName + 1 } : fail("a month, 1-12 or a name like Apr");
}

/** Fiscal quarters as `Q4,Q1` (also `4,1`); empty or `none` for no quarter. */
export function parseQuarters(text: string): Parsed<number[]> {
  const trimmed = text.trim().toLowerCase();
  // Only `none` says no surge: an empty value is more often a variable that was never set.
  if (trimmed === "none") return { ok: true, value: [] };
  if (trimmed === "") return fail("fiscal quarters like Q4,Q1, or none");
  const quarters: number[] = [];
  for (const part of trimmed.split(",")) {
    const match = /^q?([1-4])$/.exec(part.trim());
    if (!match) return fail("fiscal quarters like Q4,Q1");
    const quarter = Number(match[1]);
    if (!quarters.includes(quarter)) quarters.push(quarter);
  }
  return { ok: true, value: quarters };
}
