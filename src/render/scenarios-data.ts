import { stringify } from "csv-stringify/sync";
import type { ScenarioRow } from "../core/scenarios.js";
import { type ScenariosReport, hasTeam, quarterTitles } from "./scenarios-report.js";

const cell = (value: number | null) => (value === null ? "" : String(value));

/**
 * One CSV row per scenario, the baseline first, with stable snake_case columns and one
 * `budget_<quarter>` column per fiscal quarter. Sensitivity and sources are in the table,
 * Markdown and JSON outputs.
 */
export function renderScenariosCsv(report: ScenariosReport): string {
  const quarters = quarterTitles(report);
  const header = [
    "scenario",
    "inquiries",
    "qualified_leads",
    "deals",
    "budget",
    "budget_change",
    "budget_change_percent",
    "inquiries_change",
    "inquiries_change_percent",
    "cost_per_qualified_lead",
    "cost_per_deal",
    "quota_per_dollar",
    ...quarters.map((quarter) => `budget_${quarter}`),
    ...(hasTeam(report) ? ["rep_months_over_capacity"] : []),
  ];
  const records = report.rows.map((row) => [
    row.name,
    String(row.inquiries),
    String(row.qualifiedLeads),
    String(row.deals),
    cell(row.budget),
    cell(row.budgetChange.absolute),
    cell(row.budgetChange.percent),
    cell(row.inquiriesChange.absolute),
    cell(row.inquiriesChange.percent),
    cell(row.costPerQualifiedLead),
    cell(row.costPerDeal),
    cell(row.revenuePerDollar),
    ...quarters.map((quarter) => cell(row.budgetByQuarter.find((entry) => entry.quarter === quarter)?.budget ?? null)),
    ...(hasTeam(report) ? [cell(row.overCapacity)] : []),
  ]);
  return stringify([header, ...records], { record_delimiter: "\n" });
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
  return `${JSON.stringify(document, null, 2)}\n`;
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
      over_cap: month.overCap,
    })),
  };
}
