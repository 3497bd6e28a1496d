/**
 * leadplan as a library: the pure planning core, the readers of its input files and the
 * renderers. The CLI is built from exactly these.
 */
export { fiscalQuarterOf, formatFiscalQuarter, type FiscalQuarter } from "./core/fiscal.js";
export { funnelStages, type FunnelStage, type SegmentAssumptions } from "./core/funnel.js";
export { GROUPINGS, groupPlan, type Grouping, type PlanRow, type PlanTotals, type PlanView, type RowKey } from "./core/group.js";
export { DAYS_PER_MONTH, lagFromDays, lagFromMonths, maxLag, meanLag, type LagDistribution, type LagShare } from "./core/lag.js";
export { formatMonth, monthIndex, monthOfYear, yearOf, type MonthIndex } from "./core/month.js";
export { computePlan, dealsForQuota, isSurgeMonth, surgedVolume, type MonthQuota, type Plan, type SegmentInput, type SegmentPlan, type StageSeries, type SurgePolicy } from "./core/plan.js";
export { assumptionResolver, type AssumptionValues, type ScopedAssumptions } from "./core/resolve.js";
export { roundCents, wholeUp } from "./core/rounding.js";
export { readCycles } from "./io/cycles.js";
export { InputError, formatIssue, type InputIssue, type IssueCode } from "./io/input-issue.js";
export { readQuotas, type QuotaFile, type QuotaSegment } from "./io/quotas.js";
export { readRatios } from "./io/ratios.js";
export { assignAssumptions } from "./io/segments.js";
export { resolveSettings, type ComputeSettings, type RawSettings } from "./io/settings.js";
export { renderPlanCsv } from "./render/csv.js";
export { renderPlanJson, PLAN_JSON_SCHEMA } from "./render/json.js";
export { renderPlanMarkdown } from "./render/markdown.js";
export type { PlanReport } from "./render/report.js";
export { renderPlanTable } from "./render/table.js";
