import { describe, expect, it } from "vitest";
import {
  parseAmount,
  parseCost,
  parsePositiveAmount,
  parseWholeNumber,
  parseDuration,
  parseMonth,
  parseMonthOfYear,
  parsePercent,
  parseQuarters,
  parseRate,
} from "../../src/io/values.js";

const ok = <T>(value: T) => ({ ok: true, value });
const fail = (expected: string, hint?: string) => (hint === undefined ? { ok: false, expected } : { ok: false, expected, hint });

const HUGE = "9".repeat(400);

describe("parseAmount", () => {
  it.each([
    ["1200000", ok(1200000)],
    ["1200000.50", ok(1200000.5)],
    ["$1,200,000", ok(1200000)],
    ["€ 75,000.25", ok(75000.25)],
    ["£0", ok(0)],
    [" 42 ", ok(42)],
    ["-5", fail("an amount of 0 or more")],
    ["$-5", fail("an amount of 0 or more")],
    ["12,5", ok(12.5)],
    ["12,5k", fail("an amount")],
    ["1,2345", ok(1.2345)],
    [".5", ok(0.5)],
    ["NaN", fail("an amount")],
    ["Infinity", fail("an amount")],
    ["1e999", fail("an amount")],
    ["", fail("an amount")],
  ])("reads %j as %j", (text, expected) => {
    expect(parseAmount(text)).toStrictEqual(expected);
  });

  it("refuses an amount of 400 digits, which is past the range of amounts", () => {
    expect(parseAmount(HUGE)).toStrictEqual(fail("an amount from 0 to 1,000,000,000,000"));
  });
});

describe("parseRate", () => {
  const RATE = "a rate above 0 and at most 100%, like 25% or 0.25";
  it.each([
    ["0.25", ok(0.25)],
    ["25%", ok(0.25)],
    ["25 %", ok(0.25)],
    [".5", ok(0.5)],
    ["100%", ok(1)],
    ["1", ok(1)],
    ["0", fail(RATE)],
    ["0%", fail(RATE)],
    ["150%", fail(RATE)],
    ["25", fail(RATE, "for a percentage write 25%")],
    ["1.5", fail(RATE, "for a percentage write 1.5%")],
    ["100.5", fail(RATE)],
    ["-0.25", fail(RATE)],
    ["abc", fail(RATE)],
    ["", fail(RATE)],
    ["0,25", ok(0.25)],
    ["12,5%", ok(0.125)],
    ["1,2,3", fail(RATE)],
  ])("reads %j as %j", (text, expected) => {
    expect(parseRate(text)).toStrictEqual(expected);
  });
});

describe("parsePercent", () => {
  const PERCENT = "a percentage from 0 to 1000, like 30 or 30%";
  it.each([
    ["30", ok(0.3)],
    ["30%", ok(0.3)],
    ["12.5%", ok(0.125)],
    ["0", ok(0)],
    ["150", ok(1.5)],
    ["1000", ok(10)],
    ["1000%", ok(10)],
    ["1000.5", fail(PERCENT)],
    ["1001%", fail(PERCENT)],
    ["-5", fail(PERCENT)],
    ["abc", fail(PERCENT)],
    ["30 percent", fail(PERCENT)],
    ["Infinity", fail(PERCENT)],
    ["", fail(PERCENT)],
  ])("reads %j as %j", (text, expected) => {
    expect(parsePercent(text)).toStrictEqual(expected);
  });

  it("refuses a percentage too large to be a finite number", () => {
    expect(parsePercent(HUGE)).toStrictEqual(fail(PERCENT));
  });
});

describe("parseMonth", () => {
  const MONTH = "a month as YYYY-MM";
  const DATE = "a month as YYYY-MM or a date as YYYY-MM-DD";
  it.each([
    ["2027-01", ok(2027 * 12)],
    ["2027-12", ok(2027 * 12 + 11)],
    [" 2027-03 ", ok(2027 * 12 + 2)],
    ["2027-03-31", ok(2027 * 12 + 2)],
    ["2028-02-29", ok(2028 * 12 + 1)],
    ["2027-13", fail(MONTH)],
    ["2027-00", fail(MONTH)],
    ["2027-1", fail(MONTH)],
    ["2027/01", ok(2027 * 12)],
    ["Q3", fail(MONTH)],
    ["", fail(MONTH)],
    ["2027-13-01", fail(MONTH)],
    ["2027-02-29", fail(DATE)],
    ["2027-04-31", fail(DATE)],
  ])("reads %j as %j", (text, expected) => {
    expect(parseMonth(text)).toStrictEqual(expected);
  });
});

describe("parseMonthOfYear", () => {
  const MONTH = "a month, 1-12 or a name like Apr";
  it.each([
    ["1", ok(1)],
    ["04", ok(4)],
    ["12", ok(12)],
    ["Apr", ok(4)],
    ["APRIL", ok(4)],
    ["mar", ok(3)],
    ["Sept", ok(9)],
    [" may ", ok(5)],
    ["ma", fail(MONTH)],
    ["0", fail(MONTH)],
    ["13", fail(MONTH)],
    ["Foo", fail(MONTH)],
    ["", fail(MONTH)],
  ])("reads %j as %j", (text, expected) => {
    expect(parseMonthOfYear(text)).toStrictEqual(expected);
  });
});

describe("parseQuarters", () => {
  const QUARTERS = "fiscal quarters like Q4,Q1";
  it.each([
    ["Q4,Q1", ok([4, 1])],
    ["4,1", ok([4, 1])],
    [" q4 , q1 ", ok([4, 1])],
    ["Q1,Q1", ok([1])],
    ["", fail("fiscal quarters like Q4,Q1, or none")],
    ["none", ok([])],
    ["NONE", ok([])],
    ["Q5", fail(QUARTERS)],
    ["Q4,,Q1", fail(QUARTERS)],
    ["Q4;Q1", fail(QUARTERS)],
    ["first", fail(QUARTERS)],
  ])("reads %j as %j", (text, expected) => {
    expect(parseQuarters(text)).toStrictEqual(expected);
  });
});

describe("parseDuration", () => {
  const DAYS = "a number of days from 0 to 3652.5";
  const MONTHS = "a number of months from 0 to 120";
  it.each([
    ["90", "days", ok(90)],
    ["1.5", "months", ok(1.5)],
    [".5", "months", ok(0.5)],
    ["0", "days", ok(0)],
    ["3652.5", "days", ok(3652.5)],
    ["120", "months", ok(120)],
    ["3652.6", "days", fail(DAYS)],
    ["120.01", "months", fail(MONTHS)],
    ["99999999999", "months", fail(MONTHS)],
    ["-30", "days", fail(DAYS)],
    ["-1", "months", fail(MONTHS)],
    ["abc", "days", fail(DAYS)],
    ["1e3", "days", fail(DAYS)],
    ["Infinity", "days", fail(DAYS)],
    ["", "months", fail(MONTHS)],
  ] as const)("reads %j %s as %j", (text, unit, expected) => {
    expect(parseDuration(text, unit)).toStrictEqual(expected);
  });

  it("refuses a duration too large to be a finite number", () => {
    expect(parseDuration(HUGE, "days")).toStrictEqual(fail("a number of days from 0 to 3652.5"));
  });
});

describe("decimal marks: read by the mark in force, or by the number's own shape", () => {
  const AMBIGUOUS_75 = "it reads as 75000 with a decimal comma or 75 with a decimal point: give --decimal-comma or --decimal-point, or write it without a thousands separator";
  it.each([
    ["1.200.000,50", undefined, ok(1200000.5)],
    ["1 200 000,50", undefined, ok(1200000.5)],
    ["1\u202f200\u202f000,50", undefined, ok(1200000.5)],
    ["1'200'000.50", undefined, ok(1200000.5)],
    ["1.200.000,50 €", undefined, ok(1200000.5)],
    ["1.200.000", undefined, ok(1200000)],
    ["1,200,000", undefined, ok(1200000)],
    ["75.000", ",", ok(75000)],
    ["75.000", ".", ok(75)],
    ["1,500", ".", ok(1500)],
    ["1,500", ",", ok(1.5)],
    ["1 500", undefined, ok(1500)],
    ["75.000", undefined, fail("an amount", AMBIGUOUS_75)],
    ["75,000", undefined, fail("an amount", "it reads as 75 with a decimal comma or 75000 with a decimal point: give --decimal-comma or --decimal-point, or write it without a thousands separator")],
    ["12.5", ",", fail("an amount", "it is written with a decimal point, but a decimal comma is in force here: write the file one way, or give --decimal-point")],
    ["1.2.3", undefined, fail("an amount")],
    ["1,20,000", undefined, fail("an amount")],
    ["0.125", undefined, ok(0.125)],
  ] as const)("amount %j with mark %j", (text, mark, expected) => {
    expect(parseAmount(text, mark)).toStrictEqual(expected);
  });

  it.each([
    ["12,5%", undefined, ok(0.125)],
    ["0,25", ",", ok(0.25)],
    ["0.25", ",", fail("a rate above 0 and at most 100%, like 25% or 0.25", "it is written with a decimal point, but a decimal comma is in force here: write the file one way, or give --decimal-point")],
  ] as const)("rate %j with mark %j", (text, mark, expected) => {
    expect(parseRate(text, mark)).toStrictEqual(expected);
  });

  it("reads durations with a decimal comma", () => {
    expect(parseDuration("1,5", "months", ",")).toStrictEqual(ok(1.5));
    expect(parseDuration("1,5", "months")).toStrictEqual(ok(1.5));
  });
});

describe("percent points: 30 and 30% are 30 percent; 0.3 is refused, not read as 0.3%", () => {
  const PERCENT = "a percentage from 0 to 1000, like 30 or 30%";
  it.each([
    ["0.3", fail(PERCENT, "0.3 would mean 0.3 percent here: write 30 or 30% for 30 percent, or 0.3% for 0.3 percent")],
    ["0.05", fail(PERCENT, "0.05 would mean 0.05 percent here: write 5 or 5% for 5 percent, or 0.05% for 0.05 percent")],
    ["0,3", fail(PERCENT, "0,3 would mean 0,3 percent here: write 30 or 30% for 30 percent, or 0,3% for 0,3 percent")],
    ["0.001", fail(PERCENT, "0.001 would mean 0.001 percent here: write 0.1% for 0.1 percent, or 0.001% for 0.001 percent")],
    ["0.3%", ok(0.003)],
    ["1", ok(0.01)],
    ["12,5%", ok(0.125)],
  ])("reads %j as %j", (text, expected) => {
    expect(parsePercent(text)).toStrictEqual(expected);
  });
});

describe("value ranges: every value is refused outside its documented range where it is read", () => {
  const MONEY = "an amount from 0 to 1,000,000,000,000";
  it.each([
    ["1000000000000", ok(1e12)],
    ["0", ok(0)],
    ["1000000000000.01", fail(MONEY)],
    ["1000000000001", fail(MONEY)],
    ["99999999999999999999", fail(MONEY)],
    ["$1,000,000,000,001", fail(MONEY)],
    ["1e300", fail("an amount")],
  ])("money: reads %j as %j", (text, expected) => {
    expect(parseAmount(text, ".")).toStrictEqual(expected);
  });

  it.each([
    ["0.01", ok(0.01)],
    ["0.009", fail("an amount from 0.01 to 1,000,000,000,000")],
    ["0.0000000001", fail("an amount from 0.01 to 1,000,000,000,000")],
    ["1000000000001", fail("an amount from 0.01 to 1,000,000,000,000")],
    ["0", fail("an amount above 0")],
  ])("a deal size: reads %j as %j", (text, expected) => {
    expect(parsePositiveAmount(text, ".")).toStrictEqual(expected);
  });

  it.each([
    ["1000000000", ok(1e9)],
    ["0", ok(0)],
    ["1000000000.5", fail("a cost from 0 to 1,000,000,000 per inquiry")],
  ])("a cost per inquiry: reads %j as %j", (text, expected) => {
    expect(parseCost(text, ".")).toStrictEqual(expected);
  });

  it.each([
    ["0.000001", ok(0.000001)],
    ["0.0001%", ok(0.000001)],
    ["0.0000009", fail("a rate from 0.0001% to 100% (0.000001 to 1), like 25% or 0.25")],
    ["0.0000000001", fail("a rate from 0.0001% to 100% (0.000001 to 1), like 25% or 0.25")],
  ])("a rate: reads %j as %j", (text, expected) => {
    expect(parseRate(text, ".")).toStrictEqual(expected);
  });

  it.each([
    ["1000000000000", ok(1e12)],
    ["1000000000001", fail("a whole number from 0 to 1,000,000,000,000")],
  ])("a count: reads %j as %j", (text, expected) => {
    expect(parseWholeNumber(text, 0)).toStrictEqual(expected);
  });
});
