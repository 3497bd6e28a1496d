import { parse } from "date-fns/parse";
import { type DayNumber, dayNumber, monthOfDay } from "../core/calibrate-days.js";
import { type DateFormat, type DaySlot, readIsoDay } from "./history-day.js";

// A time after a pattern date: `09:12`, `9:12:00`, `09:12:00.000`, `9:12 PM`, with an optional zone.
const TRAILING_TIME = /^[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?[AaPp][Mm])?(?:Z| ?[+-]\d{2}:?\d{2})?$/;
const REFERENCE = new Date(2000, 0, 1);

/**
 * Reads one column's dates in a chosen format. Pattern dates go through date-fns `parse`, whose
 * Date is built from local calendar fields, so reading its year, month and day back gives the
 * written date on any time zone. Parses are cached by text: a history has a few thousand
 * distinct days, and date-fns takes microseconds per call.
 */
export class DayReader {
  private readonly cache = new Map<string, DayNumber>();
  private readonly pattern: string | null;

  constructor(format: DateFormat) {
    this.pattern = format === "auto" ? null : format.pattern;
  }

  /** Fills `into` and returns true, or returns false when `text` is not a date in this format. */
  read(text: string, into: DaySlot): boolean {
    if (readIsoDay(text, into)) return true;
    const dayPart = this.dayPart(text);
    if (dayPart === null) return false;
    let day = this.cache.get(dayPart);
    if (day === undefined) {
      day = this.parsePattern(dayPart);
      // Bounded, so a file of odd values cannot grow it without end.
      if (this.cache.size > 100_000) this.cache.clear();
      this.cache.set(dayPart, day);
    }
    if (Number.isNaN(day)) return false;
    into.day = day;
    into.month = monthOfDay(day);
    return true;
  }

  /** The date part of a pattern date with a trailing time, or null when the time is malformed. */
  private dayPart(text: string): string | null {
    const pattern = this.pattern ?? "d.M.yyyy";
    if (pattern.includes(" ")) return text;
    const cut = text.search(/[T ]/);
    if (cut < 0) return text;
    return TRAILING_TIME.test(text.slice(cut)) ? text.slice(0, cut) : null;
  }

  private parsePattern(text: string): DayNumber {
    const pattern = this.pattern ?? "d.M.yyyy";
    // In auto mode only dotted dates are read this way; slashes are ambiguous without a pattern.
    if (this.pattern === null && !/^\d{1,2}\.\d{1,2}\.\d{4}$/.test(text)) return Number.NaN;
    const date = parse(text, pattern, REFERENCE);
    const year = date.getFullYear();
    if (Number.isNaN(date.getTime()) || year < 1000 || year > 9999) return Number.NaN;
    return dayNumber(year, date.getMonth() + 1, date.getDate());
  }

  /** What a column of this format expects, for messages. */
  expected(): string {
    return this.pattern === null ? "a date as YYYY-MM-DD (a time may follow) or DD.MM.YYYY" : `a date as ${this.pattern} or YYYY-MM-DD`;
  }

  /** A hint for a value that looks like a date in another format. */
  hintFor(text: string): string | undefined {
    if (this.pattern === null && /^\d{1,2}\/\d{1,2}\/\d{2,4}/.test(text)) return "give --date-format MM/dd/yyyy or dd/MM/yyyy";
    return undefined;
  }
}
