import { type DayNumber, civilDate, dayNumber } from "../core/calibrate-days.js";
import { halfDays, halfIndex } from "../core/half-month.js";
import { type MonthIndex, formatMonth, monthIndex } from "../core/month.js";
import type { DateFormat } from "./history-day.js";
import { type Parsed, parseMonth } from "./values.js";

/** Days and halves as actuals and `--as-of` write them: `2027-01-20`, `2027-01-H1`. */

const HALF = /^(\d{4})-(\d{2})-[Hh](\d+)$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2027-01-H1` (the 1st to the 15th) or `2027-01-H2` (the 16th to the end); not-a-half for anything else. */
export function parseHalf(text: string): Parsed<number> | "not-a-half" {
  const match = HALF.exec(text.trim());
  if (!match) return /^\d{4}-\d{2}-[Hh]/.test(text.trim()) ? { ok: false, expected: "a half like 2027-01-H1 or 2027-01-H2" } : "not-a-half";
  const month = Number(match[2]);
  const half = Number(match[3]);
  if (month < 1 || month > 12 || (half !== 1 && half !== 2)) return { ok: false, expected: "a half like 2027-01-H1 or 2027-01-H2" };
  return { ok: true, value: halfIndex(monthIndex(Number(match[1]), month), half) };
}

/** A calendar day `YYYY-MM-DD` that exists (no 2027-02-30), as a daily CRM export writes it. */
export function parseDay(text: string): Parsed<number> {
  const match = DAY.exec(text.trim());
  const fail: Parsed<number> = { ok: false, expected: "a date YYYY-MM-DD" };
  if (!match) return fail;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1000 || month < 1 || month > 12 || day < 1) return fail;
  const number = dayNumber(year, month, day);
  const back = civilDate(number);
  return back.month === month && back.day === day ? { ok: true, value: number } : { ok: false, expected: "a date YYYY-MM-DD that exists", hint: `${formatMonth(monthIndex(year, month))} has no day ${day}` };
}


/** Where `--as-of` stops: a month (its end), a half (`2027-01-H1`: the 15th) or a day (`2027-01-20`). */
export function parseAsOf(text: string, format: DateFormat): Parsed<{ month: MonthIndex; day?: DayNumber }> {
  const half = parseHalf(text);
  if (half !== "not-a-half") return half.ok ? { ok: true, value: { month: Math.floor(half.value / 2), day: halfDays(half.value).last } } : half;
  if (DAY.test(text.trim())) {
    const day = parseDay(text);
    if (!day.ok) return day;
    const date = civilDate(day.value);
    return { ok: true, value: { month: monthIndex(date.year, date.month), day: day.value } };
  }
  const month = parseMonth(text, format);
  return month.ok ? { ok: true, value: { month: month.value } } : month;
}
