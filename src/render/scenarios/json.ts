import { funnelSteps, stepKey } from "../../core/funnel.js";
import type { ScenarioRow, SensitivityRow } from "../../core/scenarios.js";
import { configuredStages } from "../plan/report.js";
import { plainJson, sixDecimals } from "../plain-number.js";
import type { ScenariosReport } from "./report.js";
import type { MixLine, MixSummary } from "../../core/source-mix-summary.js";
import type { ScenariosJson } from "../../schemas/scenarios.js";

/** A run with a confidence dimension: the row's level (null for the average plan) and its chance of quota, per period. */
function certaintyJson(row: ScenarioRow) {
  const certainty = row.certainty;
  if (certainty === undefined) return {};
  return {
    confidence: {
      level: certainty.level,
      by: certainty.by,
      method: certainty.method,
      trials: certainty.trials,
      seed: certainty.seed,
      probability_of_quota: sixDecimals(certainty.probability),
      periods: certainty.periods.map((period) => ({ period: period.period, quota: sixDecimals(period.quota), probability: sixDecimals(period.probability) })),
      out_of_reach: certainty.outOfReach,
    },
  };
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
    ...(row.commissionPerDeal === undefined ? {} : { commission_per_deal: row.commissionPerDeal }),
    quota_per_dollar: row.revenuePerDollar,
    budget_change: row.budgetChange,
    inquiries_change: row.inquiriesChange,
    rep_months_over_capacity: row.overCapacity,
    ...certaintyJson(row),
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
    ...certaintyJson(row),
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
  // The shape is src/schemas/scenarios.ts (schemas/scenarios.json): typed from it, so the two cannot drift.
  const document: ScenariosJson = {
    schema: SCENARIOS_JSON_SCHEMA,
    ...(report.funnel === undefined ? {} : { funnel: report.funnel }),
    baseline: report.rows[0] ? row(report.rows[0]) : null,
    scenarios: report.rows.slice(1).map(row),
    sensitivity,
    sources: report.sources === null ? null : sourcesJson(report.sources, report.funnel),
    warnings: report.warnings,
  };
  return `${JSON.stringify(document, plainJson, 2)}\n`;
}

const lineJson = (line: MixLine) => ({ inquiries: line.inquiries, won_deals: sixDecimals(line.won), budget: sixDecimals(line.budget), cost_per_won_deal: sixDecimals(line.costPerWon) });

/**
 * The mix summed (`total`), the given shares bought for the same need beside the cheapest mix
 * (`given_shares`, else null), the plan at its own cost per inquiry (`plan`: its whole deals),
 * and what the won deals are made of (`won_deals`): the need in won deals at the ratio file's
 * rates, its surge part, and the plan's whole deals.
 */
function summaryJson(summary: MixSummary) {
  return {
    total: { ...lineJson(summary.total), qualified_leads: sixDecimals(summary.total.qualifiedLeads) },
    given_shares: summary.givenShares === null ? null : lineJson(summary.givenShares),
    plan: lineJson(summary.plan),
    won_deals: {
      sized_on: summary.target === "won deals" ? ("won_deals" as const) : ("qualified_leads" as const),
      qualified_leads: summary.qualifiedLeads,
      at_ratio_file_rates: sixDecimals(summary.wonNeeded),
      from_surge: sixDecimals(summary.surgeWon),
      plan_deals: summary.plan.won,
      in_mix: sixDecimals(summary.total.won),
    },
    one_source: summary.oneSource === null ? null : { source: summary.oneSource.source, inquiries: summary.oneSource.inquiries, history_inquiries: summary.oneSource.historyInquiries },
  };
}

function sourcesJson(sources: NonNullable<ScenariosReport["sources"]>, funnel: ScenariosReport["funnel"]) {
  return {
    optimized: sources.optimized,
    sources: sources.sources.map((source) =>
      funnel === undefined
        ? {
      source: source.source,
      share: source.share,
      inquiry_to_qualified: source.qualifyRate,
      qualified_to_won: source.closeRate,
      cost_per_inquiry: source.costPerInquiry,
      max_inquiries_per_month: source.maxInquiriesPerMonth,
          }
        : {
            // A configured funnel's source carries its step rates by name, as its sources file does.
            source: source.source,
            share: source.share,
            ...Object.fromEntries(funnelSteps(funnel).map(([from, to], at) => [stepKey(from, to), source.steps?.[at] ?? null])),
            [`cost_per_${funnel[0] ?? ""}`]: source.costPerInquiry,
            max_inquiries_per_month: source.maxInquiriesPerMonth,
          },
    ),
    ...(sources.summary === undefined ? {} : summaryJson(sources.summary)),
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
