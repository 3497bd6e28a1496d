import { type CapacityFinding, type RepCapacity, capacityFindings, checkCapacity } from "../core/capacity.js";
import type { Plan } from "../core/plan.js";
import { type SurgeVacation, surgeVacations } from "../core/surge-vacations.js";
import { type CapacitySettings, capacityStageOf } from "../io/capacity-settings.js";
import { formatIssue } from "../io/input-issue.js";
import { anonymousTeam, checkRepNames, checkTeamCoversQuotas, readReps } from "../io/reps.js";
import { type CapacitySection, capacityWarnings } from "../render/capacity/report.js";
import { CheckFailed } from "./check-failed.js";
import { type FailOn, type Failure, counted, failureSummary } from "./fail-on.js";
import type { LoadedPlan } from "./load-plan.js";

/** A capacity check ready to render: the section, its warning lines, and what failed. */
export interface CapacityRun {
  section: CapacitySection;
  /** Reps-file warnings (unknown columns), then one line per finding. */
  warnings: string[];
  findings: CapacityFinding[];
  /** Reps away for part of a surge month (compute warns about them: advice, `--fail-on vacation`). */
  vacations: SurgeVacation[];
  /** The reps file's own warnings (unknown columns, names), without the findings' lines. */
  fileWarnings: string[];
  /**
   * The other stages the reps file gives a capacity of (`mql_capacity` beside `sql_capacity`),
   * each checked too, nearest won first; empty with `--capacity-stage` or one capacity.
   */
  more: { section: CapacitySection; findings: CapacityFinding[] }[];
}

/** One stage's team: the stage (its place in a segment's stages) and each rep's capacity there. */
export interface StageTeam {
  stages: ReturnType<typeof capacityStageOf>;
  team: RepCapacity[];
}

/** The files the capacity check reads, for loadPlan to check `--out` against before reading any. */
export function capacityInputs(settings: CapacitySettings): string[] {
  return settings.team?.kind === "file" ? [settings.team.file] : [];
}

/**
 * Reads the team (the reps file, or `--reps-count` anonymous reps), checks that every rep the
 * quotas name is in it, and checks `plan` against it. Any command with a plan calls this:
 * compute with its plan, track with its catch-up plan. Undefined when no team was given.
 */
export function runCapacity(settings: CapacitySettings, loaded: TeamInputs, plan: Plan): CapacityRun | undefined {
  const { team: source } = settings;
  if (source === undefined) return undefined;
  const stages = capacityStageOf(settings.stage, loaded.settings.funnel);
  const { team, warnings: fileWarnings, others } = loadTeam(settings, loaded) ?? { team: [], warnings: [], others: [] };
  const warnings = [...fileWarnings];
  const report = checkCapacity(plan, team, { respectCapacity: settings.respectCapacity, stage: stages.index });
  const findings = capacityFindings(report);
  for (const item of capacityWarnings(findings, stages)) warnings.push(item);
  const name = source.kind === "file" ? source.file : `--reps-count ${source.count}`;
  const more = others.map((other) => {
    const otherReport = checkCapacity(plan, other.team, { respectCapacity: settings.respectCapacity, stage: other.stages.index });
    const otherFindings = capacityFindings(otherReport);
    for (const item of capacityWarnings(otherFindings, other.stages)) warnings.push(item);
    return { section: { report: otherReport, source: name, view: settings.view, stages: other.stages }, findings: otherFindings };
  });
  return { section: { report, source: name, view: settings.view, stages }, warnings, findings, fileWarnings, more, vacations: surgeVacations(plan, team) };
}

/** Every finding of a run, the other stages' too: what --fail-on counts. */
export function allFindings(run: CapacityRun): CapacityFinding[] {
  return [...run.findings, ...run.more.flatMap((other) => other.findings)];
}

/** What the team is read with: the quotas it must cover, the reader, and the funnel its stages are of. */
type TeamInputs = Pick<LoadedPlan, "quotas" | "read" | "readOptions"> & { settings: Pick<LoadedPlan["settings"], "funnel"> };

/**
 * Reads the team once (the reps file, or `--reps-count` anonymous reps) and checks that every rep
 * the quotas name is in it, spelt the same; undefined without a team. For commands that check many plans.
 */
export function loadTeam(settings: CapacitySettings, loaded: TeamInputs): { team: RepCapacity[]; warnings: string[]; others: StageTeam[] } | undefined {
  const { team: source } = settings;
  if (source === undefined) return undefined;
  if (source.kind === "count") {
    const team = anonymousTeam(source.count, source.capacity);
    checkTeamCoversQuotas(loaded.quotas, team, { kind: "count" });
    return { team, warnings: [], others: [] };
  }
  const input = loaded.read(source.file);
  const { funnel } = loaded.settings;
  // Without --capacity-stage, every stage the file gives a capacity of is checked in this run.
  const checkEvery = settings.stage === undefined;
  const file = readReps(input.content, input.name, loaded.readOptions, { ...capacityStageOf(settings.stage, funnel), checkEvery });
  const nameWarnings = checkRepNames(loaded.quotas, file);
  checkTeamCoversQuotas(loaded.quotas, file.reps, { kind: "file", file: input.name });
  // The same reps, read again for each other stage's `<stage>_capacity` (its own warnings were the first read's).
  const others = file.otherStages.map((stage): StageTeam => ({
    stages: capacityStageOf(stage, funnel),
    // The follow-up (the top stage's capacity) is checked once, with the first stage.
    team: readReps(input.content, input.name, loaded.readOptions, { funnel, checked: stage, named: true }).reps.map((rep) => ({ ...rep, inquiryCapacity: null })),
  }));
  return { team: file.reps, warnings: [...input.warnings, ...file.warnings, ...nameWarnings].map(formatIssue), others };
}

/**
 * What a capacity check found, as `--fail-on` counts it: one warning per rep-month over capacity
 * (`capacity`; with --respect-capacity, only leads that fit in no earlier month are left, so they
 * count for `capacity` and `at-risk` alike) and per rep-month over its inquiry capacity.
 */
export function capacityFailures(findings: readonly CapacityFinding[], respectCapacity: boolean): Failure[] {
  const leads = findings.filter((finding) => finding.kind === "qualified-leads").length;
  const inquiries = findings.length - leads;
  return [
    ...(respectCapacity ? counted(["capacity", "at-risk"], leads) : counted(["capacity"], leads)),
    ...counted(["inquiry-capacity"], inquiries),
  ];
}

/** Reps away in surge months, as `--fail-on vacation` counts them: one warning per rep-month. */
export function vacationFailures(vacations: readonly SurgeVacation[]): Failure[] {
  return counted(["vacation"], vacations.length);
}

/** A run whose checks failed ends so, after its report is written: exit 1 with the summary line. */
export function failIfChecksFail(failOn: FailOn, failures: readonly Failure[]): void {
  const summary = failureSummary(failOn, failures);
  if (summary !== undefined) throw new CheckFailed(summary);
}
