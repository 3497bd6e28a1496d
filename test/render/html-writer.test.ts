import { describe, expect, it } from "vitest";
import type { Chart, Document } from "../../src/render/document.js";
import { writeMarkdown } from "../../src/render/writers/markdown.js";
import { writeCsvText } from "../../src/render/writers/csv.js";
import { writeHtml } from "../../src/render/writers/html.js";
import { chartSvg } from "../../src/render/writers/html-charts.js";
import { writeTable } from "../../src/render/writers/table.js";

type Month = { month: string; rep: string; leads: number; extra: number; over: boolean };

const MONTHS: Month[] = [
  { month: "2027-01", rep: "Ana", leads: 120, extra: 30, over: false },
  { month: "2027-02", rep: "Ana", leads: 1234.5, extra: 0, over: true },
  { month: "2027-03", rep: '<script>alert("x")</script> & Co', leads: 80, extra: 10, over: false },
];

/** The marks ECharts tagged in an SVG: one per bar, heat map cell or line point, never a legend item. */
function marksBySeries(svg: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const match of svg.matchAll(/<[a-z]+ [^>]*ecmeta_series_index="(\d+)"[^>]*ecmeta_ssr_type="chart"/g)) counts.set(match[1] ?? "", (counts.get(match[1] ?? "") ?? 0) + 1);
  return counts;
}

/** A line series' polyline: one path through its points, `M x y L x y …`, 2 px wide (grid and axis lines are 1 px). */
const POLYLINE = /<path d="M[\d.]+ [\d.]+L[^"]*" fill="none"[^>]*stroke-width="2"/g;

const document: Document = {
  title: "Lead plan: <quotas>.csv",
  sections: [
    {
      title: { text: "Plan", style: "heading" },
      table: {
        columns: [
          { key: "month", title: "Month", kind: "month", value: (row: Month) => row.month },
          { key: "rep", title: "Rep", kind: "name", value: (row: Month) => row.rep },
          { key: "leads", title: "Leads", kind: "money", value: (row: Month) => row.leads, marked: (row: Month) => row.over },
        ],
        rows: MONTHS,
      },
      charts: [
        {
          kind: "series",
          title: "Leads by month",
          axes: { x: "Month", y: "Leads per month" },
          category: (row: Month) => row.month,
          series: [
            { name: "Leads", draw: "bar", value: (row: Month) => row.leads },
            { name: "Extra", draw: "line", value: (row: Month) => row.extra },
          ],
        } satisfies Chart<Month>,
      ],
    },
    { title: { text: "Only on the page", style: "heading" }, table: { columns: [{ key: "x", title: "X", kind: "count", value: () => 1 }], rows: [{}] }, only: "html" },
  ],
  warnings: ["2027-02: Ana is over capacity & <b>busy</b>"],
};

describe("writeHtml: a document as one self-contained page", () => {
  const html = writeHtml(document);

  it("escapes every name a user's file gave: no markup from a rep's name", () => {
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co");
    expect(html).toContain("<title>Lead plan: &lt;quotas&gt;.csv</title>");
    expect(html).toContain("<li>2027-02: Ana is over capacity &amp; &lt;b&gt;busy&lt;/b&gt;</li>");
  });

  it("loads nothing from elsewhere: no script, no stylesheet or font link, no remote URL but SVG namespaces", () => {
    expect(html).not.toMatch(/<script|<link|@import|@font-face|src=/i);
    const urls = [...html.matchAll(/https?:\/\/[^\s"')]+/g)].map((match) => match[0]);
    expect(new Set(urls)).toEqual(new Set(["http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"]));
  });

  it("shows each figure as people read it and carries the CSV value beside it", () => {
    expect(html).toContain('data-key="leads" data-value="1234.5">1,234.50 !</td>');
    expect(html).toContain('class="num marked"');
    expect(writeCsvText(document, { guard: true, excel: null })).toContain("2027-02,Ana,1234.5");
  });

  it("draws each chart from the section's rows: a bar per row, a point per row on the line", () => {
    expect(marksBySeries(html)).toEqual(new Map([["0", 3], ["1", 3]]));
    expect(html).toContain('<figure class="chart" role="img" aria-label="Leads by month">');
  });

  it("keeps the chart's table to the page: terminal, Markdown and CSV leave an html-only section out", () => {
    expect(html).toContain("<h2>Only on the page</h2>");
    expect(writeTable(document, { color: false })).not.toContain("Only on the page");
    expect(writeMarkdown(document)).not.toContain("Only on the page");
    expect(writeCsvText({ ...document, sections: [...document.sections].reverse() }, { guard: true, excel: null })).toContain("month,rep,leads");
  });
});

describe("chartSvg: every chart kind drawn by ECharts", () => {
  it("a heat map has one cell per row, the marked ones outlined", () => {
    const heatmap: Chart<Month> = {
      kind: "heatmap",
      title: "Use",
      axes: { x: "Month", y: "Rep" },
      column: (row) => row.month,
      line: (row) => row.rep,
      value: (row) => row.leads / 10,
      valueTitle: "use of capacity",
      marked: (row) => row.over,
      markedTitle: "over capacity",
    };
    const svg = chartSvg(heatmap, MONTHS);
    expect(marksBySeries(svg)).toEqual(new Map([["0", 3]]));
    // A name from the user's file is text in the chart too, never markup.
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co");
    expect(svg).toContain("123% !");
  });

  it("a mark series draws a flat mark per row and no line between them (separate periods: a quarter's quota and the year's)", () => {
    const chart = (draw: "line" | "mark"): Chart<Month> => ({
      kind: "series",
      title: "Quota",
      axes: { x: "Period", y: "USD" },
      category: (row) => row.month,
      series: [{ name: "Leads", draw: "bar", value: (row) => row.leads }, { name: "Quota", draw, value: (row) => row.extra + 100 }],
    });
    const polylines = (svg: string) => svg.match(POLYLINE) ?? [];
    expect(polylines(chartSvg(chart("line"), MONTHS))).toHaveLength(1);
    const marked = chartSvg(chart("mark"), MONTHS);
    expect(polylines(marked)).toEqual([]);
    expect(marksBySeries(marked)).toEqual(new Map([["0", 3], ["1", 3]]));
  });

  it("a tornado has a bar each side per row", () => {
    const tornado: Chart<Month> = { kind: "tornado", title: "T", axes: { x: "USD", y: "Assumption" }, category: (row) => row.month, low: { name: "down", value: (row) => -row.extra }, high: { name: "up", value: (row) => row.leads } };
    expect(marksBySeries(chartSvg(tornado, MONTHS))).toEqual(new Map([["0", 3], ["1", 3]]));
  });

  it("a waterfall runs from the start through each step to the end, labelled with signed steps", () => {
    const waterfall: Chart<Month> = { kind: "waterfall", title: "W", axes: { x: "Stage", y: "USD" }, start: { label: "Plan", value: 1000 }, end: { label: "Actual", value: 940 }, category: (row) => row.month, change: (row) => (row.over ? -90 : 15) };
    const svg = chartSvg(waterfall, MONTHS);
    // The visible series (1) has the start, three steps and the end; the invisible base is silent.
    expect(marksBySeries(svg).get("1")).toBe(5);
    expect(svg).toContain(">-90<");
    expect(svg).toContain(">+15<");
  });

  it("a funnel draws the stages of the first row", () => {
    const funnel: Chart<Month> = { kind: "funnel", title: "F", unit: "leads", stages: [{ name: "Leads", value: (row) => row.leads }, { name: "Extra", value: (row) => row.extra }] };
    const svg = chartSvg(funnel, MONTHS);
    expect(marksBySeries(svg)).toEqual(new Map([["0", 2]]));
    expect(svg).toContain("Leads: 120 leads");
  });

  it("draws the same SVG every time but for the ids that keep two charts of one page apart", () => {
    const chart = document.sections[0]?.charts?.[0] as Chart;
    const ids = (svg: string) => svg.replace(/zr\d+-/g, "").replace(/cls-\d+/g, "cls");
    expect(ids(chartSvg(chart, MONTHS))).toBe(ids(chartSvg(chart, MONTHS)));
  });
});

describe("the catch-up months in the track report's HTML", () => {
  it("draws the planned and the extra inquiries of each catch-up month (the examples as of 2027-01)", async () => {
    const { runIn } = await import("../cli/harness.js");
    const root = new URL("../..", import.meta.url).pathname;
    const run = await runIn(root, ["track", "examples/quotas.csv", "examples/actuals.csv", "--ratios", "examples/ratios.csv", "--cycles", "examples/cycles.csv", "--as-of", "2027-01", "--format", "html"]);
    const figure = run.stdout.split('<figure class="chart"').find((part) => part.includes("Catch-up: inquiries to generate by month"));
    expect(figure).toBeDefined();
    // 2027-02 to 2027-06: five months, a bar of each series in each.
    expect(marksBySeries(figure ?? "")).toEqual(new Map([["0", 5], ["1", 5]]));
    expect(run.stdout).toContain('data-key="extra_inquiries" data-value="11">11</td>');
  });
});

describe("the forecast chart in the track report's HTML", () => {
  it("marks the open quarter's quota and the year's apart, with no line joining the two periods", async () => {
    const { runIn } = await import("../cli/harness.js");
    const root = new URL("../..", import.meta.url).pathname;
    const run = await runIn(root, ["track", "examples/quotas.csv", "examples/actuals.csv", "--ratios", "examples/ratios.csv", "--cycles", "examples/cycles.csv", "--forecast", "--format", "html"]);
    const figure = run.stdout.split('<figure class="chart"').find((part) => part.includes("Revenue forecast: P10, P50 and P90 against quota")) ?? "";
    // P10, P50, P90 bars and the quota mark, one each for 2027-Q2 and 2027.
    expect(marksBySeries(figure)).toEqual(new Map([["0", 2], ["1", 2], ["2", 2], ["3", 2]]));
    expect(figure).not.toMatch(new RegExp(POLYLINE.source));
  });
});

describe("the compute report's HTML draws only figures it has", () => {
  it("without a cost per inquiry: the leads chart, no budget chart, no quarter budget", async () => {
    const { runIn } = await import("../cli/harness.js");
    const root = new URL("../..", import.meta.url).pathname;
    const run = await runIn(root, ["compute", "examples/worked-example.csv", "--deal-size", "75000", "--close-rate", "20%", "--qualify-rate", "10%", "--cycle-months", "2", "--format", "html"]);
    const titles = [...run.stdout.matchAll(/<figure class="chart" role="img" aria-label="([^"]*)"/g)].map((match) => match[1]);
    expect(titles).toEqual(["Leads to generate by month, surge marked, and the quota due"]);
    expect(run.stdout).not.toContain("Budget by fiscal quarter");
  });
});
