import type { EvidenceFigure, ThinEvidence } from "../../core/confidence-evidence.js";
import type { ConfidencePeriodResult, PlanAtConfidence } from "../../core/confidence-plan.js";
import type { RevenuePercentiles } from "../../core/confidence.js";
import type { Chart, Column, Section } from "../document.js";
import { formatNumber } from "../format.js";
import { sixDecimals } from "../plain-number.js";

/** The confidence plan as `compute --confidence` reports it, with what the history could not vouch for. */
export interface ConfidenceSection {
  result: PlanAtConfidence;
  /** Scopes whose rates or deal sizes rest on few counts (`--history`): their spread is wide. */
  thinScopes: readonly ThinEvidence[];
  /** With `--history`: how many segments draw their rates from it and resample its won amounts. */
  history?: { file: string; uncertainRates: number; resampledAmounts: number; amountsSampledTo: number | null; monthly: boolean };
}

/** The column name of a figure a history vouches for (the default funnel's). */
const FIGURE_COLUMN = { closeRate: "qualified_to_won", qualifyRate: "inquiry_to_qualified", avgDealSize: "avg_deal_size" } as const satisfies Record<EvidenceFigure, string>;

const scopeText = (scope: { rep: string; product: string }): string => [scope.rep, scope.product].filter((part) => part !== "").join(" × ") || "all leads";

/** `qualified_to_won 3 won of 12 mature qualified leads`: what stands behind a thin figure. */
function thinText(thin: ThinEvidence): string {
  const count = (value: number) => formatNumber(value, 0);
  const counts =
    thin.figure === "closeRate"
      ? `${count(thin.successes ?? 0)} won of ${count(thin.sample)} mature qualified leads`
      : thin.figure === "qualifyRate"
        ? `${count(thin.successes ?? 0)} qualified of ${count(thin.sample)} mature inquiries`
        : `${count(thin.sample)} won amounts`;
  return `${FIGURE_COLUMN[thin.figure]} ${counts}`;
}

/** The thin figures grouped by scope, in the order first named: `all leads: a, b; Platform: c`. */
function thinScopesText(thin: readonly ThinEvidence[]): string {
  const byScope = new Map<string, string[]>();
  for (const item of thin) {
    const scope = scopeText(item);
    byScope.set(scope, [...(byScope.get(scope) ?? []), thinText(item)]);
  }
  return [...byScope].map(([scope, figures]) => `${scope}: ${figures.join(", ")}`).join("; ");
}

/** What the plan took from `--history`, so a reader knows which figures carry its uncertainty. */
function historyNote(history: NonNullable<ConfidenceSection["history"]>, segments: number): string {
  if (history.uncertainRates === 0 && history.resampledAmounts === 0) return `Nothing the plan uses is learned from ${history.file} (flags and files give every rate and deal size): they are taken as known.`;
  const parts: string[] = [];
  if (history.uncertainRates > 0) parts.push(`rates learned from ${history.file} vary from trial to trial (Beta(converted + 1, not converted + 1) of each scope's mature counts; ${history.uncertainRates} of ${segments} segments)`);
  if (history.resampledAmounts > 0) {
    const sample = history.amountsSampledTo === null ? "" : `, a sample of ${formatNumber(history.amountsSampledTo, 0)} per scope where it holds more`;
    parts.push(`deal sizes are its won amounts resampled (${history.resampledAmounts} of ${segments} segments${sample})`);
  } else if (history.monthly) parts.push("a monthly history holds no won amounts: deal sizes stay at the average");
  const text = parts.join("; ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
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
  if (section.history !== undefined) notes.push(historyNote(section.history, result.plan.segments.length));
  if (section.thinScopes.length > 0) {
    notes.push(`Thin history (a step under 30 mature leads or 10 conversions, a deal size under 30 won amounts: wide figures, a dearer plan): ${thinScopesText(section.thinScopes)}.`);
  }
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
    thin_scopes: section.thinScopes.map((thin) => ({ rep: thin.rep, product: thin.product, figure: FIGURE_COLUMN[thin.figure], sample: thin.sample, successes: thin.successes })),
  };
}
