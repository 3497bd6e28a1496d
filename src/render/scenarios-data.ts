import type { ScenarioRow } from "../core/scenarios.js";
import { type CsvColumn, type CsvOptions, PLAIN_CSV, writeCsv } from "./csv-writer.js";
import { type ScenariosReport, hasTeam, quarterTitles } from "./scenarios-report.js";
import { plainJson, plainNumber } from "./plain-number.js";

const cell = (value: number | null) => (value === null ? "" : plainNumber(value));

/**
 * One CSV row per scenario, the baseline first, with stable snake_case columns and one
 * `budget_<quarter>` column per fiscal quarter. Sensitivity and sources are in the table,
 * Markdown and JSON outputs.
 */
export function renderScenariosCsv(report: ScenariosReport, options: CsvOptions = PLAIN_CSV): string {
  const quarters = quarterTitles(report);
  // Asked once: asked per row, it walked every row for each row (8,000 scenarios took 28 s).
  const team = hasTeam(report);
  // The scenario is a name (from --scenarios, or the grid's `cost_per_inquiry=40`); the rest are figures.
  const columns: CsvColumn[] = [
    { key: "scenario", kind: "name" },
    { key: "inquiries", kind: "count" },
    { key: "qualified_leads", kind: "count" },
    { key: "deals", kind: "count" },
    { key: "budget", kind: "money" },
    { key: "budget_change", kind: "money" },
    { key: "budget_change_percent", kind: "percent" },
    { key: "inquiries_change", kind: "count" },
    { key: "inquiries_change_percent", kind: "percent" },
    { key: "cost_per_qualified_lead", kind: "money" },
    { key: "cost_per_deal", kind: "money" },
    { key: "quota_per_dollar", kind: "ratio" },
    ...quarters.map((quarter): CsvColumn => ({ key: `budget_${quarter}`, kind: "money" })),
    ...(team ? [{ key: "rep_months_over_capacity", kind: "count" } as const] : []),
  ];
  const records = report.rows.map((row) => [
    row.name,
    plainNumber(row.inquiries),
    plainNumber(row.qualifiedLeads),
    plainNumber(row.deals),
    cell(row.budget),
    cell(row.budgetChange.absolute),
    cell(row.budgetChange.percent),
    cell(row.inquiriesChange.absolute),
    cell(row.inquiriesChange.percent),
    cell(row.costPerQualifiedLead),
    cell(row.costPerDeal),
    cell(row.revenuePerDollar),
    ...quarters.map((quarter) => cell(row.budgetByQuarter.find((entry) => entry.quarter === quarter)?.budget ?? null)),
    ...(team ? [cell(row.overCapacity)] : []),
  ]);
  return writeCsv(columns, records, options);
}

export const SCENARIOS_JSON_SCHEMA = "leadplan.scenarios/1";

function rowJson(row: ScenarioRow) {
  return {
    scenario: row.name,
    quota: row.quota,
    inquiries: row.inquiries,
    qualified_leads: row.qualifiedLeads,
    deals: row.deals,
    budget: row.budget,
    budget_by_quarter: row.budgetByQuarter,
    cost_per_qualified_lead: row.costPerQualifiedLead,
    cost_per_deal: row.costPerDeal,
    quota_per_dollar: row.revenuePerDollar,
    budget_change: row.budgetChange,
    inquiries_change: row.inquiriesChange,
    rep_months_over_capacity: row.overCapacity,
  };
}

/** The scenario report as JSON, schema `leadplan.scenarios/1` (README, "leadplan scenarios"). */
export function renderScenariosJson(report: ScenariosReport): string {
  const document = {
    schema: SCENARIOS_JSON_SCHEMA,
    baseline: report.rows[0] ? rowJson(report.rows[0]) : null,
    scenarios: report.rows.slice(1).map(rowJson),
    sensitivity: report.sensitivity,
    sources: report.sources === null ? null : sourcesJson(report.sources),
    warnings: report.warnings,
  };
  return `${JSON.stringify(document, plainJson, 2)}\n`;
}

function sourcesJson(sources: NonNullable<ScenariosReport["sources"]>) {
  return {
    optimized: sources.optimized,
    sources: sources.sources.map((source) => ({
      source: source.source,
      share: source.share,
      inquiry_to_qualified: source.qualifyRate,
      qualified_to_won: source.closeRate,
      cost_per_inquiry: source.costPerInquiry,
      max_inquiries_per_month: source.maxInquiriesPerMonth,
    })),
    months: sources.months.map((month) => ({
      month: month.month,
      inquiries: Object.fromEntries(sources.sources.map((source, index) => [source.source, month.inquiries[index] ?? 0])),
      budget: month.budget,
      short_won: Math.round(month.shortWon * 1e6) / 1e6,
      short_qualified: Math.round(month.shortQualified * 1e6) / 1e6,
      over_cap: month.overCap,
    })),
  };
}
