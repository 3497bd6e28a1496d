import { isDefaultFunnel } from "../../core/funnel.js";
import type { CatchUpPlan } from "../../core/catch-up.js";
import type { Forecast } from "../../core/forecast.js";
import { probabilityFigure } from "./forecast.js";
import type { LeakDiagnosis, RateCheck } from "../../core/leak.js";
import type { Measure } from "../../core/track.js";
import { formatMonth } from "../../core/month.js";
import { roundCents } from "../../core/rounding.js";
import { type CheckpointRow, type TrackPeriod, formatPeriod } from "../../core/track.js";
import { capacityJson } from "../capacity/json.js";
import { formatDay } from "../../core/calibrate-days.js";
import { followUpJson } from "./follow-up.js";
import { coverageJson } from "./coverage.js";
import { sourcesJson } from "./sources.js";
import { STATUS_CODE, type TrackReport, percentFigure } from "./report.js";
import { catchUpColumns, effectFault, effectName, rateKey } from "./stage-names.js";
import { plainJson, sixDecimals } from "../plain-number.js";
import type { TrackJson } from "../../schemas/track.js";

/** Identifies the shape below; it changes only with a new number. */
export const TRACK_JSON_SCHEMA = "leadplan.track/1";

// Rates keep six decimals, money cents: enough to audit, free of binary noise.
const exact = sixDecimals;

function checksJson(row: CheckpointRow) {
  return Object.fromEntries(
    row.checks.map((check) => [
      check.measure,
      { plan: check.plan, actual: check.actual, variance: check.variance, percent_of_plan: percentFigure(check.percentOfPlan), status: STATUS_CODE[check.status] },
    ]),
  );
}

function rateJson(check: RateCheck | null, round: (value: number) => number) {
  const orNull = (value: number | null) => (value === null ? null : round(value));
  return check === null ? null : { assumed: round(check.assumed), planned: orNull(check.planned), actual: orNull(check.actual) };
}

// Each step's rates under its rate column's name, top step first, the deal size last.
function leakJson(leak: LeakDiagnosis, order: readonly Measure[]) {
  return {
    plan_revenue: roundCents(leak.planRevenue),
    actual_revenue: roundCents(leak.actualRevenue),
    variance: roundCents(leak.variance),
    rates: Object.fromEntries(leak.rates.map((rate) => [rateKey(order, rate.from, rate.to), rateJson(rate.check, rate.to === "revenue" ? roundCents : exact)])),
    effects: leak.effects.map((effect) => ({ stage: effectName(effect, order), from: effect.from, to: effect.to, revenue: roundCents(effect.revenue) })),
    largest: leak.largest === null ? null : { stage: effectName(leak.largest, order), fault: effectFault(leak.largest, order), revenue: roundCents(leak.largest.revenue) },
  };
}

function catchUpJson(plan: CatchUpPlan, bankSurplus: boolean, order: readonly Measure[]) {
  const columns = catchUpColumns(order);
  const figures = (row: CatchUpPlan["totals"]) => Object.fromEntries(columns.map((column) => [column.csv, column.value(row)]));
  return {
    window: plan.window,
    window_end: formatMonth(plan.windowEnd),
    bank_surplus: bankSurplus,
    scopes: plan.scopes.map((scope) => ({
      rep: scope.rep,
      product: scope.product,
      quota_due: scope.quotaDue,
      actual: scope.actual,
      shortfall: scope.shortfall,
      added: scope.added,
      months: scope.months.map(formatMonth),
      recoverable: !scope.unreachable,
      earliest_reachable: formatMonth(scope.earliestReachable),
    })),
    rows: plan.rows.map((row) => ({ month: row.month, ...figures(row) })),
    totals: figures(plan.totals),
  };
}

/** The period's checkpoints when they are not whole months (additive): `every`, the first and last period, and where an as-of day stops the last. */
function cutJson(period: TrackPeriod) {
  const { cut } = period;
  if (cut === undefined) return {};
  return {
    every: cut.every,
    first_period: formatPeriod(cut.first, cut.every),
    last_period: formatPeriod(cut.last, cut.every),
    ...(cut.elapsed === undefined ? {} : { through: formatDay(cut.lastDay), working_days_elapsed: cut.elapsed.days, working_days: cut.elapsed.of }),
  };
}

/** The forecast (with `--forecast`): the open quarter and the fiscal year, a probability as a fraction. */
function forecastJson(forecast: Forecast) {
  return {
    method: forecast.method,
    trials: forecast.trials,
    seed: forecast.seed,
    periods: forecast.periods.map((period) => ({
      period: period.label,
      quota: period.quota,
      won_to_date: period.wonToDate,
      probability: probabilityFigure(period.probability),
      revenue: { p10: period.revenue.p10, p50: period.revenue.p50, p90: period.revenue.p90 },
    })),
  };
}

/**
 * The track report as JSON with a stable schema (README, "leadplan track"): the status that
 * decides the exit code, plan against actual per row and cumulatively, the leak diagnosis and
 * the revised plan.
 */
export function renderTrackJson(report: TrackReport): string {
  const { checkpoints } = report;
  // The shape is src/schemas/track.ts (schemas/track.json): typed from it, so the two cannot drift.
  const document: TrackJson = {
    schema: TRACK_JSON_SCHEMA,
    as_of: formatMonth(report.asOf),
    ...(report.asOfDay === undefined ? {} : { as_of_date: formatDay(report.asOfDay) }),
    period: { first: formatMonth(checkpoints.period.first), last: formatMonth(checkpoints.period.last), ...cutJson(checkpoints.period) },
    tolerance: checkpoints.tolerance,
    by: checkpoints.by,
    deciding_measure: checkpoints.deciding,
    status: STATUS_CODE[checkpoints.status],
    inputs: { quotas: report.inputs.quotas, actuals: report.inputs.actuals, ratios: report.inputs.ratios ?? null, cycles: report.inputs.cycles ?? null },
    measures: checkpoints.measures,
    rows: checkpoints.rows.map((row) => ({ ...row.key, status: STATUS_CODE[row.status], checks: checksJson(row) })),
    cumulative: { status: STATUS_CODE[checkpoints.cumulative.status], checks: checksJson(checkpoints.cumulative) },
    ...(report.followUp === undefined ? {} : { follow_up: followUpJson(report) }),
    ...(report.coverage === undefined ? {} : { coverage: coverageJson(report.coverage) }),
    ...(report.sourceQuality === undefined ? {} : { sources: sourcesJson(report.sourceQuality, report.sourcesFile) }),
    leak: report.leak === null ? null : leakJson(report.leak, checkpoints.order),
    catch_up: report.catchUp === null ? null : catchUpJson(report.catchUp, report.bankSurplus, checkpoints.order),
    ...(report.forecast ? { forecast: forecastJson(report.forecast) } : {}),
    // A configured funnel names each checked stage's key after it (`sql_capacity`, `mql_capacity`); the default keeps `capacity`.
    ...Object.fromEntries(
      [report.capacity, ...(report.moreCapacity ?? [])].flatMap((section) =>
        section === undefined
          ? []
          : [[section.stages === undefined || isDefaultFunnel(section.stages.funnel) ? "capacity" : `${section.stages.checked}_capacity`, { plan: report.capacityPlan ?? "original", from: formatMonth(report.asOf + 1), ...capacityJson(section) }]],
      ),
    ),
    warnings: report.warnings,
  };
  return `${JSON.stringify(document, plainJson, 2)}\n`;
}
