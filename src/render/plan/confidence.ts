import type { ConfidencePeriodResult, PlanAtConfidence } from "../../core/confidence-plan.js";
import type { RevenuePercentiles } from "../../core/confidence.js";
import type { Chart, Column, Section } from "../document.js";
import { formatNumber } from "../format.js";
import { sixDecimals } from "../plain-number.js";

/** The confidence plan as `compute --confidence` reports it, with what the history could not vouch for. */
export interface ConfidenceSection {
  result: PlanAtConfidence;
  /** Scopes whose rates rest on few counts (`--history`): their Beta posteriors are wide. */
  thinScopes: readonly string[];
  /** A run with `--history` whose rates are still taken as known (issue 13: their Beta posteriors are to come). */
  historyRatesKnown?: boolean;
}

export const GRAIN_WORD = { month: "month", quarter: "fiscal quarter", year: "fiscal year" } as const;

/** `90%`, `97.5%`: a level as a planner writes it. */
export const levelText = (level: number): string => `${formatNumber(level * 100, 2).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "")}%`;

/** `50.2%`: a probability to one decimal, so a coin flip does not read as a certainty. */
export const chance = (value: number | null): string => (value === null ? "–" : `${formatNumber(value * 100, 1, true)}%`);

const percentileColumns = (prefix: string, title: string, kind: "money" | "count", of: (row: ConfidencePeriodResult) => RevenuePercentiles | null): Column<ConfidencePeriodResult>[] =>
  (["p10", "p50", "p90"] as const).map((q) => ({ key: `${prefix}_${q}`, title: `${title} ${q.toUpperCase()}`, kind, value: (row) => of(row)?.[q] ?? null }));


/** The period table: quota, the average plan's chance, revenue under both plans, and what certainty costs. */
function confidenceColumns(result: PlanAtConfidence): Column<ConfidencePeriodResult>[] {
  const kind = result.measure === "money" ? "money" : "count";
  return [
    { key: "period", title: result.by === "month" ? "Month" : result.by === "quarter" ? "Quarter" : "Year", kind: "month", value: (row) => row.label },
    { key: "quota", title: result.measure === "money" ? "Quota" : "Units due", kind, value: (row) => row.quota },
    { key: "probability_at_average_plan", title: "Chance, average plan", kind: "percent", value: (row) => row.probabilityAtAverage, text: (row) => chance(row.probabilityAtAverage) },
    ...percentileColumns("revenue", "Average", kind, (row) => row.revenueAtAverage),
    ...percentileColumns("revenue_at_confidence", `At ${levelText(result.level)}`, kind, (row) => row.revenueAtConfidence),
    { key: "budget", title: `Budget at ${levelText(result.level)}`, kind: "money", value: (row) => row.budget },
    { key: "extra_budget", title: "Extra budget", kind: "money", value: (row) => row.extraBudget },
  ];
}

/** The line that says how the figures were found, so a reader knows what to trust in them. */
export function methodLine(result: PlanAtConfidence): string {
  const trials = formatNumber(result.trials, 0);
  if (result.method === "exact") return `Method: exact binomial quantiles, no simulation needed (trials ${trials}, seed ${result.seed} unused).`;
  // Two standard errors of an estimated probability at the level, in percent points.
  const error = 2 * Math.sqrt((result.level * (1 - result.level)) / result.trials) * 100;
  return `Method: simulation, ${trials} trials, seed ${result.seed} (the same inputs and seed give the same figures); its probabilities are within about ±${formatNumber(error, 1, true)} points.`;
}

/** The confidence section of the plan's document: one row per period, the method, thin scopes and periods out of reach. */
export function confidenceDocumentSection(section: ConfidenceSection): Section {
  const { result } = section;
  const level = levelText(result.level);
  const grain = GRAIN_WORD[result.by];
  const notes = [
    `The plan above holds the volumes that make each ${grain}'s quota with ${level} certainty before any surge (the surge comes on top), each lead converting by chance; "Chance, average plan" is how often the plan without it makes the quota.`,
    `${result.measure === "money" ? "Revenue" : "Units"} P10/P50/P90 under the average plan and at ${level}: 1 period in 10 brings less than P10, 1 in 10 more than P90.`,
    methodLine(result),
  ];
  if (result.periods.some((period) => period.quota === 0)) notes.push("– : no quota due in the period, nothing to be sure of (its budget buys leads for later periods).");
  if (result.outOfReach.length > 0) notes.push(`Out of reach at ${level}: ${result.outOfReach.join(", ")}; their months keep the average plan.`);
  if (section.historyRatesKnown === true) notes.push("The rates learned from --history are taken as known here: their uncertainty (a thin history's wider plan) is not counted yet.");
  if (section.thinScopes.length > 0) notes.push(`Thin history (few counts, wide rates, a dearer plan): ${section.thinScopes.join(", ")}.`);
  return {
    title: { text: `Confidence: ${level} of making each ${grain}'s quota`, style: "heading" },
    table: { columns: confidenceColumns(result), rows: result.periods },
    notes,
    charts: [confidenceChart(result)],
    name: "confidence",
    csv: false,
  };
}

/** P10 to P90 of revenue per period, the average plan beside the confidence plan, against the quota. */
function confidenceChart(result: PlanAtConfidence): Chart<ConfidencePeriodResult> {
  const word = result.measure === "money" ? "Revenue" : "Units";
  const level = levelText(result.level);
  return {
    kind: "series",
    title: `${word} P10 to P90 by ${GRAIN_WORD[result.by]}: the average plan and the plan at ${level}`,
    axes: { x: result.by === "month" ? "Month" : result.by === "quarter" ? "Fiscal quarter" : "Fiscal year", y: result.measure === "money" ? "Revenue, USD" : "Units" },
    category: (row) => row.label,
    // The confidence plan's P10 to P90 shaded; the average plan's as two dashed lines, the quota solid.
    series: [
      { name: "Average plan P10", draw: "line", dashed: true, value: (row) => row.revenueAtAverage.p10 },
      { name: "Average plan P90", draw: "line", dashed: true, value: (row) => row.revenueAtAverage.p90 },
      { name: "Quota", draw: "line", value: (row) => row.quota },
    ],
    band: { name: `At ${level}: P10 to P90`, low: (row) => row.revenueAtConfidence?.p10 ?? 0, high: (row) => row.revenueAtConfidence?.p90 ?? 0 },
  };
}

const percentilesJson = (value: RevenuePercentiles) => ({ p10: sixDecimals(value.p10), p50: sixDecimals(value.p50), p90: sixDecimals(value.p90) });

/** The `confidence` object of `leadplan.compute/1` (README, "JSON output"): additive, snake_case. */
export function confidenceJson(section: ConfidenceSection) {
  const { result } = section;
  return {
    level: result.level,
    by: result.by,
    method: result.method,
    trials: result.trials,
    seed: result.seed,
    measure: result.measure,
    periods: result.periods.map((period) => ({
      period: period.label,
      quota: sixDecimals(period.quota),
      probability_at_average_plan: period.probabilityAtAverage === null ? null : sixDecimals(period.probabilityAtAverage),
      revenue: percentilesJson(period.revenueAtAverage),
      revenue_at_confidence: period.revenueAtConfidence === null ? null : percentilesJson(period.revenueAtConfidence),
      budget: period.budget,
      extra_budget: period.extraBudget,
    })),
    thin_scopes: section.thinScopes,
  };
}
