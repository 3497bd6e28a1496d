import type { ScenarioRow, SensitivityRow } from "../../core/scenarios.js";
import { configuredStages } from "../plan/report.js";
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
    ...(row.commissionPerDeal === undefined ? {} : { commission_per_deal: row.commissionPerDeal }),
    quota_per_dollar: row.revenuePerDollar,
    budget_change: row.budgetChange,
    inquiries_change: row.inquiriesChange,
    rep_months_over_capacity: row.overCapacity,
  };
}

/**
 * A configured funnel's row: the stages by name, top first, in place of `inquiries` and
 * `qualified_leads`, the cost of each stage below the top, and the top stage's change.
 */
function funnelRowJson(row: ScenarioRow, stages: readonly string[]) {
  const top = stages[stages.length - 1] ?? "";
  return {
    scenario: row.name,
    quota: row.quota,
    ...Object.fromEntries(stages.map((stage, index) => [stage, row.stages[index] ?? 0]).reverse()),
    deals: row.deals,
    budget: row.budget,
    budget_by_quarter: row.budgetByQuarter,
    ...Object.fromEntries(stages.slice(0, -1).map((stage, index) => [`cost_per_${stage}`, row.costPerStage[index] ?? null]).reverse()),
    cost_per_deal: row.costPerDeal,
    ...(row.commissionPerDeal === undefined ? {} : { commission_per_deal: row.commissionPerDeal }),
    quota_per_dollar: row.revenuePerDollar,
    budget_change: row.budgetChange,
    [`${top}_change`]: row.inquiriesChange,
    rep_months_over_capacity: row.overCapacity,
  };
}

/** A sensitivity move of a configured funnel: the top stage's change by its name. */
function funnelMoveJson(move: SensitivityRow["down"], top: string) {
  return { value: move.value, budget: move.budget, [top]: move.inquiries };
}

/**
 * The scenario report as JSON, schema `leadplan.scenarios/1` (README, "leadplan scenarios"). A
 * configured funnel adds `funnel` (its stages, top first) and names the stages in every row.
 */
export function renderScenariosJson(report: ScenariosReport): string {
  const stages = configuredStages(report.funnel);
  const top = stages?.[stages.length - 1] ?? "";
  const row = (figures: ScenarioRow) => (stages === undefined ? rowJson(figures) : funnelRowJson(figures, stages));
  const sensitivity =
    stages === undefined || report.sensitivity === null
      ? report.sensitivity
      : { share: report.sensitivity.share, rows: report.sensitivity.rows.map((line) => ({ assumption: line.assumption, down: funnelMoveJson(line.down, top), up: funnelMoveJson(line.up, top), impact: line.impact })) };
  const document = {
    schema: SCENARIOS_JSON_SCHEMA,
    ...(report.funnel === undefined ? {} : { funnel: report.funnel }),
    baseline: report.rows[0] ? row(report.rows[0]) : null,
    scenarios: report.rows.slice(1).map(row),
    sensitivity,
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
