import type { Calibration, GroupCalibration, ScopeCalibration, SourceCalibration } from "../../core/calibrate.js";
import { formatDay } from "../../core/calibrate-days.js";
import type { LagDistribution } from "../../core/lag.js";
import { formatMonth } from "../../core/month.js";
import type { ColumnKind } from "../document.js";
import { formatNumber } from "../format.js";
import { plainNumber } from "../plain-number.js";

/** What a calibrate renderer gets: the calibration and the context a reader needs to trust it. */
export interface CalibrationReport {
  file: string;
  calibration: Calibration;
  /** Data rows read, bad ones included. */
  rows: number;
  skipped: { count: number; first: readonly string[] };
  /** Warnings, one formatted line each. */
  warnings: readonly string[];
}

/** A figure column of the funnel and source tables; `csv` is the stable machine name. */
export interface CalibrationColumn<Row> {
  csv: string;
  title: string;
  kind: "count" | "rate" | "money" | "days";
  value: (row: Row) => number | null;
}

const GROUP_COLUMNS: CalibrationColumn<GroupCalibration>[] = [
  { csv: "inquiries", title: "Inquiries", kind: "count", value: (row) => row.inquiries },
  { csv: "qualified_leads", title: "Qualified", kind: "count", value: (row) => row.qualifiedLeads },
  { csv: "won_deals", title: "Won", kind: "count", value: (row) => row.wonDeals },
  { csv: "open_leads", title: "Open", kind: "count", value: (row) => row.openLeads },
  { csv: "inquiry_to_qualified", title: "Qualify rate", kind: "rate", value: (row) => row.qualifyRate },
  { csv: "qualified_to_won", title: "Close rate", kind: "rate", value: (row) => row.closeRate },
  { csv: "avg_deal_size", title: "Avg deal", kind: "money", value: (row) => row.avgDealSize },
  { csv: "cost_per_inquiry", title: "Cost/inquiry", kind: "money", value: (row) => row.costPerInquiry },
  { csv: "cost_per_qualified_lead", title: "Cost/qualified", kind: "money", value: (row) => row.costPerQualifiedLead },
  { csv: "cost_per_won_deal", title: "Cost/won", kind: "money", value: (row) => row.costPerWonDeal },
  { csv: "mean_cycle_days", title: "Cycle days", kind: "days", value: (row) => row.meanCycleDays },
  { csv: "mean_qualification_days", title: "Qualify days", kind: "days", value: (row) => row.meanQualificationDays },
];

/** The funnel table's columns, by scope. */
export const SCOPE_COLUMNS: readonly CalibrationColumn<ScopeCalibration>[] = GROUP_COLUMNS;

/** Every figure a group of leads has, scope or source: the CSV report's columns. */
export const ALL_GROUP_COLUMNS: readonly CalibrationColumn<GroupCalibration>[] = [
  ...GROUP_COLUMNS,
  { csv: "revenue", title: "Revenue", kind: "money", value: (row) => row.revenue },
  { csv: "median_cycle_days", title: "Median cycle days", kind: "count", value: (row) => row.medianCycleDays },
];

/** The lead-source quality table's columns (`--sources-out` writes these). */
export const SOURCE_COLUMNS: readonly CalibrationColumn<SourceCalibration>[] = [
  { csv: "inquiries", title: "Inquiries", kind: "count", value: (row) => row.inquiries },
  { csv: "share", title: "Share", kind: "rate", value: (row) => row.share },
  { csv: "inquiry_to_qualified", title: "Qualify rate", kind: "rate", value: (row) => row.qualifyRate },
  { csv: "qualified_to_won", title: "Close rate", kind: "rate", value: (row) => row.closeRate },
  { csv: "won_deals", title: "Won", kind: "count", value: (row) => row.wonDeals },
  { csv: "cost_per_inquiry", title: "Cost/inquiry", kind: "money", value: (row) => row.costPerInquiry },
  { csv: "cost_per_qualified_lead", title: "Cost/qualified", kind: "money", value: (row) => row.costPerQualifiedLead },
  { csv: "cost_per_won_deal", title: "Cost/won", kind: "money", value: (row) => row.costPerWonDeal },
  { csv: "revenue", title: "Revenue", kind: "money", value: (row) => row.revenue },
  { csv: "median_cycle_days", title: "Median cycle days", kind: "count", value: (row) => row.medianCycleDays },
];

/** A calibration figure's kind as the CSV writer knows it: every one is a figure. */
export const figureKind = (kind: CalibrationColumn<unknown>["kind"]): ColumnKind => (kind === "rate" ? "ratio" : kind === "days" ? "count" : kind);

/** A figure for people: `25.4%`, `1,234.50`, `53.2`, missing as `–`. Locale-free. */
export function formatCalibrationFigure(value: number | null, kind: CalibrationColumn<unknown>["kind"]): string {
  if (value === null) return "–";
  switch (kind) {
    case "count":
      return formatNumber(value, 0);
    case "rate":
      return `${formatNumber(value * 100, 1, true)}%`;
    case "money":
      return formatNumber(value, 2, true);
    case "days":
      return formatNumber(value, 1, true);
  }
}

/** A seasonality index or a multiple: `1.30`, missing as `–`. */
export function formatIndex(value: number | null): string {
  return value === null ? "–" : formatNumber(value, 2, true);
}

/** A figure for files: plain, with enough decimals to plan with, empty when missing. */
export function plainFigure(value: number | null, kind: CalibrationColumn<unknown>["kind"]): string {
  if (value === null) return "";
  const decimals = kind === "rate" ? 6 : kind === "money" || kind === "days" ? 2 : 0;
  const factor = 10 ** decimals;
  return plainNumber(Math.round(value * factor) / factor);
}

/** `All leads`, `Platform`, `Ana · Platform`. */
export function scopeName(scope: Pick<ScopeCalibration, "rep" | "product">): string {
  if (scope.rep === "" && scope.product === "") return "All leads";
  return scope.rep === "" ? scope.product : `${scope.rep} · ${scope.product}`;
}

export const sourceName = (source: SourceCalibration): string => (source.source === "" ? "(no source)" : source.source);

/** The month lags the distribution tables show: each up to 12, then one `13+` column. */
export const SHOWN_LAGS = 12;

/** Shares by lag for a table row: lags 0-12 each, then the rest summed. */
export function lagCells(lag: LagDistribution | null, lastLag: number): (number | null)[] {
  if (lag === null) return new Array<number | null>(lastLag + 2).fill(null);
  const cells = new Array<number>(lastLag + 2).fill(0);
  for (const { lagMonths, share } of lag) {
    const at = lagMonths > lastLag ? lastLag + 1 : lagMonths;
    cells[at] = (cells[at] ?? 0) + share;
  }
  return cells;
}

/** The longest lag with a share in any of these distributions, capped at {@link SHOWN_LAGS}. */
export function lastLagOf(lags: readonly (LagDistribution | null)[]): { last: number; more: boolean } {
  let longest = 0;
  for (const lag of lags) for (const { lagMonths } of lag ?? []) longest = Math.max(longest, lagMonths);
  return { last: Math.min(longest, SHOWN_LAGS), more: longest > SHOWN_LAGS };
}

/** The sentence under the tables that says how open leads were kept out of the rates. */
export function methodLine(calibration: Calibration): string {
  if (calibration.shape === "monthly") {
    return "Rates are totals over every month of the aggregate: it cannot tell open leads apart, so the latest months may pull them down.";
  }
  const all = calibration.scopes[0];
  if (calibration.immature || all === undefined) {
    return "No cohort is old enough to have resolved, so the rates count every lead, open ones as not (yet) converted: they may run low.";
  }
  return (
    `Open leads are neither won nor lost: each rate counts only the monthly cohorts old enough to have resolved ` +
    `(95% of qualifications within ${all.windows.qualification} days, 95% of won cycles within ${all.windows.cycle} days, ` +
    `before ${formatDay(calibration.asOf)}).`
  );
}

/** The method sentence of a configured funnel: each step's window, top first. */
export function funnelMethodLine(calibration: Calibration): string {
  const steps = [...(calibration.scopes[0]?.steps ?? [])].reverse();
  if (calibration.immature || steps.length === 0) {
    return "No cohort is old enough to have resolved, so the rates count every lead, open ones as not (yet) converted: they may run low.";
  }
  const windows = steps.map((step) => `95% of ${step.from} → ${step.to} within ${step.windowDays} days`).join(", ");
  return `Open leads are neither won nor lost: each step's rate counts only the monthly cohorts (by the month a lead reached the step's first stage) old enough to have resolved (${windows}, before ${formatDay(calibration.asOf)}).`;
}

/** `2025-07 to 2026-06`, or null without a baseline. */
export function baselineSpan(calibration: Calibration): string | null {
  const months = calibration.baseline.months;
  const first = months[0];
  const last = months.at(-1);
  return first === undefined || last === undefined ? null : `${formatMonth(first.month)} to ${formatMonth(last.month)}`;
}

/** The header line of a report. */
export function headline(report: CalibrationReport): string {
  const { calibration } = report;
  const kind = calibration.shape === "leads" ? "leads" : "inquiries (monthly aggregate)";
  const skipped = report.skipped.count > 0 ? `, ${formatNumber(report.skipped.count, 0)} bad rows skipped` : "";
  return `${report.file}: ${formatNumber(calibration.leads, 0)} ${kind}${skipped}, as of ${formatDay(calibration.asOf)}`;
}
