import type { Grouping, PlanRow, PlanTotals, RowKey } from "../../core/group.js";
import { baselineDocumentSection } from "./baseline.js";
import { buildCapacityDocument, capacitySections } from "../capacity/build.js";
import type { Column, ColumnKind, Document, Section, Table } from "../document.js";
import { FIGURE_COLUMNS, type PlanReport, costLine, describeSurge, keyColumnsOf, keyText, keyTitle } from "./report.js";

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

/**
 * The plan table of a view: the key columns, then the figures in the order of the CSV header
 * (plain numbers there, empty where a value is missing; no totals line in CSV, they are sums of
 * the rows). `rows` may be a generator: CSV of millions of segment months streams.
 */
export function planTable(by: Grouping, rows: Iterable<PlanRow>, totals?: PlanTotals, surge?: string): Table<PlanLine> {
  const columns: Column<PlanLine>[] = [
    ...keyColumnsOf({ by }).map((key, at) => keyColumn(key, at === 0)),
    ...FIGURE_COLUMNS.map((column): Column<PlanLine> => ({ key: column.csv, title: column.title, kind: column.kind, value: column.value })),
  ];
  return {
    columns,
    rows,
    ...(totals ? { totals: [totals] } : {}),
    tone: (line) => (isRow(line) && line.surge ? "warn" : undefined),
    ...(surge === undefined ? {} : { flag: { sign: "*", word: "surge", text: surge, on: (line: PlanLine) => isRow(line) && line.surge } }),
  };
}

/**
 * The plan as a document: the view's table with its totals, what a lead and a deal cost, the
 * surge rows marked; then the capacity check (with a team) and the baseline (with `--history`).
 * With `--view capacity` or `team`, the capacity sections alone.
 */
export function buildPlanDocument(report: PlanReport): Document {
  const { view, capacity, baseline } = report;
  if (capacity !== undefined && capacity.view !== "plan") return buildCapacityDocument(capacity, report.warnings);
  const sections: Section[] = [
    { table: planTable(view.by, view.rows, view.totals, describeSurge(report.surge)), notes: [costLine(view.totals)] },
  ];
  if (capacity) sections.push(...capacitySections(capacity));
  if (baseline) sections.push(baselineDocumentSection(baseline));
  return { sections, warnings: report.warnings };
}
