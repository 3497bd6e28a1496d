import { type MonthIndex, monthOfYear, yearOf } from "./month.js";

/** A fiscal quarter, 1-4, of a fiscal year named by the calendar year in which it ends. */
export interface FiscalQuarter {
  fiscalYear: number;
  quarter: 1 | 2 | 3 | 4;
}

/**
 * The fiscal quarter a month falls in, for a fiscal year starting in `fiscalYearStart` (1-12).
 * Fiscal years are named by the calendar year they end in (the common US convention: a year
 * starting 2026-04 is FY2027), so with a January start the fiscal year is the calendar year.
 */
export function fiscalQuarterOf(month: MonthIndex, fiscalYearStart: number): FiscalQuarter {
  const monthsIntoYear = (monthOfYear(month) - fiscalYearStart + 12) % 12;
  const startYear = monthOfYear(month) >= fiscalYearStart ? yearOf(month) : yearOf(month) - 1;
  const fiscalYear = fiscalYearStart === 1 ? startYear : startYear + 1;
  return { fiscalYear, quarter: (Math.floor(monthsIntoYear / 3) + 1) as FiscalQuarter["quarter"] };
}

/** `2027-Q1` for calendar fiscal years, `FY2027-Q1` when the fiscal year starts in another month. */
export function formatFiscalQuarter(quarter: FiscalQuarter, fiscalYearStart: number): string {
  const prefix = fiscalYearStart === 1 ? "" : "FY";
  return `${prefix}${quarter.fiscalYear}-Q${quarter.quarter}`;
}
