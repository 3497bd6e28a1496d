import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Cell,
  type ChartMarks,
  type OpenedPage,
  type ReportRun,
  chartMarks,
  launchBrowser,
  offsiteReferences,
  openReport,
  overflowingText,
  overlappingChartTexts,
  runReport,
  shownNumber,
  smallestText,
  tableRows,
  temporaryDir,
} from "./browser.js";

// Each command's HTML report of the examples, opened in headless Chromium the way a planner opens
// the file: the charts, the tables against the CSV of the same run, and the text at screen and
// print width. Runs the built bin (`npm test` builds first).

const root = join(import.meta.dirname, "..", "..");
const screenshots = join(import.meta.dirname, "screenshots");
/** A4's text width at the report's print margins (210 mm - 2 × 12 mm = 186 mm) at 96 px an inch; Letter's is wider. */
const PRINT_WIDTH = Math.floor((186 / 25.4) * 96);
/** The smallest text a reader should have to read, on screen and on paper. */
const MIN_FONT_PX = 9;

const examples = (name: string): Record<string, string>[] => parse(readFileSync(join(root, "examples", name), "utf8"), { columns: true }) as Record<string, string>[];

/** Tables of the page that hold rows of the CSV, and which CSV rows, in order. */
interface CsvTable {
  table: string | number;
  rows(csv: ReportRun["csv"]): Record<string, string>[];
  /** Rows of the footer (totals) too: track's CSV writes its cumulative lines. */
  withTotals?: boolean;
}

interface Report {
  name: string;
  args: string[];
  status: number;
  csvTables: CsvTable[];
  /** CSV columns holding a fraction the page shows as a percent (`0.636364` shown `63.6%`). */
  fractions?: string[];
  /** CSV columns no table of the page shows (said in another cell's text, or identity columns). */
  notShown?: string[];
  /** Each chart by title: the marks expected per series, worked out from the CSV or the tables, and texts it must show. */
  charts(run: ReportRun, opened: OpenedPage): Promise<{ title: string; series: number[]; texts?: string[] }[]>;
}

const months = (rows: Record<string, string>[]): string[] => [...new Set(rows.map((row) => row.month ?? "").filter((month) => /^\d{4}-\d{2}$/.test(month)))];
const calendarQuarters = (monthList: string[]): string[] => [...new Set(monthList.map((month) => `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5)) / 3)}`))];
const filled = (rows: Cell[][], key: string): number => rows.filter((row) => row.some((cell) => cell.key === key && cell.value !== "")).length;

const REPORTS: Report[] = [
  {
    name: "compute",
    args: ["compute", "examples/quotas.csv", "--ratios", "examples/ratios.csv", "--cycles", "examples/cycles.csv", "--reps", "examples/reps.csv"],
    status: 0,
    csvTables: [{ table: 0, rows: (csv) => csv.rows }],
    charts: async (run) => {
      const planMonths = run.csv.rows.length;
      const reps = new Set(examples("reps.csv").map((row) => row.rep)).size;
      return [
        // Qualified leads, inquiries before surge, surge inquiries (bars), quota due (a symbol per month).
        { title: "Leads to generate by month, surge marked, and the quota due", series: [planMonths, planMonths, planMonths, planMonths], texts: ["Month", "Leads per month", "Quota due, USD", "Surge inquiries"] },
        { title: "Lead budget by month", series: [planMonths], texts: ["Budget, USD"] },
        { title: "Lead budget by fiscal quarter", series: [calendarQuarters(months(run.csv.rows)).length], texts: ["Fiscal quarter"] },
        // The legend of the colours names each band.
        { title: "Use of each rep's capacity by month (qualified leads to work ÷ capacity × availability)", series: [reps * planMonths], texts: ["Rep", "Month", "under 50%", "over 100%"] },
        // The team's qualified leads (bars) against its capacity (a symbol per month).
        { title: "Qualified leads to work against the team's capacity, by month", series: [planMonths, planMonths], texts: ["Qualified leads per month", "Capacity × availability"] },
      ];
    },
  },
  {
    name: "track",
    args: ["track", "examples/quotas.csv", "examples/actuals.csv", "--ratios", "examples/ratios.csv", "--cycles", "examples/cycles.csv"],
    // Behind plan: the check fails, the report is still written.
    status: 1,
    csvTables: [{ table: 0, rows: (csv) => csv.rows, withTotals: true }],
    charts: async (run, opened) => {
      const checked = months(run.csv.rows).length;
      const measures = new Set(run.csv.rows.map((row) => row.measure)).size;
      const stages = (await tableRows(opened.page, "Where the funnel leaks")).body.length;
      expect(stages).toBe(4);
      return [
        // A bar per month and measure, then the two rules (plan 100%, tolerance floor): one mark each.
        { title: "Actual as a share of plan, by stage", series: [...Array<number>(measures).fill(checked), 1, 1], texts: ["Plan (100%)", "Tolerance floor (90%)", "Actual, % of plan"] },
        // Two lines, a symbol per month; the tolerance band draws no marks.
        { title: "Cumulative revenue against plan", series: [checked, checked], texts: ["Tolerance ±10%", "Revenue to date, USD"] },
        // The invisible bases and the bars: plan revenue, one per stage, actual revenue.
        { title: "Where the revenue went: each stage's effect, plan to actual", series: [stages + 2, stages + 2], texts: ["Plan revenue", "Actual revenue", "Revenue, USD"] },
      ];
    },
  },
  {
    name: "scenarios",
    args: ["scenarios", "examples/quotas.csv", "--ratios", "examples/ratios.csv", "--cycles", "examples/cycles.csv", "--scenarios", "examples/scenarios.csv", "--sensitivity", "20%", "--sources", "examples/sources.csv"],
    status: 0,
    csvTables: [
      { table: "Scenarios against the baseline", rows: (csv) => csv.rows },
      { table: "Budget per fiscal quarter", rows: (csv) => csv.rows },
    ],
    // Shown in the budget change's cell (`+89,775 (+52.1%)`) or not at all (the inquiries' change).
    notShown: ["budget_change_percent", "inquiries_change", "inquiries_change_percent"],
    charts: async (run, opened) => {
      const assumptions = (await tableRows(opened.page, "Sensitivity")).body.length;
      const sources = examples("sources.csv").length;
      const mixMonths = (await tableRows(opened.page, "Inquiries to buy from each source")).body.length;
      expect(assumptions).toBe(7);
      expect(mixMonths).toBe(10);
      return [
        { title: "Lead budget per scenario", series: [run.csv.rows.length], texts: ["Scenario", "Budget, USD"] },
        { title: "Budget change with each assumption 20% down and up", series: [assumptions, assumptions], texts: ["Budget change, USD", "Assumption 20% down", "Assumption 20% up"] },
        { title: "Source mix by month: inquiries to buy from each source", series: Array<number>(sources).fill(mixMonths), texts: examples("sources.csv").map((row) => row.source ?? "") },
      ];
    },
  },
  {
    name: "calibrate",
    args: ["calibrate", "examples/history.csv", "--as-of", "2026-06-30", "--min-leads", "5"],
    status: 0,
    csvTables: [
      { table: "Funnel", rows: (csv) => csv.rows.filter((row) => row.group !== "source") },
      { table: "Lead sources", rows: (csv) => csv.rows.filter((row) => row.group === "source") },
    ],
    fractions: ["inquiry_to_qualified", "qualified_to_won", "share"],
    // Which group a row is: the page names it in its first cell.
    notShown: ["group", "rep", "product", "source"],
    charts: async (run, opened) => {
      const cycle = (await tableRows(opened.page, "Sales cycle")).body;
      const qualification = (await tableRows(opened.page, "Qualification")).body;
      const lags = (rows: Cell[][]) => [...new Set(rows.flat().map((cell) => cell.key).filter((key) => key.startsWith("lag_")))].map((key) => filled(rows, key));
      const sources = run.csv.rows.filter((row) => row.group === "source");
      return [
        { title: "The funnel of all leads: inquiries, qualified, won", series: [3], texts: ["Inquiries: 24 leads", "Won: 6 leads"] },
        { title: "Sales cycle: share of won deals closing N months after the lead qualified", series: lags(cycle), texts: ["Share, %", "0 mo", "2 mo"] },
        { title: "Qualification: share of qualified leads qualifying N months after the inquiry", series: lags(qualification), texts: ["Share, %"] },
        // No bar for a source without a won deal (an empty cost).
        { title: "Cost per won deal by source (no bar: no deal won)", series: [sources.filter((row) => row.cost_per_won_deal !== "").length], texts: ["Cost per won deal, USD"] },
      ];
    },
  },
];

let browser: Browser;
const work = temporaryDir();

// Hooks start a browser or run the bin twice: slower than vitest's 10 s on a loaded machine.
const HOOK_TIMEOUT = 60_000;

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(screenshots, { recursive: true });
}, HOOK_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  work.remove();
});

describe.each(REPORTS)("the $name HTML report in Chromium", (report) => {
  let run: ReportRun;
  let screen: OpenedPage;

  beforeAll(async () => {
    run = runReport(report.args, work.dir, report.name);
    screen = await openReport(browser, run.file, { width: 1280, height: 900 });
  }, HOOK_TIMEOUT);

  afterAll(async () => {
    await screen?.page.close();
  });

  it("is written with the run's exit code", () => {
    expect(run.status).toBe(report.status);
  });

  it("loads nothing but itself, and logs no error", () => {
    expect(screen.requests).toEqual([screen.page.url()]);
    expect(screen.errors).toEqual([]);
    expect(offsiteReferences(run.html)).toEqual([]);
  });

  it("draws every chart, titled, with a mark per figure", async () => {
    const drawn: ChartMarks[] = await chartMarks(screen.page);
    const expected = await report.charts(run, screen);
    const titles = await screen.page.$$eval("figure.chart", (figures) => figures.map((figure) => figure.getAttribute("aria-label") ?? ""));
    expect(titles).toEqual(expected.map((chart) => chart.title));
    expected.forEach((chart, at) => {
      const found = drawn[at];
      expect(found?.texts, chart.title).toContain(chart.title);
      expect(found?.series, chart.title).toEqual(chart.series);
      for (const text of chart.texts ?? []) expect(found?.texts, chart.title).toContain(text);
    });
  });

  it("shows in its tables the figures the CSV of the same run writes", async () => {
    const fractions = new Set(report.fractions ?? []);
    const shownKeys = new Set<string>();
    for (const source of report.csvTables) {
      const { body, foot } = await tableRows(screen.page, source.table);
      const lines = source.withTotals === true ? [...body, ...foot] : body;
      const csvRows = source.rows(run.csv);
      expect(lines.length, `rows of table ${source.table}`).toBe(csvRows.length);
      lines.forEach((cells, line) => {
        const csvRow = csvRows[line] ?? {};
        for (const cell of cells) {
          if (!(cell.key in csvRow)) continue;
          shownKeys.add(cell.key);
          const where = `table ${source.table}, row ${line + 1}, ${cell.key}`;
          const csvValue = csvRow[cell.key] ?? "";
          // The machine value is the CSV's, exactly.
          expect(cell.value, where).toBe(csvValue);
          if (!/^-?\d+(\.\d+)?$/.test(csvValue)) {
            if (csvValue === "") expect(shownNumber(cell.text), `${where}: a missing figure shows no number`).toBeNull();
            continue;
          }
          // The text people read is the same figure, rounded to the decimals it shows.
          const shown = shownNumber(cell.text);
          expect(shown, `${where}: "${cell.text}"`).not.toBeNull();
          if (shown === null) continue;
          const figure = Number(csvValue) * (fractions.has(cell.key) ? 100 : 1);
          expect(Math.abs(shown.value - figure), `${where}: shows "${cell.text}" for ${csvValue}`).toBeLessThanOrEqual(0.5 * 10 ** -shown.decimals + 1e-9);
        }
      });
    }
    const notShown = new Set(report.notShown ?? []);
    expect([...shownKeys].sort()).toEqual(run.csv.header.filter((key) => !notShown.has(key)).sort());
  });

  it("carries plain numbers as the machine value of every figure", async () => {
    const values = await screen.page.$$eval(".num[data-value]", (cells) => cells.map((cell) => `${cell.getAttribute("data-key")}=${cell.getAttribute("data-value")}`));
    expect(values.length).toBeGreaterThan(0);
    expect(values.filter((value) => !/=(-?\d+(\.\d+)?(e-?\d+)?)?$/.test(value))).toEqual([]);
  });

  it("reads at 1280 px: no text off the page (wide tables scroll in their box), none under 9 px, chart texts apart", async () => {
    expect(await overflowingText(screen.page, true)).toEqual([]);
    expect((await smallestText(screen.page)).size).toBeGreaterThanOrEqual(MIN_FONT_PX);
    expect(await overlappingChartTexts(screen.page)).toEqual([]);
    await screen.page.screenshot({ path: join(screenshots, `${report.name}.png`), fullPage: true });
  });

  it("reads at A4 print width: every table fits the paper, no text under 9 px", async () => {
    const print = await openReport(browser, run.file, { width: PRINT_WIDTH, height: 1000 }, "print");
    try {
      expect(await overflowingText(print.page, false)).toEqual([]);
      expect((await smallestText(print.page)).size).toBeGreaterThanOrEqual(MIN_FONT_PX);
    } finally {
      await print.page.close();
    }
  });

  it("prints to A4 and Letter", async () => {
    for (const format of ["A4", "Letter"]) {
      const pdf = await screen.page.pdf({ format });
      expect(pdf.subarray(0, 5).toString("latin1"), format).toBe("%PDF-");
      expect(pdf.toString("latin1").match(/\/Type\s*\/Page\b/g)?.length ?? 0, format).toBeGreaterThan(0);
    }
  });
});

/** Where each table's box sits against the page's text column, and whether the table scrolls in it. */
interface TableBox {
  heading: string;
  left: number;
  right: number;
  scrolls: boolean;
  /** The text column: main's content box. */
  textLeft: number;
  textRight: number;
  windowWidth: number;
  pageScrollsSideways: boolean;
}

const tableBoxes = (page: OpenedPage["page"]): Promise<TableBox[]> =>
  page.$$eval(".table-wrap", (wraps) => {
    const main = document.querySelector("main");
    if (main === null) throw new Error("no main");
    const style = getComputedStyle(main);
    const box = main.getBoundingClientRect();
    return wraps.map((wrap) => {
      const rect = wrap.getBoundingClientRect();
      return {
        heading: wrap.closest("section")?.querySelector("h2")?.textContent ?? "",
        left: rect.left,
        right: rect.right,
        scrolls: wrap.scrollWidth > wrap.clientWidth,
        textLeft: box.left + Number.parseFloat(style.paddingLeft),
        textRight: box.right - Number.parseFloat(style.paddingRight),
        windowWidth: document.documentElement.clientWidth,
        pageScrollsSideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      };
    });
  });

// The 13 columns of track's source table are wider than main's text column (1100 px less padding).
describe("a table wider than the text column, in Chromium", () => {
  const SOURCE_TABLE = "Lead quality by source";
  let run: ReportRun;

  beforeAll(() => {
    run = runReport(["track", "examples/quotas.csv", "examples/source-actuals.csv", "--ratios", "examples/ratios.csv", "--cycles", "examples/cycles.csv", "--by", "source", "--sources", "examples/sources.csv"], work.dir, "track-by-source");
  }, HOOK_TIMEOUT);

  it("shows whole at 1280 px, centred, wider than the text; narrow tables keep the text column", async () => {
    const opened = await openReport(browser, run.file, { width: 1280, height: 900 });
    try {
      const boxes = await tableBoxes(opened.page);
      const wide = boxes.find((box) => box.heading.startsWith(SOURCE_TABLE));
      expect(wide, SOURCE_TABLE).toBeDefined();
      if (wide === undefined) return;
      expect(wide.scrolls).toBe(false);
      expect(wide.left).toBeGreaterThanOrEqual(0);
      expect(wide.right).toBeLessThanOrEqual(wide.windowWidth);
      expect(wide.right - wide.left).toBeGreaterThan(wide.textRight - wide.textLeft);
      expect(Math.abs(wide.textLeft - wide.left - (wide.right - wide.textRight))).toBeLessThanOrEqual(1);
      expect(wide.pageScrollsSideways).toBe(false);
      const narrow = boxes.filter((box) => box !== wide);
      expect(narrow.length).toBeGreaterThan(0);
      for (const box of narrow) {
        expect([Math.round(box.left), Math.round(box.right)], box.heading).toEqual([Math.round(box.textLeft), Math.round(box.textRight)]);
      }
    } finally {
      await opened.page.close();
    }
  });

  it("scrolls in its box at 800 px, inside the window; the page does not scroll sideways", async () => {
    const opened = await openReport(browser, run.file, { width: 800, height: 900 });
    try {
      const wide = (await tableBoxes(opened.page)).find((box) => box.heading.startsWith(SOURCE_TABLE));
      expect(wide?.scrolls).toBe(true);
      expect(wide?.left).toBeGreaterThanOrEqual(0);
      expect(wide?.right).toBeLessThanOrEqual(wide?.windowWidth ?? 0);
      expect(wide?.pageScrollsSideways).toBe(false);
    } finally {
      await opened.page.close();
    }
  });
});
