import { type Command, Option } from "commander";
import { CONFIDENCE_GRAINS } from "../core/confidence-grain.js";
import type { Plan } from "../core/plan.js";
import type { PlanAtLevel } from "../core/scenarios.js";
import { CONFIDENCE_DEFAULTS, type ConfidenceRaw, type ConfidenceRun, type ConfidenceSettings } from "../io/confidence-settings.js";
import { InputError } from "../io/input-issue.js";
import { LIMITS, grouped } from "../io/limits.js";
import type { ConfidenceSection } from "../render/plan/confidence.js";
import type { LoadedPlan } from "./load-plan.js";

/** The confidence flags as commander gives them (config keys of the same names: README). */
export type ConfidenceFlags = ConfidenceRaw;

/** `--confidence`, `--confidence-by`, `--trials`, `--seed` (README, "Confidence planning"). */
export function addConfidenceOptions(command: Command): Command {
  return command
    .option("--confidence <PCT>", "plan the leads that make each period's quota with PCT% certainty, not on average (e.g. 90 or 90%)")
    .addOption(new Option("--confidence-by <PERIOD>", `with --confidence: the periods to be sure of, fiscal (default: ${CONFIDENCE_DEFAULTS.by})`).choices(CONFIDENCE_GRAINS))
    .option("--trials <N>", `with --confidence: simulation trials where exact math does not apply (default: ${grouped(CONFIDENCE_DEFAULTS.trials)}, at most ${grouped(LIMITS.trials)})`)
    .option("--seed <N>", `with --confidence: the simulation's seed; the same inputs and seed give the same output (default: ${CONFIDENCE_DEFAULTS.seed})`);
}

/**
 * The plan at confidence with its report section. The planner loads only for a run that asks:
 * a plain compute pays nothing for it.
 */
export async function confidenceSection(plan: Plan, settings: ConfidenceSettings, loaded: LoadedPlan): Promise<ConfidenceSection> {
  const { planAtConfidence, MixedMeasureError } = await import("../core/confidence-plan.js");
  const history = loaded.history;
  // With --history: each learned rate a Beta posterior of its scope's mature counts, each learned deal size its won amounts.
  const evidence = history === undefined ? undefined : (await import("../core/confidence-evidence.js")).historyEvidence(history.calibration, plan.segments, history.learnedScopeOf);
  try {
    const options = { level: settings.level, by: settings.by, trials: settings.trials, seed: settings.seed };
    const result = planAtConfidence(plan, evidence === undefined ? options : { ...options, evidence: evidence.segments });
    if (history === undefined || evidence === undefined) return { result, thinScopes: [] };
    return {
      result,
      thinScopes: evidence.thin,
      history: { file: history.file, uncertainRates: evidence.uncertainRates, resampledAmounts: evidence.resampledAmounts, amountsSampledTo: evidence.amountsSampledTo, monthly: history.calibration.shape === "monthly" },
    };
  } catch (error) {
    if (error instanceof MixedMeasureError) throw mixedMeasure("--confidence", error, loaded.quotas.file);
    throw error;
  }
}

/** A plan with money and units-only segments has no one revenue to be sure of: one line, naming the segment. */
function mixedMeasure(flag: string, error: Error, quotasFile: string): InputError {
  return new InputError({ code: "option.invalid", file: flag, expected: `one measure of revenue: ${error.message} (${quotasFile})` });
}

/**
 * `scenarios` with a confidence dimension: each row's plan at its level. The planner loads only
 * for a run that varies the level.
 */
export async function scenarioLevels(run: ConfidenceRun, quotasFile: string, flag: string): Promise<PlanAtLevel> {
  const [{ certaintyAt }, { MixedMeasureError }] = await Promise.all([import("../core/scenario-confidence.js"), import("../core/confidence-plan.js")]);
  return (plan, level) => {
    try {
      return certaintyAt(plan, level, run);
    } catch (error) {
      if (error instanceof MixedMeasureError) throw mixedMeasure(flag, error, quotasFile);
      throw error;
    }
  };
}
