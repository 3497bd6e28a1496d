import { CAPACITY_VIEWS, type CapacityView } from "../core/capacity.js";
import type { FunnelStages } from "../core/funnel.js";
import { InputError } from "./input-issue.js";
import { LIMITS, atMost, grouped } from "./limits.js";
import { type Parsed, parseAmount, parseWholeNumber } from "./values.js";

/** The capacity flags as typed (commander gives booleans for the switches). */
export interface CapacityFlags {
  reps?: string | undefined;
  repsCount?: string | undefined;
  repCapacity?: string | undefined;
  respectCapacity?: boolean | undefined;
  strict?: boolean | undefined;
  view?: string | undefined;
  capacityStage?: string | undefined;
}

/** Who follows up the leads: a reps file, or N anonymous reps of one capacity. */
export type TeamSource = { kind: "file"; file: string } | { kind: "count"; count: number; capacity: number };

export interface CapacitySettings {
  /** Undefined: no capacity check. */
  team: TeamSource | undefined;
  respectCapacity: boolean;
  /** Exit 1 (after printing) when the team cannot follow up every lead. */
  strict: boolean;
  view: CapacityView;
  /** `--capacity-stage`: the stage the reps' `capacity` is for; undefined: the stage before won. */
  stage: string | undefined;
}

const NEEDS_TEAM = "no reps to check against: expected --reps FILE, or --reps-count N with --rep-capacity N";

function option<T>(flag: string, text: string, parsed: Parsed<T>): T {
  if (parsed.ok) return parsed.value;
  throw new InputError({ code: "option.invalid", file: flag, expected: parsed.expected, found: text });
}

function positive(text: string): Parsed<number> {
  const amount = parseAmount(text);
  const expected = `a number of qualified leads above 0 and at most ${grouped(LIMITS.repCapacity)}, like 30`;
  return amount.ok && amount.value > 0 ? atMost(amount, LIMITS.repCapacity, expected) : { ok: false, expected };
}

/**
 * Validates the capacity flags up front, before any file is read: a team from a file or from a
 * count (not both; a count needs a capacity and the other way round), and the switches that mean
 * nothing without a team.
 */
export function resolveCapacitySettings(flags: CapacityFlags): CapacitySettings {
  if (flags.reps !== undefined && (flags.repsCount !== undefined || flags.repCapacity !== undefined)) {
    const flag = flags.repsCount !== undefined ? "--reps-count" : "--rep-capacity";
    throw new InputError({ code: "option.invalid", file: flag, expected: "both a reps file and a reps count: expected one of them" });
  }
  if (flags.reps === "-") {
    throw new InputError({ code: "option.invalid", file: "--reps", expected: "a file: only QUOTAS may read standard input", found: "-" });
  }
  if ((flags.repsCount === undefined) !== (flags.repCapacity === undefined)) {
    throw new InputError(
      flags.repsCount === undefined
        ? { code: "option.invalid", file: "--rep-capacity", expected: "a capacity without a count: expected --reps-count N too" }
        : { code: "option.invalid", file: "--reps-count", expected: "a count without a capacity: expected --rep-capacity N too" },
    );
  }
  let team: TeamSource | undefined;
  if (flags.reps !== undefined) team = { kind: "file", file: flags.reps };
  if (flags.repsCount !== undefined && flags.repCapacity !== undefined) {
    team = {
      kind: "count",
      count: option("--reps-count", flags.repsCount, atMost(parseWholeNumber(flags.repsCount, 1), LIMITS.repsCount, `a whole number from 1 to ${grouped(LIMITS.repsCount)}`)),
      capacity: option("--rep-capacity", flags.repCapacity, positive(flags.repCapacity)),
    };
  }
  const view = flags.view ?? "plan";
  if (!(CAPACITY_VIEWS as readonly string[]).includes(view)) {
    throw new InputError({ code: "option.invalid", file: "--view", expected: `one of ${CAPACITY_VIEWS.join(", ")}`, found: view });
  }
  if (team === undefined) {
    const needy = flags.respectCapacity ? "--respect-capacity" : flags.strict ? "--strict" : view !== "plan" ? "--view" : flags.capacityStage !== undefined ? "--capacity-stage" : undefined;
    if (needy !== undefined) throw new InputError({ code: "option.invalid", file: needy, expected: NEEDS_TEAM });
  }
  return { team, respectCapacity: flags.respectCapacity === true, strict: flags.strict === true, view: view as CapacityView, stage: flags.capacityStage };
}

/**
 * The stage the reps work, checked against the funnel once it is known (before any file is
 * read): a stage before won, by default the one just before it. `index` is its place in a
 * segment's stages, nearest won first (0: the stage before won).
 */
export function capacityStageOf(stage: string | undefined, funnel: FunnelStages): { funnel: FunnelStages; checked: string; index: number } {
  const beforeWon = funnel.slice(0, -1);
  const checked = stage ?? beforeWon[beforeWon.length - 1] ?? "";
  const at = beforeWon.indexOf(checked);
  if (at < 0) {
    throw new InputError({ code: "option.invalid", file: "--capacity-stage", expected: `a stage before won of the funnel ${funnel.join(",")}: one of ${beforeWon.join(", ")}`, found: checked });
  }
  return { funnel, checked, index: beforeWon.length - 1 - at };
}
