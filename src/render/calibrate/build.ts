import type { GroupCalibration, ScopeCalibration, SourceCalibration } from "../../core/calibrate.js";
import type { LagDistribution } from "../../core/lag.js";
import { type MonthIndex, formatMonth, monthOfYear } from "../../core/month.js";
import type { Chart, Column, Document, Section } from "../document.js";
import { formatNumber } from "../format.js";
import {
  ALL_GROUP_COLUMNS,
  type CalibrationColumn,
  type CalibrationReport,
  SCOPE_COLUMNS,
  SOURCE_COLUMNS,
  baselineSpan,
  figureKind,
  formatCalibrationFigure,
  formatIndex,
  headline,
  lagCells,
  lastLagOf,
  funnelMethodLine,
  methodLine,
  plainFigure,
  scopeName,
  sourceName,
} from "./report.js";

import { funnelGroupColumns, funnelSourceColumns } from "./funnel-columns.js";

/** A figure column as people read it (`25.4%`) and as CSV writes it (`0.254`). */
function figureColumn<Row>(column: CalibrationColumn<Row>): Column<Row> {
  return {
    key: column.csv,
    title: column.title,
    kind: figureKind(column.kind),
    value: (row) => plainFigure(column.value(row), column.kind),
    text: (row) => formatCalibrationFigure(column.value(row), column.kind),
  };
}

function figureSection<Row>(title: string, detail: string | undefined, keyTitle: string, rows: readonly Row[], key: (row: Row) => string, columns: readonly CalibrationColumn<Row>[]): Section {
  return {
    title: { text: title, style: "heading", ...(detail === undefined ? {} : { detail, separator: ", " }) },
    table: { columns: [{ key: "name", title: keyTitle, kind: "name", value: key }, ...columns.map((column) => figureColumn(column))], rows },
    csv: false,
  };
}

type LagLine = { name: string; shares: (number | null)[] };

/** Shares by month lag, one row per scope with a distribution; none when no scope has one. */
function lagSection(title: string, detail: string, scopes: readonly { name: string; lag: LagDistribution | null }[]): Section[] {
  const shown = scopes.filter((scope) => scope.lag !== null);
  if (shown.length === 0) return [];
  const { last, more } = lastLagOf(shown.map((scope) => scope.lag));
  const titles = Array.from({ length: last + 1 }, (_, lag) => `${lag} mo`);
  if (more) titles.push(`${last + 1}+ mo`);
  const columns: Column<LagLine>[] = [
    { key: "scope", title: "Scope", kind: "name", value: (line) => line.name },
    ...titles.map((lagTitle, at): Column<LagLine> => ({
      key: `lag_${at}`,
      title: lagTitle,
      kind: "ratio",
      value: (line) => line.shares[at] ?? null,
      text: (line) => formatCalibrationFigure(line.shares[at] ?? null, "rate"),
    })),
  ];
  const rows = shown.map((scope) => ({ name: scope.name, shares: lagCells(scope.lag, last) }));
  // Each scope one bar of 100%, split by month lag: the distribution a cycle file holds.
  const chart: Chart<LagLine> = {
    kind: "series",
    title: `${title}: ${detail.charAt(0).toLowerCase()}${detail.slice(1).replace(/\.$/, "")}`,
    axes: { x: "Scope", y: "Share, %" },
    category: (line) => line.name,
    series: titles.map((lagTitle, at) => ({ name: lagTitle, draw: "bar", stack: "lag", value: (line: LagLine) => { const share = line.shares[at]; return share === null || share === undefined ? null : Math.round(share * 10000) / 100; } })),
  };
  return [{ title: { text: title, style: "heading", detail }, table: { columns, rows }, charts: [chart], csv: false }];
}

type CsvLine = { group: string; rep: string; product: string; source: string; figures: GroupCalibration; share: number | null };

/**
 * The calibration as one CSV for scripts: a row per group of leads, `group` telling which
 * (`all`, `product`, `rep_product`, `source`), then the scope columns, the figures, and a
 * source's share of all inquiries (empty for the other groups). The distributions are in
 * `--cycles-out`, the baseline in the JSON output.
 */
function csvSection(scopes: readonly ScopeCalibration[], sources: readonly SourceCalibration[], figures: readonly CalibrationColumn<GroupCalibration>[] = ALL_GROUP_COLUMNS): Section {
  const columns: Column<CsvLine>[] = [
    { key: "group", title: "Group", kind: "code", value: (line) => line.group },
    { key: "rep", title: "Rep", kind: "name", value: (line) => line.rep },
    { key: "product", title: "Product", kind: "name", value: (line) => line.product },
    { key: "source", title: "Source", kind: "name", value: (line) => line.source },
    ...figures.map(
      (column): Column<CsvLine> => ({ key: column.csv, title: column.title, kind: figureKind(column.kind), value: (line) => plainFigure(column.value(line.figures), column.kind) }),
    ),
    { key: "share", title: "Share", kind: "ratio", value: (line) => plainFigure(line.share, "rate") },
  ];
  const rows: CsvLine[] = [
    ...scopes.map((scope) => ({ group: scope.rep !== "" ? "rep_product" : scope.product !== "" ? "product" : "all", rep: scope.rep, product: scope.product, source: "", figures: scope, share: null })),
    ...sources.map((source) => ({ group: "source", rep: "", product: "", source: source.source, figures: source, share: source.share })),
  ];
  return { table: { columns, rows }, only: "csv" };
}

type BaselineLine = { month: MonthIndex; inquiries: number; qualifiedLeads: number; index: number | null };

/** The baseline's columns; a configured funnel names its top stage and the one before won. */
const baselineColumns = (top = "inquiries", beforeWon = "qualified_leads", topTitle = "Inquiries", beforeWonTitle = "Qualified"): readonly Column<BaselineLine>[] => [
  { key: "month", title: "Month", kind: "month", value: (line) => formatMonth(line.month) },
  { key: top, title: topTitle, kind: "count", value: (line) => line.inquiries, text: (line) => formatNumber(line.inquiries, 0) },
  { key: beforeWon, title: beforeWonTitle, kind: "count", value: (line) => line.qualifiedLeads, text: (line) => formatNumber(line.qualifiedLeads, 0) },
  { key: "season_index", title: "Season index", kind: "ratio", value: (line) => line.index, text: (line) => formatIndex(line.index) },
];
const BASELINE_COLUMNS = baselineColumns();

function baselineSection(report: CalibrationReport, columns: readonly Column<BaselineLine>[], stages: string): Section[] {
  const { calibration } = report;
  const span = baselineSpan(calibration);
  if (span === null) return [];
  const rows = calibration.baseline.months.map((month) => ({
    month: month.month,
    inquiries: month.inquiries,
    qualifiedLeads: month.qualifiedLeads,
    index: calibration.baseline.seasonality[monthOfYear(month.month) - 1] ?? null,
  }));
  return [{ title: { text: "Baseline", style: "heading", detail: `${span}${stages}, with the seasonality of each calendar month.` }, table: { columns, rows }, csv: false }];
}

/**
 * The calibration as a document: the headline; the funnel by scope; the sales cycle and
 * qualification time as shares by month lag; the lead sources (cheapest won deal first); the
 * baseline with its seasonality; how open leads were kept out of the rates. CSV writes one table
 * of every group's figures instead.
 */
export function buildCalibrationDocument(report: CalibrationReport): Document {
  const { calibration } = report;
  if (calibration.funnel !== undefined) return buildFunnelCalibrationDocument(report, calibration.funnel);
  const detailed = calibration.scopes.filter((scope) => scope.rep === "");
  const sections: Section[] = [
    csvSection(calibration.scopes, calibration.sources),
    { title: { text: headline(report), style: "strong" } },
    {
      ...figureSection("Funnel", undefined, "Scope", calibration.scopes, scopeName, SCOPE_COLUMNS),
      charts: [
        {
          kind: "funnel",
          title: "The funnel of all leads: inquiries, qualified, won",
          unit: "leads",
          stages: [
            { name: "Inquiries", value: (scope: ScopeCalibration) => scope.inquiries },
            { name: "Qualified", value: (scope: ScopeCalibration) => scope.qualifiedLeads },
            { name: "Won", value: (scope: ScopeCalibration) => scope.wonDeals },
          ],
        },
      ],
    },
    ...lagSection("Sales cycle", "Share of won deals closing N months after the lead qualified.", detailed.map((scope) => ({ name: scopeName(scope), lag: scope.salesCycle }))),
    ...lagSection("Qualification", "Share of qualified leads qualifying N months after the inquiry.", detailed.map((scope) => ({ name: scopeName(scope), lag: scope.qualification }))),
    {
      ...figureSection("Lead sources", "Cheapest won deal first.", "Source", calibration.sources, sourceName, SOURCE_COLUMNS),
      charts: [
        {
          kind: "series",
          title: "Cost per won deal by source (no bar: no deal won)",
          axes: { x: "Source", y: "Cost per won deal, USD" },
          category: sourceName,
          series: [{ name: "Cost per won deal", draw: "bar", value: (source: SourceCalibration) => source.costPerWonDeal }],
        },
      ],
    },
  ];
  for (const section of baselineSection(report, BASELINE_COLUMNS, "")) sections.push(section);
  sections.push({ notes: [methodLine(calibration)] });
  return { title: "Calibration from past leads", sections, warnings: report.warnings };
}

/**
 * A configured funnel's calibration: the same document with its stages' names: leads reaching
 * each stage and each step's rate by scope, each step's time as shares by month lag (nearest won
 * first), the lead sources by step, the baseline of the top stage and the one before won.
 */
function buildFunnelCalibrationDocument(report: CalibrationReport, stages: readonly string[]): Document {
  const { calibration } = report;
  const detailed = calibration.scopes.filter((scope) => scope.rep === "");
  const groupColumns = funnelGroupColumns(stages);
  const top = stages[0] ?? "";
  const beforeWon = stages[stages.length - 2] ?? "";
  const steps = calibration.scopes[0]?.steps ?? [];
  const sections: Section[] = [
    csvSection(calibration.scopes, calibration.sources, [...groupColumns, { csv: "revenue", title: "Revenue", kind: "money", value: (row) => row.revenue }]),
    { title: { text: headline(report), style: "strong" } },
    {
      ...figureSection("Funnel", undefined, "Scope", calibration.scopes, scopeName, groupColumns),
      charts: [
        {
          kind: "funnel",
          title: `The funnel of all leads: ${stages.join(", ")}`,
          unit: "leads",
          stages: stages.map((stage, at) => ({ name: stage.toUpperCase(), value: (scope: ScopeCalibration) => groupColumns[at]?.value(scope) ?? 0 })),
        },
      ],
    },
    ...steps.flatMap((step) =>
      lagSection(
        `${step.from} → ${step.to}`,
        `Share of leads reaching ${step.to} N months after reaching ${step.from}.`,
        detailed.map((scope) => ({ name: scopeName(scope), lag: scope.steps?.find((own) => own.from === step.from)?.lag ?? null })),
      ),
    ),
    figureSection("Lead sources", "Cheapest won deal first.", "Source", calibration.sources, sourceName, funnelSourceColumns(stages)),
    ...baselineSection(report, baselineColumns(top, beforeWon, top.toUpperCase(), beforeWon.toUpperCase()), ` (${top} and ${beforeWon} by month)`),
    { notes: [funnelMethodLine(calibration)] },
  ];
  return { title: "Calibration from past leads", sections, warnings: report.warnings };
}
