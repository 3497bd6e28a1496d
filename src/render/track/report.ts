import type { CatchUpPlan, CatchUpScope, CatchUpWindow } from "../../core/catch-up.js";
import { fiscalQuarterOf, formatFiscalQuarter } from "../../core/fiscal.js";
import type { RowKey } from "../../core/group.js";
import type { LeakDiagnosis } from "../../core/leak.js";
import { type MonthIndex, formatMonth } from "../../core/month.js";
import type { CheckStatus, CheckpointRow, Checkpoints, Measure, MeasureCheck } from "../../core/track.js";
import type { CapacitySection } from "../capacity/report.js";
import { formatFigure, formatNumber } from "../format.js";
import { effectFault, effectName, measureTitle } from "./stage-names.js";

/** What a track renderer gets: the checkpoints, the diagnosis, the catch-up and their context. */
export interface TrackReport {
  asOf: MonthIndex;
  checkpoints: Checkpoints;
  /** Null when the actuals cannot explain a revenue gap (see {@link leakNote}). */
  leak: LeakDiagnosis | null;
  catchUpWindow: CatchUpWindow;
  /** Null with `--catch-up none`, or without revenue to measure a shortfall by. */
  catchUp: CatchUpPlan | null;
  bankSurplus: boolean;
  fiscalYearStart: number;
  /** False when the quotas are in units only: revenue is then not compared. */
  hasAmounts: boolean;
  inputs: { quotas: string; actuals: string; ratios?: string | undefined; cycles?: string | undefined };
  /** With a team (`--reps` or `--reps-count`): the capacity check of the plan ahead, from as-of + 1. */
  capacity?: CapacitySection | undefined;
  /** A configured funnel's other checked stages (`mql_capacity` beside `sql_capacity`), nearest won first. */
  moreCapacity?: CapacitySection[];
  /** Which plan the capacity check ran on: the catch-up plan when there is one, else the original. */
  capacityPlan?: "catch-up" | "original" | undefined;
  warnings: readonly string[];
}

/** The line before the capacity tables: which plan they check, and which months count. */
export function capacityTitle(report: TrackReport): string {
  const plan = report.capacityPlan === "catch-up" ? "the catch-up plan" : "the original plan (no catch-up raises it)";
  return `Capacity of ${plan}: warnings and --strict count the months from ${formatMonth(report.asOf + 1)} on.`;
}

export const STATUS_TEXT: Record<CheckStatus, string> = { "on-track": "on track", behind: "behind", "far-behind": "far behind" };
/** Machine names, for CSV and JSON. */
export const STATUS_CODE: Record<CheckStatus, string> = { "on-track": "on_track", behind: "behind", "far-behind": "far_behind" };

const KEY_TITLES: Record<keyof RowKey, string> = { month: "Month", quarter: "Quarter", rep: "Rep", product: "Product" };

export function trackKeyColumns(checkpoints: Checkpoints): (keyof RowKey)[] {
  switch (checkpoints.by) {
    case "segment":
      return ["month", "rep", "product"];
    default:
      return [checkpoints.by];
  }
}

export const trackKeyTitle = (column: keyof RowKey): string => KEY_TITLES[column];

export function trackKeyText(row: CheckpointRow, column: keyof RowKey): string {
  const value = row.key[column] ?? "";
  return value === "" && (column === "rep" || column === "product") ? "(unassigned)" : value;
}

/** A plan or actual figure: money with cents only when it has them, counts whole. */
export const figureText = (check: MeasureCheck, value: number): string => formatFigure(value, check.measure === "revenue" ? "money" : "count");

/** Variance with its sign: `+1,200`, `-300`, `0`. */
export function varianceText(check: MeasureCheck): string {
  const text = figureText(check, check.variance);
  return check.variance > 0 ? `+${text}` : text;
}

export const percentText = (percent: number | null): string => (percent === null ? "–" : `${formatNumber(percent, 1, true)}%`);

const monthsText = (months: readonly MonthIndex[]) => months.map(formatMonth).join(", ");
const money = (value: number) => formatNumber(value, 2);
export const signedMoney = (value: number) => (value > 0 ? `+${money(value)}` : money(value));

/** The first line: the period, the tolerance, and the status that decides the exit code. */
export function headline(report: TrackReport): string {
  const { checkpoints } = report;
  const { period, cumulative, deciding } = checkpoints;
  const decidingCheck = cumulative.checks.find((check) => check.measure === deciding);
  const share = decidingCheck?.percentOfPlan === null || decidingCheck === undefined ? "" : ` (${percentText(decidingCheck.percentOfPlan)} of plan)`;
  const range = period.first === period.last ? formatMonth(period.first) : `${formatMonth(period.first)} to ${formatMonth(period.last)}`;
  return `Plan versus actual, ${range}, tolerance ${formatNumber(checkpoints.tolerance * 100, 2)}%: ${STATUS_TEXT[checkpoints.status]} on ${measureTitle(checkpoints.order, deciding).toLowerCase()}${share}`;
}

/** Why there is no diagnosis, when there is none. */
export function leakNote(report: TrackReport): string {
  if (!report.hasAmounts) return "No leak diagnosis: the quotas are in units only, so there is no revenue gap to explain.";
  if (!report.checkpoints.measures.includes("revenue")) return "No leak diagnosis: it needs a revenue column in the actuals.";
  const stages = report.checkpoints.order.slice(0, -1);
  return `No leak diagnosis: it needs ${stages.slice(0, -1).join(", ")} or ${stages[stages.length - 1] ?? ""} beside revenue in the actuals.`;
}

/** The sentence under the diagnosis: the stage that explains most of the gap. */
export function leakVerdict(leak: LeakDiagnosis, order: readonly Measure[]): string {
  if (leak.variance >= 0) return `Revenue is at or above plan (${signedMoney(leak.variance)}): no gap to explain.`;
  // The effects add up to the variance, so a shortfall always has a losing effect; the guard is for types.
  if (leak.largest === null) return `Revenue is ${money(-leak.variance)} behind plan.`;
  return `Revenue is ${money(-leak.variance)} behind plan; most of it is ${effectFault(leak.largest, order)} (${signedMoney(leak.largest.revenue)}).`;
}

/** The rows of the diagnosis: assumed, planned in the period and actual, and the revenue each stage added or cost. */
export function leakRows(leak: LeakDiagnosis, order: readonly Measure[]): { stage: string; assumed: string; planned: string; actual: string; revenue: string; figures: LeakFigures }[] {
  return leak.effects.map((effect) => {
    // A rate shows for an effect of one step; a span (a measure missing between) has none.
    const check = leak.rates.find((rate) => rate.from === effect.from && rate.to === effect.to)?.check ?? null;
    const show = (value: number | null) => (value === null ? "–" : effect.to === "revenue" ? money(value) : `${formatNumber(value * 100, 1, true)}%`);
    return {
      stage: effectName(effect, order),
      assumed: check ? show(check.assumed) : "",
      planned: check ? show(check.planned) : "",
      actual: check ? show(check.actual) : "",
      revenue: signedMoney(effect.revenue),
      figures: { assumed: check?.assumed ?? null, planned: check?.planned ?? null, actual: check?.actual ?? null, revenue: effect.revenue },
    };
  });
}

/** A leak row's figures unformatted (a rate as a fraction, a deal size in money): what an HTML cell carries as its machine value. */
export interface LeakFigures {
  assumed: number | null;
  planned: number | null;
  actual: number | null;
  revenue: number;
}

/** `the rest of fiscal 2027-Q1 (to 2027-03)`, `the rest of fiscal year 2027`, or `the rest of FY2027` (April start). */
export function windowText(report: TrackReport, plan: CatchUpPlan): string {
  const quarter = fiscalQuarterOf(report.asOf, report.fiscalYearStart);
  const calendar = report.fiscalYearStart === 1;
  const name =
    plan.window === "quarter"
      ? `${calendar ? "fiscal " : ""}${formatFiscalQuarter(quarter, report.fiscalYearStart)}`
      : calendar
        ? `fiscal year ${quarter.fiscalYear}`
        : `FY${quarter.fiscalYear}`;
  return `the rest of ${name} (to ${formatMonth(plan.windowEnd)})`;
}

function scopeText(scope: CatchUpScope): string {
  const parts = [scope.rep === null ? "" : `rep ${scope.rep === "" ? "(unassigned)" : scope.rep}`, scope.product === null ? "" : `product ${scope.product === "" ? "(unassigned)" : scope.product}`];
  const named = parts.filter(Boolean).join(", ");
  return named === "" ? "All quotas" : named.charAt(0).toUpperCase() + named.slice(1);
}

/** One line per scope: its shortfall and where it went, or why it could not go anywhere. */
export function catchUpLines(report: TrackReport, plan: CatchUpPlan): string[] {
  const asOf = formatMonth(report.asOf);
  const firstLeads = formatMonth(report.asOf + 1);
  return plan.scopes.map((scope) => {
    const head = `${scopeText(scope)}: quota ${money(scope.quotaDue)}, actual ${money(scope.actual)} to ${asOf}`;
    if (scope.shortfall <= 0 && !(report.bankSurplus && scope.shortfall < 0)) {
      return scope.shortfall === 0 ? `${head}: on plan, nothing to catch up.` : `${head}: surplus ${money(-scope.shortfall)}, kept (--bank-surplus spends it).`;
    }
    const what = scope.shortfall > 0 ? `shortfall ${money(scope.shortfall)}` : `surplus ${money(-scope.shortfall)}`;
    if (scope.unreachable) {
      const earliest = formatMonth(scope.earliestReachable);
      const why =
        scope.earliestReachable > plan.windowEnd
          ? `leads generated from ${firstLeads} close in ${earliest} at the earliest, after the window ends`
          : `no quota is due from ${earliest} (the earliest month leads generated from ${firstLeads} can close) to ${formatMonth(plan.windowEnd)}`;
      return `${head}: ${what} cannot be ${scope.shortfall > 0 ? "recovered" : "banked"} within ${windowText(report, plan)}: ${why}.`;
    }
    return `${head}: ${what} ${scope.added >= 0 ? "added to" : "taken off"} quota in ${monthsText(scope.months)}, in proportion to their quota.`;
  });
}

/** Whether the catch-up changed the plan at all (else its table is left out). */
export const catchUpChanged = (plan: CatchUpPlan): boolean => plan.scopes.some((scope) => scope.added !== 0);

/** Why there is no catch-up, when there is none. */
export function catchUpNote(report: TrackReport): string {
  if (report.catchUpWindow === "none") return "No catch-up (--catch-up none).";
  if (!report.hasAmounts) return "No catch-up: the quotas are in units only, and the shortfall is measured in revenue.";
  return "No catch-up: the shortfall is measured in revenue, and the actuals have no revenue column.";
}

/** Percent of plan to two decimals: enough to read, free of binary noise. */
export const percentFigure = (percent: number | null): number | null => (percent === null ? null : Math.round(percent * 100) / 100);

/** The section titles, shared by the table and Markdown renderers. */
export function leakTitle(report: TrackReport): string {
  const { period } = report.checkpoints;
  const range = period.first === period.last ? `in ${formatMonth(period.first)}` : `${formatMonth(period.first)} to ${formatMonth(period.last)}`;
  return `Where the funnel leaks, ${range} (each stage valued at the plan's figures for these months):`;
}

export function catchUpTitle(report: TrackReport, plan: CatchUpPlan): string {
  return `Catch-up within ${windowText(report, plan)}, leads generated from ${formatMonth(report.asOf + 1)}:`;
}
