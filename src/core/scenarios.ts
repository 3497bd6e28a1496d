import { ASSUMPTIONS, type AssumptionEntry } from "./assumptions.js";
import type { SegmentAssumptions } from "./funnel.js";
import { groupPlan } from "./group.js";
import { type LagDistribution, lagFromMonths, meanLag } from "./lag.js";
import { type Plan, type SegmentInput, type SurgePolicy, computePlan } from "./plan.js";
import type { AssumptionValues, FixedAssumptionName } from "./resolve.js";
import { roundCents } from "./rounding.js";

/** What a scenario changes, for every segment at once (as a command-line flag would). */
export interface ScenarioOverrides extends AssumptionValues {
  /** The surge as a share (0.3 for 30%). */
  surge?: number;
}

export interface Scenario {
  name: string;
  overrides: ScenarioOverrides;
}

/** A change against the baseline: absolute, and relative (null against a zero or unknown base). */
export interface Change {
  absolute: number | null;
  percent: number | null;
}

export interface ScenarioFigures {
  name: string;
  quota: number | null;
  inquiries: number;
  qualifiedLeads: number;
  deals: number;
  budget: number | null;
  /** Budget of each fiscal quarter of the plan, in order. */
  budgetByQuarter: { quarter: string; budget: number | null }[];
  costPerQualifiedLead: number | null;
  costPerDeal: number | null;
  /** Quota money per marketing dollar: quota ÷ budget. */
  revenuePerDollar: number | null;
  /** With a team: rep-months over capacity in this scenario's plan (null without a team). */
  overCapacity: number | null;
}

/** A check every scenario's plan goes through (the capacity check), counting what fails. */
export type PlanCheck = (plan: Plan) => number;

export interface ScenarioRow extends ScenarioFigures {
  budgetChange: Change;
  inquiriesChange: Change;
}

/**
 * The segments with a scenario's values in place. Overrides act as flags do: they replace the
 * value of every segment, whatever file or row it came from.
 */
export function withOverrides(segments: readonly SegmentInput[], overrides: ScenarioOverrides): SegmentInput[] {
  const { surge: _surge, ...values } = overrides;
  if (Object.keys(values).length === 0) return [...segments];
  return segments.map((segment) => ({ ...segment, assumptions: { ...segment.assumptions, ...values } as SegmentAssumptions }));
}

/** Plans one scenario from already-read segments: nothing is read again. */
export function scenarioFigures(segments: readonly SegmentInput[], surge: SurgePolicy, scenario: Scenario, check?: PlanCheck): ScenarioFigures {
  const policy = scenario.overrides.surge === undefined ? surge : { ...surge, rate: scenario.overrides.surge };
  const plan = computePlan(withOverrides(segments, scenario.overrides), policy);
  const quarters = groupPlan(plan, "quarter");
  const { totals } = quarters;
  const ratio = (numerator: number | null, denominator: number | null) =>
    numerator === null || denominator === null || denominator === 0 ? null : roundCents(numerator / denominator);
  return {
    name: scenario.name,
    quota: totals.quota,
    inquiries: totals.inquiries,
    qualifiedLeads: totals.qualifiedLeads,
    deals: totals.deals,
    budget: totals.budget,
    budgetByQuarter: quarters.rows.map((row) => ({ quarter: row.key.quarter ?? "", budget: row.budget })),
    costPerQualifiedLead: totals.costPerQualifiedLead,
    costPerDeal: totals.costPerDeal,
    revenuePerDollar: ratio(totals.quota, totals.budget),
    overCapacity: check ? check(plan) : null,
  };
}

export function changeOf(value: number | null, base: number | null): Change {
  if (value === null || base === null) return { absolute: null, percent: null };
  const absolute = roundCents(value - base);
  return { absolute, percent: base === 0 ? null : Math.round(((value - base) / base) * 10000) / 100 };
}

/** The baseline (no override) first, then every scenario with its change against the baseline. */
export function compareScenarios(segments: readonly SegmentInput[], surge: SurgePolicy, scenarios: readonly Scenario[], check?: PlanCheck): ScenarioRow[] {
  const baseline = scenarioFigures(segments, surge, { name: "baseline", overrides: {} }, check);
  const rows = [baseline, ...scenarios.map((scenario) => scenarioFigures(segments, surge, scenario, check))];
  return rows.map((row) => ({ ...row, budgetChange: changeOf(row.budget, baseline.budget), inquiriesChange: changeOf(row.inquiries, baseline.inquiries) }));
}

/** One `--vary` dimension: an assumption and the values it takes. */
export interface Variation {
  /** The column name, e.g. `cost_per_inquiry`, used in scenario names. */
  name: string;
  /** Each value as the user wrote it (for the name) and as overrides. */
  values: { text: string; overrides: ScenarioOverrides }[];
}

/** Every combination of the variations' values: 3 × 2 values make 6 scenarios. */
export function gridSize(variations: readonly Variation[]): number {
  return variations.reduce((size, variation) => size * variation.values.length, variations.length === 0 ? 0 : 1);
}

/** The grid itself, named `cost_per_inquiry=40 qualified_to_won=20%`, first variation slowest. */
export function scenarioGrid(variations: readonly Variation[]): Scenario[] {
  let grid: Scenario[] = [{ name: "", overrides: {} }];
  for (const variation of variations) {
    grid = grid.flatMap((scenario) =>
      variation.values.map((value) => ({
        name: `${scenario.name}${scenario.name === "" ? "" : " "}${variation.name}=${value.text}`,
        overrides: { ...scenario.overrides, ...value.overrides },
      })),
    );
  }
  return variations.length === 0 ? [] : grid;
}

/** An assumption moved down and up, and what that does to the budget and the inquiries. */
export interface SensitivityRow {
  assumption: string;
  down: { value: string; budget: Change; inquiries: Change };
  up: { value: string; budget: Change; inquiries: Change };
  /** The larger absolute budget change of the two moves: the tornado's bar length. */
  impact: number;
}

/** The registry's sensitive entries, each row named by its column stem (`qualified_to_won`, `sales_cycle`). */
const SENSITIVE: readonly AssumptionEntry[] = ASSUMPTIONS.filter((entry) => entry.sensitive);

/**
 * Each assumption moved by `share` down and up, one at a time, every segment alike (a rate is
 * capped at 100%; a lag moves its mean, re-split between neighbouring months), sorted by the
 * larger budget change. Deal size and the rates move the budget inversely: more per deal or a
 * better rate needs fewer leads.
 */
export function sensitivity(segments: readonly SegmentInput[], surge: SurgePolicy, share: number): SensitivityRow[] {
  const baseline = scenarioFigures(segments, surge, { name: "baseline", overrides: {} });
  const rows: SensitivityRow[] = [];
  for (const entry of SENSITIVE) {
    const name = entry.stem;
    const moves = [1 - share, 1 + share].map((factor) => {
      const moved = segments.map((segment) => ({ ...segment, assumptions: moveAssumption(segment.assumptions, entry, factor) }));
      const policy = entry.name === "surge" ? { ...surge, rate: surge.rate * factor } : surge;
      const figures = scenarioFigures(moved, policy, { name, overrides: {} });
      return {
        value: `${factor < 1 ? "-" : "+"}${Math.round(share * 10000) / 100}%`,
        budget: changeOf(figures.budget, baseline.budget),
        inquiries: changeOf(figures.inquiries, baseline.inquiries),
      };
    });
    const [down, up] = moves as [(typeof moves)[0], (typeof moves)[0]];
    const impact = Math.max(Math.abs(down.budget.absolute ?? 0), Math.abs(up.budget.absolute ?? 0));
    rows.push({ assumption: name, down, up, impact });
  }
  return rows.sort((left, right) => right.impact - left.impact || (left.assumption < right.assumption ? -1 : 1));
}

function moveAssumption(assumptions: SegmentAssumptions, entry: AssumptionEntry, factor: number): SegmentAssumptions {
  // Scenarios plan the default funnel only (a configured one is refused up front).
  const field = entry.name as FixedAssumptionName | "surge";
  if (field === "surge") return assumptions;
  if (entry.kind === "duration") {
    return { ...assumptions, [field]: lagFromMonths(meanLag(assumptions[field] as LagDistribution) * factor) };
  }
  const value = assumptions[field] as number | null;
  if (value === null) return assumptions;
  return { ...assumptions, [field]: entry.kind === "rate" ? Math.min(1, value * factor) : value * factor };
}
