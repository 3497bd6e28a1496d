import type { PlanGrouping, PlanRow, PlanTotals, RowKey } from "../../core/group.js";
import { baselineDocumentSection } from "./baseline.js";
import { confidenceDocumentSection } from "./confidence.js";
import { buildCapacityDocument, capacitySections } from "../capacity/build.js";
import type { Chart, ChartSeries, Column, ColumnKind, Document, Section, Table } from "../document.js";
import type { FunnelStages } from "../../core/funnel.js";
import { type PlanColumn, UNITS_COLUMN, type PlanReport, configuredStages, costLine, describeSurge, figureColumns, keyColumnsOf, keyText, keyTitle, stageLabel, stageTitle } from "./report.js";

type PlanLine = PlanRow | PlanTotals;

/** Rep and product come from the quota file: names. Month and quarter leadplan writes itself. */
export const KEY_KIND: Readonly<Record<keyof RowKey, ColumnKind>> = { month: "month", quarter: "month", rep: "name", product: "name" };

const isRow = (line: PlanLine): line is PlanRow => "key" in line;

/** The key columns of a view: a totals line reads `Total` in the first, nothing in the others. */
function keyColumn(key: keyof RowKey, first: boolean): Column<PlanLine> {
  return {
    key,
    title: keyTitle(key),
    kind: KEY_KIND[key],
    value: (line) => (isRow(line) ? (line.key[key] ?? "") : ""),
    text: (line) => (isRow(line) ? keyText(line, key) : first ? "Total" : ""),
  };
}

export interface PlanTableOptions {
  /** The totals line people read (not in CSV). */
  totals?: PlanTotals | undefined;
  /** What the surge is, for the `*` footnote of surge rows. */
  surge?: string | undefined;
  funnel?: FunnelStages | undefined;
  /** Quotas in units: a `units` column after `quota`, so a units-only row does not read "quota 0, 4 deals". */
  units?: boolean | undefined;
}

/**
 * The plan table of a view: the key columns, then the figures in the order of the CSV header
 * (plain numbers there, empty where a value is missing; no totals line in CSV, they are sums of
 * the rows). `rows` may be a generator: CSV of millions of segment months streams.
 */
export function planTable(by: PlanGrouping, rows: Iterable<PlanRow>, options: PlanTableOptions = {}): Table<PlanLine> {
  const { totals, surge, funnel, units = false } = options;
  const figures = figureColumns(funnel).flatMap((column): PlanColumn[] => (units && column.csv === "quota" ? [column, UNITS_COLUMN] : [column]));
  const columns: Column<PlanLine>[] = [
    ...keyColumnsOf({ by }).map((key, at) => keyColumn(key, at === 0)),
    ...figures.map((column): Column<PlanLine> => ({ key: column.csv, title: column.title, kind: column.kind, value: column.value })),
  ];
  return {
    columns,
    rows,
    ...(totals ? { totals: [totals] } : {}),
    tone: (line) => (isRow(line) && line.surge ? "warn" : undefined),
    ...(surge === undefined ? {} : { flag: { sign: "*", word: "surge", text: surge, on: (line: PlanLine) => isRow(line) && line.surge } }),
  };
}

/** The key a chart reads along its x axis: the month or the fiscal quarter of a time view. */
const timeKey = (line: PlanLine): string => (isRow(line) ? (line.key.month ?? line.key.quarter ?? "") : "");

/**
 * The charts of a time view: the leads to generate with the surge share on top of the inquiries
 * and the quota due against the right axis, then the budget. A view by rep, product or segment has
 * no time axis to draw along; its table stands alone.
 */
function planCharts(report: PlanReport, grain: string): Chart<PlanLine>[] {
  const axisTitle = grain === "Month" ? "Month" : "Fiscal quarter";
  const per = grain === "Month" ? "month" : "quarter";
  return [
    {
      kind: "series",
      title: `Leads to generate by ${per}, surge marked${report.hasAmounts ? ", and the quota due" : ""}`,
      axes: { x: axisTitle, y: `Leads per ${per}`, ...(report.hasAmounts ? { right: "Quota due, USD" } : {}) },
      category: timeKey,
      series: [
        ...leadSeries(report.funnel),
        ...(report.hasAmounts ? [{ name: "Quota due", draw: "line" as const, right: true, value: (line: PlanLine) => line.quota }] : []),
      ],
    },
    // Without a cost per inquiry the budget has no value: no chart of nothing.
    ...(report.view.totals.budget === null
      ? []
      : [
          {
            kind: "series",
            title: `Lead budget by ${per}`,
            axes: { x: axisTitle, y: "Budget, USD" },
            category: timeKey,
            series: [{ name: "Budget", draw: "bar", value: (line) => line.budget }],
          } satisfies Chart<PlanLine>,
        ]),
  ];
}

/** The lead bars of a time view: every stage below the top, then the top before and with the surge. */
function leadSeries(funnel: FunnelStages | undefined): ChartSeries<PlanLine>[] {
  const stages = configuredStages(funnel);
  if (stages === undefined) {
    return [
      { name: "Qualified leads", draw: "bar", value: (line) => line.qualifiedLeads },
      { name: "Inquiries before surge", draw: "bar", stack: "inquiries", value: (line) => line.inquiries - line.surgeInquiries },
      { name: "Surge inquiries", draw: "bar", stack: "inquiries", value: (line) => line.surgeInquiries },
    ];
  }
  const top = stages[stages.length - 1] ?? "";
  return [
    ...stages.slice(0, -1).map((stage, index) => ({ name: stageTitle(stage), draw: "bar" as const, value: (line: PlanLine) => line.stages[index] ?? 0 })),
    { name: `${stageTitle(top)} before surge`, draw: "bar", stack: top, value: (line) => line.inquiries - line.surgeInquiries },
    { name: `Surge ${stageLabel(top)}`, draw: "bar", stack: top, value: (line) => line.surgeInquiries },
  ];
}

/**
 * The plan as a document: the view's table with its totals, what a lead and a deal cost, the
 * surge rows marked; then the capacity check (with a team) and the baseline (with `--history`).
 * With `--view capacity` or `team`, the capacity sections alone.
 */
export function buildPlanDocument(report: PlanReport): Document {
  const { view, capacity, baseline } = report;
  const more = report.moreCapacity ?? [];
  if (capacity !== undefined && capacity.view !== "plan") {
    const document = buildCapacityDocument(capacity, report.warnings);
    return more.length === 0 ? document : { ...document, sections: [...document.sections, ...more.flatMap((section) => capacitySections(section))] };
  }
  const surge = describeSurge(report.surge, report.funnel);
  const timeView = view.by === "month" || view.by === "quarter";
  const sections: Section[] = [
    {
      table: planTable(view.by, view.rows, { totals: view.totals, surge, funnel: report.funnel, units: report.hasUnits }),
      notes: [costLine(view.totals, report.funnel)],
      ...(timeView ? { charts: planCharts(report, view.by === "month" ? "Month" : "Quarter") } : {}),
    },
  ];
  // The quarter budget beside the month plan: finance budgets by fiscal quarter.
  if (view.by === "month" && report.quarters && view.totals.budget !== null) {
    const { quarters } = report;
    sections.push({
      title: { text: "Budget by fiscal quarter", style: "heading" },
      table: planTable("quarter", quarters.rows, { totals: quarters.totals, surge, funnel: report.funnel, units: report.hasUnits }),
      charts: [
        { kind: "series", title: "Lead budget by fiscal quarter", axes: { x: "Fiscal quarter", y: "Budget, USD" }, category: timeKey, series: [{ name: "Budget", draw: "bar", value: (line) => line.budget }] },
      ],
      only: "html",
    });
  }
  if (capacity) sections.push(...capacitySections(capacity));
  for (const section of more) sections.push(...capacitySections(section));
  if (baseline) sections.push(baselineDocumentSection(baseline));
  if (report.confidence) sections.push(confidenceDocumentSection(report.confidence));
  return { title: `Lead plan: ${report.inputs.quotas}`, sections, warnings: report.warnings };
}
