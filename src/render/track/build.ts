import type { CatchUpPlan, CatchUpRow } from "../../core/catch-up.js";
import type { LeakDiagnosis } from "../../core/leak.js";
import type { CheckpointRow, MeasureCheck, TrackKey } from "../../core/track.js";
import { capacitySections } from "../capacity/build.js";
import { catchUpChart, leakWaterfall, revenueToDateSection, stageShareSection } from "./charts.js";
import type { Column, Document, Section, Table } from "../document.js";
import { KEY_KIND } from "../plan/build.js";
import { catchUpColumns, measureTitle } from "./stage-names.js";
import { followUpSection } from "./follow-up.js";
import { coverageSection } from "./coverage.js";
import { sourcesSection } from "./sources.js";
import { forecastSection } from "./forecast.js";
import {
  STATUS_CODE,
  STATUS_TEXT,
  type TrackReport,
  capacityTitle,
  catchUpChanged,
  catchUpLines,
  catchUpNote,
  catchUpTitle,
  figureText,
  headline,
  leakNote,
  leakRows,
  leakTitle,
  leakVerdict,
  percentFigure,
  percentText,
  signedMoney,
  trackKeyColumns,
  trackKeyText,
  trackKeyTitle,
  varianceText,
} from "./report.js";

/** One line of the checkpoints: a row's measure; the first measure of a row names it, the others leave the key blank. */
interface CheckLine {
  row: CheckpointRow;
  check: MeasureCheck;
  first: boolean;
  total: boolean;
}

function checkLines(row: CheckpointRow, total: boolean): CheckLine[] {
  return row.checks.map((check, index) => ({ row, check, first: index === 0, total }));
}

function keyColumn(key: keyof TrackKey, leading: boolean): Column<CheckLine> {
  return {
    key,
    title: trackKeyTitle(key),
    kind: key === "period" ? "month" : KEY_KIND[key],
    // CSV is long form (as spreadsheets pivot it): every line names its row; the cumulative lines say `total`.
    value: (line) => (line.total ? (leading ? "total" : "") : (line.row.key[key] ?? "")),
    text: (line) => (!line.first ? "" : line.total ? (leading ? "Total" : "") : trackKeyText(line.row, key)),
  };
}

/** Plan against actual: one line per row and measure, the cumulative lines last (in CSV too). */
function checkpointTable(report: TrackReport): Table<CheckLine> {
  const keys = trackKeyColumns(report.checkpoints);
  // Plan, actual and variance are counts or revenue by measure: figures all the same (a variance of -262000 is never guarded).
  const columns: Column<CheckLine>[] = [
    ...keys.map((key, at) => keyColumn(key, at === 0)),
    { key: "measure", title: "Measure", kind: "code", value: (line) => line.check.measure, text: (line) => measureTitle(report.checkpoints.order, line.check.measure) },
    { key: "plan", title: "Plan", kind: "count", value: (line) => line.check.plan, text: (line) => figureText(line.check, line.check.plan) },
    { key: "actual", title: "Actual", kind: "count", value: (line) => line.check.actual, text: (line) => figureText(line.check, line.check.actual) },
    { key: "variance", title: "Variance", kind: "count", value: (line) => line.check.variance, text: (line) => varianceText(line.check) },
    { key: "percent_of_plan", title: "% of plan", kind: "percent", value: (line) => percentFigure(line.check.percentOfPlan), text: (line) => percentText(line.check.percentOfPlan) },
    {
      key: "status",
      title: "Status",
      kind: "code",
      value: (line) => STATUS_CODE[line.check.status],
      text: (line) => STATUS_TEXT[line.check.status],
      // Only the status cell is coloured: a whole red row would hide which measure is behind.
      tone: (line) => (line.check.status === "far-behind" ? "bad" : line.check.status === "behind" ? "warn" : undefined),
    },
  ];
  return {
    columns,
    rows: report.checkpoints.rows.flatMap((row) => checkLines(row, false)),
    totals: checkLines(report.checkpoints.cumulative, true),
    csvTotals: true,
  };
}

// The cells are text already (a rate or a deal size by stage); `effect` keeps the figure the waterfall draws.
type LeakLine = ReturnType<typeof leakRows>[number] & { effect?: number };
const LEAK_COLUMNS: readonly Column<LeakLine>[] = [
  { key: "stage", title: "Stage", kind: "code", value: (line) => line.stage },
  { key: "assumed", title: "Assumed", kind: "ratio", value: (line) => line.figures.assumed, text: (line) => line.assumed },
  { key: "planned", title: "Plan in period", kind: "ratio", value: (line) => line.figures.planned, text: (line) => line.planned },
  { key: "actual", title: "Actual", kind: "ratio", value: (line) => line.figures.actual, text: (line) => line.actual },
  { key: "revenue_effect", title: "Revenue effect", kind: "money", value: (line) => line.figures.revenue, text: (line) => line.revenue },
];

function leakSection(report: TrackReport, leak: LeakDiagnosis | null): Section {
  if (leak === null) return { notes: [leakNote(report)] };
  return {
    intro: [leakTitle(report)],
    table: {
      columns: LEAK_COLUMNS,
      rows: leakRows(leak, report.checkpoints.order).map((line, at): LeakLine => ({ ...line, effect: leak.effects[at]?.revenue ?? 0 })),
      totals: [{ stage: "Revenue variance", assumed: "", planned: "", actual: "", revenue: signedMoney(leak.variance), figures: { assumed: null, planned: null, actual: null, revenue: leak.variance } }],
    },
    charts: [leakWaterfall<LeakLine>(leak, (line) => line.stage, (line) => line.effect ?? 0)],
    notes: [leakVerdict(leak, report.checkpoints.order)],
    csv: false,
  };
}

type CatchUpLine = CatchUpRow | CatchUpPlan["totals"];

const catchUpTableColumns = (report: TrackReport): Column<CatchUpLine>[] => [
  { key: "month", title: "Month", kind: "month", value: (line) => ("month" in line ? line.month : ""), text: (line) => ("month" in line ? line.month : "Total") },
  ...catchUpColumns(report.checkpoints.order).map((column): Column<CatchUpLine> => ({ key: column.csv, title: column.title, kind: column.kind, value: column.value })),
];

function catchUpSection(report: TrackReport, plan: CatchUpPlan | null): Section {
  if (plan === null) return { notes: [catchUpNote(report)] };
  return {
    intro: [catchUpTitle(report, plan)],
    bullets: catchUpLines(report, plan),
    // A catch-up that changed nothing has no table.
    ...(catchUpChanged(plan) ? { table: { columns: catchUpTableColumns(report), rows: plan.rows, totals: [plan.totals] }, charts: [catchUpChart<CatchUpLine>(report.checkpoints.order)] } : {}),
    csv: false,
  };
}

/**
 * The track report as a document: the headline and plan against actual per row and measure
 * (CSV writes these alone, long form), where the funnel leaks, the catch-up, and with a team the
 * capacity of the plan ahead.
 */
export function buildTrackDocument(report: TrackReport): Document {
  const revenueToDate = revenueToDateSection(report);
  const followUp = followUpSection(report);
  const coverage = coverageSection(report.coverage);
  const sources = sourcesSection(report.sourceQuality, report.sourcesFile);
  const sections: Section[] = [
    // Named for `--section` (CSV writes one table per file): the checkpoints, or the forecast.
    { title: { text: headline(report), style: "strong" }, table: checkpointTable(report), name: "checkpoints" },
    ...(followUp ? [followUp] : []),
    ...(coverage ? [coverage] : []),
    ...(sources ? [sources] : []),
    stageShareSection(report),
    ...(revenueToDate ? [revenueToDate] : []),
    leakSection(report, report.leak),
    catchUpSection(report, report.catchUp),
    ...(report.forecast ? [forecastSection(report.forecast, report.asOf, report.checkpoints.order)] : []),
  ];
  if (report.capacity) sections.push(...capacitySections(report.capacity, [capacityTitle(report)]).map((section) => ({ ...section, csv: false })));
  for (const more of report.moreCapacity ?? []) sections.push(...capacitySections(more).map((section) => ({ ...section, csv: false })));
  return { title: "Plan versus actual", sections, warnings: report.warnings };
}
