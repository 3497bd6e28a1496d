import { type DayNumber, civilDate, firstDayOfMonth, lastDayOfMonth } from "./calibrate-days.js";
import { type MonthIndex, formatMonth } from "./month.js";

/**
 * Half-months for track's semimonthly checkpoints (`--every half-month`): the 1st to the 15th
 * (H1) and the 16th to the month's end (H2). Like months, halves are plain integers,
 * `month * 2 + (half - 1)`, and every calendar fact is computed on day numbers: no Date, so no
 * time zone can move a day into the other half.
 */
export type HalfIndex = number;

export { EVERY, type Every } from "./every.js";

/** A half of a month (`half` 1 or 2). */
export const halfIndex = (month: MonthIndex, half: 1 | 2): HalfIndex => month * 2 + half - 1;

/** The month a half is in. */
export const monthOfHalf = (half: HalfIndex): MonthIndex => Math.floor(half / 2);

/** `2027-01-H1`. */
export function formatHalf(half: HalfIndex): string {
  const month = monthOfHalf(half);
  return `${formatMonth(month)}-H${half - month * 2 + 1}`;
}

/** The first and last day of a half: 1-15, 16-end. */
export function halfDays(half: HalfIndex): { first: DayNumber; last: DayNumber } {
  const month = monthOfHalf(half);
  const first = firstDayOfMonth(month);
  return half % 2 === 0 ? { first, last: first + 14 } : { first: first + 15, last: lastDayOfMonth(month) };
}

/** The half a day falls in. */
export function halfOfDay(day: DayNumber): HalfIndex {
  const date = civilDate(day);
  const month = date.year * 12 + date.month - 1;
  return halfIndex(month, date.day <= 15 ? 1 : 2);
}

/** Monday to Friday: day 0 (1970-01-01) was a Thursday. */
export function isWorkingDay(day: DayNumber): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // 0 Sunday … 6 Saturday
  return weekday >= 1 && weekday <= 5;
}

/** Working days (Monday to Friday) from `first` to `last`, both included; 0 when `last` is before `first`. */
export function workingDays(first: DayNumber, last: DayNumber): number {
  let count = 0;
  for (let day = first; day <= last; day++) if (isWorkingDay(day)) count++;
  return count;
}

/**
 * A whole number split in proportion to whole weights, in whole parts that add up to it: each
 * part's floor, then the units left over to the largest remainders (the earlier part on a tie).
 * With no weight at all, the first part takes everything (nothing to share by). Integer
 * arithmetic throughout: 210 by 11 and 10 working days is exactly 110 and 100.
 *
 * Example: `splitWhole(210, [11, 10])` is `[110, 100]`; `splitWhole(10, [1, 1, 1])` is `[4, 3, 3]`.
 */
export function splitWhole(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((all, weight) => all + weight, 0);
  if (sum <= 0) return weights.map((_, at) => (at === 0 ? total : 0));
  const sign = total < 0 ? -1 : 1;
  const whole = Math.abs(total);
  const parts = weights.map((weight) => Math.floor((whole * weight) / sum));
  const remainders = weights.map((weight, at) => ({ at, rest: (whole * weight) % sum }));
  let left = whole - parts.reduce((all, part) => all + part, 0);
  remainders.sort((a, b) => b.rest - a.rest || a.at - b.at);
  for (const { at } of remainders) {
    if (left <= 0) break;
    parts[at] = (parts[at] ?? 0) + 1;
    left--;
  }
  return parts.map((part) => part * sign);
}

/** A plan figure split the same way: counts whole, money (`cents`) in whole cents. */
export function splitFigure(value: number, weights: readonly number[], cents: boolean): number[] {
  if (!cents) return splitWhole(Math.round(value), weights);
  return splitWhole(Math.round(value * 100), weights).map((part) => part / 100);
}

/**
 * The working days of each half of a month: the weights its plan is split by.
 *
 * Example: January 2027 has 11 working days in 1-15 and 10 in 16-31.
 */
export function halfWorkingDays(month: MonthIndex): [number, number] {
  const first = halfDays(halfIndex(month, 1));
  const second = halfDays(halfIndex(month, 2));
  return [workingDays(first.first, first.last), workingDays(second.first, second.last)];
}
