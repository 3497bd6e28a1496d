import type { Forecast } from "../core/forecast.js";
import type { CapacitySettings } from "../io/capacity-settings.js";
import { InputError } from "../io/input-issue.js";
import { chanceText, formatNumber } from "../render/format.js";

/** Every check a run can fail on, in the order a summary names them. */
export const CHECKS = ["behind", "follow-up", "source", "capacity", "inquiry-capacity", "at-risk", "forecast", "vacation"] as const;
export type Check = (typeof CHECKS)[number];

/** The capacity checks: what `--strict` adds to a command's default checks. */
export const CAPACITY_CHECKS: readonly Check[] = ["capacity", "inquiry-capacity", "at-risk"];

/** Track's checks of the actuals themselves, which need no team: plan against actual, follow-up (needs a followed_up column), lead quality by source (a source column). */
const ACTUALS_CHECKS: readonly Check[] = ["behind", "follow-up", "source", "forecast"];

/** What one command can check, and what it fails on when neither --fail-on nor --strict is given. */
export interface CommandChecks {
  command: string;
  valid: readonly Check[];
  byDefault: readonly Check[];
}

/**
 * Reps away in surge months: advice compute gives with a reps file, so `--strict` leaves it out;
 * only `--fail-on vacation` fails on it.
 */
const VACATION_CHECKS: readonly Check[] = ["vacation"];

export const COMPUTE_CHECKS: CommandChecks = { command: "compute", valid: [...CAPACITY_CHECKS, ...VACATION_CHECKS], byDefault: [] };
export const TRACK_CHECKS: CommandChecks = { command: "track", valid: CHECKS.filter((check) => !VACATION_CHECKS.includes(check)), byDefault: ["behind"] };
export const SCENARIOS_CHECKS: CommandChecks = { command: "scenarios", valid: CAPACITY_CHECKS, byDefault: [] };

/** The checks a run fails on, and the switch that asked for them (named in the closing summary). */
export interface FailOn {
  checks: ReadonlySet<Check>;
  /** `--fail-on capacity,at-risk`, `--strict`, or the command's default (`--fail-on behind, the default`). */
  source: string;
}

/** `--fail-on`'s help: the values this command takes. */
export function failOnHelp(checks: CommandChecks): string {
  const byDefault = checks.byDefault.length === 0 ? "none" : checks.byDefault.join(",");
  const vacation = checks.valid.includes("vacation") ? "; vacation, reps away in surge months, only when named" : "";
  return `exit 1 (after printing) when a check fails: a comma list of ${checks.valid.join(", ")}, or none (default: ${byDefault}; --strict adds every capacity check${vacation})`;
}

/**
 * Validates `--fail-on` (and `--strict`, its shorthand for every capacity check on top of the
 * command's default) before any file is read. A check that could never fail is refused, not
 * passed silently: a capacity check without a team, `at-risk` without `--respect-capacity`,
 * `inquiry-capacity` with `--reps-count` reps (they have no inquiry capacity).
 */
export function resolveFailOn(text: string | undefined, strict: boolean, capacity: CapacitySettings, checks: CommandChecks): FailOn {
  if (text === undefined) {
    const picked = strict ? [...checks.byDefault, ...CAPACITY_CHECKS.filter((check) => checks.valid.includes(check))] : checks.byDefault;
    const source = strict ? "--strict" : `--fail-on ${checks.byDefault.join(",")}, the default`;
    return { checks: new Set(picked), source };
  }
  const expected = `a comma list of ${checks.valid.join(", ")}, or none`;
  if (strict) {
    throw new InputError({ code: "option.invalid", file: "--strict", expected: `not with --fail-on: --strict is --fail-on ${[...checks.byDefault, ...CAPACITY_CHECKS].join(",")} (give one of them)` });
  }
  const names = text.split(",").map((name) => name.trim());
  if (names.length === 1 && names[0] === "none") return { checks: new Set(), source: "--fail-on none" };
  for (const name of names) {
    if ((checks.valid as readonly string[]).includes(name)) continue;
    const hint = name === "none" ? "none stands alone" : ACTUALS_CHECKS.includes(name as Check) ? `${name} is a track check` : VACATION_CHECKS.includes(name as Check) ? `${name} is a compute check` : undefined;
    throw new InputError({ code: "option.invalid", file: "--fail-on", expected: `${expected} for ${checks.command}`, found: name, ...(hint === undefined ? {} : { hint }) });
  }
  const picked = new Set(names as Check[]);
  const needsTeam = [...picked].find((check) => !ACTUALS_CHECKS.includes(check));
  if (needsTeam !== undefined && capacity.team === undefined) {
    throw new InputError({ code: "option.invalid", file: "--fail-on", expected: `${needsTeam}: no reps to check against: expected --reps FILE, or --reps-count N with --rep-capacity N` });
  }
  // A list whose team checks could none of them fail is refused: CI would pass it whatever the plan.
  const teamChecks = [...picked].filter((check) => !ACTUALS_CHECKS.includes(check));
  const canFail = (check: Check) => (check === "at-risk" ? capacity.respectCapacity : check === "inquiry-capacity" || check === "vacation" ? capacity.team?.kind !== "count" : true);
  if (teamChecks.length > 0 && !teamChecks.some(canFail)) {
    const why = picked.has("at-risk") && !capacity.respectCapacity
      ? "at-risk: without --respect-capacity no lead is built earlier, so none is at risk: expected --respect-capacity, or --fail-on capacity"
      : picked.has("inquiry-capacity")
        ? "inquiry-capacity: --reps-count reps have no inquiry capacity: expected --reps FILE with an inquiry_capacity column, or --fail-on capacity"
        : "vacation: --reps-count reps are always available: expected --reps FILE with availability by month, or --fail-on capacity";
    throw new InputError({ code: "option.invalid", file: "--fail-on", expected: why });
  }
  return { checks: picked, source: `--fail-on ${[...picked].join(",")}` };
}

/** One failed check: how many of what (`6 capacity warnings`), and the checks it fails (any of them). */
export interface Failure {
  checks: readonly Check[];
  text: string;
}

/**
 * The closing summary, or undefined when nothing failed:
 * `6 capacity warnings, 2 inquiry-capacity warnings; exit 1 (--strict)`. main.ts prints it on
 * stderr after `leadplan: `, once the report is written.
 */
export function failureSummary(failOn: FailOn, failures: readonly Failure[]): string | undefined {
  const failed = failures.filter((failure) => failure.checks.some((check) => failOn.checks.has(check)));
  if (failed.length === 0) return undefined;
  return `${failed.map((failure) => failure.text).join(", ")}; exit 1 (${failOn.source})`;
}

/** `6 capacity warnings`, `1 at-risk warning` (named after the last check); nothing for none. */
export function counted(checks: readonly Check[], count: number): Failure[] {
  return count === 0 ? [] : [{ checks, text: `${count} ${warningName(checks)}${count === 1 ? "" : "s"}` }];
}

/** What a failure's warnings are called: after its last check (`at-risk warning`). */
export function warningName(checks: readonly Check[]): string {
  return `${checks[checks.length - 1] ?? "check"} warning`;
}

/** The forecast's line in the closing summary when the year's chance is under `--fail-below` (a fraction, 0 < x ≤ 1). */
export function forecastFailures(forecast: Forecast | null, failBelow: number | undefined): Failure[] {
  const year = forecast?.periods.find((period) => period.kind === "year");
  if (!year || year.probability === null || failBelow === undefined || !(year.probability < failBelow)) return [];
  return [{ checks: ["forecast"], text: `${chanceText(year.probability)} chance of making ${year.label}, under --fail-below ${formatNumber(failBelow * 100, 2)}%` }];
}
