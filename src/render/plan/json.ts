import type { SegmentAssumptions } from "../../core/funnel.js";
import type { ExactFigures, PlanRow, PlanTotals } from "../../core/group.js";
import { baselineJson } from "./baseline.js";
import { capacityJson } from "../capacity/json.js";
import type { PlanReport } from "./report.js";
import { lagJson, plainJson, sixDecimals } from "../plain-number.js";

/** Identifies the shape below; it changes only with a new number. */
export const PLAN_JSON_SCHEMA = "leadplan.compute/1";

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
  const document = {
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
    },
    // Only with a team: a plan without one keeps exactly the shape it had.
    ...(report.capacity ? { capacity: capacityJson(report.capacity) } : {}),
    ...(report.baseline ? { baseline: baselineJson(report.baseline) } : {}),
    warnings: report.warnings,
  };
  return `${JSON.stringify(document, plainJson, 2)}\n`;
}
