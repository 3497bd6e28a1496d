import { withCommission } from "./commission.js";
import type { AssumptionEntry } from "./assumptions.js";
import { funnelAssumptions } from "./funnel-assumptions.js";
import { DEFAULT_FUNNEL, type FunnelStages, type SegmentAssumptions, type StepAssumption, funnelSteps, stepAssumptions, stepKey } from "./funnel.js";
import { groupPlan } from "./group.js";
import { type LagDistribution, lagFromMonths, meanLag } from "./lag.js";
import { type Plan, type SegmentInput, type SurgePolicy, computePlan } from "./plan.js";
import { type AssumptionValues, type FixedAssumptionName, lagField, rateField } from "./resolve.js";
import { type RelativeChange, changedSurge, changedValues } from "./relative-change.js";
import { roundCents } from "./rounding.js";
import type { ScenarioCertainty } from "./scenario-confidence.js";

/** What a scenario changes, for every segment at once (as a command-line flag would). */
export interface ScenarioOverrides extends AssumptionValues {
  /** The surge as a share (0.3 for 30%). */
  surge?: number;
  /** The confidence level to plan at (0.9 for 90%); null for the average plan, said explicitly (`average`). */
  confidence?: number | null;
}

export interface Scenario {
  name: string;
  overrides: ScenarioOverrides;
  /** Changes relative to each segment's own value (`+20%`, `-3pp`), applied after the overrides. */
  changes?: readonly RelativeChange[];
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
  /** Every stage before won, nearest won first (a configured funnel's columns; the default's are the two above). */
  stages: number[];
  deals: number;
  budget: number | null;
  /** Budget of each fiscal quarter of the plan, in order. */
  budgetByQuarter: { quarter: string; budget: number | null }[];
  costPerQualifiedLead: number | null;
  /** What an entry of each stage costs, nearest won first (the last is the top stage's own cost). */
  costPerStage: (number | null)[];
  costPerDeal: number | null;
  /** Commission per closed deal, when some segment gives one (absent otherwise). */
  commissionPerDeal?: number | null;
  /** Quota money per marketing dollar: quota ÷ budget. */
  revenuePerDollar: number | null;
  /** With a team: rep-months over capacity in this scenario's plan (null without a team). */
  overCapacity: number | null;
  /** In a run with a confidence dimension: the row's level and how often its plan makes quota. */
  certainty?: ScenarioCertainty;
}

/** A check every scenario's plan goes through (the capacity check), counting what fails. */
export type PlanCheck = (plan: Plan) => number;

/**
 * A run with a confidence dimension: each scenario's plan raised to its level (null: kept as
 * the average plan), with its certainty. Passed in, as the check is, so that a run without one
 * never loads the confidence planner.
 */
export type PlanAtLevel = (plan: Plan, level: number | null) => { plan: Plan; certainty: ScenarioCertainty };

export interface ScenarioRow extends ScenarioFigures {
  budgetChange: Change;
  inquiriesChange: Change;
}

/**
 * The segments with a scenario's values in place. Overrides act as flags do: they replace the
 * value of every segment, whatever file or row it came from. A configured funnel's step values
 * (`rate:mql_to_sql`, `lag:mql_to_sql`) replace that step's, and its two-stage fields are
 * collapsed again from the steps, as compute does.
 */
export function withOverrides(segments: readonly SegmentInput[], overrides: ScenarioOverrides, funnel: FunnelStages = DEFAULT_FUNNEL, changes: readonly RelativeChange[] = []): SegmentInput[] {
  const { surge: _surge, confidence: _confidence, ...values } = overrides;
  const segmentChanges = changes.filter((change) => change.name !== "surge");
  if (Object.keys(values).length === 0 && segmentChanges.length === 0) return [...segments];
  return segments.map((segment) => {
    const set = Object.keys(values).length === 0 ? segment.assumptions : overridden(segment.assumptions, values, funnel);
    // Each segment's own value moves (`+20%` of 55 and of 35), after the absolute values are in place.
    const moved = segmentChanges.length === 0 ? set : overridden(set, changedValues(set, segmentChanges, funnel), funnel);
    return { ...segment, assumptions: moved };
  });
}

function overridden(assumptions: SegmentAssumptions, values: AssumptionValues, funnel: FunnelStages): SegmentAssumptions {
  const { steps } = assumptions;
  if (steps === undefined) return withCommission({ ...assumptions, ...values } as SegmentAssumptions, values);
  const keys = funnelSteps(funnel).map(([from, to]) => stepKey(from, to));
  const moved = steps.map((step, index): StepAssumption => {
    const key = keys[index] ?? "";
    return { from: step.from, rate: values[rateField(key)] ?? step.rate, lag: values[lagField(key)] ?? step.lag };
  });
  const [last, ...above] = moved;
  if (last === undefined) return assumptions;
  const base = {
    avgDealSize: values.avgDealSize ?? assumptions.avgDealSize,
    unitsPerDeal: values.unitsPerDeal ?? assumptions.unitsPerDeal,
    costPerInquiry: values.costPerInquiry ?? assumptions.costPerInquiry,
  };
  return withCommission(stepAssumptions({ ...base, ...commissionFields(assumptions) }, [last, ...above]), values);
}

/** A segment's commission fields, only those it has (exactOptionalPropertyTypes). */
function commissionFields(assumptions: SegmentAssumptions): Pick<SegmentAssumptions, "commissionRate" | "commissionPerDeal"> {
  if (assumptions.commissionRate !== undefined) return { commissionRate: assumptions.commissionRate };
  if (assumptions.commissionPerDeal !== undefined) return { commissionPerDeal: assumptions.commissionPerDeal };
  return {};
}

/** Plans one scenario from already-read segments: nothing is read again. */
export function scenarioFigures(
  segments: readonly SegmentInput[],
  surge: SurgePolicy,
  scenario: Scenario,
  check?: PlanCheck,
  funnel: FunnelStages = DEFAULT_FUNNEL,
  atLevel?: PlanAtLevel,
): ScenarioFigures {
  const changes = scenario.changes ?? [];
  const rate = changedSurge(scenario.overrides.surge ?? surge.rate, changes);
  const policy = rate === surge.rate ? surge : { ...surge, rate };
  const average = computePlan(withOverrides(segments, scenario.overrides, funnel, changes), policy);
  // Every figure below, the capacity check's included, reads the plan at the row's level.
  const leveled = atLevel?.(average, scenario.overrides.confidence ?? null);
  const plan = leveled?.plan ?? average;
  const quarters = groupPlan(plan, "quarter");
  const { totals } = quarters;
  const ratio = (numerator: number | null, denominator: number | null) =>
    numerator === null || denominator === null || denominator === 0 ? null : roundCents(numerator / denominator);
  return {
    name: scenario.name,
    quota: totals.quota,
    inquiries: totals.inquiries,
    qualifiedLeads: totals.qualifiedLeads,
    stages: totals.stages,
    deals: totals.deals,
    budget: totals.budget,
    budgetByQuarter: quarters.rows.map((row) => ({ quarter: row.key.quarter ?? "", budget: row.budget })),
    costPerQualifiedLead: totals.costPerQualifiedLead,
    costPerStage: totals.costPerStage,
    costPerDeal: totals.costPerDeal,
    revenuePerDollar: ratio(totals.quota, totals.budget),
    overCapacity: check ? check(plan) : null,
    ...(totals.commission === undefined ? {} : { commissionPerDeal: totals.commission.perDeal }),
    ...(leveled === undefined ? {} : { certainty: leveled.certainty }),
  };
}

export function changeOf(value: number | null, base: number | null): Change {
  if (value === null || base === null) return { absolute: null, percent: null };
  const absolute = roundCents(value - base);
  return { absolute, percent: base === 0 ? null : Math.round(((value - base) / base) * 10000) / 100 };
}

/** The baseline (no override) first, then every scenario with its change against the baseline. */
export function compareScenarios(
  segments: readonly SegmentInput[],
  surge: SurgePolicy,
  scenarios: readonly Scenario[],
  check?: PlanCheck,
  funnel: FunnelStages = DEFAULT_FUNNEL,
  atLevel?: PlanAtLevel,
): ScenarioRow[] {
  const baseline = scenarioFigures(segments, surge, { name: "baseline", overrides: {} }, check, funnel, atLevel);
  const rows = [baseline, ...scenarios.map((scenario) => scenarioFigures(segments, surge, scenario, check, funnel, atLevel))];
  const quarters = allQuarters(rows);
  return rows.map((row) => ({
    ...row,
    budgetByQuarter: onQuarters(row, quarters),
    budgetChange: changeOf(row.budget, baseline.budget),
    inquiriesChange: changeOf(row.inquiries, baseline.inquiries),
  }));
}

/**
 * Every fiscal quarter any scenario spends in, in order: a longer cycle starts a scenario's plan
 * earlier than the baseline's, and its first quarter must not drop out of the comparison (the
 * quarters would no longer add up to the budget). Labels of one run share their form
 * (`2027-Q1` or `FY2027-Q1`), so their text order is time order.
 */
function allQuarters(rows: readonly Pick<ScenarioRow, "budgetByQuarter">[]): string[] {
  return [...new Set(rows.flatMap((row) => row.budgetByQuarter.map((entry) => entry.quarter)))].sort();
}

/** A row's budget on the common quarters: 0 where its plan generates nothing (null when its budget is unknown). */
function onQuarters(row: Pick<ScenarioRow, "budget" | "budgetByQuarter">, quarters: readonly string[]): ScenarioRow["budgetByQuarter"] {
  const byQuarter = new Map(row.budgetByQuarter.map((entry) => [entry.quarter, entry.budget]));
  return quarters.map((quarter) => ({ quarter, budget: byQuarter.has(quarter) ? (byQuarter.get(quarter) ?? null) : row.budget === null ? null : 0 }));
}

/** One `--vary` dimension: an assumption and the values it takes. */
export interface Variation {
  /** The column name, e.g. `cost_per_inquiry`, used in scenario names. */
  name: string;
  /** Each value as the user wrote it (for the name) and as overrides. */
  values: { text: string; overrides: ScenarioOverrides; changes?: readonly RelativeChange[] }[];
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
        changes: [...(scenario.changes ?? []), ...(value.changes ?? [])],
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

/**
 * Each assumption moved by `share` down and up, one at a time, every segment alike (a rate is
 * capped at 100%; a lag moves its mean, re-split between neighbouring months), sorted by the
 * larger budget change. Deal size and the rates move the budget inversely: more per deal or a
 * better rate needs fewer leads. The assumptions are the funnel registry's sensitive entries,
 * each row named by its column stem (`qualified_to_won`, `sales_cycle`; a configured funnel's
 * `mql_to_sql` twice, its rate and its time, told apart by the `kind` of the row).
 */
export function sensitivity(segments: readonly SegmentInput[], surge: SurgePolicy, share: number, funnel: FunnelStages = DEFAULT_FUNNEL): SensitivityRow[] {
  const baseline = scenarioFigures(segments, surge, { name: "baseline", overrides: {} });
  const rows: SensitivityRow[] = [];
  for (const entry of funnelAssumptions(funnel).filter((candidate) => candidate.sensitive)) {
    const name = sensitivityName(entry);
    const moves = [1 - share, 1 + share].map((factor) => {
      const moved = segments.map((segment) => ({ ...segment, assumptions: moveAssumption(segment.assumptions, entry, factor, funnel) }));
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

function moveAssumption(assumptions: SegmentAssumptions, entry: AssumptionEntry, factor: number, funnel: FunnelStages): SegmentAssumptions {
  if (entry.name === "surge") return assumptions;
  const field = entry.name;
  // A configured funnel's step (`rate:<step>`, `lag:<step>`) moves in its steps, which are then collapsed again.
  if (assumptions.steps !== undefined && (field.startsWith("rate:") || field.startsWith("lag:"))) {
    const step = field.slice(field.indexOf(":") + 1);
    const at = funnelSteps(funnel).findIndex(([from, to]) => stepKey(from, to) === step);
    const current = assumptions.steps[at];
    if (current === undefined) return assumptions;
    const value = entry.kind === "duration" ? lagFromMonths(meanLag(current.lag) * factor) : Math.min(1, current.rate * factor);
    return overridden(assumptions, { [field]: value } as AssumptionValues, funnel);
  }
  const fixed = field as FixedAssumptionName;
  if (entry.kind === "duration") {
    return withField(assumptions, { [fixed]: lagFromMonths(meanLag(assumptions[fixed] as LagDistribution) * factor) } as Record<string, unknown> as AssumptionValues, funnel);
  }
  const value = assumptions[fixed] as number | null;
  if (value === null) return assumptions;
  return withField(assumptions, { [fixed]: entry.kind === "rate" ? Math.min(1, value * factor) : value * factor } as Record<string, unknown> as AssumptionValues, funnel);
}

/** A default field moved: a configured funnel's (deal size, cost) goes through its steps, the default's in place. */
function withField(assumptions: SegmentAssumptions, values: AssumptionValues, funnel: FunnelStages): SegmentAssumptions {
  return assumptions.steps === undefined ? ({ ...assumptions, ...values } as SegmentAssumptions) : overridden(assumptions, values, funnel);
}

/**
 * The sensitivity row of an entry: its column stem, and for a configured funnel's step time
 * `<step>_time`, apart from the step's rate (`mql_to_sql`, `mql_to_sql_time`).
 */
export function sensitivityName(entry: AssumptionEntry): string {
  return entry.kind === "duration" && entry.spellings[0].key !== undefined ? `${entry.stem}_time` : entry.stem;
}
