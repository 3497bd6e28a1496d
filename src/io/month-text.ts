import { isExists } from "date-fns/isExists";
import { type MonthIndex, monthIndex } from "../core/month.js";
import type { DateFormat } from "./history-day.js";
import type { InputIssue } from "./input-issue.js";
import type { Parsed } from "./values.js";

// Months as spreadsheets write them. Everything here is read from the text's digits and letters
// alone (isExists checks the calendar from numbers): no Date is built from a string, so no time
// zone or locale enters. The common `YYYY-MM` never gets here (see quickMonth in values.ts).

const MONTH = "a month as YYYY-MM";
const fail = (expected: string, hint?: string): { ok: false; expected: string; hint?: string } =>
  hint === undefined ? { ok: false, expected } : { ok: false, expected, hint };
/**
 * The years a plan may name. Year 0 printed as `00-1-12` and its quarter as `-1-Q4`; no sales plan
 * reaches outside these, and every month and quarter in them prints in four digits.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2999;
const inYears = (year: number) => year >= FIRST_YEAR && year <= LAST_YEAR;
const outOfYears = () => fail(`${MONTH} with a year from ${FIRST_YEAR} to ${LAST_YEAR}`);
const ok = (year: number, month: number): Parsed<MonthIndex> => (inYears(year) ? { ok: true, value: monthIndex(year, month) } : outOfYears());

const NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** An English month by its full name, its three letters, or `sept`; else 0. */
function monthOfName(word: string): number {
  const lower = word.toLowerCase();
  if (lower === "sept") return 9;
  const at = NAMES.findIndex((name) => name === lower || (lower.length === 3 && name.startsWith(lower)));
  return at + 1;
}

// Month words in the languages spreadsheets are most often set to (German, French, Spanish,
// Italian, Portuguese, Dutch) that English does not read: an abbreviation (up to five letters) that
// starts like a month in one of them, or a longer name in full. Such a word before a year is a
// month refused by name, not a column quietly ignored; `Marketing 2027` or `Total 2027` is neither.
const FOREIGN_STEMS = new Set(["jän", "ene", "gen", "fév", "fev", "mär", "mrt", "avr", "abr", "mai", "mag", "mei", "giu", "jui", "lug", "aoû", "ago", "set", "okt", "ott", "out", "dez", "déc", "dic"]);
const FOREIGN_NAMES = new Set([
  "januar", "februar", "oktober", "dezember", "janvier", "février", "juillet", "septembre", "octobre", "novembre", "décembre",
  "febrero", "agosto", "septiembre", "octubre", "noviembre", "diciembre", "gennaio", "febbraio", "giugno", "luglio", "settembre", "ottobre", "dicembre",
]);
const ENGLISH_STEMS = new Set(NAMES.map((name) => name.slice(0, 3)));
const stemOf = (word: string) => word.slice(0, 3).toLowerCase();
const isMonthStem = (word: string) => ENGLISH_STEMS.has(stemOf(word)) || FOREIGN_STEMS.has(stemOf(word));
const isMonthWord = (word: string) => monthOfName(word) > 0 || (word.length <= 5 && isMonthStem(word)) || FOREIGN_NAMES.has(word.toLowerCase());

// `2027-01`, `2027-01-31`, `2027-01-31T00:00:00` (or a space before the time), `…Z`, `…+01:00`.
const ISO = /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?)?$/i;
// `2027/01`, `01/2027`.
const YEAR_SLASH_MONTH = /^(\d{4})\/(\d{1,2})$/;
const MONTH_SLASH_YEAR = /^(\d{1,2})\/(\d{4})$/;
// `Jan-27`, `Jan 2027`, `January 2027`, `Sept-2027`, `Jan.-27`.
const NAMED = /^(\p{L}+)\.?([- ]?)(\d{2}|\d{4})$/u;
// A date with its day, in an order only --date-format can tell: `01/02/2027`, `1.2.27 9:00`.
const DAY_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?[AaPp][Mm])?)?$/;
const TIME = /(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?[AaPp][Mm])?)?/.source;

const ORDER_HINT = (separator: string) =>
  `the order of day and month is never guessed: give --date-format dd${separator}MM${separator}yyyy or MM${separator}dd${separator}yyyy`;

/**
 * A month in any spelling a spreadsheet or CRM writes it, besides the `YYYY-MM` of quickMonth:
 * `2027-01-31`, `2027-01-01T00:00:00`, `2027/01`, `01/2027`, `Jan-27`, `Jan 2027`, `January 2027`.
 * Two-digit years are 2000 + YY. A date with its day in another order than year-month-day is read
 * only in the `format` given (`dd/MM/yyyy`), except `14.03.2027`, always day first; a date-time
 * with a time zone is refused, since the zone can move it into another month.
 */
export function readMonthText(text: string, format: DateFormat): Parsed<MonthIndex> {
  const trimmed = text.trim();
  const iso = ISO.exec(trimmed);
  if (iso) return isoMonth(iso);
  const yearFirst = YEAR_SLASH_MONTH.exec(trimmed);
  if (yearFirst) return inRange(Number(yearFirst[1]), Number(yearFirst[2]));
  const monthFirst = MONTH_SLASH_YEAR.exec(trimmed);
  if (monthFirst) return inRange(Number(monthFirst[2]), Number(monthFirst[1]));
  const named = NAMED.exec(trimmed);
  if (named) return namedMonth(named[1] ?? "", named[2] ?? "", named[3] ?? "");
  if (format !== "auto") {
    const read = patternMonth(trimmed, format.pattern);
    if (read !== null) return read;
    return fail(`${MONTH} or a date as ${format.pattern}`);
  }
  const dated = DAY_DATE.exec(trimmed);
  if (dated) {
    // Dotted dates are day first wherever they are written (as the history reader takes them).
    if (dated[2] === "." && dated[4]?.length === 4) return dayMonth(Number(dated[4]), Number(dated[3]), Number(dated[1]));
    return fail(MONTH, ORDER_HINT(dated[2] ?? "/"));
  }
  return fail(MONTH);
}

function inRange(year: number, month: number): Parsed<MonthIndex> {
  return month >= 1 && month <= 12 ? ok(year, month) : fail(MONTH);
}

function dayMonth(year: number, month: number, day: number): Parsed<MonthIndex> {
  if (month < 1 || month > 12) return fail(MONTH);
  // The year first: the calendar check reads years 0–99 as 1900–1999.
  if (!inYears(year)) return outOfYears();
  return isExists(year, month - 1, day) ? ok(year, month) : fail(`${MONTH} or a real date`);
}

function isoMonth(match: RegExpExecArray): Parsed<MonthIndex> {
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return fail(MONTH);
  if (match[3] === undefined || !inYears(year)) return ok(year, month);
  if (!isExists(year, month - 1, Number(match[3]))) return fail(`${MONTH} or a date as YYYY-MM-DD`);
  if (match[4] !== undefined && (Number(match[4]) > 23 || Number(match[5]) > 59 || Number(match[6] ?? 0) > 59)) {
    return fail(`${MONTH} or a date-time as YYYY-MM-DDTHH:MM:SS`);
  }
  // 2026-12-31T23:00:00Z is 1 January in Paris: the month the writer meant is not in the text.
  if (match[7] !== undefined) return fail(`${MONTH} or a date-time without a time zone`, "a time zone can move a date into another month: write the month as YYYY-MM");
  return ok(year, month);
}

function namedMonth(word: string, separator: string, yearText: string): Parsed<MonthIndex> {
  const month = monthOfName(word);
  if (month === 0) {
    const hint = isMonthWord(word) ? "month names are read in English, like Jan, Sept or September; or write YYYY-MM" : undefined;
    return fail(MONTH, hint);
  }
  // `Jan 27` reads as the 27th of January as often as a year: only `Jan-27` (Excel's mmm-yy) is a month.
  if (yearText.length === 2 && separator !== "-") return fail(MONTH, `write ${word}-${yearText} or ${word} 20${yearText}`);
  return ok(yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText), month);
}

interface CompiledPattern {
  regex: RegExp;
  /** For each capture group in order: which field it is, and how many pattern letters wrote it. */
  fields: { field: "y" | "M" | "d"; width: number }[];
}

const compiled = new Map<string, CompiledPattern>();

/** A `--date-format` pattern (`dd/MM/yyyy`, `MM.dd.yy`, `d MMM yyyy`) as a regular expression. */
function compile(pattern: string): CompiledPattern {
  const known = compiled.get(pattern);
  if (known) return known;
  const fields: CompiledPattern["fields"] = [];
  let source = "";
  for (const token of pattern.match(/y+|M+|d+|[^yMd]+/g) ?? []) {
    const field = token[0];
    if (field === "y" || field === "M" || field === "d") {
      fields.push({ field, width: token.length });
      source += field === "y" ? (token.length === 2 ? "(\\d{2})" : "(\\d{4})") : field === "M" && token.length >= 3 ? "(\\p{L}+)\\.?" : "(\\d{1,2})";
    } else {
      source += token.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    }
  }
  const result = { regex: new RegExp(`^${source}${TIME}$`, "u"), fields };
  compiled.set(pattern, result);
  return result;
}

/** The month of a date in a `--date-format` pattern, or null when the text is not in it. */
function patternMonth(text: string, pattern: string): Parsed<MonthIndex> | null {
  const { regex, fields } = compile(pattern);
  const match = regex.exec(text);
  if (!match) return null;
  let year = Number.NaN;
  let month = Number.NaN;
  let day = 1;
  fields.forEach(({ field, width }, index) => {
    const part = match[index + 1] ?? "";
    if (field === "y") year = width === 2 ? 2000 + Number(part) : Number(part);
    else if (field === "d") day = Number(part);
    else month = width >= 3 ? monthOfName(part) || Number.NaN : Number(part);
  });
  if (month >= 1 && month <= 12 && !inYears(year)) return outOfYears();
  if (!(month >= 1 && month <= 12) || !isExists(year, month - 1, day)) return null;
  return ok(year, month);
}

/**
 * Whether a column name is meant as a month, in any spelling `readMonthText` reads or refuses
 * with a reason: such a column is a month column (read, or refused with the reason), never an
 * unknown column quietly ignored. `Total 2027` is not one; `2027-13` and `Janv.-27` are.
 */
export function looksLikeMonthColumn(name: string): boolean {
  const trimmed = name.trim();
  const first = trimmed.charCodeAt(0);
  // Column names mostly start with a letter that no month does: answer those without a regex.
  if (!(first >= 48 && first <= 57) && !isMonthStem(trimmed)) return false;
  if (ISO.test(trimmed) || YEAR_SLASH_MONTH.test(trimmed) || MONTH_SLASH_YEAR.test(trimmed) || DAY_DATE.test(trimmed)) return true;
  const named = NAMED.exec(trimmed);
  return named !== null && isMonthWord(named[1] ?? "");
}

/** A month column whose name is no month (or, without --date-format, an ambiguous date). */
export function monthColumnIssue(file: string, name: string, parsed: { expected: string; hint?: string }): InputIssue {
  const issue: InputIssue = { code: "value.invalid", file, line: 1, column: name, expected: parsed.expected.replace(/^a month/, "a month column"), found: name };
  if (parsed.hint !== undefined) issue.hint = parsed.hint;
  return issue;
}
