import type { CoverageCheck } from "../../core/coverage.js";
import { coverageClause } from "./coverage.js";
import type { SourceQuality } from "../../core/source-quality.js";
import { sourceClause } from "./sources.js";
import type { CatchUpPlan, CatchUpScope, CatchUpWindow } from "../../core/catch-up.js";
import { fiscalQuarterOf, formatFiscalQuarter } from "../../core/fiscal.js";
import type { Forecast } from "../../core/forecast.js";
import type { LeakDiagnosis } from "../../core/leak.js";
import { type MonthIndex, formatMonth } from "../../core/month.js";
import { type CheckStatus, type CheckpointRow, type Checkpoints, type Measure, type MeasureCheck, type TrackKey, type TrackPeriod, formatPeriod } from "../../core/track.js";
import type { CapacitySection } from "../capacity/report.js";
import { type DayNumber, formatDay } from "../../core/calibrate-days.js";
import type { FollowUpCheck } from "../../core/follow-up.js";
import { formatFigure, formatNumber } from "../format.js";
import { effectFault, effectName, isDefaultOrder, measureTitle } from "./stage-names.js";

/** What a track renderer gets: the checkpoints, the diagnosis, the catch-up and their context. */
export interface TrackReport {
  asOf: MonthIndex;
  /** With --as-of a day (or a half): the last day compared, inside as-of's month. */
  asOfDay?: DayNumber;
  checkpoints: Checkpoints;
  /** With a followed_up column in the actuals: each rep's follow-up rate per period against the target. */
  followUp?: FollowUpCheck;
  /** With an open_pipeline column in the actuals: pipeline coverage per period against the target. */
  coverage?: CoverageCheck;
  /** With a source column in the actuals: lead quality per source and period against the expected rates. */
  sourceQuality?: SourceQuality;
  /** The sources file of the expected rates (`--sources`), when given. */
  sourcesFile?: string;
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
  /** With `--forecast` (or `--fail-below`): the chance of making the open quarter and the fiscal year. */
  forecast?: Forecast | undefined;
  warnings: readonly string[];
}

/** The line before the capacity tables: which plan they check, and which months count. */
export function capacityTitle(report: TrackReport): string {
  const plan = report.capacityPlan === "catch-up" ? "the catch-up plan" : "the original plan (no catch-up raises it)";
  return `Capacity of ${plan}: warnings and --strict count the months from ${formatMonth(report.asOf + 1)} on.`;
}

export const STATUS_TEXT: Record<CheckStatus, string> = { "on-track": "on track", behind: "behind", "far-behind": "far behind" };
/** Machine names, for CSV and JSON. */
export const STATUS_CODE = { "on-track": "on_track", behind: "behind", "far-behind": "far_behind" } as const satisfies Record<CheckStatus, string>;

const KEY_TITLES: Record<keyof TrackKey, string> = { month: "Month", period: "Period", quarter: "Quarter", rep: "Rep", product: "Product" };

/** The key columns of the checkpoints; with --every half-month the month's is `period` (`2027-01-H1`). */
export function trackKeyColumns(checkpoints: Checkpoints): (keyof TrackKey)[] {
  const time = checkpoints.period.cut?.every === "half-month" ? "period" : "month";
  switch (checkpoints.by) {
    case "segment":
      return [time, "rep", "product"];
    case "month":
      return [time];
    default:
      return [checkpoints.by];
  }
}

export const trackKeyTitle = (column: keyof TrackKey): string => KEY_TITLES[column];

export function trackKeyText(row: CheckpointRow, column: keyof TrackKey): string {
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

/**
 * The period compared: `2027-01 to 2027-03`; by half `2027-01-H1 to 2027-01-H2`; stopped at an
 * as-of day `… (to 2027-01-20: 3 of 10 working days, pro rata)`. `single` words one period (`in 2027-01`).
 */
export function periodText(period: TrackPeriod, single = ""): string {
  const { cut } = period;
  const [first, last] = cut === undefined ? [formatMonth(period.first), formatMonth(period.last)] : [formatPeriod(cut.first, cut.every), formatPeriod(cut.last, cut.every)];
  const range = first === last ? `${single}${first}` : `${first} to ${last}`;
  const elapsed = cut?.elapsed;
  return elapsed === undefined ? range : `${range} (to ${formatDay(cut?.lastDay ?? 0)}: ${elapsed.days} of ${elapsed.of} working days, pro rata)`;
}

/** The first line: the period, the tolerance, and the status that decides the exit code; the reps below the follow-up target. */
export function headline(report: TrackReport): string {
  const { checkpoints } = report;
  const { period, cumulative, deciding } = checkpoints;
  const decidingCheck = cumulative.checks.find((check) => check.measure === deciding);
  const share = decidingCheck?.percentOfPlan === null || decidingCheck === undefined ? "" : ` (${percentText(decidingCheck.percentOfPlan)} of plan)`;
  const range = periodText(period);
  return `Plan versus actual, ${range}, tolerance ${formatNumber(checkpoints.tolerance * 100, 2)}%: ${STATUS_TEXT[checkpoints.status]} on ${measureTitle(checkpoints.order, deciding).toLowerCase()}${share}${followUpClause(report)}${coverageClause(report.coverage)}${sourceClause(report.sourceQuality)}`;
}

/** How many follow-up misses the headline names before `and 3 more`. */
const NAMED_MISSES = 3;

/** `Ben followed up 60.7% of 140 inquiries in 2027-01-H1`, for each rep and period below the target. */
export function followUpMisses(report: TrackReport): string[] {
  const check = report.followUp;
  if (check === undefined) return [];
  const order = report.checkpoints.order;
  const title = measureTitle(order, check.base);
  const what = isDefaultOrder(order) ? title.toLowerCase() : title;
  return check.rows
    .filter((row) => row.below)
    .map((row) => {
      // Without a rep column every row is the team's; with one, a blank rep is unassigned.
      const who = row.rep !== "" ? row.rep : reportHasReps(report) ? "(unassigned)" : "the team";
      return `${who} followed up ${percentText(row.rate === null ? null : row.rate * 100)} of ${formatNumber(row.base, 0)} ${what} in ${row.period}`;
    });
}

const reportHasReps = (report: TrackReport): boolean => report.followUp?.rows.some((row) => row.rep !== "") ?? false;

/** `; follow-up below 100%: Ben followed up 60.7% of 140 inquiries in 2027-01-H1, and 2 more`; nothing when every rep met it. */
function followUpClause(report: TrackReport): string {
  const misses = followUpMisses(report);
  if (misses.length === 0 || report.followUp === undefined) return "";
  const more = misses.length > NAMED_MISSES ? `, and ${misses.length - NAMED_MISSES} more` : "";
  return `; follow-up below ${formatNumber(report.followUp.target * 100, 2)}%: ${misses.slice(0, NAMED_MISSES).join(", ")}${more}`;
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
  const range = periodText(report.checkpoints.period, "in ");
  const valued = "each stage valued at the plan's figures for these months";
  // A pro-rata range ends in its own parenthesis: the valuation joins it.
  return range.endsWith(")") ? `Where the funnel leaks, ${range.slice(0, -1)}; ${valued}):` : `Where the funnel leaks, ${range} (${valued}):`;
}

export function catchUpTitle(report: TrackReport, plan: CatchUpPlan): string {
  return `Catch-up within ${windowText(report, plan)}, leads generated from ${formatMonth(report.asOf + 1)}:`;
}
