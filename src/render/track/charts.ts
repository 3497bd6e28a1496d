import type { CatchUpRow } from "../../core/catch-up.js";
import type { LeakDiagnosis } from "../../core/leak.js";
import type { CheckpointRow, Measure } from "../../core/track.js";
import type { Chart, Column, Section } from "../document.js";
import { formatNumber } from "../format.js";
import { isDefaultOrder, measureTitle } from "./stage-names.js";
import { stageLabel, stageTitle } from "../plan/report.js";
import { type TrackReport, percentFigure, percentText, trackKeyColumns, trackKeyText, trackKeyTitle } from "./report.js";

const percentOf = (row: CheckpointRow, measure: Measure): number | null => percentFigure(row.checks.find((check) => check.measure === measure)?.percentOfPlan ?? null);

/** The measures the actuals compared, in funnel order. */
const measuresOf = (report: TrackReport): Measure[] => report.checkpoints.cumulative.checks.map((check) => check.measure);

/**
 * Actual as a share of plan for each row and stage, against 100% and the tolerance's floor: a
 * stage below the floor is behind. The table is the checkpoints' `% of plan` column, one column
 * per stage; only the HTML report shows it, next to its chart.
 */
export function stageShareSection(report: TrackReport): Section {
  const keys = trackKeyColumns(report.checkpoints);
  const measures = measuresOf(report);
  const keyText = (row: CheckpointRow) => keys.map((key) => trackKeyText(row, key)).join(" · ");
  const columns: Column<CheckpointRow>[] = [
    ...keys.map((key): Column<CheckpointRow> => ({ key, title: trackKeyTitle(key), kind: key === "month" || key === "period" ? "month" : "name", value: (row) => row.key[key] ?? "", text: (row) => trackKeyText(row, key) })),
    ...measures.map((measure): Column<CheckpointRow> => ({
      key: `${measure}_percent_of_plan`,
      title: `${measureTitle(report.checkpoints.order, measure)}, % of plan`,
      kind: "percent",
      value: (row) => percentOf(row, measure),
      text: (row) => percentText(percentOf(row, measure)),
    })),
  ];
  const tolerance = report.checkpoints.tolerance * 100;
  const chart: Chart<CheckpointRow> = {
    kind: "series",
    title: "Actual as a share of plan, by stage",
    axes: { x: keys.map(trackKeyTitle).join(" · "), y: "Actual, % of plan" },
    category: keyText,
    series: measures.map((measure) => ({ name: measureTitle(report.checkpoints.order, measure), draw: "bar", value: (row: CheckpointRow) => percentOf(row, measure) })),
    rules: [
      { name: "Plan (100%)", value: 100 },
      { name: `Tolerance floor (${formatNumber(100 - tolerance, 2)}%)`, value: 100 - tolerance },
    ],
  };
  return { title: { text: "Actual as a share of plan, by stage", style: "heading" }, table: { columns, rows: report.checkpoints.rows }, charts: [chart], only: "html" };
}

interface RevenueToDate {
  month: string;
  plan: number;
  actual: number;
  low: number;
  high: number;
}

/**
 * Revenue to date against the plan to date, month by month, with the tolerance band around the
 * plan: the line a VP watches. Only for checkpoints by month that compare revenue.
 */
export function revenueToDateSection(report: TrackReport): Section | null {
  const { checkpoints } = report;
  if (checkpoints.by !== "month" || !measuresOf(report).includes("revenue")) return null;
  const rows: RevenueToDate[] = [];
  let plan = 0;
  let actual = 0;
  for (const row of checkpoints.rows) {
    const check = row.checks.find((candidate) => candidate.measure === "revenue");
    if (!check) continue;
    plan += check.plan;
    actual += check.actual;
    rows.push({ month: row.key.month ?? row.key.period ?? "", plan, actual, low: plan * (1 - checkpoints.tolerance), high: plan * (1 + checkpoints.tolerance) });
  }
  const money = (value: number) => formatNumber(value, 2).replace(/\.00$/, "");
  const columns: Column<RevenueToDate>[] = [
    { key: "month", title: "Month", kind: "month", value: (row) => row.month },
    { key: "plan_to_date", title: "Plan to date", kind: "money", value: (row) => row.plan, text: (row) => money(row.plan) },
    { key: "actual_to_date", title: "Actual to date", kind: "money", value: (row) => row.actual, text: (row) => money(row.actual) },
    { key: "tolerance_low", title: "Tolerance, low", kind: "money", value: (row) => row.low, text: (row) => money(row.low) },
    { key: "tolerance_high", title: "Tolerance, high", kind: "money", value: (row) => row.high, text: (row) => money(row.high) },
  ];
  const band = `Tolerance ±${formatNumber(checkpoints.tolerance * 100, 2)}%`;
  const chart: Chart<RevenueToDate> = {
    kind: "series",
    title: "Cumulative revenue against plan",
    axes: { x: "Month", y: "Revenue to date, USD" },
    category: (row) => row.month,
    series: [
      { name: "Plan to date", draw: "line", dashed: true, value: (row) => row.plan },
      { name: "Actual to date", draw: "line", value: (row) => row.actual },
    ],
    band: { name: band, low: (row) => row.low, high: (row) => row.high },
  };
  return { title: { text: "Cumulative revenue against plan", style: "heading" }, table: { columns, rows }, charts: [chart], only: "html" };
}

/** The leak as a waterfall: from the plan's revenue through each stage's effect to the actual revenue. */
export function leakWaterfall<R>(leak: LeakDiagnosis, stage: (row: R) => string, effect: (row: R) => number): Chart<R> {
  return {
    kind: "waterfall",
    title: "Where the revenue went: each stage's effect, plan to actual",
    axes: { x: "Stage", y: "Revenue, USD" },
    start: { label: "Plan revenue", value: leak.planRevenue },
    end: { label: "Actual revenue", value: leak.actualRevenue },
    category: stage,
    change: effect,
  };
}

/** The catch-up months: the top stage's entries (inquiries) already planned and the extra ones on top. */
export function catchUpChart<R extends CatchUpRow | object>(order: readonly Measure[]): Chart<R> {
  const row = (line: R): CatchUpRow | null => ("month" in line ? (line as CatchUpRow) : null);
  const top = order[0] ?? "";
  const [few, title] = isDefaultOrder(order) ? ["inquiries", "Inquiries"] : [stageLabel(top), stageTitle(top)];
  return {
    kind: "series",
    title: `Catch-up: ${few} to generate by month, the extra on top`,
    axes: { x: "Month", y: `${title} per month` },
    category: (line) => row(line)?.month ?? "",
    series: [
      { name: `${title} planned`, draw: "bar", stack: "inquiries", value: (line) => { const month = row(line); return month === null ? null : month.inquiries - month.extraInquiries; } },
      { name: `Extra ${few}`, draw: "bar", stack: "inquiries", value: (line) => row(line)?.extraInquiries ?? null },
    ],
  };
}
