import { monthNeeds } from "../core/month-needs.js";
import { type Plan, computePlan } from "../core/plan.js";
import { capacityFindings, checkCapacity } from "../core/capacity.js";
import { type Scenario, compareScenarios, gridSize, scenarioGrid, sensitivity } from "../core/scenarios.js";
import { fixedMix, optimalMix } from "../core/source-mix.js";
import { summariseMix } from "../core/source-mix-summary.js";
import { capacityStageOf, resolveCapacitySettings } from "../io/capacity-settings.js";
import { InputError, type InputIssue, formatIssue } from "../io/input-issue.js";
import { LIMITS, grouped } from "../io/limits.js";
import type { MarkInForce } from "../io/number-text.js";
import type { Format } from "../io/settings.js";
import { changeOutOfRangeError, checkVariations, parseVariation, readScenarios } from "../io/scenario-overrides.js";
import { firstChangeOutOfRange } from "../core/relative-change.js";
import { readSources } from "../io/sources-file.js";
import { parsePercent } from "../io/values.js";
import { type ScenariosReport, sourceWarnings } from "../render/scenarios/report.js";
import { capacityFailures, loadTeam } from "../cli/capacity.js";
import { type Failure, SCENARIOS_CHECKS, failureSummary, resolveFailOn, warningName } from "../cli/fail-on.js";
import { type CsvFlags, csvOptionsOf } from "../cli/csv-options.js";
import type { ReadEnvironment } from "../cli/environment.js";
import { funnelAssumptions } from "../core/funnel-assumptions.js";
import { isDefaultFunnel } from "../core/funnel.js";
import { loadPlan, resolvePlanSettings } from "../cli/load-plan.js";
import type { PlanFlags } from "../cli/plan-options.js";
import { renderReport } from "../cli/render-report.js";
import { checkResultSize } from "../cli/result-size.js";
import { type OutputSettings, type ReportRun, lazyJson, renderDefaults } from "./report-run.js";
import { type ConfidenceFlags, scenarioLevels } from "../cli/confidence.js";
import { resolveConfidenceRun } from "../io/confidence-settings.js";
import { COMMA_GROUPS } from "../io/number-text.js";
import type { PlanAtLevel } from "../core/scenarios.js";

/** scenarios' flags (or the library's options in their shape). */
export interface ScenariosFlags extends PlanFlags, CsvFlags, ConfidenceFlags {
  scenarios?: string | undefined;
  vary?: string[] | undefined;
  sensitivity?: string | undefined;
  sources?: string | undefined;
  optimizeMix?: boolean | undefined;
  section?: string | undefined;
  failOn?: string | undefined;
}

/** Above this many combinations the grid is announced on stderr (never asked: CI runs have no one to answer). */
export const ANNOUNCED_GRID = 1_000;
/** Above this many the run is refused: a grid that large is almost always a typing slip. */
export const LARGEST_GRID = LIMITS.scenarios;

/**
 * `scenarios`' work: the baseline and every scenario planned, the sensitivity and the source mix,
 * ready to write. `announce` hears of a large grid before any file is read (the CLI says it on
 * stderr). The CLI writes the result; the library's `scenarios()` wraps it.
 */
export async function runScenarios(quotasPath: string, flags: ScenariosFlags, environment: ReadEnvironment, announce: (text: string) => void = () => {}): Promise<ReportRun> {
  const { csv, format: formatFlag } = csvOptionsOf(flags);
  const capacitySettings = resolveCapacitySettings(flags);
  if (capacitySettings.view !== "plan") {
    throw new InputError({ code: "option.invalid", file: "--view", expected: "plan for scenarios (capacity shows as a column per scenario)", found: capacitySettings.view });
  }
  const failOn = resolveFailOn(flags.failOn, capacitySettings.strict, capacitySettings, SCENARIOS_CHECKS);
  if (flags.optimizeMix && flags.sources === undefined) {
    throw new InputError({ code: "option.invalid", file: "--optimize-mix", expected: "expected --sources FILE to choose the mix from" });
  }
  if (flags.confidence !== undefined) {
    throw new InputError({ code: "option.invalid", file: "--confidence", expected: "--vary confidence=PCT (or a confidence column in --scenarios): scenarios compare each level with the baseline, the average plan", found: String(flags.confidence) });
  }
  const resolved = await resolvePlanSettings({ ...flags, format: formatFlag }, environment);
  const { decimalMark, funnel } = resolved.settings;
  const confidenceRun = resolveConfidenceRun(flags, resolved.config.values, resolved.config.file, decimalMark ?? COMMA_GROUPS);
  // A configured funnel's scenario columns and --vary names are its step columns.
  const entries = funnelAssumptions(funnel);
  const checkedStage = capacitySettings.team === undefined ? undefined : capacityStageOf(capacitySettings.stage, funnel);
  checkSection(flags, resolved.settings.format);
  const share = flags.sensitivity === undefined ? undefined : parseShare(flags.sensitivity, decimalMark);
  const variations = (flags.vary ?? []).map((text) => parseVariation(text, decimalMark, entries));
  checkVariations(variations);
  const size = gridSize(variations);
  if (size > LARGEST_GRID) {
    throw new InputError({ code: "option.invalid", file: "--vary", expected: `expected at most ${LARGEST_GRID.toLocaleString("en-US")} combinations, found ${size.toLocaleString("en-US")}` });
  }
  if (size > ANNOUNCED_GRID) announce(`scenarios: ${size} combinations`);
  const teamFile = capacitySettings.team?.kind === "file" ? capacitySettings.team.file : undefined;
  const extra = [flags.scenarios, flags.sources, teamFile].filter((path): path is string => path !== undefined);
  const loaded = await loadPlan(quotasPath, flags, environment, extra, resolved);
  let scenarios: Scenario[] = [];
  const fileWarnings: InputIssue[] = [];
  let scenariosName = flags.scenarios ?? "--scenarios";
  if (flags.scenarios !== undefined) {
    const input = loaded.read(flags.scenarios);
    scenariosName = input.name;
    for (const item of input.warnings) fileWarnings.push(item);
    scenarios = readScenarios(input.content, input.name, loaded.readOptions, entries);
    // The grid was checked alone before any file was read; with the file's rows it must still fit.
    if (scenarios.length + size > LIMITS.scenarios) {
      const found = `${grouped(scenarios.length)} in the file and ${grouped(size)} in the --vary grid`;
      throw new InputError({ code: "option.invalid", file: input.name, expected: `at most ${grouped(LIMITS.scenarios)} scenarios in one run`, found });
    }
  }
  const grid = scenarioGrid(variations);
  // A grid row named like a row of the file would make two rows no reader can tell apart.
  const clash = grid.find((row) => scenarios.some((named) => named.name === row.name));
  if (clash !== undefined) {
    throw new InputError({ code: "option.invalid", file: "--vary", expected: `a grid row named "${clash.name}", as a row of ${flags.scenarios ?? "--scenarios"} is: expected each scenario name once` });
  }
  const fromFile = new Set(scenarios.map((scenario) => scenario.name));
  scenarios = [...scenarios, ...grid];
  const atLevel = await levelsOf(scenarios, flags, confidenceRun, loaded.quotas.file);
  const { surge } = loaded.settings;
  // `-3pp` on a close rate of 2%, `+20%` on one of 90%: refused before any plan, never clamped.
  const outOfRange = firstChangeOutOfRange(loaded.segments, surge.rate, scenarios, funnel);
  if (outOfRange !== null) throw changeOutOfRangeError(outOfRange.scenario, outOfRange.problem, fromFile.has(outOfRange.scenario) ? scenariosName : "--vary");
  // The team is read once; each scenario's plan is checked against it.
  const team = loadTeam(capacitySettings, loaded);
  // Each scenario's failures, as --fail-on counts them; the column counts the rep-months over.
  const failuresByScenario: Failure[][] = [];
  const check = team
    ? (plan: Plan) => {
        const check = (reps: typeof team.team, stage: number) => capacityFindings(checkCapacity(plan, reps, { respectCapacity: capacitySettings.respectCapacity, stage }));
        // Every stage the reps file gives a capacity of (`sql_capacity`, `mql_capacity`) is checked.
        const findings = [check(team.team, checkedStage?.index ?? 0), ...team.others.map((other) => check(other.team, other.stages.index))].flat();
        failuresByScenario.push(capacityFailures(findings, capacitySettings.respectCapacity));
        return new Set(findings.map((finding) => `${finding.month}\u0000${finding.rep}`)).size;
      }
    : undefined;
  const rows = compareScenarios(loaded.segments, surge, scenarios, check, funnel, atLevel);
  const overloaded = rows.filter((row) => (row.overCapacity ?? 0) > 0);
  const report: ScenariosReport = {
    rows,
    sensitivity: share === undefined ? null : { share, rows: sensitivity(loaded.segments, surge, share, funnel) },
    sources: null,
    ...(isDefaultFunnel(funnel) ? {} : { funnel }),
    warnings: [
      ...[...loaded.warnings, ...fileWarnings].map(formatIssue),
      ...(team?.warnings ?? []),
      ...overloaded.map((row) => `${row.name}: ${row.overCapacity} rep-month${row.overCapacity === 1 ? "" : "s"} over capacity`),
    ],
  };
  if (flags.sources !== undefined) {
    const input = loaded.read(flags.sources);
    const sources = readSources(input.content, input.name, flags.optimizeMix !== true, loaded.readOptions, funnel);
    report.warnings = [...report.warnings, ...input.warnings.map(formatIssue)];
    const needs = monthNeeds(computePlan(loaded.segments, surge));
    const months = needs.map((need) => (flags.optimizeMix ? optimalMix(sources, need.month, need.won, need.qualifiedLeads) : fixedMix(sources, need.month, need.qualifiedLeads, need.won)));
    const baseline = rows[0];
    const plan = { inquiries: baseline?.inquiries ?? 0, deals: baseline?.deals ?? 0, budget: baseline?.budget ?? null };
    const summary = summariseMix(sources, months, needs, flags.optimizeMix === true, plan);
    report.sources = { optimized: flags.optimizeMix === true, sources, months, summary };
    report.warnings = [...report.warnings, ...sourceWarnings(report.sources)];
  }
  checkResultSize(report, "the scenarios");
  const { json, loadJson } = lazyJson(async () => {
    const { renderScenariosJson } = await import("../render/scenarios/json.js");
    return () => renderScenariosJson(report);
  });
  return {
    warnings: report.warnings,
    failure: failureSummary(failOn, scenarioFailures(failuresByScenario)),
    format: loaded.settings.format,
    csv,
    loadJson,
    output: (target: Format, settings: OutputSettings = {}) =>
      renderReport(
        target,
        { json, document: async () => (await import("../render/scenarios/build.js")).buildScenariosDocument(report) },
        { ...renderDefaults(settings, csv), section: settings.section ?? flags.section, onSectionsLeftOut: settings.onSectionsLeftOut },
      ),
  };
}

const CONFIDENCE_RUN_FLAGS = { confidenceBy: "--confidence-by", trials: "--trials", seed: "--seed" } as const;

/**
 * The plan at each row's level when any scenario sets one (`average` counts: the chance of quota
 * is then shown for every row); otherwise none, and `--confidence-by`, `--trials` or `--seed`
 * given would silently do nothing: refused.
 */
async function levelsOf(scenarios: readonly Scenario[], flags: ScenariosFlags, run: Parameters<typeof scenarioLevels>[0], quotasFile: string): Promise<PlanAtLevel | undefined> {
  if (scenarios.some((scenario) => scenario.overrides.confidence !== undefined)) return scenarioLevels(run, quotasFile, "confidence");
  const lone = (Object.keys(CONFIDENCE_RUN_FLAGS) as (keyof typeof CONFIDENCE_RUN_FLAGS)[]).find((name) => flags[name] !== undefined);
  if (lone !== undefined) {
    throw new InputError({ code: "option.invalid", file: CONFIDENCE_RUN_FLAGS[lone], expected: "needs a confidence scenario (--vary confidence=90 or a confidence column): without one there is no confidence plan to apply it to" });
  }
  return undefined;
}

/**
 * The scenarios (the baseline among them) each check fails in, one count per check:
 * `2 scenarios with capacity warnings`.
 */
function scenarioFailures(byScenario: readonly Failure[][]): Failure[] {
  const counts = new Map<string, { checks: Failure["checks"]; count: number }>();
  for (const failures of byScenario) {
    for (const { checks } of failures) counts.set(checks.join(","), { checks, count: (counts.get(checks.join(","))?.count ?? 0) + 1 });
  }
  return [...counts.values()].map(({ checks, count }) => ({ checks, text: `${count} scenario${count === 1 ? "" : "s"} with ${warningName(checks)}s` }));
}

/** `--section` before any file is read: CSV only, and a table this run makes. */
function checkSection(flags: ScenariosFlags, format: string): void {
  const { section } = flags;
  if (section === undefined) return;
  if (format !== "csv") throw new InputError({ code: "option.invalid", file: "--section", expected: "--format csv: the other formats show every section", found: section });
  const needs = section === "sensitivity" ? (flags.sensitivity === undefined ? "--sensitivity PCT" : undefined) : section === "sources" ? (flags.sources === undefined ? "--sources FILE" : undefined) : undefined;
  if (needs !== undefined) throw new InputError({ code: "option.invalid", file: "--section", expected: `a table this run makes: ${section} needs ${needs}`, found: section });
}

function parseShare(text: string, mark: MarkInForce): number {
  const parsed = parsePercent(text, mark);
  if (parsed.ok && parsed.value > 0 && parsed.value < 1) return parsed.value;
  const issue: InputIssue = { code: "option.invalid", file: "--sensitivity", expected: "a percentage above 0 and below 100, like 10 or 10%", found: text };
  if (!parsed.ok && parsed.hint !== undefined) issue.hint = parsed.hint;
  throw new InputError(issue);
}
