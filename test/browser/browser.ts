// The functions handed to page.evaluate run in the page: tsconfig.browser.json gives this folder
// the DOM's types; the rest of this file runs in Node.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "csv-parse/sync";
import { type Browser, type Page, chromium } from "playwright-core";
import { runBin } from "../golden/run-bin.js";

/** Debian's chromium unless `LEADPLAN_CHROMIUM` names another; nothing here downloads a browser. */
export function chromiumPath(): string {
  const path = process.env.LEADPLAN_CHROMIUM ?? "/usr/bin/chromium";
  if (!existsSync(path)) {
    throw new Error(`browser tests: no Chromium at ${path}: install it (apt-get install chromium) or set LEADPLAN_CHROMIUM=/path/to/chromium`);
  }
  return path;
}

/** One headless Chromium; `--no-sandbox` because CI runs as root. */
export const launchBrowser = (): Promise<Browser> => chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox"] });

export interface ReportRun {
  /** The HTML page as the bin wrote it with `--out`. */
  html: string;
  file: string;
  /** The same run with `--format csv`: the header and the rows, each a record by column. */
  csv: { header: string[]; rows: Record<string, string>[] };
  status: number | null;
}

/** Runs the built bin twice, `--format html --out` and `--format csv`, and reads both outputs. */
export function runReport(args: readonly string[], dir: string, name: string): ReportRun {
  const file = join(dir, `${name}.html`);
  const html = runBin([...args, "--format", "html", "--out", file]);
  if (!existsSync(file)) throw new Error(`leadplan ${args.join(" ")} --format html wrote no file (exit ${html.status}): ${html.stderr}`);
  const csv = runBin([...args, "--format", "csv"]);
  const records = parse(csv.stdout, { bom: true }) as string[][];
  const [header = [], ...lines] = records;
  const rows = lines.map((line) => Object.fromEntries(header.map((key, at) => [key, line[at] ?? ""])));
  return { html: readFileSync(file, "utf8"), file, csv: { header, rows }, status: html.status };
}

export function temporaryDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "leadplan-browser-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface OpenedPage {
  page: Page;
  /** Every URL the page asked for, the file itself included. */
  requests: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
}

/** Opens a report from disk as a reader would (`file://`), recording requests and errors from the start. */
export async function openReport(browser: Browser, file: string, viewport: { width: number; height: number }, media: "screen" | "print" = "screen"): Promise<OpenedPage> {
  const page = await browser.newPage({ viewport });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`page: ${error.message}`));
  // Only print is emulated: a page left on its default media still prints (page.pdf) with the print CSS.
  if (media === "print") await page.emulateMedia({ media });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  return { page, requests, errors };
}

/**
 * References the page could load from elsewhere: a `src`, a non-link `href` or a `url(...)` to
 * http(s), `@import`, `@font-face`, `<script src`, `<link`. Plain `<a href>` links and the SVG
 * namespaces (`xmlns="http://www.w3.org/2000/svg"`) are not loads.
 */
export function offsiteReferences(html: string): string[] {
  const found: string[] = [];
  const withoutLinks = html.replace(/<a\s[^>]*>/gi, "<a>").replace(/\sxmlns(:\w+)?="http:\/\/www\.w3\.org\/[^"]*"/g, "");
  for (const pattern of [/\b(?:src|href|xlink:href|srcset|action|poster|data)\s*=\s*["']?\s*(?:https?:)?\/\/[^"'\s>]*/gi, /url\(\s*["']?\s*(?:https?:)?\/\//gi, /@import/gi, /@font-face/gi, /<script\b[^>]*\bsrc\s*=/gi, /<link\b/gi, /<iframe\b/gi]) {
    for (const match of withoutLinks.matchAll(pattern)) found.push(match[0]);
  }
  return found;
}

export interface ChartMarks {
  title: string;
  /** How many marks (`ecmeta_ssr_type="chart"`) each series draws, by series index. */
  series: number[];
  /** Every text of the chart, in order: titles, axis names, labels, legend entries. */
  texts: string[];
}

/** Each `figure.chart` of the page with its marks counted per series, named by its title. */
export function chartMarks(page: Page): Promise<ChartMarks[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("figure.chart")].map((figure) => {
      const series: number[] = [];
      for (const mark of figure.querySelectorAll('[ecmeta_ssr_type="chart"]')) {
        const at = Number(mark.getAttribute("ecmeta_series_index"));
        series[at] = (series[at] ?? 0) + 1;
      }
      const texts = [...figure.querySelectorAll("svg text")].map((text) => text.textContent ?? "");
      return { title: texts[0] ?? "", series: Array.from(series, (count) => count ?? 0), texts };
    }),
  );
}

export interface Cell {
  key: string;
  value: string;
  text: string;
}

/** A table's rows (body, then footer) as cells with their CSV key, machine value and shown text. */
export function tableRows(page: Page, heading: string | number): Promise<{ body: Cell[][]; foot: Cell[][] }> {
  return page.evaluate((heading) => {
    const tables = [...document.querySelectorAll("table")];
    const table =
      typeof heading === "number"
        ? tables[heading]
        : tables.find((candidate) => candidate.closest("section")?.querySelector("h2, p.headline, p.intro")?.textContent?.startsWith(heading) === true);
    if (table === undefined) throw new Error(`no table under "${heading}"`);
    const rowsOf = (part: string) =>
      [...table.querySelectorAll(`${part} tr`)].map((row) =>
        [...row.querySelectorAll("[data-key]")].map((cell) => ({
          key: cell.getAttribute("data-key") ?? "",
          value: cell.getAttribute("data-value") ?? "",
          text: (cell as HTMLElement).innerText.trim(),
        })),
      );
    return { body: rowsOf("tbody"), foot: rowsOf("tfoot") };
  }, heading);
}

export interface Overflow {
  text: string;
  left: number;
  right: number;
}

/**
 * Text the reader cannot see whole: any element holding text whose box runs past the page's left
 * or right edge. Inside a `.table-wrap` only when `scrolls` is false: on screen a wide table
 * scrolls in its own box, on paper nothing scrolls.
 */
export function overflowingText(page: Page, scrolls: boolean): Promise<Overflow[]> {
  return page.evaluate((scrolls) => {
    const width = document.documentElement.clientWidth;
    const found: { text: string; left: number; right: number }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? "";
      const parent = node.parentElement;
      if (text === "" || parent === null) continue;
      if (scrolls && parent.closest(".table-wrap") !== null) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const box of range.getClientRects()) {
        if (box.width > 0 && (box.right > width + 0.5 || box.left < -0.5)) found.push({ text: text.slice(0, 60), left: Math.round(box.left), right: Math.round(box.right) });
      }
    }
    return found;
  }, scrolls);
}

/** The smallest text as drawn: CSS font size, scaled for SVG text by how much its chart is shrunk to fit. */
export function smallestText(page: Page): Promise<{ size: number; text: string }> {
  return page.evaluate(() => {
    let smallest = { size: Number.POSITIVE_INFINITY, text: "" };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? "";
      const parent = node.parentElement;
      if (text === "" || parent === null) continue;
      let size = Number.parseFloat(getComputedStyle(parent).fontSize);
      const svg = parent.closest("svg");
      if (svg !== null) size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      if (size < smallest.size) smallest = { size, text: text.slice(0, 60) };
    }
    return smallest;
  });
}

/** Pairs of texts inside one chart whose boxes overlap: a title run into its legend, labels on labels. */
export function overlappingChartTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const figure of document.querySelectorAll("figure.chart")) {
      const texts = [...figure.querySelectorAll("svg text")].filter((text) => (text.textContent ?? "").trim() !== "").map((text) => ({ text: text.textContent ?? "", box: text.getBoundingClientRect() }));
      texts.forEach((one, at) => {
        for (const other of texts.slice(at + 1)) {
          const across = Math.min(one.box.right, other.box.right) - Math.max(one.box.left, other.box.left);
          const down = Math.min(one.box.bottom, other.box.bottom) - Math.max(one.box.top, other.box.top);
          if (across > 0.5 && down > 0.5) found.push(`"${one.text}" and "${other.text}"`);
        }
      });
    }
    return found;
  });
}

/** The number a person reads in a cell (`+89,775 (+52.1%)` reads 89775), and how many decimals it shows. */
export function shownNumber(text: string): { value: number; decimals: number } | null {
  const match = /[-+]?\d[\d,]*(?:\.(\d+))?/.exec(text.replace(/[%!*]/g, ""));
  if (match === null) return null;
  return { value: Number(match[0].replace(/,/g, "")), decimals: match[1]?.length ?? 0 };
}
