/**
 * Months are plain integers, never Dates: `year * 12 + (month - 1)`.
 * Integer arithmetic keeps every plan independent of the machine's time zone and locale,
 * and "one sales cycle earlier" is a subtraction.
 */
export type MonthIndex = number;

/** The month index of a calendar month (`month` is 1-12). */
export function monthIndex(year: number, month: number): MonthIndex {
  return year * 12 + (month - 1);
}

/** Calendar year of a month index. */
export function yearOf(index: MonthIndex): number {
  return Math.floor(index / 12);
}

/** Calendar month (1-12) of a month index. */
export function monthOfYear(index: MonthIndex): number {
  return index - yearOf(index) * 12 + 1;
}

/** `YYYY-MM` text of a month index, e.g. `formatMonth(monthIndex(2027, 1))` is `"2027-01"`. */
export function formatMonth(index: MonthIndex): string {
  const month = monthOfYear(index);
  return `${String(yearOf(index)).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}`;
}
