import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Column, ColumnKind, Document } from "../../src/render/document.js";
import { bar } from "../../src/render/scenarios/report.js";
import { writeTable } from "../../src/render/writers/table.js";

const visible = (line: string): string => line.replace(/\u001b\[[0-9;]*m/g, "");
const columnsOf = (line: string): number => [...visible(line)].length;
const figures = (text: string): Set<string> => new Set(visible(text).match(/[-+]?\d[\d,.]*%?/g) ?? []);
const widestWord = (text: string): number => Math.max(0, ...text.split(/[ \n]+/).map((word) => [...word].length));

type Row = readonly string[];

/** A column as the generator draws it: words that name the row, figures, figures in pairs, or a bar. */
interface Drawn {
  title: string;
  kind: "key" | "figure" | "pair" | "bar";
  cells: string[];
}

const word = fc.stringMatching(/^[A-Za-z][a-z]{0,11}$/);
const title = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(" "));
const figure = fc.oneof(
  fc.integer({ min: -9_999_999, max: 99_999_999 }).map((value) => value.toLocaleString("en-US")),
  fc.double({ min: 0, max: 1000, noNaN: true }).map((value) => `${value.toFixed(1)}%`),
  fc.integer({ min: 0, max: 9_999_999 }).map((value) => (value / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })),
);

function drawnColumn(kind: Drawn["kind"], rows: number): fc.Arbitrary<Drawn> {
  const cell: fc.Arbitrary<string> =
    kind === "key"
      ? fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(" "))
      : kind === "pair"
        ? fc.tuple(figure, figure).map(([one, other]) => `${one} (${other})`)
        : kind === "bar"
          ? fc.integer({ min: 0, max: 30 }).map((length) => bar(length, 30))
          : figure;
  return fc.record({ title, kind: fc.constant(kind), cells: fc.array(cell, { minLength: rows, maxLength: rows }) });
}

const document = fc.integer({ min: 1, max: 8 }).chain((rows) =>
  fc.tuple(
    fc.array(drawnColumn("key", rows), { minLength: 1, maxLength: 3 }),
    fc.array(fc.constantFrom<Drawn["kind"]>("figure", "figure", "figure", "pair", "bar").chain((kind) => drawnColumn(kind, rows)), { minLength: 0, maxLength: 14 }),
    fc.integer({ min: 0, max: rows }),
  ),
);

function toDocument(drawn: readonly Drawn[], rowCount: number, totals: number): Document {
  const kindOf = (column: Drawn): ColumnKind => (column.kind === "key" ? "name" : "count");
  const columns = drawn.map(
    (column, at): Column<Row> => ({
      key: `c${at}`,
      title: column.title,
      kind: kindOf(column),
      value: (row) => row[at] ?? null,
      text: (row) => row[at] ?? "",
      // A bar column's cells are lengths out of 30: drawn shorter, in proportion.
      ...(column.kind === "bar" ? { bar: (row: Row, length: number) => bar([...(row[at] ?? "")].length, 30, length) } : {}),
    }),
  );
  const rows = Array.from({ length: rowCount }, (_, line) => drawn.map((column) => column.cells[line] ?? ""));
  return {
    sections: [{ title: { text: "A table of figures under a title of several words", style: "heading" }, table: { columns, rows: rows.slice(totals), totals: rows.slice(0, totals) }, notes: ["A note under the table, in words that wrap to the width of the terminal."] }],
    warnings: [],
  };
}

describe("any table fitted to any width from 40 to 200", () => {
  it("fits every line unless a key and one column cannot fit side by side, and cuts no figure", () => {
    fc.assert(
      fc.property(document, fc.integer({ min: 40, max: 200 }), fc.boolean(), ([keys, others, totals], width, color) => {
        const drawn = [...keys, ...others];
        const rows = keys[0]?.cells.length ?? 0;
        const doc = toDocument(drawn, rows, totals);
        const wide = writeTable(doc, { color });
        const narrow = writeTable(doc, { color, width });
        // The least a column takes: its widest word (a figure, a name), its title's, bars at ten.
        const least = drawn.map((column) => Math.max(widestWord(column.title), column.kind === "bar" ? Math.min(10, ...column.cells.map((cell) => cell.length).concat(10)) : Math.max(0, ...column.cells.map(widestWord))));
        const floor = 1 + (least[0] ?? 0) + 3 + (drawn.length > 1 ? Math.max(...least.slice(1)) + 3 : 0);
        if (floor <= width) for (const line of narrow.split("\n")) expect(columnsOf(line)).toBeLessThanOrEqual(width);
        const expected = figures(wide);
        if (narrow.includes("Narrowed to")) expected.add(String(width));
        expect(figures(narrow)).toEqual(expected);
      }),
      { numRuns: 400, seed: 11 },
    );
  });
});
