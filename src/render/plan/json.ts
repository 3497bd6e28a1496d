import { roundCents } from "../../core/rounding.js";
import { type FunnelStages, type SegmentAssumptions, stepKey } from "../../core/funnel.js";
import type { ExactFigures, PlanRow, PlanTotals } from "../../core/group.js";
import { baselineJson, stageBaselineJson } from "./baseline.js";
import { confidenceJson } from "./confidence.js";
import { capacityJson } from "../capacity/json.js";
import { type PlanReport, configuredStages } from "./report.js";
import { lagJson, plainJson, sixDecimals } from "../plain-number.js";
import type { ComputeFunnelJson, ComputeJson } from "../../schemas/compute.js";

/** Identifies the shape below; it changes only with a new number. */
export const PLAN_JSON_SCHEMA = "leadplan.compute/1";

// The document's shape is src/schemas/compute.ts: the types below come from it, so the writer cannot drift from schemas/compute.json.

const exact = sixDecimals;
const exactOrNull = sixDecimals;

function assumptionsJson(assumptions: SegmentAssumptions) {
  return {
    avg_deal_size: assumptions.avgDealSize,
    units_per_deal: assumptions.unitsPerDeal,
    qualified_to_won: assumptions.closeRate,
    inquiry_to_qualified: assumptions.qualifyRate,
    cost_per_inquiry: assumptions.costPerInquiry,
    sales_cycle: lagJson(assumptions.salesCycle),
    qualification: lagJson(assumptions.qualification),
    ...commissionJson(assumptions),
  };
}

/**
 * A configured funnel's segment assumptions: each step's rate by its key and time as
 * `<key>_lag`, nearest won first, and the top stage's cost (`cost_per_<top>`).
 */
/** A segment's commission, only when given: `commission_rate` or `commission_per_deal` (additive in leadplan.compute/1). */
function commissionJson(assumptions: SegmentAssumptions) {
  if (assumptions.commissionRate !== undefined) return { commission_rate: assumptions.commissionRate };
  if (assumptions.commissionPerDeal !== undefined) return { commission_per_deal: assumptions.commissionPerDeal };
  return {};
}

/** The totals' commission, only when some segment gives one: the total, per deal, and a deal's cost with it. */
function commissionTotalsJson(totals: PlanTotals) {
  const { commission } = totals;
  if (commission === undefined) return {};
  const sum = totals.costPerDeal === null || commission.perDeal === null ? null : roundCents(totals.costPerDeal + commission.perDeal);
  return { commission: commission.total, commission_per_deal: commission.perDeal, cost_per_deal_with_commission: sum };
}

function stepAssumptionsJson(assumptions: SegmentAssumptions, funnel: FunnelStages) {
  const top = funnel[0] ?? "";
  const steps = assumptions.steps ?? [];
  const next = (index: number) => funnel[funnel.indexOf(steps[index]?.from ?? "") + 1] ?? "";
  return {
    avg_deal_size: assumptions.avgDealSize,
    units_per_deal: assumptions.unitsPerDeal,
    ...Object.fromEntries(steps.map((step, index) => [stepKey(step.from, next(index)), step.rate])),
    [`cost_per_${top}`]: assumptions.costPerInquiry,
    ...Object.fromEntries(steps.map((step, index) => [`${stepKey(step.from, next(index))}_lag`, lagJson(step.lag)])),
    ...commissionJson(assumptions),
  };
}

/** A configured funnel's figures: a key per stage before won, nearest won first, named by the stage. */
function stageFiguresJson(row: PlanRow | PlanTotals, stages: readonly string[]) {
  const top = stages[stages.length - 1] ?? "";
  return {
    quota: row.quota,
    units: exact(row.units),
    deals: row.deals,
    ...Object.fromEntries(stages.map((stage, index) => [stage, row.stages[index] ?? 0])),
    [`surge_${top}`]: row.surgeInquiries,
    budget: row.budget,
    exact: {
      deals: exact(row.exact.deals),
      ...Object.fromEntries(stages.map((stage, index) => [stage, exact(row.exact.stages[index] ?? 0)])),
      [`${top}_before_surge`]: exact(row.exact.inquiriesBeforeSurge),
      budget: exactOrNull(row.exact.budget),
    },
  };
}

function exactJson(figures: ExactFigures) {
  return {
    deals: exact(figures.deals),
    qualified_leads: exact(figures.qualifiedLeads),
    inquiries: exact(figures.inquiries),
    inquiries_before_surge: exact(figures.inquiriesBeforeSurge),
    budget: exactOrNull(figures.budget),
  };
}

function figuresJson(row: PlanRow | PlanTotals) {
  return {
    quota: row.quota,
    units: exact(row.units),
    deals: row.deals,
    qualified_leads: row.qualifiedLeads,
    inquiries: row.inquiries,
    surge_inquiries: row.surgeInquiries,
    budget: row.budget,
    exact: exactJson(row.exact),
  };
}

/**
 * The plan as JSON with a stable schema (README, "JSON output"): the assumptions each segment
 * used, the rows of the chosen view with whole and exact figures, the totals with unit costs,
 * and the warnings.
 */
export function renderPlanJson(report: PlanReport): string {
  const { view } = report;
  const stages = configuredStages(report.funnel);
  if (stages !== undefined && report.funnel !== undefined) return renderFunnelPlanJson(report, report.funnel, stages);
  const document: ComputeJson = {
    schema: PLAN_JSON_SCHEMA,
    by: view.by,
    inputs: { quotas: report.inputs.quotas, ratios: report.inputs.ratios ?? null, cycles: report.inputs.cycles ?? null },
    surge: {
      rate: report.surge.rate,
      quarters: report.surge.quarters.map((quarter) => `Q${quarter}`),
      fiscal_year_start: report.surge.fiscalYearStart,
    },
    assumptions: report.segments.map((segment) => ({ rep: segment.rep, product: segment.product, ...assumptionsJson(segment.assumptions) })),
    rows: view.rows.map((row) => ({ ...row.key, surge: row.surge, ...figuresJson(row) })),
    totals: {
      ...figuresJson(view.totals),
      cost_per_inquiry: view.totals.costPerInquiry,
      cost_per_qualified_lead: view.totals.costPerQualifiedLead,
      cost_per_deal: view.totals.costPerDeal,
      ...commissionTotalsJson(view.totals),
    },
    // Only with a team: a plan without one keeps exactly the shape it had.
    ...(report.capacity ? { capacity: capacityJson(report.capacity) } : {}),
    ...(report.baseline ? { baseline: baselineJson(report.baseline) } : {}),
    ...(report.confidence ? { confidence: confidenceJson(report.confidence) } : {}),
    warnings: report.warnings,
  };
  return `${JSON.stringify(document, plainJson, 2)}\n`;
}

/**
 * A configured funnel's plan as JSON: the same document, with `funnel` (its stages, top first)
 * after `by`, and a key per stage wherever the default funnel has `qualified_leads` and
 * `inquiries` (README, "JSON output").
 */
function renderFunnelPlanJson(report: PlanReport, funnel: FunnelStages, stages: readonly string[]): string {
  const { view } = report;
  const document: ComputeFunnelJson = {
    schema: PLAN_JSON_SCHEMA,
    by: view.by,
    funnel,
    inputs: { quotas: report.inputs.quotas, ratios: report.inputs.ratios ?? null, cycles: report.inputs.cycles ?? null },
    surge: {
      rate: report.surge.rate,
      quarters: report.surge.quarters.map((quarter) => `Q${quarter}`),
      fiscal_year_start: report.surge.fiscalYearStart,
    },
    assumptions: report.segments.map((segment) => ({ rep: segment.rep, product: segment.product, ...stepAssumptionsJson(segment.assumptions, funnel) })),
    rows: view.rows.map((row) => ({ ...row.key, surge: row.surge, ...stageFiguresJson(row, stages) })),
    totals: {
      ...stageFiguresJson(view.totals, stages),
      ...Object.fromEntries(stages.map((stage, index) => [`cost_per_${stage}`, view.totals.costPerStage[index] ?? null]).reverse()),
      cost_per_deal: view.totals.costPerDeal,
      ...commissionTotalsJson(view.totals),
    },
    // With a team: one key per checked stage, named after it (`sql_capacity`, `mql_capacity`, as the
    // reps file's columns), nearest won first; each holds what the default funnel's `capacity` does.
    ...Object.fromEntries([report.capacity, ...(report.moreCapacity ?? [])].flatMap((section) => (section === undefined ? [] : [[`${section.stages?.checked ?? ""}_capacity`, capacityJson(section)]]))),
    ...(report.confidence ? { confidence: confidenceJson(report.confidence) } : {}),
    // The baseline of a configured funnel names the stages it compares (set with the funnel: src/cli/compute.ts).
    ...(report.baseline?.stages ? { baseline: stageBaselineJson(report.baseline, report.baseline.stages) } : {}),
    warnings: report.warnings,
  };
  return `${JSON.stringify(document, plainJson, 2)}\n`;
}
