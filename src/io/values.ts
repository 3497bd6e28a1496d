import { type MonthIndex, monthIndex } from "../core/month.js";
import type { DateFormat } from "./history-day.js";
import { readMonthText } from "./month-text.js";

/** A parsed value, or what was expected instead (completing "expected …"). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string; hint?: string };

const fail = (expected: string, hint?: string): { ok: false; expected: string; hint?: string } =>
  hint === undefined ? { ok: false, expected } : { ok: false, expected, hint };

// Thousands separators must group digits by three, so "12,5" (a decimal comma) is refused
// rather than read as 125; a currency sign may lead.
const AMOUNT = /^[$€£]?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;

/** Plain decimal digits with at most one dot: the form of nearly every cell in large files. */
function isPlainDecimal(text: string): boolean {
  let dots = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 46) {
      if (++dots > 1 || index === 0 || index === text.length - 1) return false;
    } else if (code < 48 || code > 57) {
      return false;
    }
  }
  return text.length > 0;
}

/**
 * The common case of {@link parseAmount} without allocating a result: plain digits, or NaN when
 * the text needs the full parser (which also explains what is wrong).
 */
export function quickAmount(text: string): number {
  return isPlainDecimal(text) ? Number(text) : Number.NaN;
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
  return monthIndex(year, month);
}

/** A non-negative amount of money or units: `1200000`, `1200000.50`, `$1,200,000`. */
export function parseAmount(text: string): Parsed<number> {
  const quick = quickAmount(text);
  if (Number.isFinite(quick)) return { ok: true, value: quick };
  const trimmed = text.trim();
  const match = AMOUNT.exec(trimmed);
  if (!match) {
    if (/^-/.test(trimmed) || /^[$€£]\s*-/.test(trimmed)) return fail("an amount of 0 or more");
    if (/^\d+,\d{1,2}$/.test(trimmed)) return fail("an amount", "use a dot for decimals: 12.5");
    return fail("an amount");
  }
  const value = Number(`${(match[1] ?? "").replaceAll(",", "")}${match[2] ?? ""}`);
  return Number.isFinite(value) ? { ok: true, value } : fail("a finite amount");
}

/** A positive amount: a deal size or units per deal, where 0 would divide by zero. */
export function parsePositiveAmount(text: string): Parsed<number> {
  const amount = parseAmount(text);
  if (!amount.ok) return amount;
  return amount.value > 0 ? amount : fail("an amount above 0");
}

/** A conversion rate in (0, 1]: `0.25` or `25%`. */
export function parseRate(text: string): Parsed<number> {
  const trimmed = text.trim();
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(trimmed);
  const value = percent ? Number(percent[1]) / 100 : /^\d*\.?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (Number.isNaN(value)) {
    const hint = /^\d+,\d+%?$/.test(trimmed) ? `use a dot for decimals: ${trimmed.replace(",", ".")}` : undefined;
    return fail("a rate above 0 and at most 100%, like 25% or 0.25", hint);
  }
  if (value <= 0 || value > 1 + 1e-12) {
    const hint = !percent && value > 1 && value <= 100 ? `for a percentage write ${trimmed}%` : undefined;
    return fail("a rate above 0 and at most 100%, like 25% or 0.25", hint);
  }
  return { ok: true, value: Math.min(value, 1) };
}

/** The largest surge taken: ten times normal generation is already beyond any real plan. */
export const MAX_PERCENT = 1000;

/** A percentage from 0 to 1000: `30`, `30%` (both 30 percent); the result is a share (0.3). */
export function parsePercent(text: string): Parsed<number> {
  const match = /^(\d+(?:\.\d+)?)\s*%?$/.exec(text.trim());
  const percent = Number(match?.[1]);
  if (!match || !(percent <= MAX_PERCENT)) return fail(`a percentage from 0 to ${MAX_PERCENT}, like 30 or 30%`);
  return { ok: true, value: percent / 100 };
}

/** The longest stage taken: ten years, far past any sales cycle, and a bound on the plan's length. */
export const MAX_DURATION = { days: 3652.5, months: 120 } as const;

/** A duration from 0 to ten years in days or months, fractions allowed. */
export function parseDuration(text: string, unit: "days" | "months"): Parsed<number> {
  const trimmed = text.trim();
  const expected = `a number of ${unit} from 0 to ${MAX_DURATION[unit]}`;
  if (!/^-?\d*\.?\d+$/.test(trimmed)) return fail(expected);
  const value = Number(trimmed);
  return value >= 0 && value <= MAX_DURATION[unit] ? { ok: true, value } : fail(expected);
}

/** A whole number of at least `minimum`. */
export function parseWholeNumber(text: string, minimum: number): Parsed<number> {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < minimum) return fail(`a whole number of ${minimum} or more`);
  return { ok: true, value: Number(trimmed) };
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
  if (trimmed === "" || trimmed === "none") return { ok: true, value: [] };
  const quarters: number[] = [];
  for (const part of trimmed.split(",")) {
    const match = /^q?([1-4])$/.exec(part.trim());
    if (!match) return fail("fiscal quarters like Q4,Q1");
    const quarter = Number(match[1]);
    if (!quarters.includes(quarter)) quarters.push(quarter);
  }
  return { ok: true, value: quarters };
}
