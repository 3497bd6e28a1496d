import { type Grouping, GROUPINGS, type PlanGrouping, isPairGrouping } from "../core/group.js";
import { type CatchUpWindow, planCatchUp } from "../core/catch-up.js";
import { diagnoseLeak } from "../core/leak.js";
import { formatMonth } from "../core/month.js";
import { computePlan } from "../core/plan.js";
import { comparedMeasures, funnelMeasures, selectActuals, trackCheckpoints } from "../core/track.js";
import { readActuals } from "../io/actuals.js";
import { capacityStageOf, resolveCapacitySettings } from "../io/capacity-settings.js";
import { actualsWarnings, checkActualsNames } from "../io/actuals-warnings.js";
import { InputError, type InputIssue, formatIssue } from "../io/input-issue.js";
import type { MarkInForce } from "../io/number-text.js";
import type { Format } from "../io/settings.js";
import { type Parsed, parsePercent } from "../io/values.js";
import { parseAsOf } from "../io/day-text.js";
import { forecastTrack } from "../core/forecast.js";
import type { Every } from "../core/half-month.js";
import { formatNumber } from "../render/format.js";
import { capacityWarnings } from "../render/capacity/report.js";
import { type TrackReport, catchUpChanged } from "../render/track/report.js";
import { allFindings, capacityFailures, capacityInputs, runCapacity } from "../cli/capacity.js";
import { coverageOf, coverageTargetOf } from "../cli/track-coverage.js";
import { type PeriodFlags, checkDating, followUpFailures, followUpOf, followUpTargetOf } from "../cli/track-periods.js";
import { type ForecastFlags, checkForecastInputs, checkTrackSection, forecastSettings, forecastWarnings, withForecastCheck } from "../cli/forecast-options.js";
import { type CsvFlags, csvOptionsOf } from "../cli/csv-options.js";
import type { ReadEnvironment } from "../cli/environment.js";
import { type Failure, TRACK_CHECKS, failureSummary, forecastFailures, resolveFailOn } from "../cli/fail-on.js";
import { dateFormatOf } from "../cli/history-options.js";
import { loadPlan, resolvePlanSettings } from "../cli/load-plan.js";
import type { PlanFlags } from "../cli/plan-options.js";
import { renderReport } from "../cli/render-report.js";
import { checkResultSize } from "../cli/result-size.js";
import { type SourceFlags, checkSourceFlags, sourceFailures, sourceQualityOf } from "../cli/track-sources.js";
import { readSourceRates } from "../io/sources-file.js";
import { isDefaultFunnel } from "../core/funnel.js";
import type { OutputSettings, ReportRun } from "./report-run.js";

/** track's flags (or the library's options in their shape). */
export interface TrackFlags extends PlanFlags, CsvFlags, ForecastFlags {
  every?: Every | undefined;
  followUpTarget?: string | undefined;
  coverageTarget?: string | undefined;
  asOf?: string | undefined;
  catchUp?: CatchUpWindow | undefined;
  tolerance?: string | undefined;
  bankSurplus?: boolean | undefined;
  failOn?: string | undefined;
  section?: string | undefined;
  /** The sources file of lead quality by source's expected rates (`--sources`). */
  sources?: string | undefined;
}

export { TRACK_SECTIONS } from "./track-sections.js";

/** The tolerance: a percentage up to 100 (`10` and `10%` both mean 10 percent). */
function parseTolerance(text: string, mark: MarkInForce): Parsed<number> {
  const parsed = parsePercent(text, mark);
  if (parsed.ok && parsed.value <= 1) return parsed;
  const expected = "a percentage from 0 to 100, like 10 or 10%";
  return !parsed.ok && parsed.hint !== undefined ? { ok: false, expected, hint: parsed.hint } : { ok: false, expected };
}

/** Checks the flags only track has, before any file is read. */
function trackOptions(flags: TrackFlags, mark: MarkInForce) {
  const check = <T>(flag: string, text: string, parsed: Parsed<T>): T => {
    if (parsed.ok) return parsed.value;
    const issue: InputIssue = { code: "option.invalid", file: flag, expected: parsed.expected, found: text };
    if (parsed.hint !== undefined) issue.hint = parsed.hint;
    throw new InputError(issue);
  };
  return {
    asOf: flags.asOf === undefined ? undefined : check("--as-of", flags.asOf, parseAsOf(flags.asOf, dateFormatOf(flags))),
    tolerance: flags.tolerance === undefined ? 0.1 : check("--tolerance", flags.tolerance, parseTolerance(flags.tolerance, mark)),
  };
}

/**
 * `track`'s work: the plan against the actuals, the leak, the catch-up and the team ahead, ready
 * to write. The CLI writes the result; the library's `track()` wraps it.
 */
export async function runTrack(quotasPath: string, actualsPath: string, trackFlags: TrackFlags, environment: ReadEnvironment): Promise<ReportRun> {
  // `--by source` is track's own view (the plan has no sources): the checkpoints are then by month.
  const bySource = (trackFlags.by as string | undefined) === "source";
  const flags: TrackFlags = bySource ? { ...trackFlags, by: "month" } : trackFlags;
  const sourceFlags: SourceFlags = { bySource, sources: flags.sources, sourcesSection: flags.section === "sources" };
  const { csv, format: formatFlag } = csvOptionsOf(flags);
  const resolved = await resolvePlanSettings({ ...flags, format: formatFlag }, environment);
  const { funnel } = resolved.settings;
  const by = trackGrouping(resolved.settings.by);
  const options = trackOptions(flags, resolved.settings.decimalMark);
  const every = flags.every ?? "month";
  const periodFlags: PeriodFlags = { every, ...(flags.followUpTarget === undefined ? {} : { followUpTarget: flags.followUpTarget }) };
  const followUpTarget = followUpTargetOf(periodFlags, resolved.settings.decimalMark);
  const coverageFlags = flags.coverageTarget === undefined ? {} : { coverageTarget: flags.coverageTarget };
  const coverageTarget = coverageTargetOf(coverageFlags, resolved.settings.decimalMark);
  if (flags.section !== undefined && formatFlag !== "csv") throw new InputError({ code: "option.invalid", file: "--section", expected: "--format csv: the other formats show every section", found: flags.section });
  if (quotasPath === "-" && actualsPath === "-") {
    throw new InputError({ code: "option.invalid", file: "ACTUALS", expected: "a file: QUOTAS already reads standard input", found: "-" });
  }
  const capacitySettings = resolveCapacitySettings(flags);
  if (capacitySettings.view !== "plan") {
    throw new InputError({ code: "option.invalid", file: "--view", expected: "plan for track (its capacity tables print after the report)", found: capacitySettings.view });
  }
  // The checked stage is known from the funnel alone: refuse a wrong one before any file is read.
  if (capacitySettings.team !== undefined) capacityStageOf(capacitySettings.stage, funnel);
  // --trials and --seed are settings keys of the config (shared with compute --confidence): a flag beats them.
  const simulation = resolved.config.values;
  const forecasting = forecastSettings({ ...flags, trials: flags.trials ?? simulation?.trials, seed: flags.seed ?? simulation?.seed }, resolved.settings.decimalMark);
  const failOn = withForecastCheck(resolveFailOn(flags.failOn, capacitySettings.strict, capacitySettings, TRACK_CHECKS), flags.failOn, forecasting);
  checkTrackSection(flags.section, resolved.settings.format, forecasting.wanted);
  checkSourceFlags(sourceFlags, failOn, funnel);
  const extraInputs = [actualsPath, ...(flags.sources === undefined ? [] : [flags.sources]), ...capacityInputs(capacitySettings)];
  const loaded = await loadPlan(quotasPath, flags, environment, extraInputs, resolved);
  const input = loaded.read(actualsPath);
  const actuals = readActuals(input.content, input.name, loaded.readOptions, funnel);
  checkDating(actuals, every);
  const nameWarnings = checkActualsNames(loaded.quotas, actuals);
  const { format, surge } = loaded.settings;
  for (const column of ["rep", "product"] as const) {
    const needed = by === column || by === "segment";
    if (needed && !(column === "rep" ? actuals.byRep : actuals.byProduct)) {
      throw new InputError({ code: "column.missing", file: actuals.file, line: 1, column, expected: `missing column: expected a ${column} column for --by ${by}` });
    }
  }
  const plan = computePlan(loaded.segments, surge);
  const order = funnelMeasures(funnel);
  const measures = comparedMeasures(plan, actuals);
  const warnings: InputIssue[] = [...loaded.warnings, ...input.warnings, ...actuals.warnings, ...nameWarnings];
  if (!plan.hasAmounts && actuals.measures.includes("revenue")) {
    const issue = { code: "column.unknown", file: actuals.file, line: 1, column: "revenue" } as const;
    const stages = order.slice(0, -1);
    if (measures.length === 0) throw new InputError({ ...issue, code: "column.missing", expected: `the quotas are in units only: expected ${stages.slice(0, -1).join(", ")} or ${stages[stages.length - 1] ?? ""} to compare` });
    warnings.push({ ...issue, expected: "the quotas are in units only: revenue is not compared" });
  }
  const asOf = options.asOf?.month ?? actuals.entries.reduce((last, entry) => Math.max(last, entry.month), Number.NEGATIVE_INFINITY);
  const asOfDay = options.asOf?.day;
  const selected = selectActuals(plan, actuals, asOf, asOfDay === undefined ? { every } : { every, asOfDay });
  for (const item of actualsWarnings(actuals, selected, plan, asOf, asOfDay)) warnings.push(item);
  const { period } = selected;
  if (period === null) {
    const span = `${formatMonth(plan.firstMonth)} to ${formatMonth(plan.firstMonth + plan.monthCount - 1)}`;
    throw new InputError({
      code: "row.left-out",
      file: actuals.file,
      expected: `no row to compare: expected rows for months of the plan (${span}) up to --as-of ${formatMonth(asOf)}, for reps and products in the quotas`,
    });
  }
  const checkpoints = trackCheckpoints(plan, { ...selected, period }, measures, by, options.tolerance, order);
  const followUp = followUpOf(actuals, selected, every, periodFlags, followUpTarget, failOn, warnings);
  if (flags.section === "follow-up" && followUp === undefined) throw new InputError({ code: "column.missing", file: actuals.file, line: 1, column: "followed_up", expected: "--section follow-up: expected a followed_up column in the actuals" });
  const coverage = coverageOf(plan, actuals, selected, every, coverageFlags, coverageTarget, warnings);
  // The sources file is read only where it is compared: a config's `sources` (shared with scenarios) leaves other runs alone.
  const sourcesInput = flags.sources === undefined || !actuals.bySource || !isDefaultFunnel(funnel) ? undefined : loaded.read(flags.sources);
  const sources = sourcesInput === undefined ? undefined : { file: sourcesInput.name, rows: readSourceRates(sourcesInput.content, sourcesInput.name, loaded.readOptions) };
  if (sourcesInput !== undefined) warnings.push(...sourcesInput.warnings);
  const sourceQuality = sourceQualityOf({ plan, actuals, selected, period, funnel, tolerance: options.tolerance, flags: sourceFlags, failOn, sources, warnings });
  if (flags.section === "sources" && sourceQuality === undefined) throw new InputError({ code: "column.missing", file: actuals.file, line: 1, column: "source", expected: "--section sources: expected a source column in the actuals" });
  if (flags.section === "coverage" && coverage === undefined) throw new InputError({ code: "column.missing", file: actuals.file, line: 1, column: "open_pipeline", expected: "--section coverage: expected an open_pipeline column in the actuals (and quotas in money)" });
  const window = flags.catchUp ?? "year";
  const catchUp =
    window === "none" || !measures.includes("revenue")
      ? null
      : planCatchUp(plan, loaded.segments, actuals, selected.entries, period, { asOf, window, bankSurplus: flags.bankSurplus === true });
  // The team is checked on what is still ahead: the catch-up plan where the shortfall raised it.
  const capacityPlan = catchUp !== null && catchUpChanged(catchUp) ? "catch-up" : "original";
  const capacity = runCapacity(capacitySettings, loaded, capacityPlan === "catch-up" && catchUp ? catchUp.revised : plan);
  if (capacity) {
    // Months up to as-of are past: their overloads can no longer be acted on.
    capacity.findings = capacity.findings.filter((finding) => finding.month > asOf);
    for (const other of capacity.more) other.findings = other.findings.filter((finding) => finding.month > asOf);
    capacity.warnings = [
      ...capacity.fileWarnings,
      ...capacityWarnings(capacity.findings, capacity.section.stages),
      ...capacity.more.flatMap((other) => capacityWarnings(other.findings, other.section.stages)),
    ];
  }
  if (forecasting.wanted) checkForecastInputs(plan, actuals);
  const forecast = forecasting.wanted ? forecastTrack({ plan, actuals, entries: selected.entries, period, asOf, order }, { trials: forecasting.trials, seed: forecasting.seed }) : null;
  if (forecast) for (const warning of forecastWarnings(forecast, actuals.file)) warnings.push(warning);
  const report: TrackReport = {
    asOf,
    ...(asOfDay === undefined ? {} : { asOfDay }),
    checkpoints,
    ...(followUp === undefined ? {} : { followUp }),
    ...(coverage === undefined ? {} : { coverage }),
    ...(sourceQuality === undefined ? {} : { sourceQuality }),
    ...(sources === undefined ? {} : { sourcesFile: sources.file }),
    leak: diagnoseLeak(plan, selected.entries, period, measures, order),
    catchUpWindow: window,
    catchUp,
    bankSurplus: flags.bankSurplus === true,
    fiscalYearStart: surge.fiscalYearStart,
    hasAmounts: plan.hasAmounts,
    inputs: { quotas: loaded.quotas.file, actuals: actuals.file, ratios: loaded.settings.ratios, cycles: loaded.settings.cycles },
    capacity: capacity?.section,
    ...(capacity && capacity.more.length > 0 ? { moreCapacity: capacity.more.map((other) => other.section) } : {}),
    capacityPlan: capacity ? capacityPlan : undefined,
    forecast: forecast ?? undefined,
    warnings: [...warnings.map(formatIssue), ...(capacity?.warnings ?? [])],
  };
  checkResultSize(report, "the tracking");
  // A check of --fail-on fails: behind plan (the default), or over capacity ahead.
  const failures: Failure[] = checkpoints.status === "on-track" ? [] : [{ checks: ["behind"], text: `${checkpoints.deciding} ${checkpoints.status.replace("-", " ")} plan` }];
  failures.push(...followUpFailures(followUp, `${formatNumber(followUpTarget * 100, 2)}%`));
  failures.push(...sourceFailures(sourceQuality));
  if (capacity) failures.push(...capacityFailures(allFindings(capacity), capacity.section.report.respectCapacity));
  failures.push(...forecastFailures(forecast, forecasting.failBelow));
  const json = async () => (await import("../render/track/json.js")).renderTrackJson(report);
  return {
    warnings: report.warnings,
    failure: failureSummary(failOn, failures),
    format,
    csv,
    loadJson: async () => {
      const { renderTrackJson } = await import("../render/track/json.js");
      return () => renderTrackJson(report);
    },
    async output(target: Format, settings: OutputSettings = {}) {
      const section = settings.section ?? flags.section;
      let followUpLeftOut = false;
      let coverageLeftOut = false;
      let sourcesLeftOut = false;
      const text = await renderReport(
        target,
        { json, document: async () => (await import("../render/track/build.js")).buildTrackDocument(report) },
        {
          color: settings.color ?? false,
          width: settings.width,
          csv: settings.csv ?? csv,
          section,
          onSectionsLeftOut: (names) => {
            settings.onSectionsLeftOut?.(names);
            if (section === undefined && names.includes("follow-up")) followUpLeftOut = true;
            if (section === undefined && names.includes("coverage")) coverageLeftOut = true;
            if (section === undefined && names.includes("sources")) sourcesLeftOut = true;
          },
        },
      );
      // A CSV holds one table: the follow-up and the forecast are named, never dropped without a word.
      if (followUpLeftOut) settings.onNote?.("the CSV holds the checkpoints; --section follow-up writes the follow-up");
      if (coverageLeftOut) settings.onNote?.("the CSV holds the checkpoints; --section coverage writes the pipeline coverage");
      if (sourcesLeftOut) settings.onNote?.("the CSV holds the checkpoints; --section sources writes lead quality by source");
      if (forecast && target === "csv" && section === undefined) settings.onNote?.("the CSV holds the checkpoints table; --section forecast writes the other");
      return text;
    },
  };
}

/** Checkpoints by one grain: actuals are not paired by time and name (`--by month,rep`) yet. */
function trackGrouping(by: PlanGrouping): Grouping {
  if (!isPairGrouping(by)) return by;
  throw new InputError({ code: "option.invalid", file: "--by", expected: `one of ${GROUPINGS.join(", ")} for track (compute takes ${by})`, found: by });
}
