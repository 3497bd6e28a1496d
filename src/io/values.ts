import { isExists } from "date-fns/isExists";
import { type MonthIndex, monthIndex } from "../core/month.js";

/** A parsed value, or what was expected instead (completing "expected …"). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string; hint?: string };

const fail = (expected: string, hint?: string): { ok: false; expected: string; hint?: string } =>
  hint === undefined ? { ok: false, expected } : { ok: false, expected, hint };

// Thousands separators must group digits by three, so "12,5" (a decimal comma) is refused
// rather than read as 125; a currency sign may lead.
const AMOUNT = /^[$€£]?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;

/** A non-negative amount of money or units: `1200000`, `1200000.50`, `$1,200,000`. */
export function parseAmount(text: string): Parsed<number> {
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
    return fail("a rate above 0 and at most 100%, like 25% or 0.25");
  }
  if (value <= 0 || value > 1 + 1e-12) {
    const hint = !percent && value > 1 && value <= 100 ? `for a percentage write ${trimmed}%` : undefined;
    return fail("a rate above 0 and at most 100%, like 25% or 0.25", hint);
  }
  return { ok: true, value: Math.min(value, 1) };
}

/** A percentage of 0 or more: `30`, `30%` (both 30 percent); the result is a share (0.3). */
export function parsePercent(text: string): Parsed<number> {
  const match = /^(\d+(?:\.\d+)?)\s*%?$/.exec(text.trim());
  if (!match) return fail("a percentage of 0 or more, like 30 or 30%");
  return { ok: true, value: Number(match[1]) / 100 };
}

/** A duration of 0 or more days or months, fractions allowed. */
export function parseDuration(text: string, unit: "days" | "months"): Parsed<number> {
  const trimmed = text.trim();
  if (!/^-?\d*\.?\d+$/.test(trimmed)) return fail(`a number of ${unit}`);
  const value = Number(trimmed);
  return value < 0 ? fail(`a number of ${unit} of 0 or more`) : { ok: true, value };
}

/** A whole number of at least `minimum`. */
export function parseWholeNumber(text: string, minimum: number): Parsed<number> {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < minimum) return fail(`a whole number of ${minimum} or more`);
  return { ok: true, value: Number(trimmed) };
}

const MONTH = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/** `YYYY-MM`, or a `YYYY-MM-DD` date taken as its month. */
export function parseMonth(text: string): Parsed<MonthIndex> {
  const match = MONTH.exec(text.trim());
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) return fail("a month as YYYY-MM");
  // isExists checks the calendar (leap years, month lengths) from numbers alone: no time zone enters.
  if (match[3] !== undefined && !isExists(year, month - 1, Number(match[3]))) return fail("a month as YYYY-MM or a date as YYYY-MM-DD");
  return { ok: true, value: monthIndex(year, month) };
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
