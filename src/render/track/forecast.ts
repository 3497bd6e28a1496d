import { type Forecast, type PeriodForecast, monthSpan } from "../../core/forecast.js";
import { formatMonth } from "../../core/month.js";
import type { Measure } from "../../core/track.js";
import type { Chart, Column, Section } from "../document.js";
import { chanceText, formatFigure, formatNumber } from "../format.js";
import { measureTitle } from "./stage-names.js";

const money = (value: number): string => formatFigure(value, "money");

/** A probability as JSON and CSV carry it: a fraction to six decimals, free of binary noise. */
export const probabilityFigure = (probability: number | null): number | null => (probability === null ? null : Math.round(probability * 1e6) / 1e6);

const FORECAST_COLUMNS: readonly Column<PeriodForecast>[] = [
  { key: "period", title: "Period", kind: "code", value: (row) => row.label, text: (row) => `${row.label} (${monthSpan(row)})` },
  { key: "quota", title: "Quota", kind: "money", value: (row) => row.quota, text: (row) => money(row.quota) },
  { key: "won_to_date", title: "Won to date", kind: "money", value: (row) => row.wonToDate, text: (row) => money(row.wonToDate) },
  { key: "expected_in_flight", title: "Expected from leads in flight", kind: "money", value: (row) => row.expectedInFlight, text: (row) => money(row.expectedInFlight) },
  { key: "expected_to_come", title: "Expected from leads to come", kind: "money", value: (row) => row.expectedToCome, text: (row) => money(row.expectedToCome) },
  {
    key: "probability",
    title: "Chance of quota",
    kind: "ratio",
    value: (row) => probabilityFigure(row.probability),
    // Every trial making it (or none) is no certainty: the simulation only bounds the chance.
    text: (row) => (row.probability === null ? "–" : row.method === "simulation" && row.probability === 1 ? ">99.9%" : row.method === "simulation" && row.probability === 0 ? "<0.1%" : chanceText(row.probability)),
    tone: (row) => (row.probability === null ? undefined : row.probability < 0.5 ? "bad" : row.probability < 0.9 ? "warn" : undefined),
  },
  { key: "revenue_p10", title: "Revenue P10", kind: "money", value: (row) => row.revenue.p10, text: (row) => money(row.revenue.p10) },
  { key: "revenue_p50", title: "Revenue P50", kind: "money", value: (row) => row.revenue.p50, text: (row) => money(row.revenue.p50) },
  { key: "revenue_p90", title: "Revenue P90", kind: "money", value: (row) => row.revenue.p90, text: (row) => money(row.revenue.p90) },
];

/** How the figures were made: `exact` or the simulation's trials and seed, and its error. */
export function methodNote(forecast: Forecast): string {
  if (forecast.method === "exact") return "Method: exact (every deal is worth the same: the deal count is a sum of binomials, convolved exactly).";
  const error = formatNumber(50 / Math.sqrt(forecast.trials), 2);
  return `Method: simulation, ${formatNumber(forecast.trials, 0)} trials, seed ${forecast.seed} (a chance is within ±${error} points, one standard error at most).`;
}

/** Which counts the plan stood in for, when the actuals could not give them. */
function standInNote(forecast: Forecast, order: readonly Measure[]): string | null {
  const parts: string[] = [];
  if (forecast.standIns.measures.length > 0) parts.push(`${forecast.standIns.measures.map((measure) => measureTitle(order, measure).toLowerCase()).join(" and ")} (no column in the actuals)`);
  if (forecast.standIns.before !== null) parts.push(`every stage in ${monthSpan(forecast.standIns.before)} (before the first month of actuals)`);
  return parts.length === 0 ? null : `The plan's own volumes stand in for ${parts.join(", and for ")}.`;
}

/**
 * The forecast: for the open quarter and the fiscal year, quota, won to date, what the leads in
 * flight and to come bring on average, the chance of making quota and revenue P10/P50/P90, with
 * a chart of the P10–P90 range against the quota (HTML).
 */
export function forecastSection(forecast: Forecast, asOf: number, order: readonly Measure[]): Section {
  const chart: Chart<PeriodForecast> = {
    kind: "series",
    title: "Revenue forecast: P10, P50 and P90 against quota",
    axes: { x: "Period", y: "Revenue, USD" },
    category: (row) => row.label,
    series: [
      { name: "P10", draw: "bar", value: (row) => row.revenue.p10 },
      { name: "P50", draw: "bar", value: (row) => row.revenue.p50 },
      { name: "P90", draw: "bar", value: (row) => row.revenue.p90 },
      // The open quarter and the fiscal year are separate periods: a mark each, no line between them.
      { name: "Quota", draw: "mark", value: (row) => row.quota },
    ],
  };
  const notes = [
    "Each lead converts by chance at the plan's rates over the plan's lags: leads in flight are those reported up to as-of that can still close inside the period (each counted at the last stage it reached); leads to come are the plan's top of funnel from the next month (not the catch-up's).",
    standInNote(forecast, order),
    methodNote(forecast),
  ].filter((note): note is string => note !== null);
  return {
    intro: [`Forecast as of ${formatMonth(asOf)}: the chance of making quota in the open quarter and the fiscal year:`],
    name: "forecast",
    table: { columns: FORECAST_COLUMNS, rows: forecast.periods },
    charts: [chart],
    notes,
  };
}
