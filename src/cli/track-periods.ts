import { Option, type Command } from "commander";
import { type FollowUpCheck, checkFollowUp } from "../core/follow-up.js";
import { EVERY, type Every } from "../core/half-month.js";
import type { SelectedActuals } from "../core/track.js";
import type { ActualsFile } from "../io/actuals.js";
import { flagValue } from "../io/flag-value.js";
import { InputError, type InputIssue } from "../io/input-issue.js";
import type { MarkInForce } from "../io/number-text.js";
import { parseFollowUpTarget } from "../io/track-values.js";
import type { Failure, FailOn } from "./fail-on.js";

/** Track's semimonthly checkpoints and follow-up flags (issue 15). */
export interface PeriodFlags {
  every: Every;
  followUpTarget?: string;
}

/** `--every` and `--follow-up-target`, added to track's options. */
export function addPeriodOptions(command: Command): Command {
  return command
    .addOption(
      new Option("--every <PERIOD>", "checkpoints every month, or every half-month (1st-15th, 16th-end: actuals dated by day or by half, 2027-01-H1)").choices(EVERY).default("month"),
    )
    .option("--follow-up-target <PCT>", "with a followed_up column in ACTUALS: the share of inquiries each rep must follow up in each period (default: 100)");
}


/** The follow-up target, checked before any file is read; 1 (the playbook's 100%) by default. */
export function followUpTargetOf(flags: PeriodFlags, mark: MarkInForce): number {
  return flags.followUpTarget === undefined ? 1 : flagValue("--follow-up-target", flags.followUpTarget, (text) => parseFollowUpTarget(text, mark));
}

/** Half-month checkpoints need rows dated by day or by half: a month's actuals cannot be split. */
export function checkDating(actuals: ActualsFile, every: Every): void {
  if (every === "half-month" && actuals.dating === "month") {
    throw new InputError({
      code: "option.invalid",
      file: "--every",
      expected: `half-month: ${actuals.file} dates its rows by month: expected a date column (YYYY-MM-DD) or halves in the month column (2027-01-H1)`,
    });
  }
}

/**
 * The follow-up check of the rows compared, when the actuals carry `followed_up`. `--fail-on
 * follow-up` without that column could never fail, so it is refused, not passed silently.
 */
export function followUpOf(
  actuals: ActualsFile,
  selected: SelectedActuals,
  every: Every,
  flags: PeriodFlags,
  target: number,
  failOn: FailOn,
  warnings: InputIssue[],
): FollowUpCheck | undefined {
  if (actuals.followUpBase === undefined) {
    const issue = { code: "column.missing", file: actuals.file, line: 1, column: "followed_up" } as const;
    if (failOn.checks.has("follow-up")) throw new InputError({ ...issue, expected: "--fail-on follow-up: expected a followed_up column in the actuals (inquiries each rep has contacted)" });
    if (flags.followUpTarget !== undefined) warnings.push({ ...issue, code: "column.missing", expected: "--follow-up-target: the actuals have no followed_up column: no follow-up is checked" });
    return undefined;
  }
  return checkFollowUp(selected.entries, actuals.followUpBase, every, target);
}

/** `2 follow-up rates below 100%`, for the closing summary. */
export function followUpFailures(check: FollowUpCheck | undefined, target: string): Failure[] {
  const below = check?.rows.filter((row) => row.below).length ?? 0;
  return below === 0 ? [] : [{ checks: ["follow-up"], text: `${below} follow-up rate${below === 1 ? "" : "s"} below ${target}` }];
}
