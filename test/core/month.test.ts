import { describe, expect, it } from "vitest";
import { formatMonth, monthIndex, monthOfYear, yearOf } from "../../src/core/month.js";

describe("month indexes", () => {
  it.each([
    { year: 2027, month: 1, index: 24_324, text: "2027-01" }, // 2027 × 12
    { year: 2027, month: 12, index: 24_335, text: "2027-12" },
    { year: 2026, month: 12, index: 24_323, text: "2026-12" },
    { year: 1999, month: 9, index: 23_996, text: "1999-09" },
    { year: 999, month: 3, index: 11_990, text: "0999-03" },
  ])("numbers $year-$month as $index and writes it $text", ({ year, month, index, text }) => {
    expect(monthIndex(year, month)).toBe(index);
    expect([yearOf(index), monthOfYear(index)]).toEqual([year, month]);
    expect(formatMonth(index)).toBe(text);
  });

  it.each([
    { from: "2027-01", months: -1, to: "2026-12" },
    { from: "2027-03", months: -2, to: "2027-01" },
    { from: "2026-11", months: 14, to: "2028-01" },
    { from: "2027-06", months: -18, to: "2025-12" },
  ])("moves $months months from $from to $to by adding", ({ from, months, to }) => {
    const [year, month] = from.split("-").map(Number);
    expect(formatMonth(monthIndex(year ?? 0, month ?? 0) + months)).toBe(to);
  });

  it("writes every month of a year in order", () => {
    const start = monthIndex(2027, 1);
    expect(Array.from({ length: 12 }, (_, at) => formatMonth(start + at))).toEqual([
      "2027-01", "2027-02", "2027-03", "2027-04", "2027-05", "2027-06",
      "2027-07", "2027-08", "2027-09", "2027-10", "2027-11", "2027-12",
    ]);
  });
});
