import { type MonthIndex, monthIndex } from "./month.js";

/**
 * Calendar days as plain integers: days since 1970-01-01 in the proleptic Gregorian calendar.
 * Like month indices, they never pass through a Date, so no time zone or daylight-saving rule
 * can move a lead to another day, and "days from qualification to close" is a subtraction.
 */
export type DayNumber = number;

/**
 * The day number of a calendar date (`month` 1-12). Integer arithmetic after H. Hinnant's
 * `days_from_civil`: years start in March so the leap day is the last day of a year.
 *
 * Example: `dayNumber(1970, 1, 1)` is 0, `dayNumber(2026, 3, 14)` is 20526.
 */
export function dayNumber(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * The month and day of month of a day number, packed as `monthIndex * 32 + day` so that the
 * per-row callers allocate nothing (Hinnant's `civil_from_days`).
 */
function civilPacked(day: DayNumber): number {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return monthIndex(year, month) * 32 + dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
}

/** Year, month (1-12) and day of a day number: the inverse of {@link dayNumber}. */
export function civilDate(day: DayNumber): { year: number; month: number; day: number } {
  const packed = civilPacked(day);
  const month = Math.floor(packed / 32);
  const year = Math.floor(month / 12);
  return { year, month: month - year * 12 + 1, day: packed - month * 32 };
}

/** The month a day falls in, as a {@link MonthIndex}. */
export function monthOfDay(day: DayNumber): MonthIndex {
  return Math.floor(civilPacked(day) / 32);
}

/** The first day of a month. */
export function firstDayOfMonth(month: MonthIndex): DayNumber {
  const year = Math.floor(month / 12);
  return dayNumber(year, month - year * 12 + 1, 1);
}

/** The last day of a month. */
export function lastDayOfMonth(month: MonthIndex): DayNumber {
  return firstDayOfMonth(month + 1) - 1;
}

/** `YYYY-MM-DD`. */
export function formatDay(day: DayNumber): string {
  const date = civilDate(day);
  const two = (value: number) => (value < 10 ? `0${value}` : String(value));
  return `${String(date.year).padStart(4, "0")}-${two(date.month)}-${two(date.day)}`;
}
