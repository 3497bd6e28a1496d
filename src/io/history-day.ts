import { type DayNumber, dayNumber } from "../core/calibrate-days.js";
import { type MonthIndex, monthIndex } from "../core/month.js";
import type { Parsed } from "./values.js";

/** Where a date reader puts what it read: one object per column, filled again for every row. */
export interface DaySlot {
  day: DayNumber;
  month: MonthIndex;
}

/**
 * How the dates of a history are written: `auto` reads ISO dates and date-times and the
 * unambiguous `14.03.2026`; a date-fns pattern of `y`, `M`, `d` and separators (`MM/dd/yyyy`,
 * `dd/MM/yyyy`) reads the forms that cannot be told apart by looking.
 */
export type DateFormat = "auto" | { pattern: string };

/** `--date-format`: `auto`, or a pattern of y, M and d tokens with `/`, `.`, `-` or spaces. */
export function parseDateFormat(text: string): Parsed<DateFormat> {
  const trimmed = text.trim();
  if (trimmed === "auto" || trimmed === "") return { ok: true, value: "auto" };
  if (/^[yMd./\- ]+$/.test(trimmed) && /yy/.test(trimmed) && /M/.test(trimmed) && /d/.test(trimmed)) return { ok: true, value: { pattern: trimmed } };
  return { ok: false, expected: "auto or a date pattern of y, M and d like MM/dd/yyyy, dd/MM/yyyy or dd.MM.yyyy" };
}

const DIGIT_0 = 48;
const digit = (text: string, at: number): number => {
  const value = text.charCodeAt(at) - DIGIT_0;
  return value >= 0 && value <= 9 ? value : -100;
};
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (year: number, month: number) => (month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));

/** Two digits at `at` as a number, or a negative number when they are not digits. */
const twoDigits = (text: string, at: number) => digit(text, at) * 10 + digit(text, at + 1);

/**
 * A time after an ISO date, checked by character codes: `HH:MM`, optional `:SS` and fraction,
 * then optionally `Z` or an offset `±HH:MM` / `±HHMM`. The time and offset are not used: a lead
 * counts on the calendar day the export shows, whatever the machine's time zone.
 */
function isIsoTime(text: string, at: number): boolean {
  const end = text.length;
  if (end < at + 5 || text.charCodeAt(at + 2) !== 58) return false;
  const hours = twoDigits(text, at);
  const minutes = twoDigits(text, at + 3);
  if (hours < 0 || hours > 24 || minutes < 0 || minutes > 59) return false;
  let position = at + 5;
  if (position < end && text.charCodeAt(position) === 58) {
    const seconds = twoDigits(text, position + 1);
    if (seconds < 0 || seconds > 60) return false;
    position += 3;
    if (position < end && text.charCodeAt(position) === 46) {
      position++;
      const start = position;
      while (position < end && digit(text, position) >= 0) position++;
      if (position === start) return false;
    }
  }
  if (position === end) return true;
  const sign = text.charCodeAt(position);
  if (sign === 90) return position + 1 === end; // Z
  if ((sign !== 43 && sign !== 45) || twoDigits(text, position + 1) < 0) return false; // + or -
  const rest = end - position - 3;
  if (rest === 0) return true;
  if (rest === 2) return twoDigits(text, position + 3) >= 0;
  return rest === 3 && text.charCodeAt(position + 3) === 58 && twoDigits(text, position + 4) >= 0;
}

/**
 * `YYYY-MM-DD`, optionally followed by `T` or a space and a time, read by character codes: the
 * strict ISO 8601 form nearly every CRM exports, and the hot path of a million-row file.
 */
export function readIsoDay(text: string, into: DaySlot): boolean {
  if (text.length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return false;
  if (text.length > 10) {
    const separator = text.charCodeAt(10);
    if ((separator !== 84 && separator !== 32) || !isIsoTime(text, 11)) return false;
  }
  const index = monthIndex(year, month);
  into.day = firstDayOf(index) + day - 1;
  into.month = index;
  return true;
}

const byteDigit = (bytes: Uint8Array, at: number): number => {
  const value = (bytes[at] ?? 0) - DIGIT_0;
  return value >= 0 && value <= 9 ? value : -100;
};
const twoByteDigits = (bytes: Uint8Array, at: number) => byteDigit(bytes, at) * 10 + byteDigit(bytes, at + 1);

/** {@link isIsoTime} on bytes: the time from `at` to `end`. */
function isIsoTimeBytes(bytes: Uint8Array, at: number, end: number): boolean {
  if (end < at + 5 || bytes[at + 2] !== 58) return false;
  const hours = twoByteDigits(bytes, at);
  const minutes = twoByteDigits(bytes, at + 3);
  if (hours < 0 || hours > 24 || minutes < 0 || minutes > 59) return false;
  let position = at + 5;
  if (position < end && bytes[position] === 58) {
    if (position + 3 > end) return false;
    const seconds = twoByteDigits(bytes, position + 1);
    if (seconds < 0 || seconds > 60) return false;
    position += 3;
    if (position < end && bytes[position] === 46) {
      position++;
      const start = position;
      while (position < end && byteDigit(bytes, position) >= 0) position++;
      if (position === start) return false;
    }
  }
  if (position === end) return true;
  const sign = bytes[position];
  if (sign === 90) return position + 1 === end; // Z
  if ((sign !== 43 && sign !== 45) || position + 3 > end || twoByteDigits(bytes, position + 1) < 0) return false; // + or -
  const rest = end - position - 3;
  if (rest === 0) return true;
  if (rest === 2) return twoByteDigits(bytes, position + 3) >= 0;
  return rest === 3 && bytes[position + 3] === 58 && twoByteDigits(bytes, position + 4) >= 0;
}

/**
 * {@link readIsoDay} on the bytes of a cell (`start` to `end`), for the byte reader
 * (history-bytes.ts): true only for ASCII text that readIsoDay reads, with the same day.
 */
export function readIsoDayBytes(bytes: Uint8Array, start: number, end: number, into: DaySlot): boolean {
  if (end - start < 10 || bytes[start + 4] !== 45 || bytes[start + 7] !== 45) return false;
  const year = twoByteDigits(bytes, start) * 100 + twoByteDigits(bytes, start + 2);
  const month = twoByteDigits(bytes, start + 5);
  const day = twoByteDigits(bytes, start + 8);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return false;
  if (end - start > 10) {
    const separator = bytes[start + 10];
    if ((separator !== 84 && separator !== 32) || !isIsoTimeBytes(bytes, start + 11, end)) return false;
  }
  const index = monthIndex(year, month);
  into.day = firstDayOf(index) + day - 1;
  into.month = index;
  return true;
}

// The first day of each month, computed once per month met: most rows then need one array read
// instead of the calendar arithmetic.
const FIRST_MONTH = monthIndex(1900, 1);
const firstDays = new Float64Array(300 * 12).fill(Number.NaN);
function firstDayOf(month: MonthIndex): DayNumber {
  const at = month - FIRST_MONTH;
  const known = firstDays[at];
  if (known !== undefined && !Number.isNaN(known)) return known;
  const year = Math.floor(month / 12);
  const first = dayNumber(year, month - year * 12 + 1, 1);
  if (at >= 0 && at < firstDays.length) firstDays[at] = first;
  return first;
}

