import type { Command } from "commander";
import { type CoverageCheck, checkCoverage } from "../core/coverage.js";
import type { Every } from "../core/half-month.js";
import type { Plan } from "../core/plan.js";
import type { SelectedActuals } from "../core/track.js";
import type { ActualsFile } from "../io/actuals.js";
import { flagValue } from "../io/flag-value.js";
import type { InputIssue } from "../io/input-issue.js";
import type { MarkInForce } from "../io/number-text.js";
import { parseCoverageMultiple } from "../io/track-values.js";

/** Track's pipeline coverage flag (issue 15). */
export interface CoverageFlags {
  coverageTarget?: string | undefined;
}

/** The common inbound norm: three times the quota due in open pipeline. */
export const DEFAULT_COVERAGE_TARGET = 3;

/** `--coverage-target`, added to track's options. */
export function addCoverageOptions(command: Command): Command {
  return command.option("--coverage-target <X>", "with an open_pipeline column in ACTUALS: open pipeline ÷ quota due in the next sales cycle each period should reach, e.g. 3 or 2.5x (default: 3)");
}


/** The coverage target, checked before any file is read; 3 by default. */
export function coverageTargetOf(flags: CoverageFlags, mark: MarkInForce): number {
  return flags.coverageTarget === undefined ? DEFAULT_COVERAGE_TARGET : flagValue("--coverage-target", flags.coverageTarget, (text) => parseCoverageMultiple(text, mark));
}

/**
 * The coverage of the rows compared, when the actuals carry `open_pipeline`; with units-only
 * quotas there is no quota money to cover, which a warning says.
 */
export function coverageOf(plan: Plan, actuals: ActualsFile, selected: SelectedActuals, every: Every, flags: CoverageFlags, target: number, warnings: InputIssue[]): CoverageCheck | undefined {
  const issue = { code: "column.missing", file: actuals.file, line: 1, column: "open_pipeline" } as const;
  if (!actuals.hasOpenPipeline) {
    if (flags.coverageTarget !== undefined) warnings.push({ ...issue, expected: "--coverage-target: the actuals have no open_pipeline column: no coverage is checked" });
    return undefined;
  }
  if (!plan.hasAmounts) {
    warnings.push({ ...issue, code: "column.unknown", expected: "the quotas are in units only: open pipeline has no quota money to cover, not checked" });
    return undefined;
  }
  return checkCoverage(plan, selected.entries, every, target);
}
