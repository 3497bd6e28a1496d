import type { ColumnKind } from "./csv-writer.js";

export type { ColumnKind };

/** A colour a terminal may give a row or a cell: `warn` (yellow), `bad` (red). Other formats ignore it or mark it otherwise. */
export type Tone = "warn" | "bad";

/** What one cell of a CSV line holds before it is written: missing is null (an empty cell). */
export type CellValue = string | number | boolean | null;

/**
 * A column as every format shows it: `key` is its stable CSV header, `title` what people read,
 * `kind` what it holds (which decides the CSV formula guard, the decimal mark of `--excel eu`,
 * the alignment of text formats and, later, the axis of a chart). Cells are read from the row
 * when a writer needs them, so a table of millions of rows costs no cell objects.
 */
export interface Column<R> {
  key: string;
  title: string;
  kind: ColumnKind;
  /** The machine value, as CSV writes it (numbers plain, never rounded for show). */
  value(row: R): CellValue;
  /** The text people read; without it, the value's default text for the kind. */
  text?(row: R): string;
  /** Marks the cell `!` (over capacity, at risk): text formats suffix it, Markdown also bolds it. */
  marked?(row: R): boolean;
  /** Colours this cell alone on a terminal (a track status). */
  tone?(row: R): Tone | undefined;
  /**
   * A bar in proportion to the row's figure (the tornado's impact), not a figure: the bar drawn
   * `length` columns long at the largest (`text` is it at full length). A narrow terminal draws
   * every bar of the column shorter, in the same proportion, before it splits the table; HTML
   * shows the figure instead, its chart being the picture.
   */
  bar?(row: R, length: number): string;
  /** A column only CSV writes (a fixed header for scripts) or only people read. */
  only?: "csv" | "text";
}

/**
 * A footnote carried by some rows: the terminal suffixes the first cell with `sign` and prints
 * `* surge: …` under the table; Markdown writes `(surge)` and `Surge: ….`.
 */
export interface RowFlag<R> {
  sign: string;
  word: string;
  text: string;
  on(row: R): boolean;
}

/**
 * A table of a section. `rows` may be any iterable (a generator): CSV streams it; text formats
 * read it once. `totals` are lines for people (bold; not in CSV unless `csvTotals`: they are sums of the rows).
 */
export interface Table<R> {
  columns: readonly Column<R>[];
  rows: Iterable<R>;
  totals?: readonly R[];
  /** CSV writes the totals too, after the rows (track's long CSV keeps its cumulative lines). */
  csvTotals?: boolean;
  /** Colours a whole row on a terminal (surge in yellow, over capacity in red). */
  tone?(row: R): Tone | undefined;
  flag?: RowFlag<R>;
}

/**
 * How a section's title reads: `strong` is bold everywhere (a headline), `heading` bold on a
 * terminal and a `###` heading in Markdown, `caption` plain on a terminal and bold in Markdown.
 */
export interface Title {
  text: string;
  style: "strong" | "heading" | "caption";
  /**
   * A sentence saying what the section shows (`Cheapest won deal first.`): Markdown sets it under
   * the heading, a terminal joins it to the title on one line (`Lead sources, cheapest won deal
   * first`) with `separator` (`: ` unless given).
   */
  detail?: string;
  separator?: string;
}

/** One series of a bar or line chart: a name for the legend and the figure of each row. */
export interface ChartSeries<R> {
  name: string;
  value(row: R): number | null;
  /**
   * Bars stand side by side unless they share a stack; a line runs over the bars; a mark is a flat
   * tick across each row's bars, joined to none: figures of separate periods (a quarter's quota
   * and the year's) that a line would wrongly connect.
   */
  draw: "bar" | "line" | "mark";
  stack?: string;
  /** A line on the right-hand axis (quota in dollars over lead counts). */
  right?: boolean;
  /** A line drawn dashed (a plan or a bound next to an actual). */
  dashed?: boolean;
}

/** The axis titles a reader needs: what is counted and in what unit (`Leads per month`, `USD`). */
export interface ChartAxes {
  x: string;
  y: string;
  /** The right-hand axis, when a series is drawn against it. */
  right?: string;
}

/** Bars and lines along the rows: months, scenarios, stages. */
export interface SeriesChart<R> {
  kind: "series";
  title: string;
  axes: ChartAxes;
  category(row: R): string;
  series: readonly ChartSeries<R>[];
  /** Horizontal lines across the chart: 100% of plan, the tolerance's floor. */
  rules?: readonly { name: string; value: number }[];
  /** A shaded band between two figures of each row: the tolerance around the plan. A row without one (null) leaves a gap. */
  band?: { name: string; low(row: R): number | null; high(row: R): number | null };
}

/** A grid of cells (rep × month) coloured by a figure, the cells past a limit marked. */
export interface HeatmapChart<R> {
  kind: "heatmap";
  title: string;
  axes: ChartAxes;
  column(row: R): string;
  line(row: R): string;
  value(row: R): number | null;
  /** Names what the colour means (`Use of capacity, %`). */
  valueTitle: string;
  marked(row: R): boolean;
  markedTitle: string;
}

/** Each row a bar left (down) and right (up) of zero, largest first: the sensitivity tornado. */
export interface TornadoChart<R> {
  kind: "tornado";
  title: string;
  axes: ChartAxes;
  category(row: R): string;
  low: { name: string; value(row: R): number | null };
  high: { name: string; value(row: R): number | null };
}

/** From a start total to an end total through the rows' signed steps: where the plan's revenue went. */
export interface WaterfallChart<R> {
  kind: "waterfall";
  title: string;
  axes: ChartAxes;
  start: { label: string; value: number };
  end: { label: string; value: number };
  category(row: R): string;
  change(row: R): number;
}

/** Stages narrowing from the top of the funnel to the won deal, drawn from the table's first row (all leads). */
export interface FunnelChart<R> {
  kind: "funnel";
  title: string;
  stages: readonly { name: string; value(row: R): number | null }[];
  unit: string;
}

/**
 * A chart drawn from its section's table rows (the table stands beside it in the report: accessible
 * and copyable), read through the same row type as the columns. Only the HTML writer draws charts;
 * the geometry is the charting library's, the figures the builder's.
 */
export type Chart<R = any> = SeriesChart<R> | HeatmapChart<R> | TornadoChart<R> | WaterfallChart<R> | FunnelChart<R>;

/**
 * One part of a report, in reading order: plain lines introducing it, its title, a list, its
 * table, the notes under the table. Every part is optional.
 */
export interface Section {
  intro?: readonly string[];
  title?: Title;
  bullets?: readonly string[];
  // The table's row type is private to the builder that made it; writers only pass rows back to its columns.
  table?: Table<any>;
  notes?: readonly string[];
  /** Charts of the section's table rows, for the formats that draw them (HTML). */
  charts?: readonly Chart[];
  /** False for a table CSV does not write by default (a comparison shown beside the main table). */
  csv?: boolean;
  /**
   * The name `--section` picks the section by, for the format that writes one table per file
   * (CSV): `scenarios`, `quarters`, `sensitivity`, `sources`.
   */
  name?: string;
  /** The named section whose CSV holds this one's figures too (the quarter budgets are columns of the scenarios' CSV). */
  coveredBy?: string;
  /**
   * `csv`: a section only CSV writes (its long form for scripts), text formats skip it; `html`: the
   * table a chart is drawn from when no other section holds it (cumulative revenue), which only
   * the HTML report shows.
   */
  only?: "csv" | "html";
}

/**
 * A report as every format writer takes it: the sections in order, and the warnings (printed on
 * stderr by the CLI; Markdown also quotes them at the end, since a pasted report loses stderr).
 */
export interface Document {
  /** What the report is, for the HTML page's title (`Lead plan: examples/quotas.csv`). */
  title?: string;
  sections: readonly Section[];
  warnings: readonly string[];
}

/** The columns a format writes: CSV skips `only: "text"`, text formats skip `only: "csv"`. */
export function columnsFor<R>(table: Table<R>, reader: "csv" | "text"): Column<R>[] {
  const skip = reader === "csv" ? "text" : "csv";
  return table.columns.filter((column) => column.only !== skip);
}

/** Figures sit right, words left. */
export const alignsRight = (kind: ColumnKind): boolean => kind !== "name" && kind !== "code" && kind !== "month";
