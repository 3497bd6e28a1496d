import type { GroupCalibration } from "../../core/calibrate.js";
import type { StepCalibration } from "../../core/calibrate-steps.js";
import { stepKey } from "../../core/funnel.js";
import { formatDay } from "../../core/calibrate-days.js";
import type { LagDistribution } from "../../core/lag.js";
import { formatMonth } from "../../core/month.js";
import type { CalibrationReport } from "./report.js";
import { lagJson, plainJson, sixDecimals } from "../plain-number.js";
import type { CalibrateJson } from "../../schemas/calibrate.js";

/** Identifies the shape below; it changes only with a new number. */
export const CALIBRATION_JSON_SCHEMA = "leadplan.calibrate/1";

const exact = sixDecimals;
const lagOrNull = (lag: LagDistribution | null) => (lag === null ? null : lagJson(lag));

function groupJson(group: GroupCalibration) {
  return {
    inquiries: group.inquiries,
    qualified_leads: group.qualifiedLeads,
    won_deals: group.wonDeals,
    lost_deals: group.lostDeals,
    open_leads: group.openLeads,
    cohort_inquiries: group.cohortInquiries,
    cohort_qualified_leads: group.cohortQualified,
    cohort_won_deals: group.cohortWon,
    inquiry_to_qualified: exact(group.qualifyRate),
    qualified_to_won: exact(group.closeRate),
    avg_deal_size: exact(group.avgDealSize),
    revenue: exact(group.revenue),
    cost_per_inquiry: exact(group.costPerInquiry),
    cost_per_qualified_lead: exact(group.costPerQualifiedLead),
    cost_per_won_deal: exact(group.costPerWonDeal),
    sales_cycle: lagOrNull(group.salesCycle),
    mean_cycle_days: exact(group.meanCycleDays),
    median_cycle_days: group.medianCycleDays,
    qualification: lagOrNull(group.qualification),
    mean_qualification_days: exact(group.meanQualificationDays),
    maturity_window_days: group.windows,
    // A configured funnel's steps, nearest won first; the fields above hold it collapsed to two steps.
    ...(group.steps === undefined ? {} : { steps: group.steps.map(stepJson) }),
  };
}

function stepJson(step: StepCalibration) {
  return {
    step: stepKey(step.from, step.to),
    from: step.from,
    to: step.to,
    entered: step.entered,
    reached: step.reached,
    cohort_entered: step.cohortEntered,
    rate: exact(step.rate),
    lag: lagOrNull(step.lag),
    mean_days: exact(step.meanDays),
    median_days: step.medianDays,
    maturity_window_days: step.windowDays,
  };
}

/** The calibration as JSON with a stable schema (README, "calibrate JSON"). */
export function renderCalibrationJson(report: CalibrationReport): string {
  const { calibration } = report;
  // The shape is src/schemas/calibrate.ts (schemas/calibrate.json): typed from it, so the two cannot drift.
  const document: CalibrateJson = {
    schema: CALIBRATION_JSON_SCHEMA,
    input: report.file,
    shape: calibration.shape,
    ...(calibration.funnel === undefined ? {} : { funnel: calibration.funnel }),
    as_of: formatDay(calibration.asOf),
    rows: report.rows,
    leads: calibration.leads,
    skipped: { count: report.skipped.count, first: report.skipped.first },
    cohorts_resolved: !calibration.immature,
    scopes: calibration.scopes.map((scope) => ({ rep: scope.rep, product: scope.product, ...groupJson(scope) })),
    sources: calibration.sources.map((source) => ({ source: source.source, share: exact(source.share), ...groupJson(source) })),
    baseline: {
      months: calibration.baseline.months.map((month) => ({ month: formatMonth(month.month), inquiries: month.inquiries, qualified_leads: month.qualifiedLeads })),
      seasonality: calibration.baseline.seasonality.map((index, at) => ({ month_of_year: at + 1, index: exact(index) })),
    },
    warnings: report.warnings,
  };
  return `${JSON.stringify(document, plainJson, 2)}\n`;
}
