import type { Baseline } from "./calibrate-baseline.js";
import type { PlanView } from "./group.js";
import { type MonthIndex, formatMonth, monthOfYear } from "./month.js";

/** One plan month against the same calendar month of the baseline year. */
export interface BaselineRow {
  month: string;
  inquiries: number;
  baselineInquiries: number | null;
  /** Plan ÷ baseline; null when the baseline has no such month or had none. */
  inquiryMultiple: number | null;
  qualifiedLeads: number;
  baselineQualified: number | null;
  qualifiedMultiple: number | null;
}

export interface BaselineComparison {
  /** The baseline's months, as `YYYY-MM`; null when the history has no complete month. */
  from: string | null;
  to: string | null;
  rows: BaselineRow[];
  /** The row whose inquiries are the highest multiple of the baseline, if any has one. */
  peak: BaselineRow | null;
}

const multiple = (plan: number, baseline: number | null): number | null => (baseline === null || baseline === 0 ? null : plan / baseline);

/**
 * Sets each month of a plan (a month view, whole figures) against the same calendar month of the
 * last twelve months of history: "January needs 2.4× last year's inquiries". The baseline holds
 * each calendar month at most once, so the match is by calendar month alone.
 *
 * Example: a plan of 1,734 inquiries in 2027-01 against 720 in 2026-01 is 2.41×.
 */
export function compareWithBaseline(monthView: PlanView, baseline: Baseline): BaselineComparison {
  const byCalendarMonth = new Map<number, { inquiries: number; qualifiedLeads: number }>();
  for (const month of baseline.months) byCalendarMonth.set(monthOfYear(month.month), month);
  const rows = monthView.rows.map((row): BaselineRow => {
    const monthText = row.key.month ?? "";
    const calendar = Number(monthText.slice(5, 7));
    const base = byCalendarMonth.get(calendar) ?? null;
    return {
      month: monthText,
      inquiries: row.inquiries,
      baselineInquiries: base?.inquiries ?? null,
      inquiryMultiple: multiple(row.inquiries, base?.inquiries ?? null),
      qualifiedLeads: row.qualifiedLeads,
      baselineQualified: base?.qualifiedLeads ?? null,
      qualifiedMultiple: multiple(row.qualifiedLeads, base?.qualifiedLeads ?? null),
    };
  });
  let peak: BaselineRow | null = null;
  for (const row of rows) {
    if (row.inquiryMultiple !== null && (peak === null || row.inquiryMultiple > (peak.inquiryMultiple ?? 0))) peak = row;
  }
  const first: MonthIndex | undefined = baseline.months[0]?.month;
  const last: MonthIndex | undefined = baseline.months.at(-1)?.month;
  return { from: first === undefined ? null : formatMonth(first), to: last === undefined ? null : formatMonth(last), rows, peak };
}
