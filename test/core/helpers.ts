import { expect } from "vitest";
import type { SegmentAssumptions } from "../../src/core/funnel.js";
import type { PlanRow, PlanView } from "../../src/core/group.js";
import { lagFromMonths } from "../../src/core/lag.js";
import { type MonthIndex, formatMonth, monthIndex } from "../../src/core/month.js";
import type { MonthQuota, Plan, SegmentInput, SurgePolicy } from "../../src/core/plan.js";

/** Surge switched off; quarters and fiscal start as the CLI defaults would give them. */
export const NO_SURGE: SurgePolicy = { rate: 0, quarters: [4, 1], fiscalYearStart: 1 };

/** The Q4/Q1 playbook: 30% more in the last fiscal quarter and the first of the next. */
export function surge(rate: number, fiscalYearStart = 1): SurgePolicy {
  return { rate, quarters: [4, 1], fiscalYearStart };
}

/** Round numbers by default: $10,000 deals, 50% close, 25% qualify, 1-month cycle, no qualification time, no cost. */
export function assumptions(values: Partial<SegmentAssumptions> = {}): SegmentAssumptions {
  return {
    avgDealSize: 10_000,
    unitsPerDeal: 1,
    closeRate: 0.5,
    qualifyRate: 0.25,
    costPerInquiry: null,
    salesCycle: lagFromMonths(1),
    qualification: lagFromMonths(0),
    ...values,
  };
}

/** `"2027-03"` as a month index. */
export function month(text: string): MonthIndex {
  const [year, monthOfYear] = text.split("-").map(Number);
  return monthIndex(year ?? Number.NaN, monthOfYear ?? Number.NaN);
}

export function quota(at: string, amount: number | null, units: number | null = null): MonthQuota {
  return { month: month(at), quota: amount, units };
}

export function segment(rep: string, product: string, values: SegmentAssumptions, quotas: readonly MonthQuota[]): SegmentInput {
  return { rep, product, assumptions: values, quotas };
}

/** The month labels a plan covers, first to last. */
export function planMonths(plan: Plan): string[] {
  return Array.from({ length: plan.monthCount }, (_, at) => formatMonth(plan.firstMonth + at));
}

/** The non-zero months of an exact series, as `[month, value]`. */
export function nonZero(plan: Plan, series: readonly number[]): Array<[string, number]> {
  const found: Array<[string, number]> = [];
  series.forEach((value, at) => {
    if (value !== 0) found.push([formatMonth(plan.firstMonth + at), value]);
  });
  return found;
}

/** Compares an exact series to hand-worked values, to nine decimals. */
export function expectSeries(actual: Array<[string, number]>, expected: Array<[string, number]>): void {
  expect(actual.map(([label]) => label)).toEqual(expected.map(([label]) => label));
  actual.forEach(([, value], index) => expect(value).toBeCloseTo(expected[index]?.[1] ?? Number.NaN, 9));
}

/** A row's label: its month, quarter, rep or product, or `month rep product` for a segment row. */
export function labelOf(row: Pick<PlanRow, "key">): string {
  const { month: at, quarter, rep, product } = row.key;
  return [at, quarter, rep, product].filter((part) => part !== undefined).join(" ");
}

/** Rows as `[label, deals, qualifiedLeads, inquiries]`, the whole numbers a reader sees. */
export function counts(view: PlanView): Array<[string, number, number, number]> {
  return view.rows.map((row) => [labelOf(row), row.deals, row.qualifiedLeads, row.inquiries]);
}
