import { type FunnelStages, isDefaultFunnel } from "../core/funnel.js";
import { groupPlan, planRows } from "../core/group.js";
import { type Plan, computePlan } from "../core/plan.js";
import { capacityStageOf, resolveCapacitySettings } from "../io/capacity-settings.js";
import { formatIssue } from "../io/input-issue.js";
import type { Format } from "../io/settings.js";
import type { BaselineSection } from "../render/plan/baseline.js";
import type { PlanReport } from "../render/plan/report.js";
import type { CapacityRun } from "../cli/capacity.js";
import { type CsvFlags, csvOptionsOf } from "../cli/csv-options.js";
import type { ReadEnvironment } from "../cli/environment.js";
import { COMPUTE_CHECKS, failureSummary, resolveFailOn } from "../cli/fail-on.js";
import { type LoadedPlan, loadPlan, resolvePlanSettings } from "../cli/load-plan.js";
import type { PlanFlags } from "../cli/plan-options.js";
import { renderReport } from "../cli/render-report.js";
import { checkResultSize } from "../cli/result-size.js";
import { type ConfidenceFlags, confidenceSection } from "../cli/confidence.js";
import { resolveConfidenceSettings } from "../io/confidence-settings.js";
import { COMMA_GROUPS } from "../io/number-text.js";
import type { OutputSettings, ReportRun } from "./report-run.js";

/** compute's flags (or the library's options in their shape). */
export type ComputeFlags = PlanFlags & CsvFlags & ConfidenceFlags & { failOn?: string | undefined };

/**
 * `compute`'s work, from the quota file to the plan ready to write: validates every option before
 * any file is read, reads the files, plans, checks the team. The CLI writes the result; the
 * library's `plan()` wraps it.
 */
export async function runPlan(quotasPath: string, flags: ComputeFlags, environment: ReadEnvironment): Promise<ReportRun> {
  const { csv, format } = csvOptionsOf(flags);
  const capacitySettings = resolveCapacitySettings(flags);
  const failOn = resolveFailOn(flags.failOn, capacitySettings.strict, capacitySettings, COMPUTE_CHECKS);
  const teamFile = capacitySettings.team?.kind === "file" ? [capacitySettings.team.file] : [];
  const resolved = await resolvePlanSettings({ ...flags, format }, environment);
  if (capacitySettings.team !== undefined) capacityStageOf(capacitySettings.stage, resolved.settings.funnel);
  const confidenceSettings = resolveConfidenceSettings(flags, resolved.config.values, resolved.config.file, resolved.settings.decimalMark ?? COMMA_GROUPS);
  const loaded = await loadPlan(quotasPath, { ...flags, format }, environment, teamFile, resolved);
  const averagePlan = computePlan(loaded.segments, loaded.settings.surge);
  // With --confidence every view, capacity check and baseline reads the plan at confidence.
  const confidence = confidenceSettings === undefined ? undefined : await confidenceSection(averagePlan, confidenceSettings, loaded);
  const plan = confidence?.result.plan ?? averagePlan;
  // The capacity code loads only for a run with a team: most runs have none.
  let capacity: CapacityRun | undefined;
  let failure: string | undefined;
  if (capacitySettings.team !== undefined) {
    const capacityCode = await import("../cli/capacity.js");
    capacity = capacityCode.runCapacity(capacitySettings, loaded, plan);
    if (capacity) {
      const failures = [...capacityCode.capacityFailures(capacityCode.allFindings(capacity), capacity.section.report.respectCapacity), ...capacityCode.vacationFailures(capacity.vacations)];
      failure = failureSummary(failOn, failures);
    }
  }
  // Reps away in surge months come last: advice next to the overloads they may cause.
  const vacationLines = capacity === undefined ? [] : (await import("../render/capacity/report.js")).surgeVacationWarnings(capacity.vacations);
  const warnings = [...loaded.warnings.map(formatIssue), ...(capacity?.warnings ?? []), ...vacationLines];
  const { by } = loaded.settings;
  const baseline = loaded.history ? await baselineSection(loaded.history, plan, loaded.settings.funnel) : undefined;
  const reportFor = (target: Format): PlanReport => {
    const report: PlanReport = {
      view: groupPlan(plan, by),
      surge: loaded.settings.surge,
      hasAmounts: plan.hasAmounts,
      hasUnits: plan.hasUnits,
      segments: loaded.segments,
      inputs: { quotas: loaded.quotas.file, ratios: loaded.settings.ratios, cycles: loaded.settings.cycles },
      warnings,
      funnel: loaded.settings.funnel,
    };
    if (capacity) report.capacity = capacity.section;
    if (capacity && capacity.more.length > 0) report.moreCapacity = capacity.more.map((other) => other.section);
    if (target === "html" && by === "month") report.quarters = groupPlan(plan, "quarter");
    if (baseline) report.baseline = baseline;
    if (confidence) report.confidence = confidence;
    checkResultSize(report, "the plan");
    return report;
  };
  const json = async () => {
    const { renderPlanJson } = await import("../render/plan/json.js");
    return () => renderPlanJson(reportFor("json"));
  };
  return {
    warnings,
    failure,
    format: loaded.settings.format,
    csv,
    loadJson: json,
    async output(target: Format, settings: OutputSettings = {}) {
      const csvOptions = settings.csv ?? csv;
      // CSV holds the plan's rows alone (no totals, capacity or baseline): they are written as they
      // are made, so a plan of millions of segment months never holds its rows or its text.
      if (target === "csv" && (capacity === undefined || capacity.section.view === "plan")) {
        // Every figure is 0 or more and every view sums the segment months, so no row of any view
        // holds more than the month view's totals: checking that small view checks them all.
        checkResultSize({ view: groupPlan(plan, "month") }, "the plan");
        const [{ planTable }, { writeCsvChunks }] = await Promise.all([import("../render/plan/build.js"), import("../render/writers/csv.js")]);
        const document = { sections: [{ table: planTable(by, planRows(plan, by), { funnel: loaded.settings.funnel, units: plan.hasUnits }) }], warnings };
        if (confidence) settings.onNote?.("the CSV holds the plan at confidence; --format json (or table, markdown, html) also gives the confidence figures by period");
        return writeCsvChunks(document, csvOptions);
      }
      const report = reportFor(target);
      return renderReport(
        target,
        {
          json: async () => (await import("../render/plan/json.js")).renderPlanJson(report),
          document: async () => (await import("../render/plan/build.js")).buildPlanDocument(report),
        },
        { color: settings.color ?? false, width: settings.width, csv: csvOptions },
      );
    },
  };
}

/** The plan month by month against the history's last twelve months (`--history`). */
async function baselineSection(history: NonNullable<LoadedPlan["history"]>, plan: Plan, funnel: FunnelStages): Promise<BaselineSection> {
  const { compareWithBaseline } = await import("../core/calibrate-compare.js");
  const section: BaselineSection = { file: history.file, comparison: compareWithBaseline(groupPlan(plan, "month"), history.calibration.baseline) };
  // A configured funnel's baseline compares its top stage and the stage before won (the history's last stage date).
  if (!isDefaultFunnel(funnel)) section.stages = { top: funnel[0] ?? "", beforeWon: funnel[funnel.length - 2] ?? "" };
  return section;
}
