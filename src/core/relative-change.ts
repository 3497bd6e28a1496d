import type { AssumptionEntry, AssumptionKind } from "./assumptions.js";
import { type FunnelStages, type SegmentAssumptions, funnelSteps, stepKey } from "./funnel.js";
import { type LagDistribution, lagFromMonths, meanLag } from "./lag.js";
import type { SegmentInput } from "./plan.js";
import type { AssumptionValues, FixedAssumptionName } from "./resolve.js";

/**
 * A change relative to each segment's own value, as finance asks it: `+20%` and `x1.2` scale
 * the value (`scale`, the factor 1.2), `-3pp` moves a rate by percentage points (`points`, the
 * share −0.03). An absolute value (`66`) would give every segment the same figure and wipe out
 * the differences between them: costs of 55 and 35 both becoming 66 is +20% on one, +89% on the other.
 */
export interface RelativeChange {
  /** The field it changes (the surge included). */
  name: AssumptionEntry["name"];
  kind: AssumptionKind;
  operation: "scale" | "points";
  /** The factor (`scale`) or the share added (`points`). */
  amount: number;
  /** As written, for names and messages: `+20%`. */
  text: string;
  /** The column (or `--vary` name) it was written under: `cost_per_inquiry`. */
  column: string;
}

/** The values a changed assumption may take, by kind: what its flag would accept (io/values.ts). */
const BOUNDS: Record<AssumptionKind, { min: number; minIncluded: boolean; max: number; expected: string }> = {
  rate: { min: 0, minIncluded: false, max: 1, expected: "a rate above 0 and at most 100%" },
  amount: { min: 0, minIncluded: false, max: 1e12, expected: "an amount above 0 and at most 1,000,000,000,000" },
  cost: { min: 0, minIncluded: true, max: 1e9, expected: "a cost from 0 to 1,000,000,000 per inquiry" },
  // A duration's mean in months: ten years at most.
  duration: { min: 0, minIncluded: true, max: 120, expected: "a time from 0 to 120 months" },
  percent: { min: 0, minIncluded: true, max: 10, expected: "a surge from 0 to 1000%" },
};

/** The value a change gives one figure. */
export function changedValue(value: number, change: Pick<RelativeChange, "operation" | "amount">): number {
  return change.operation === "scale" ? value * change.amount : value + change.amount;
}

/** A changed value outside what the assumption can be: refused, never clamped. */
export interface ChangeOutOfRange {
  change: RelativeChange;
  /** The segment whose value left the range; null for the surge, which is the run's, not a segment's. */
  segment: { rep: string; product: string } | null;
  from: number;
  to: number;
  expected: string;
}

/** Whether a changed figure is one its assumption can take (a rate above 100% or at 0 is not). */
function outOfRange(kind: AssumptionKind, value: number): boolean {
  const bounds = BOUNDS[kind];
  // Rates and shares are compared to a millionth: 25% − 25pp is 0 whatever the binary digits say.
  const rounded = Math.round(value * 1e9) / 1e9;
  if (!Number.isFinite(value) || rounded > bounds.max) return true;
  return bounds.minIncluded ? rounded < bounds.min : rounded <= bounds.min;
}

/** The figure a change reads in a segment: a rate or amount, a duration's mean in months; null when the segment has none (no cost). */
function figureOf(assumptions: SegmentAssumptions, change: RelativeChange, funnel: FunnelStages): number | null {
  const field = change.name;
  if (field === "surge") return null;
  if (field.startsWith("rate:") || field.startsWith("lag:")) {
    const step = stepAt(assumptions, field, funnel);
    if (step === undefined) return null;
    return field.startsWith("lag:") ? meanLag(step.lag) : step.rate;
  }
  const value = assumptions[field as FixedAssumptionName] as number | LagDistribution | null;
  if (value === null) return null;
  return typeof value === "number" ? value : meanLag(value);
}

function stepAt(assumptions: SegmentAssumptions, field: string, funnel: FunnelStages) {
  const key = field.slice(field.indexOf(":") + 1);
  const at = funnelSteps(funnel).findIndex(([from, to]) => stepKey(from, to) === key);
  return assumptions.steps?.[at];
}

/**
 * The values a scenario's relative changes give one segment, each from the segment's own value
 * (`{ costPerInquiry: 66 }` for a cost of 55 and `+20%`). A segment without the figure (no
 * cost known) keeps having none. The surge is the run's: see {@link changedSurge}.
 */
export function changedValues(assumptions: SegmentAssumptions, changes: readonly RelativeChange[], funnel: FunnelStages): AssumptionValues {
  const values: Record<string, unknown> = {};
  for (const change of changes) {
    const figure = figureOf(assumptions, change, funnel);
    if (figure === null) continue;
    const value = changedValue(figure, change);
    values[change.name] = change.kind === "duration" ? lagFromMonths(value) : value;
  }
  return values as AssumptionValues;
}

/** The run's surge after a scenario's change to it (unchanged without one). */
export function changedSurge(surge: number, changes: readonly RelativeChange[]): number {
  const change = changes.find((candidate) => candidate.name === "surge");
  return change === undefined ? surge : changedValue(surge, change);
}

/**
 * The first change of any scenario that takes a segment's value (or the surge) out of its
 * range: `-3pp` on a close rate of 2%, `+20%` on a rate of 90%. Checked once, before any plan,
 * so the run is refused in one line instead of planning with a clamped value nobody asked for.
 * `segments` are the baseline's: a scenario's absolute values (`overrides`) are set before its
 * changes, and no scenario changes a field it also sets.
 */
export function firstChangeOutOfRange(
  segments: readonly SegmentInput[],
  surge: number,
  scenarios: readonly { name: string; changes?: readonly RelativeChange[] }[],
  funnel: FunnelStages,
): { scenario: string; problem: ChangeOutOfRange } | null {
  for (const scenario of scenarios) {
    for (const change of scenario.changes ?? []) {
      if (change.name === "surge") {
        const to = changedValue(surge, change);
        if (outOfRange(change.kind, to)) return { scenario: scenario.name, problem: { change, segment: null, from: surge, to, expected: BOUNDS[change.kind].expected } };
        continue;
      }
      for (const segment of segments) {
        const from = figureOf(segment.assumptions, change, funnel);
        if (from === null) continue;
        const to = changedValue(from, change);
        if (outOfRange(change.kind, to)) {
          return { scenario: scenario.name, problem: { change, segment: { rep: segment.rep, product: segment.product }, from, to, expected: BOUNDS[change.kind].expected } };
        }
      }
    }
  }
  return null;
}
