import { describe, expect, it } from "vitest";
import type { Column, Document, Table } from "../../src/render/document.js";
import { bar } from "../../src/render/scenarios/report.js";
import { writeTable } from "../../src/render/writers/table.js";
import { wrapWords } from "../../src/render/wrap-words.js";

/** What a terminal shows of a line: colour codes take no column; these tests use no wide characters. */
const visible = (line: string): string => line.replace(/\u001b\[[0-9;]*m/g, "");
const columnsOf = (line: string): number => [...visible(line)].length;
const lines = (text: string): string[] => text.replace(/\n$/, "").split("\n");
/** Every figure in a text, as people read it: `4,200,000`, `-36,270`, `52.1%`, `2026-10`. */
const figures = (text: string): string[] => visible(text).match(/[-+]?\d[\d,.]*%?/g) ?? [];
/** The boxed tables of a text, each as its lines. */
function boxes(text: string): string[][] {
  const found: string[][] = [];
  for (const line of lines(text)) {
    const bare = visible(line);
    if (bare.startsWith("┌")) found.push([]);
    if (/^[┌│└]/.test(bare)) found.at(-1)?.push(line);
  }
  return found;
}

interface Row {
  month: string;
  rep: string;
  figures: number[];
  surge: boolean;
}

const TITLES = ["Quota", "Deals", "Qualified leads", "Inquiries", "Surge inquiries", "Budget", "Cost per qualified lead", "Follow-up capacity", "Extra reps", "Quota at risk"];

/** A plan-like table of 12 months × 2 reps, ten figure columns with long titles: about 190 columns wide. */
function wideDocument(): Document {
  const rows: Row[] = [];
  for (let month = 1; month <= 12; month++) {
    for (const rep of ["Ana", "Ben"]) {
      rows.push({ month: `2027-${String(month).padStart(2, "0")}`, rep, figures: TITLES.map((_, at) => month * 100_003 + at * 7_919 + (rep === "Ben" ? 1 : 0)), surge: month % 4 === 0 });
    }
  }
  const totals: Row = { month: "", rep: "", figures: TITLES.map((_, at) => rows.reduce((sum, row) => sum + (row.figures[at] ?? 0), 0)), surge: false };
  const columns: Column<Row>[] = [
    { key: "month", title: "Month", kind: "month", value: (row) => row.month, text: (row) => row.month || "Total" },
    { key: "rep", title: "Rep", kind: "name", value: (row) => row.rep },
    ...TITLES.map((title, at): Column<Row> => ({ key: `figure_${at}`, title, kind: "count", value: (row) => row.figures[at] ?? null })),
  ];
  const table: Table<Row> = {
    columns,
    rows,
    totals: [totals],
    tone: (row) => (row.surge ? "warn" : undefined),
    flag: { sign: "*", word: "surge", text: "+30% qualified leads and inquiries generated in fiscal Q4, Q1, the quarters the board named for the new product's launch", on: (row) => row.surge },
  };
  return {
    sections: [
      {
        intro: ["The plan of a team of two reps over the fiscal year, month by month, with every figure people check before they sign the budget off."],
        title: { text: "Plan by rep and month, with the capacity each rep has to follow every lead up", style: "heading" },
        table,
        notes: ["Cost per inquiry 39.45 · per qualified lead 359.09 · per closed deal 1,795.47, over the whole plan and every rep"],
      },
    ],
    warnings: [],
  };
}

describe("a terminal table fitted to a width", () => {
  const document = wideDocument();
  const wide = writeTable(document, { color: false });
  const narrow = writeTable(document, { color: false, width: 80 });

  it("is wider than 80 columns at its natural width, and no line is wider than 80 fitted", () => {
    expect(Math.max(...lines(wide).map(columnsOf))).toBeGreaterThan(150);
    for (const line of lines(narrow)) expect(columnsOf(line), line).toBeLessThanOrEqual(80);
  });

  it("cuts no figure: the fitted report holds the same figures as the wide one, each whole", () => {
    expect(new Set(figures(narrow))).toEqual(new Set(figures(wide).concat(["80"])));
  });

  it("splits the columns into stacked tables, each starting with the key columns, month and rep", () => {
    const parts = boxes(narrow);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part[1]).toMatch(/^│ Month +│ Rep +│/);
      expect(part.filter((line) => line.startsWith("│ 2027-04 * │ Ana "))).toHaveLength(1);
      expect(part.filter((line) => line.startsWith("│ Total     │     "))).toHaveLength(1);
    }
    // Every figure column is in one part, once.
    const heads = parts.map((part) => part.slice(1, 4).join("\n"));
    expect(heads.join("\n").match(/Deals/g)).toHaveLength(1);
  });

  it("wraps long titles onto several lines before it splits the table", () => {
    // `Cost per qualified lead` over figures of 9 columns: three lines; titles that fit stay whole.
    expect(narrow).toMatch(/│ +Cost per │ .*\n.*│ +qualified │.*\n.*│ +lead │/);
    expect(narrow).toContain("│ Qualified leads │");
  });

  it("bolds the totals and colours the surge rows in every part, the surge sign in each", () => {
    const colour = writeTable(document, { color: true, width: 80 });
    const parts = boxes(colour);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      const total = part.find((line) => visible(line).startsWith("│ Total"));
      expect(total).toContain("\u001b[1mTotal");
      const surge = part.find((line) => visible(line).startsWith("│ 2027-08 * │ Ben"));
      expect(surge).toContain("\u001b[33m2027-08 *\u001b[39m");
      const plain = part.find((line) => visible(line).startsWith("│ 2027-07   │ Ben"));
      expect(plain).not.toContain("\u001b[33m");
    }
    for (const line of lines(colour)) expect(columnsOf(line)).toBeLessThanOrEqual(80);
  });

  it("wraps prose between words and prints the surge footnote once, after the last part", () => {
    expect(narrow.match(/^\* surge:/gm)).toHaveLength(1);
    expect(narrow).toMatch(/\n\* surge: \+30% .*\n  \S/);
    const words = (text: string) => visible(text).split(/[\s│┌┐└┘┬┴─]+/).filter(Boolean);
    expect(words(narrow).filter((word) => /[a-z]{4}/.test(word))).toEqual(expect.arrayContaining(words(wide).filter((word) => /[a-z]{4}/.test(word))));
  });

  it("says once, at the end, that the report was narrowed and how to see it whole", () => {
    expect(narrow.match(/Narrowed/g)).toHaveLength(1);
    expect(narrow.endsWith("\n\nNarrowed to 80 columns: --wide for full width, --format csv for every column.\n")).toBe(true);
    expect(wide).not.toContain("Narrowed");
  });

  it("leaves a report that fits as it was, byte for byte, and says nothing", () => {
    expect(writeTable(document, { color: false, width: 400 })).toBe(wide);
    expect(writeTable(document, { color: true, width: 400 })).toBe(writeTable(document, { color: true }));
  });

  it("draws a column too wide even beside the key at its natural width, whole", () => {
    const text = writeTable(document, { color: false, width: 20 });
    expect(new Set(figures(text))).toEqual(new Set(figures(wide).concat(["20"])));
    expect(text).toContain("│ 2027-11   │ Ben │");
  });
});

describe("the sensitivity tornado in a narrow terminal", () => {
  interface Line {
    name: string;
    impact: number;
  }
  const rows: Line[] = [
    { name: "avg_deal_size", impact: 34_770 },
    { name: "surge", impact: 7_290 },
    { name: "qualification", impact: 345 },
  ];
  const document: Document = {
    sections: [
      {
        table: {
          columns: [
            { key: "assumption", title: "Assumption", kind: "code", value: (row: Line) => row.name },
            { key: "change", title: "Budget, down and up", kind: "money", value: (row: Line) => row.impact, text: (row: Line) => `-10%: +${row.impact} / +10%: -${row.impact}` },
            { key: "impact", title: "Impact", kind: "money", value: (row: Line) => row.impact, text: (row: Line) => bar(row.impact, 34_770), bar: (row: Line, length: number) => bar(row.impact, 34_770, length) },
          ],
          rows,
        },
      },
    ],
    warnings: [],
  };

  it("draws its bars shorter, in the same proportion, before it splits the table", () => {
    const text = writeTable(document, { color: false, width: 70 });
    for (const line of lines(text)) expect(columnsOf(line)).toBeLessThanOrEqual(70);
    expect(boxes(text)).toHaveLength(1);
    const bars = lines(text).map((line) => line.match(/█+/)?.[0].length ?? 0).filter((length) => length > 0);
    expect(bars[0]).toBeLessThan(30);
    expect(bars[0]).toBeGreaterThanOrEqual(10);
    expect(bars[1]).toBe(Math.round((7_290 / 34_770) * (bars[0] ?? 0)));
    expect(bars[2]).toBe(1);
  });

  it("wraps a cell of several figures between them, never inside one, when the key and it do not fit side by side", () => {
    const text = writeTable(document, { color: false, width: 30 });
    for (const line of lines(text)) expect(columnsOf(line)).toBeLessThanOrEqual(30);
    expect(new Set(figures(text))).toEqual(new Set([...figures(writeTable(document, { color: false })), "30"]));
  });
});

describe("prose wrapped to a width", () => {
  it.each([
    ["a short line", 40, ["a short line"]],
    ["one two three four", 9, ["one two", "three", "four"]],
    ["a 4,200,000.00 figure", 5, ["a", "4,200,000.00", "figure"]],
    ["- an item of a list", 10, ["- an item", "  of a", "  list"]],
    ["  indented text that wraps", 14, ["  indented", "  text that", "  wraps"]],
  ])("%j in %i columns", (line, width, expected) => {
    expect(wrapWords(line, width)).toEqual(expected);
  });

  it("sets the further lines of an item of a list without marks further in", () => {
    expect(wrapWords("Rep Ana: shortfall 30,000 added", 16, 2)).toEqual(["Rep Ana:", "  shortfall", "  30,000 added"]);
  });

  it("leaves a line as it was without a width, spaces and all", () => {
    expect(wrapWords("two  spaces   kept", undefined)).toEqual(["two  spaces   kept"]);
  });
});
