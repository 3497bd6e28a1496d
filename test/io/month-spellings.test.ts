import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { monthIndex } from "../../src/core/month.js";
import { readActuals } from "../../src/io/actuals.js";
import type { DateFormat } from "../../src/io/history-day.js";
import { readHistory } from "../../src/io/history-reader.js";
import { InputError } from "../../src/io/input-issue.js";
import { readQuotas } from "../../src/io/quotas.js";
import { readReps } from "../../src/io/reps.js";
import { issueOf } from "./issue-of.js";

// Every file that holds months reads them in every spelling a spreadsheet writes, cells and
// column names alike, and refuses a date whose day and month could be either way round.
const JAN = monthIndex(2027, 1);
const FEB = monthIndex(2027, 2);
const DD_MM: DateFormat = { pattern: "dd/MM/yyyy" };
const MM_DD: DateFormat = { pattern: "MM/dd/yyyy" };
const SPELLINGS = ["Jan-27", "Jan 2027", "January 2027", "2027/01", "01/2027", "2027-01-01T00:00:00", "2027-01-15", "2027-01"];
const ORDER = "(the order of day and month is never guessed: give --date-format dd/MM/yyyy or MM/dd/yyyy)";

describe("quota months in every spelling", () => {
  it.each(SPELLINGS)("reads a long-form month cell %j as 2027-01", (month) => {
    const file = readQuotas(`month,quota\n${month},100\n`, "quotas.csv");
    expect(file.segments[0]?.quotas).toStrictEqual([{ month: JAN, quota: 100, units: null }]);
  });

  it.each(SPELLINGS)("reads a wide-form month column %j as 2027-01", (month) => {
    const file = readQuotas(`rep,product,${month},Feb-27\nAna,X,100,200\n`, "quotas.csv");
    expect(file.form).toBe("wide");
    expect(file.warnings).toStrictEqual([]);
    expect(file.segments[0]?.quotas).toStrictEqual([
      { month: JAN, quota: 100, units: null },
      { month: FEB, quota: 200, units: null },
    ]);
  });

  it("reads many rows of a spelled month, each row its own month", () => {
    const rows = Array.from({ length: 24 }, (_, at) => `${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][at % 12]}-${27 + Math.floor(at / 12)},${at}`);
    const file = readQuotas(`month,quota\n${rows.join("\n")}\n`, "quotas.csv");
    expect(file.segments[0]?.quotas.map((quota) => quota.month)).toStrictEqual(Array.from({ length: 24 }, (_, at) => JAN + at));
  });

  it("refuses an ambiguous month cell, naming --date-format", () => {
    expect(issueOf(() => readQuotas("month,quota\n2027-01,5\n01/02/2027,5\n", "quotas.csv"))).toStrictEqual({
      code: "value.invalid",
      message: `quotas.csv:3: month: expected a month as YYYY-MM, found "01/02/2027" ${ORDER}`,
    });
  });

  it.each([
    [DD_MM, FEB],
    [MM_DD, JAN],
  ])("reads the same cell with --date-format %j", (format, month) => {
    expect(readQuotas("month,quota\n01/02/2027,5\n", "quotas.csv", { dateFormat: format }).segments[0]?.quotas[0]?.month).toBe(month);
  });

  it("refuses an ambiguous month column, naming --date-format, and reads it with one", () => {
    expect(issueOf(() => readQuotas("rep,01/02/2027\nAna,5\n", "quotas.csv"))).toStrictEqual({
      code: "value.invalid",
      message: `quotas.csv:1: 01/02/2027: expected a month column as YYYY-MM, found "01/02/2027" ${ORDER}`,
    });
    expect(readQuotas("rep,01/02/2027\nAna,5\n", "quotas.csv", { dateFormat: DD_MM }).segments[0]?.quotas[0]?.month).toBe(FEB);
    expect(readQuotas("rep,01/02/2027\nAna,5\n", "quotas.csv", { dateFormat: MM_DD }).segments[0]?.quotas[0]?.month).toBe(JAN);
  });

  it.each([
    ["Jan-27", "2027-01", 'quotas.csv:1: 2027-01: a month column named twice: expected each month once (Jan-27 is 2027-01 too)'],
    ["January 2027", "jan-27", "quotas.csv:1: jan-27: a month column named twice: expected each month once (January 2027 is 2027-01 too)"],
  ])("refuses %j and %j as one month named twice", (first, second, message) => {
    expect(issueOf(() => readQuotas(`rep,${first},${second}\nAna,1,2\n`, "quotas.csv"))).toStrictEqual({ code: "row.duplicate", message });
  });

  it("refuses a month column in another language rather than ignore it", () => {
    expect(issueOf(() => readQuotas("rep,Janv.-27\nAna,5\n", "quotas.csv"))).toStrictEqual({
      code: "value.invalid",
      message: 'quotas.csv:1: Janv.-27: expected a month column as YYYY-MM, found "Janv.-27" (month names are read in English, like Jan, Sept or September; or write YYYY-MM)',
    });
  });

  it("refuses a month column with a time zone", () => {
    expect(issueOf(() => readQuotas("rep,2026-12-31T23:00:00Z\nAna,5\n", "quotas.csv"))).toStrictEqual({
      code: "value.invalid",
      message:
        'quotas.csv:1: 2026-12-31T23:00:00Z: expected a month column as YYYY-MM or a date-time without a time zone, found "2026-12-31T23:00:00Z" (a time zone can move a date into another month: write the month as YYYY-MM)',
    });
  });

  it("still warns about a column that only ends in a year", () => {
    expect(readQuotas("rep,Total 2027,Jan-27\nAna,5,5\n", "quotas.csv").warnings).toStrictEqual([
      { code: "column.unknown", file: "quotas.csv", line: 1, column: "total_2027", expected: "unknown column, ignored" },
    ]);
  });
});

describe("reps availability columns in every spelling", () => {
  it.each(SPELLINGS)("reads %j as 2027-01", (month) => {
    const file = readReps(`rep,capacity,${month}\nAna,30,0.5\n`, "reps.csv");
    expect(file.warnings).toStrictEqual([]);
    expect(file.reps[0]?.availability).toStrictEqual(new Map([[JAN, 0.5]]));
  });

  it("refuses an ambiguous column, and reads it with --date-format", () => {
    expect(issueOf(() => readReps("rep,capacity,01/02/2027\nAna,30,0.5\n", "reps.csv"))).toStrictEqual({
      code: "value.invalid",
      message: `reps.csv:1: 01/02/2027: expected a month column as YYYY-MM, found "01/02/2027" ${ORDER}`,
    });
    expect(readReps("rep,capacity,01/02/2027\nAna,30,0.5\n", "reps.csv", { dateFormat: DD_MM }).reps[0]?.availability).toStrictEqual(new Map([[FEB, 0.5]]));
    expect(readReps("rep,capacity,01/02/2027\nAna,30,0.5\n", "reps.csv", { dateFormat: MM_DD }).reps[0]?.availability).toStrictEqual(new Map([[JAN, 0.5]]));
  });

  it("refuses one month under two spellings", () => {
    expect(issueOf(() => readReps("rep,capacity,Jan-27,2027-01\nAna,30,0.5,1\n", "reps.csv"))).toStrictEqual({
      code: "column.duplicate",
      message: "reps.csv:1: 2027-01: a month column named twice: expected each month once (Jan-27 is 2027-01 too)",
    });
  });
});

describe("actuals months in every spelling", () => {
  it.each(SPELLINGS)("reads %j as 2027-01", (month) => {
    expect(readActuals(`month,won\n${month},3\n`, "actuals.csv").entries[0]?.month).toBe(JAN);
  });

  it("refuses an ambiguous month, and reads it with --date-format", () => {
    expect(issueOf(() => readActuals("month,won\n01/02/2027,3\n", "actuals.csv"))).toStrictEqual({
      code: "value.invalid",
      message: `actuals.csv:2: month: expected a month as YYYY-MM, found "01/02/2027" ${ORDER}`,
    });
    expect(readActuals("month,won\n01/02/2027,3\n", "actuals.csv", { dateFormat: DD_MM }).entries[0]?.month).toBe(FEB);
    expect(readActuals("month,won\n01/02/2027,3\n", "actuals.csv", { dateFormat: MM_DD }).entries[0]?.month).toBe(JAN);
  });

  it("counts two spellings of one month as the same month", () => {
    expect(issueOf(() => readActuals("month,won\nJan-27,3\n2027-01,3\n", "actuals.csv"))).toStrictEqual({
      code: "row.duplicate",
      message: 'actuals.csv:3: a second row for month 2027-01, rep "", product "": expected one row per month, rep and product (first on line 2)',
    });
  });
});

describe("history monthly aggregates in every spelling", () => {
  const HEADER = "month,source,product,inquiries,qualified,won\n";
  const read = (text: string, dateFormat: DateFormat = "auto") =>
    readHistory({ name: "h.csv", size: null, open: () => Readable.from([text]) }, { map: new Map(), dateFormat, skipBadRows: false, byRep: false, asOf: null });

  it.each(SPELLINGS)("reads %j", async (month) => {
    const history = await read(`${HEADER}${month},Web,X,10,5,1\n`);
    expect(history.rows).toBe(1);
    expect(history.shape).toBe("monthly");
  });

  it("refuses an ambiguous month, and reads it with --date-format", async () => {
    await expect(read(`${HEADER}01/02/2027,Web,X,10,5,1\n`)).rejects.toThrow(
      new InputError({ code: "value.invalid", file: "h.csv", line: 2, column: "month", expected: "a month as YYYY-MM", found: "01/02/2027", hint: ORDER.slice(1, -1) }),
    );
    expect((await read(`${HEADER}01/02/2027,Web,X,10,5,1\n`, DD_MM)).rows).toBe(1);
  });
});
