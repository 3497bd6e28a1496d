import { BarChart, FunnelChart as EchartsFunnel, HeatmapChart as EchartsHeatmap, LineChart, ScatterChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent, VisualMapComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import type { Chart, FunnelChart, HeatmapChart, SeriesChart, TornadoChart, WaterfallChart } from "../document.js";
import { formatNumber } from "../format.js";

// Only the parts the report draws: the whole of ECharts is three times the size (see README, dependencies).
echarts.use([BarChart, LineChart, ScatterChart, EchartsHeatmap, EchartsFunnel, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, VisualMapComponent, SVGRenderer]);

type Option = Record<string, unknown>;

const WIDTH = 880;
const HEIGHT = 380;

// One palette for every report: colour-blind safe (Okabe–Ito), dark enough to print in grey.
const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];
const GOOD = "#009E73";
const BAD = "#D55E00";
const TEXT = "#222222";
// ECharts lays out labels by Helvetica's widths (no canvas to measure with on a server): a font
// of the same metrics (Arial, Liberation Sans) keeps legends and labels from overlapping.
const CHART_FONT = "Helvetica, Arial, 'Liberation Sans', sans-serif";

/** Axis figures as the tables print them: `1,200`, `1.2M` for millions (an axis has no room for more). */
function axisFigure(value: number): string {
  const size = Math.abs(value);
  if (size >= 1e6) return `${formatNumber(value / 1e6, 2)}M`;
  if (size >= 1e4) return `${formatNumber(value / 1e3, 1)}k`;
  return formatNumber(value, 2);
}

const valueAxis = (name: string, extra: Option = {}): Option => ({
  type: "value",
  name,
  nameLocation: "middle",
  nameGap: 52,
  nameTextStyle: { color: TEXT, fontSize: 12 },
  axisLabel: { formatter: axisFigure, color: TEXT },
  ...extra,
});

const categoryAxis = (name: string, categories: readonly string[], extra: Option = {}): Option => ({
  type: "category",
  name,
  nameLocation: "middle",
  nameGap: 30,
  nameTextStyle: { color: TEXT, fontSize: 12 },
  data: categories,
  // Every category labelled (months are few); long ones turn rather than vanish.
  axisLabel: { interval: 0, color: TEXT, rotate: categories.length > 8 ? 40 : 0 },
  ...extra,
});

// ECharts 6 sets a title 20 px down by default, into the legend under it: both placed here.
const title = (text: string, subtext?: string): Option => ({
  text,
  left: 0,
  top: 0,
  textStyle: { fontSize: 15, color: TEXT },
  ...(subtext === undefined ? {} : { subtext, subtextStyle: { color: "#555555" } }),
});

const legend = (names: readonly string[]): Option => ({ top: 30, left: 0, itemGap: 18, data: names, textStyle: { color: TEXT } });

function seriesOption<R>(chart: SeriesChart<R>, rows: readonly R[]): Option {
  const right = chart.series.some((series) => series.right === true);
  const rotated = rows.length > 8;
  // A mark spans the bars of its row: ECharts leaves 20% of each category between the groups.
  const markWidth = Math.max(12, Math.round(((WIDTH - 72 - (right ? 80 : 24)) / Math.max(1, rows.length)) * 0.8));
  return {
    title: title(chart.title),
    legend: legend([...chart.series.map((series) => series.name), ...(chart.band ? [chart.band.name] : []), ...(chart.rules ?? []).map((rule) => rule.name)]),
    grid: { left: 72, right: right ? 80 : 24, top: 76, bottom: rotated ? 86 : 60 },
    xAxis: categoryAxis(chart.axes.x, rows.map(chart.category), rotated ? { nameGap: 62 } : {}),
    yAxis: [valueAxis(chart.axes.y), ...(right ? [valueAxis(chart.axes.right ?? "", { splitLine: { show: false }, nameGap: 58 })] : [])],
    series: [
      ...chart.series.map((series) => ({
        // A mark is a symbol per row and nothing between them: ECharts' scatter series.
        type: series.draw === "mark" ? "scatter" : series.draw,
        name: series.name,
        data: rows.map((row) => series.value(row)),
        ...(series.stack === undefined ? {} : { stack: series.stack }),
        ...(series.right === true ? { yAxisIndex: 1 } : {}),
        ...(series.draw === "line" ? { symbolSize: 6, lineStyle: { width: 2, ...(series.dashed === true ? { type: "dashed" } : {}) } } : {}),
        ...(series.draw === "mark" ? { symbol: "rect", symbolSize: [markWidth, 3], itemStyle: { color: TEXT, opacity: 1 } } : {}),
      })),
      // The band: an invisible line at its low edge, the shaded width stacked on it.
      ...(chart.band === undefined
        ? []
        : [
            { type: "line", name: `${chart.band.name} (low)`, stack: "band", symbol: "none", lineStyle: { opacity: 0 }, data: rows.map((row) => chart.band?.low(row) ?? null), silent: true },
            {
              type: "line",
              name: chart.band.name,
              stack: "band",
              symbol: "none",
              lineStyle: { opacity: 0 },
              areaStyle: { color: "rgba(0, 114, 178, 0.15)" },
              itemStyle: { color: "rgba(0, 114, 178, 0.35)" },
              data: rows.map((row) => {
                const low = chart.band?.low(row) ?? null;
                const high = chart.band?.high(row) ?? null;
                return low === null || high === null ? null : high - low;
              }),
            },
          ]),
      // A rule is a line series of its own so the legend names it.
      ...(chart.rules ?? []).map((rule) => ({
        type: "line",
        name: rule.name,
        data: [],
        markLine: { symbol: "none", silent: true, label: { show: false }, lineStyle: { type: "dashed", color: TEXT }, data: [{ yAxis: rule.value }] },
      })),
    ],
  };
}

function heatmapOption<R>(chart: HeatmapChart<R>, rows: readonly R[]): Option {
  const columns = [...new Set(rows.map(chart.column))];
  const lines = [...new Set(rows.map(chart.line))];
  const data = rows.map((row) => {
    const value = chart.value(row);
    const marked = chart.marked(row);
    return {
      value: [columns.indexOf(chart.column(row)), lines.indexOf(chart.line(row)), value],
      label: { formatter: value === null ? "–" : `${formatNumber(value, 0)}%${marked ? " !" : ""}`, fontWeight: marked ? "bold" : "normal" },
      ...(marked ? { itemStyle: { borderColor: BAD, borderWidth: 3 } } : {}),
    };
  });
  return {
    title: title(chart.title, chart.markedTitle),
    grid: { left: 90, right: 24, top: 70, bottom: 120 },
    xAxis: categoryAxis(chart.axes.x, columns, { splitArea: { show: true }, nameGap: 62 }),
    yAxis: categoryAxis(chart.axes.y, lines, { splitArea: { show: true }, nameGap: 70, axisLabel: { color: TEXT } }),
    // Bands a planner reads at a glance: room to spare, busy, full, over (the marked cells).
    visualMap: {
      type: "piecewise",
      orient: "horizontal",
      left: "center",
      bottom: 0,
      text: ["", chart.valueTitle],
      // With `text` given, ECharts drops the pieces' own labels unless asked: a swatch without its range says nothing.
      showLabel: true,
      textStyle: { color: TEXT },
      pieces: [
        { lt: 50, label: "under 50%", color: "#deebf7" },
        { gte: 50, lt: 80, label: "50–80%", color: "#9ecae1" },
        { gte: 80, lte: 100, label: "80–100%", color: "#fdd49e" },
        { gt: 100, label: "over 100%", color: "#fc8d59" },
      ],
    },
    series: [{ type: "heatmap", name: chart.valueTitle, data, label: { show: true, color: TEXT } }],
  };
}

function tornadoOption<R>(chart: TornadoChart<R>, rows: readonly R[]): Option {
  // Largest first at the top: a category axis draws its first category at the bottom.
  const ordered = [...rows].reverse();
  return {
    title: title(chart.title),
    legend: legend([chart.low.name, chart.high.name]),
    grid: { left: 150, right: 40, top: 70, bottom: 60 },
    xAxis: valueAxis(chart.axes.x, { nameGap: 30 }),
    yAxis: categoryAxis(chart.axes.y, ordered.map(chart.category), { nameGap: 136, axisLabel: { interval: 0, color: TEXT } }),
    series: [
      { type: "bar", name: chart.low.name, stack: "change", data: ordered.map(chart.low.value), itemStyle: { color: PALETTE[0] } },
      { type: "bar", name: chart.high.name, stack: "change", data: ordered.map(chart.high.value), itemStyle: { color: PALETTE[1] } },
    ],
  };
}

function waterfallOption<R>(chart: WaterfallChart<R>, rows: readonly R[]): Option {
  // The classic waterfall: each step a bar floating on an invisible base at the running total.
  const total = (value: number): Option => ({ value: Math.abs(value), itemStyle: { color: PALETTE[0] }, label: { formatter: formatNumber(value, 0) } });
  const bases: number[] = [Math.min(0, chart.start.value)];
  const bars: Option[] = [total(chart.start.value)];
  let running = chart.start.value;
  for (const row of rows) {
    const change = chart.change(row);
    bases.push(change >= 0 ? running : running + change);
    bars.push({ value: Math.abs(change), itemStyle: { color: change >= 0 ? GOOD : BAD }, label: { formatter: `${change >= 0 ? "+" : "-"}${formatNumber(Math.abs(change), 0)}` } });
    running += change;
  }
  bases.push(Math.min(0, chart.end.value));
  bars.push(total(chart.end.value));
  const categories = [chart.start.label, ...rows.map(chart.category), chart.end.label];
  return {
    title: title(chart.title),
    grid: { left: 80, right: 24, top: 60, bottom: 60 },
    xAxis: categoryAxis(chart.axes.x, categories, { axisLabel: { interval: 0, color: TEXT, rotate: 0 } }),
    yAxis: valueAxis(chart.axes.y),
    series: [
      { type: "bar", name: "base", stack: "waterfall", silent: true, data: bases, itemStyle: { color: "transparent", borderColor: "transparent" } },
      { type: "bar", name: chart.axes.y, stack: "waterfall", data: bars, label: { show: true, position: "top", color: TEXT } },
    ],
  };
}

function funnelOption<R>(chart: FunnelChart<R>, rows: readonly R[]): Option {
  return {
    title: title(chart.title),
    series: [
      {
        type: "funnel",
        name: chart.unit,
        top: 50,
        bottom: 10,
        left: "10%",
        width: "80%",
        sort: "none",
        minSize: "8%",
        data: rows.slice(0, 1).flatMap((row) => chart.stages.map((stage, at) => ({ name: stage.name, value: stage.value(row) ?? 0, itemStyle: { color: PALETTE[at % PALETTE.length] } }))),
        label: { show: true, position: "inside", color: "#ffffff", fontWeight: "bold", formatter: (item: { name: string; value: number }) => `${item.name}: ${formatNumber(item.value, 0)} ${chart.unit}` },
      },
    ],
  };
}

function optionOf(chart: Chart, rows: readonly unknown[]): Option {
  switch (chart.kind) {
    case "series":
      return seriesOption(chart, rows);
    case "heatmap":
      return heatmapOption(chart, rows);
    case "tornado":
      return tornadoOption(chart, rows);
    case "waterfall":
      return waterfallOption(chart, rows);
    case "funnel":
      return funnelOption(chart, rows);
  }
}

/**
 * A chart as a static SVG element, drawn by ECharts' server-side renderer: no DOM, no script in
 * the page. Labels are real `<text>`, so the figures can be selected and read by a screen reader;
 * each mark carries ECharts' `ecmeta_series_index` / `ecmeta_data_index` attributes.
 */
export function chartSvg(chart: Chart, rows: readonly unknown[]): string {
  const height = chart.kind === "heatmap" ? Math.max(HEIGHT, 190 + 34 * new Set(rows.map(chart.line)).size) : HEIGHT;
  const instance = echarts.init(null, null, { renderer: "svg", ssr: true, width: WIDTH, height, locale: "EN" });
  try {
    instance.setOption({ animation: false, color: PALETTE, textStyle: { fontFamily: CHART_FONT }, ...optionOf(chart, rows) });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

// ECharts' ids: the chart's renderer (`zr3`), its style classes (`zr3-cls-41`), its clip paths (`zr3-c0`),
// as class names, CSS selectors and references (after `"`, `.`, `#`).
const CHART_ID = /(?<=[".#])zr(\d+)-(?:cls-(\d+)|c(\d+))/g;

/**
 * The charts' ids numbered from 0 in each page, as a fresh process numbers them. ECharts counts
 * renderers and style classes for the whole process, so a second report in one process (the
 * library, tests) would otherwise differ from the CLI's page in every chart's ids.
 */
export function chartIdsFromZero(page: string): string {
  let renderers: number | undefined;
  let classes: number | undefined;
  for (const match of page.matchAll(CHART_ID)) {
    renderers = Math.min(renderers ?? Infinity, Number(match[1]));
    if (match[2] !== undefined) classes = Math.min(classes ?? Infinity, Number(match[2]));
  }
  if (renderers === undefined) return page;
  const [renderer0, class0] = [renderers, classes ?? 0];
  return page.replace(CHART_ID, (_, renderer: string, cls: string | undefined, clip: string | undefined) =>
    `zr${Number(renderer) - renderer0}-${cls === undefined ? `c${clip}` : `cls-${Number(cls) - class0}`}`,
  );
}
