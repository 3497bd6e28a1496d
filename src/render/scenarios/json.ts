import type { ScenarioRow } from "../../core/scenarios.js";
import { plainJson, sixDecimals } from "../plain-number.js";
import type { ScenariosReport } from "./report.js";

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
      short_won: sixDecimals(month.shortWon),
      short_qualified: sixDecimals(month.shortQualified),
      over_cap: month.overCap,
    })),
  };
}
