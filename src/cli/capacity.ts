import { type CapacityFinding, type RepCapacity, capacityFindings, checkCapacity } from "../core/capacity.js";
import type { Plan } from "../core/plan.js";
import type { CapacitySettings } from "../io/capacity-settings.js";
import { formatIssue } from "../io/input-issue.js";
import { anonymousTeam, checkRepNames, checkTeamCoversQuotas, readReps } from "../io/reps.js";
import { type CapacitySection, capacityWarnings } from "../render/capacity/report.js";
import { CheckFailed } from "./check-failed.js";
import type { LoadedPlan } from "./load-plan.js";

/** A capacity check ready to render: the section, its warning lines, and what failed. */
export interface CapacityRun {
  section: CapacitySection;
  /** Reps-file warnings (unknown columns), then one line per finding. */
  warnings: string[];
  findings: CapacityFinding[];
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
export function runCapacity(settings: CapacitySettings, loaded: Pick<LoadedPlan, "quotas" | "read" | "readOptions">, plan: Plan): CapacityRun | undefined {
  const { team: source } = settings;
  if (source === undefined) return undefined;
  const { team, warnings } = loadTeam(settings, loaded) ?? { team: [], warnings: [] };
  const report = checkCapacity(plan, team, { respectCapacity: settings.respectCapacity });
  const findings = capacityFindings(report);
  for (const item of capacityWarnings(findings)) warnings.push(item);
  const name = source.kind === "file" ? source.file : `--reps-count ${source.count}`;
  return { section: { report, source: name, view: settings.view }, warnings, findings };
}

/**
 * Reads the team once (the reps file, or `--reps-count` anonymous reps) and checks that every rep
 * the quotas name is in it, spelt the same; undefined without a team. For commands that check many plans.
 */
export function loadTeam(settings: CapacitySettings, loaded: Pick<LoadedPlan, "quotas" | "read" | "readOptions">): { team: RepCapacity[]; warnings: string[] } | undefined {
  const { team: source } = settings;
  if (source === undefined) return undefined;
  if (source.kind === "count") {
    const team = anonymousTeam(source.count, source.capacity);
    checkTeamCoversQuotas(loaded.quotas, team, { kind: "count" });
    return { team, warnings: [] };
  }
  const input = loaded.read(source.file);
  const file = readReps(input.content, input.name, loaded.readOptions);
  const nameWarnings = checkRepNames(loaded.quotas, file);
  checkTeamCoversQuotas(loaded.quotas, file.reps, { kind: "file", file: input.name });
  return { team: file.reps, warnings: [...input.warnings, ...file.warnings, ...nameWarnings].map(formatIssue) };
}

/** Rep-months over capacity in a plan (qualified leads or inquiries), as warnings count them. */
export function repMonthsOverCapacity(plan: Plan, team: readonly RepCapacity[], respectCapacity: boolean): number {
  const findings = capacityFindings(checkCapacity(plan, team, { respectCapacity }));
  return new Set(findings.map((finding) => `${finding.month}\u0000${finding.rep}`)).size;
}

/** With `--strict`, a run the team cannot follow up in full fails, after its report is written. */
export function failIfStrict(settings: CapacitySettings, run: CapacityRun | undefined): void {
  if (!settings.strict || run === undefined || run.findings.length === 0) return;
  const repMonths = new Set(run.findings.map((finding) => `${finding.month}\u0000${finding.rep}`)).size;
  const what = run.section.report.respectCapacity ? "with leads at risk or inquiries over capacity" : "over capacity";
  throw new CheckFailed(`--strict: ${repMonths} rep-month${repMonths === 1 ? "" : "s"} ${what} (see the warnings)`);
}
