import { describe, expect, it } from "vitest";
import { fiscalQuarterOf, formatFiscalQuarter } from "../../src/core/fiscal.js";
import { monthIndex } from "../../src/core/month.js";
import { isSurgeMonth } from "../../src/core/plan.js";

describe("fiscalQuarterOf", () => {
  // Fiscal years are named by the calendar year they end in.
  it.each([
    { year: 2027, month: 1, start: 1, fiscalYear: 2027, quarter: 1 },
    { year: 2026, month: 12, start: 1, fiscalYear: 2026, quarter: 4 },
    { year: 2027, month: 6, start: 1, fiscalYear: 2027, quarter: 2 },
    { year: 2027, month: 4, start: 4, fiscalYear: 2028, quarter: 1 }, // April 2027 – March 2028
    { year: 2027, month: 3, start: 4, fiscalYear: 2027, quarter: 4 },
    { year: 2026, month: 10, start: 4, fiscalYear: 2027, quarter: 3 },
    { year: 2026, month: 7, start: 7, fiscalYear: 2027, quarter: 1 }, // July 2026 – June 2027
    { year: 2027, month: 6, start: 7, fiscalYear: 2027, quarter: 4 },
    { year: 2026, month: 10, start: 10, fiscalYear: 2027, quarter: 1 }, // the US federal year
    { year: 2027, month: 9, start: 10, fiscalYear: 2027, quarter: 4 },
    { year: 2027, month: 2, start: 2, fiscalYear: 2028, quarter: 1 }, // February 2027 – January 2028
    { year: 2027, month: 1, start: 2, fiscalYear: 2027, quarter: 4 },
    { year: 2027, month: 1, start: 12, fiscalYear: 2027, quarter: 1 }, // December 2026 – November 2027
    { year: 2026, month: 11, start: 12, fiscalYear: 2026, quarter: 4 },
  ])("puts $year-$month in FY$fiscalYear Q$quarter for a year starting in month $start", ({ year, month, start, fiscalYear, quarter }) => {
    expect(fiscalQuarterOf(monthIndex(year, month), start)).toEqual({ fiscalYear, quarter });
  });

  it("gives each quarter three consecutive months", () => {
    const quarters = Array.from({ length: 12 }, (_, at) => fiscalQuarterOf(monthIndex(2026, 5) + at, 5).quarter);
    expect(quarters).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]);
  });
});

describe("formatFiscalQuarter", () => {
  it.each([
    { fiscalYear: 2027, quarter: 1 as const, start: 1, text: "2027-Q1" },
    { fiscalYear: 2026, quarter: 4 as const, start: 1, text: "2026-Q4" },
    { fiscalYear: 2027, quarter: 1 as const, start: 4, text: "FY2027-Q1" },
    { fiscalYear: 2028, quarter: 3 as const, start: 10, text: "FY2028-Q3" },
  ])("writes FY$fiscalYear Q$quarter as $text for a start in month $start", ({ fiscalYear, quarter, start, text }) => {
    expect(formatFiscalQuarter({ fiscalYear, quarter }, start)).toBe(text);
  });
});

describe("isSurgeMonth", () => {
  const months = (start: number, rate: number, quarters: number[]) =>
    Array.from({ length: 12 }, (_, at) => at + 1).filter((month) => isSurgeMonth(monthIndex(2027, month), { rate, quarters, fiscalYearStart: start }));

  it.each([
    { start: 1, rate: 0.3, quarters: [4, 1], surged: [1, 2, 3, 10, 11, 12] },
    { start: 4, rate: 0.3, quarters: [4, 1], surged: [1, 2, 3, 4, 5, 6] },
    { start: 7, rate: 0.3, quarters: [4, 1], surged: [4, 5, 6, 7, 8, 9] },
    { start: 10, rate: 0.3, quarters: [4, 1], surged: [7, 8, 9, 10, 11, 12] },
    { start: 1, rate: 0.3, quarters: [2], surged: [4, 5, 6] },
    { start: 1, rate: 0.3, quarters: [], surged: [] },
    { start: 1, rate: 0, quarters: [1, 2, 3, 4], surged: [] },
  ])("surges months $surged with rate $rate in quarters $quarters from a start in month $start", ({ start, rate, quarters, surged }) => {
    expect(months(start, rate, quarters)).toEqual(surged);
  });
});
