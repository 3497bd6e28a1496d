import { type Forecast, monthSpan } from "../core/forecast.js";
import type { Plan } from "../core/plan.js";
import { InputError, type InputIssue } from "../io/input-issue.js";
import type { MarkInForce } from "../io/number-text.js";
import { flagValue } from "../io/flag-value.js";
import { parseFailBelow } from "../io/track-values.js";
import { CONFIDENCE_DEFAULTS, parseSeed, parseTrials } from "../io/confidence-settings.js";
import type { FailOn } from "./fail-on.js";

/** The simulation's flags are compute's `--confidence` ones: one definition, one default (src/io/confidence-settings.ts). */
export const DEFAULT_TRIALS = CONFIDENCE_DEFAULTS.trials;
export const DEFAULT_SEED = CONFIDENCE_DEFAULTS.seed;

export interface ForecastFlags {
  forecast?: boolean | undefined;
  trials?: string | number | undefined;
  seed?: string | number | undefined;
  failBelow?: string | undefined;
}

export interface ForecastSettings {
  /** Whether to forecast: `--forecast`, or `--fail-below` (which needs one). */
  wanted: boolean;
  trials: number;
  seed: number;
  /** The least chance of making the fiscal year, 0 < x ≤ 1; undefined without `--fail-below`. */
  failBelow: number | undefined;
  /** `--fail-below` as given, for the closing summary. */
  failBelowText: string | undefined;
}


/** Checks the forecast's flags, before any file is read. */
export function forecastSettings(flags: ForecastFlags, mark: MarkInForce): ForecastSettings {
  const trials = flags.trials === undefined ? DEFAULT_TRIALS : flagValue("--trials", String(flags.trials), (text) => parseTrials(text, mark));
  const seed = flags.seed === undefined ? DEFAULT_SEED : flagValue("--seed", String(flags.seed), (text) => parseSeed(text, mark));
  const failBelow = flags.failBelow === undefined ? undefined : flagValue("--fail-below", flags.failBelow, (text) => parseFailBelow(text, mark));
  return { wanted: flags.forecast === true || failBelow !== undefined, trials, seed, failBelow, failBelowText: flags.failBelow?.trim() };
}

/**
 * `--fail-below` and `--fail-on forecast` together: `--fail-below` alone adds the forecast check to
 * the command's default (or `--strict`); `--fail-on forecast` needs its threshold; a `--fail-on`
 * list without `forecast` next to `--fail-below` is refused, not half obeyed.
 */
export function withForecastCheck(failOn: FailOn, failOnText: string | undefined, settings: ForecastSettings): FailOn {
  if (failOn.checks.has("forecast") && settings.failBelow === undefined) {
    throw new InputError({ code: "option.invalid", file: "--fail-on", expected: "forecast: no threshold to check the year against: expected --fail-below PCT" });
  }
  if (settings.failBelow === undefined || failOn.checks.has("forecast")) return failOn;
  if (failOnText !== undefined) {
    throw new InputError({ code: "option.invalid", file: "--fail-below", expected: `forecast in --fail-on's list (--fail-on ${failOnText} leaves it out), or no --fail-on`, found: settings.failBelowText ?? "" });
  }
  return { checks: new Set([...failOn.checks, "forecast"]), source: `${failOn.source}, and --fail-below ${settings.failBelowText ?? ""}` };
}

/** `--section` before any file is read: CSV only, and the forecast's table only when forecasting. */
export function checkTrackSection(section: string | undefined, format: string, forecasting: boolean): void {
  if (section === undefined) return;
  if (format !== "csv") throw new InputError({ code: "option.invalid", file: "--section", expected: "--format csv: the other formats show every section", found: section });
  if (section === "forecast" && !forecasting) throw new InputError({ code: "option.invalid", file: "--section", expected: "a table this run makes: forecast needs --forecast", found: section });
}

/**
 * What the forecast needs of the files: revenue in money on both sides (it counts revenue won to
 * date against quota in money, and values every deal at its segment's deal size).
 */
export function checkForecastInputs(plan: Plan, actuals: { file: string; measures: readonly string[] }): void {
  if (!plan.hasAmounts || plan.segments.some((segment) => segment.assumptions.avgDealSize === null)) {
    throw new InputError({ code: "option.invalid", file: "--forecast", expected: "quotas in money with a deal size for every row: a forecast in units is not made yet" });
  }
  if (!actuals.measures.includes("revenue")) {
    throw new InputError({ code: "column.missing", file: actuals.file, line: 1, column: "revenue", expected: "missing column: expected a revenue column for --forecast (it counts revenue won to date)" });
  }
}

/** Warnings on what the forecast could not see: unreported months it counts as nothing won, counts the plan stood in for. */
export function forecastWarnings(forecast: Forecast, actualsFile: string): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const period of forecast.periods) {
    if (period.unreported === null) continue;
    issues.push({ code: "row.left-out", file: actualsFile, expected: `forecast of ${period.label}: no actuals for ${monthSpan(period.unreported)}: nothing won is counted there` });
  }
  return issues;
}
