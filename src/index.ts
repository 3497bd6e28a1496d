/**
 * leadplan as a library: the pure planning core, the readers of its input files and the
 * renderers. The CLI is built from exactly these.
 */
export { CAPACITY_VIEWS, capacityFindings, checkCapacity, workableLeads, type CapacityFinding, type CapacityOptions, type CapacityReport, type CapacityTotals, type CapacityView, type RepCapacityPlan, type RepMonth, type TeamMonth } from "./core/capacity.js";
export { apportion, availabilityOf, capacityLanes, type CapacityLane, type RepCapacity } from "./core/capacity-lanes.js";
export { prebuildPipeline, type Prebuilt } from "./core/capacity-prebuild.js";
export { fiscalQuarterOf, formatFiscalQuarter, type FiscalQuarter } from "./core/fiscal.js";
export { funnelStages, type FunnelStage, type SegmentAssumptions } from "./core/funnel.js";
export { GROUPINGS, groupPlan, type Grouping, type PlanRow, type PlanTotals, type PlanView, type RowKey } from "./core/group.js";
export { DAYS_PER_MONTH, lagFromDays, lagFromMonths, maxLag, meanLag, type LagDistribution, type LagShare } from "./core/lag.js";
export { formatMonth, monthIndex, monthOfYear, yearOf, type MonthIndex } from "./core/month.js";
export { computePlan, dealsForQuota, isSurgeMonth, surgedVolume, type MonthQuota, type Plan, type SegmentInput, type SegmentPlan, type StageSeries, type SurgePolicy } from "./core/plan.js";
export { assumptionResolver, type AssumptionValues, type ScopedAssumptions } from "./core/resolve.js";
export { roundCents, wholeUp } from "./core/rounding.js";
export { CATCH_UP_WINDOWS, catchUpWindowEnd, generationReach, planCatchUp, type CatchUpPlan, type CatchUpRow, type CatchUpScope, type CatchUpWindow } from "./core/catch-up.js";
export { diagnoseLeak, type LeakDiagnosis, type LeakEffect, type RateCheck } from "./core/leak.js";
export { MEASURES, checkStatus, comparedMeasures, decidingMeasure, selectActuals, trackCheckpoints, type ActualEntry, type Actuals, type CheckStatus, type Checkpoints, type Measure, type MeasureCheck } from "./core/track.js";
export { resolveCapacitySettings, type CapacityFlags, type CapacitySettings, type TeamSource } from "./io/capacity-settings.js";
export { readCycles } from "./io/cycles.js";
export { InputError, formatIssue, type InputIssue, type IssueCode } from "./io/input-issue.js";
export { readActuals, type ActualsFile } from "./io/actuals.js";
export { readQuotas, type QuotaFile, type QuotaSegment } from "./io/quotas.js";
export { readRatios } from "./io/ratios.js";
export { anonymousTeam, checkTeamCoversQuotas, parseShare, readReps, type RepsFile, type TeamOrigin } from "./io/reps.js";
export { assignAssumptions } from "./io/segments.js";
export { resolveSettings, type ComputeSettings, type RawSettings } from "./io/settings.js";
export { renderCapacityCsv } from "./render/capacity-csv.js";
export { capacityJson } from "./render/capacity-json.js";
export { renderCapacityMarkdown } from "./render/capacity-markdown.js";
export { renderCapacityTable } from "./render/capacity-table.js";
export { capacityWarnings, type CapacitySection } from "./render/capacity-text.js";
export { renderPlanCsv } from "./render/csv.js";
export { renderPlanJson, PLAN_JSON_SCHEMA } from "./render/json.js";
export { renderPlanMarkdown } from "./render/markdown.js";
export type { PlanReport } from "./render/report.js";
export { renderPlanTable } from "./render/table.js";
