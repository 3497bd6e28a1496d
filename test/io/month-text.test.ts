import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMonth, monthIndex } from "../../src/core/month.js";
import { normaliseColumnName } from "../../src/io/csv-table.js";
import type { DateFormat } from "../../src/io/history-day.js";
import { looksLikeMonthColumn } from "../../src/io/month-text.js";
import { parseMonth } from "../../src/io/values.js";

const ok = (year: number, month: number) => ({ ok: true, value: monthIndex(year, month) });
const fail = (expected: string, hint?: string) => (hint === undefined ? { ok: false, expected } : { ok: false, expected, hint });
const MONTH = "a month as YYYY-MM";
const ORDER = "the order of day and month is never guessed: give --date-format dd/MM/yyyy or MM/dd/yyyy";
const ENGLISH = "month names are read in English, like Jan, Sept or September; or write YYYY-MM";
const ZONE = "a time zone can move a date into another month: write the month as YYYY-MM";
const pattern = (text: string): DateFormat => ({ pattern: text });

describe("parseMonth reads months as spreadsheets write them", () => {
  it.each([
    ["2027-01", ok(2027, 1)],
    ["2027-01-31", ok(2027, 1)],
    ["2027-01-01T00:00:00", ok(2027, 1)],
    ["2027-01-31T23:59:59.999", ok(2027, 1)],
    ["2027-01-01 00:00", ok(2027, 1)],
    ["2027/01", ok(2027, 1)],
    ["2027/1", ok(2027, 1)],
    ["01/2027", ok(2027, 1)],
    ["1/2027", ok(2027, 1)],
    ["Jan-27", ok(2027, 1)],
    ["jan-27", ok(2027, 1)],
    ["JAN-27", ok(2027, 1)],
    ["Jan 2027", ok(2027, 1)],
    ["Jan-2027", ok(2027, 1)],
    ["January 2027", ok(2027, 1)],
    ["january-27", ok(2027, 1)],
    ["Sep-27", ok(2027, 9)],
    ["Sept-27", ok(2027, 9)],
    ["Sept. 2027", ok(2027, 9)],
    ["September 2027", ok(2027, 9)],
    ["Dec-99", ok(2099, 12)],
    ["May 2027", ok(2027, 5)],
    [" Feb-28 ", ok(2028, 2)],
    ["14.03.2027", ok(2027, 3)],
  ])("reads %j", (text, expected) => {
    expect(parseMonth(text)).toStrictEqual(expected);
  });

  it.each([
    ["01/02/2027", fail(MONTH, ORDER)],
    ["13/02/2027", fail(MONTH, ORDER)],
    ["2/13/2027", fail(MONTH, ORDER)],
    ["01-02-2027", fail(MONTH, "the order of day and month is never guessed: give --date-format dd-MM-yyyy or MM-dd-yyyy")],
    ["01/02/27", fail(MONTH, ORDER)],
    ["2027-01-01T00:00:00Z", fail("a month as YYYY-MM or a date-time without a time zone", ZONE)],
    ["2026-12-31T23:00:00+01:00", fail("a month as YYYY-MM or a date-time without a time zone", ZONE)],
    ["2027-01-01T25:00:00", fail("a month as YYYY-MM or a date-time as YYYY-MM-DDTHH:MM:SS")],
    ["Jan 27", fail(MONTH, "write Jan-27 or Jan 2027")],
    ["Janv.-27", fail(MONTH, ENGLISH)],
    ["Mär 2027", fail(MONTH, ENGLISH)],
    ["enero 2027", fail(MONTH, ENGLISH)],
    ["juillet 2027", fail(MONTH, ENGLISH)],
    ["Marketing 2027", fail(MONTH)],
    ["Janu-27", fail(MONTH, ENGLISH)],
    ["Q1-27", fail(MONTH)],
    ["13/2027", fail(MONTH)],
    ["2027/13", fail(MONTH)],
    ["31.02.2027", fail("a month as YYYY-MM or a real date")],
    ["March", fail(MONTH)],
  ])("refuses %j", (text, expected) => {
    expect(parseMonth(text)).toStrictEqual(expected);
  });
});

describe("parseMonth with --date-format", () => {
  it.each([
    ["01/02/2027", "dd/MM/yyyy", ok(2027, 2)],
    ["01/02/2027", "MM/dd/yyyy", ok(2027, 1)],
    ["13/02/2027", "dd/MM/yyyy", ok(2027, 2)],
    ["1/2/2027 0:00", "MM/dd/yyyy", ok(2027, 1)],
    ["1/2/2027 12:00 AM", "MM/dd/yyyy", ok(2027, 1)],
    ["01.02.27", "dd.MM.yy", ok(2027, 2)],
    ["2027/02/01", "yyyy/MM/dd", ok(2027, 2)],
    ["01 Feb 2027", "dd MMM yyyy", ok(2027, 2)],
    // Month forms without a day, and ISO dates, read whatever the pattern.
    ["Jan-27", "dd/MM/yyyy", ok(2027, 1)],
    ["2027-03-31", "MM/dd/yyyy", ok(2027, 3)],
    ["01/2027", "dd/MM/yyyy", ok(2027, 1)],
  ])("reads %j with %s", (text, format, expected) => {
    expect(parseMonth(text, pattern(format))).toStrictEqual(expected);
  });

  it.each([
    ["13/02/2027", "MM/dd/yyyy", fail("a month as YYYY-MM or a date as MM/dd/yyyy")],
    ["02/30/2027", "MM/dd/yyyy", fail("a month as YYYY-MM or a date as MM/dd/yyyy")],
    ["14.03.2027", "dd/MM/yyyy", fail("a month as YYYY-MM or a date as dd/MM/yyyy")],
    ["1/2/2027 9:00Z", "MM/dd/yyyy", fail("a month as YYYY-MM or a date as MM/dd/yyyy")],
  ])("refuses %j with %s", (text, format, expected) => {
    expect(parseMonth(text, pattern(format))).toStrictEqual(expected);
  });

  it("reads every month of every spelling back as the same YYYY-MM", () => {
    const names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (year, month, day) => {
        const mm = String(month).padStart(2, "0");
        const dd = String(day).padStart(2, "0");
        const expected = `${year}-${mm}`;
        const spellings: [string, DateFormat][] = [
          [`${names[month - 1]}-${String(year % 100).padStart(2, "0")}`, "auto"],
          [`${names[month - 1]} ${year}`, "auto"],
          [`${year}/${mm}`, "auto"],
          [`${mm}/${year}`, "auto"],
          [`${year}-${mm}-${dd}T00:00:00`, "auto"],
          [`${dd}/${mm}/${year}`, pattern("dd/MM/yyyy")],
          [`${mm}/${dd}/${year}`, pattern("MM/dd/yyyy")],
        ];
        for (const [text, format] of spellings) {
          const parsed = parseMonth(text, format);
          expect(parsed.ok && formatMonth(parsed.value)).toBe(expected);
        }
      }),
    );
  });
});

describe("month column names", () => {
  it.each(["2027-01", "2027-13", "Jan-27", "January 2027", "2027/01", "01/2027", "01/02/2027", "2027-01-01T00:00:00", "2027-01-01T00:00:00Z", "Janv.-27", "Mär 2027", "Dezember 2027"])(
    "takes %j as a month column",
    (name) => {
      expect(looksLikeMonthColumn(name)).toBe(true);
    },
  );

  it.each(["rep", "product", "capacity", "Total 2027", "Marketing 2027", "notes", "2027", "Q1-27", "March", "2027-1"])("does not take %j as a month column", (name) => {
    expect(looksLikeMonthColumn(name)).toBe(false);
  });

  it.each([
    ["Jan-27", "Jan-27"],
    [" January 2027 ", "January 2027"],
    ["2027/01", "2027/01"],
    ["Total 2027", "total_2027"],
    ["Mar-Apr", "mar_apr"],
  ])("normalises %j to %j", (name, expected) => {
    expect(normaliseColumnName(name)).toBe(expected);
  });
});
