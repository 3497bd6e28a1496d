import { describe, expect, it } from "vitest";
import { PLAIN_CSV } from "../../src/render/csv-writer.js";
import type { Column, Document } from "../../src/render/document.js";
import { writeCsvChunks, writeCsvText } from "../../src/render/writers/csv.js";
import { writeMarkdown } from "../../src/render/writers/markdown.js";
import { renderDocument } from "../../src/render/writers/render-document.js";
import { writeTable } from "../../src/render/writers/table.js";

type Line = { source: string; leads: number | null; over: boolean; status: "ok" | "late" };

const COLUMNS: readonly Column<Line>[] = [
  { key: "source", title: "Source", kind: "name", value: (line) => line.source },
  { key: "leads", title: "Leads", kind: "count", value: (line) => line.leads, marked: (line) => line.over },
  { key: "over", title: "Over", kind: "code", value: (line) => line.over, only: "csv" },
  { key: "status", title: "Status", kind: "code", value: (line) => line.status, tone: (line) => (line.status === "late" ? "bad" : undefined) },
  { key: "note", title: "Note", kind: "code", value: () => null, text: () => "a|b", only: "text" },
];

const LINES: Line[] = [
  { source: "Web", leads: 1234.4, over: false, status: "ok" },
  { source: "=Fair", leads: null, over: true, status: "late" },
];

const DOCUMENT: Document = {
  sections: [
    { title: { text: "Leads | sources", style: "strong" } },
    {
      intro: ["By source:"],
      title: { text: "Sources", style: "heading", detail: "Busiest first." },
      bullets: ["one", "two"],
      table: {
        columns: COLUMNS,
        rows: LINES,
        totals: [{ source: "Total", leads: 1234, over: false, status: "ok" }],
        flag: { sign: "*", word: "surge", text: "+30% in Q4", on: (line: Line) => line.source === "Web" },
      },
      notes: ["Counted once.", "Rounded."],
    },
    { title: { text: "Team", style: "caption" }, notes: ["No team."] },
  ],
  warnings: ["Fair has no cost"],
};

describe("one document, a writer per format", () => {
  it("draws the terminal table: titles, intro, bullets, the boxed table with its marks and totals, notes, the flag's footnote", () => {
    expect(writeTable(DOCUMENT, { color: false })).toBe(
      [
        "Leads | sources",
        "",
        "By source:",
        "Sources: busiest first",
        "one",
        "two",
        "┌────────┬───────┬────────┬──────┐",
        "│ Source │ Leads │ Status │ Note │",
        "│ Web *  │ 1,234 │ ok     │ a|b  │",
        "│ =Fair  │   – ! │ late   │ a|b  │",
        "│ Total  │ 1,234 │ ok     │ a|b  │",
        "└────────┴───────┴────────┴──────┘",
        "Counted once.",
        "Rounded.",
        "* surge: +30% in Q4",
        "",
        "Team",
        "No team.",
        "",
      ].join("\n"),
    );
  });

  it("colours a toned cell and bolds the head and totals on a colour terminal", () => {
    const text = writeTable(DOCUMENT, { color: true });
    expect(text).toContain("\u001b[31mlate\u001b[39m");
    expect(text).toContain("\u001b[1mTotal\u001b[22m");
    expect(text).toContain("\u001b[1mLeads | sources\u001b[22m");
  });

  it("writes Markdown: headings, the detail under them, escaped pipes, marked figures and totals in bold, the warnings quoted", () => {
    expect(writeMarkdown(DOCUMENT)).toBe(
      [
        "**Leads \\| sources**",
        "",
        "By source:",
        "",
        "### Sources",
        "",
        "Busiest first.",
        "",
        "- one",
        "- two",
        "",
        "| Source | Leads | Status | Note |",
        "| --- | ---: | --- | --- |",
        "| Web (surge) | 1,234 | ok | a\\|b |",
        "| =Fair | **– !** | late | a\\|b |",
        "| **Total** | **1,234** | **ok** | **a\\|b** |",
        "",
        "Counted once.  ",
        "Rounded.  ",
        "Surge: +30% in Q4.",
        "",
        "**Team**",
        "",
        "No team.",
        "",
        "> Warning: Fair has no cost",
        "",
      ].join("\n"),
    );
  });

  it("writes the first table as CSV: keys, machine values, CSV-only columns, guarded names, no totals", () => {
    expect(writeCsvText(DOCUMENT, PLAIN_CSV)).toBe(["source,leads,over,status", "Web,1234.4,false,ok", "'=Fair,,true,late", ""].join("\n"));
  });

  it("streams CSV from a generator of rows, reading each row once", () => {
    let read = 0;
    function* rows(): Generator<Line> {
      for (let at = 0; at < 5000; at++) {
        read++;
        yield { source: `s${at}`, leads: at, over: false, status: "ok" };
      }
    }
    const chunks = writeCsvChunks({ sections: [{ table: { columns: COLUMNS, rows: rows() } }], warnings: [] }, PLAIN_CSV);
    expect(chunks.next().value).toBe("source,leads,over,status\n");
    expect(read).toBe(0);
    expect([...chunks].join("").split("\n")).toHaveLength(5001);
    expect(read).toBe(5000);
  });

  it("writes the totals after the rows when the table asks (track's cumulative lines)", () => {
    const document: Document = { sections: [{ table: { columns: COLUMNS, rows: LINES.slice(0, 1), totals: [{ source: "total", leads: 1, over: false, status: "ok" }], csvTotals: true } }], warnings: [] };
    expect(writeCsvText(document, PLAIN_CSV)).toBe(["source,leads,over,status", "Web,1234.4,false,ok", "total,1,false,ok", ""].join("\n"));
  });

  it("skips tables that opt out of CSV and sections only CSV reads in the text formats", () => {
    const document: Document = {
      sections: [
        { table: { columns: COLUMNS, rows: [] }, csv: false },
        { table: { columns: COLUMNS.slice(0, 1), rows: LINES }, only: "csv" },
      ],
      warnings: [],
    };
    expect(writeCsvText(document, PLAIN_CSV)).toBe("source\nWeb\n'=Fair\n");
    expect(writeMarkdown(document)).toBe("| Source | Leads | Status | Note |\n| --- | ---: | --- | --- |\n");
  });

  it("keeps a Markdown table row on one line when a name holds a line break (a quoted CSV cell may)", () => {
    const document: Document = { sections: [{ table: { columns: COLUMNS.slice(0, 1), rows: [{ source: "Fair\nBerlin", leads: 1, over: false, status: "ok" }, { source: "A\r\nB", leads: 1, over: false, status: "ok" }] } }], warnings: [] };
    expect(writeMarkdown(document)).toBe("| Source |\n| --- |\n| Fair<br>Berlin |\n| A<br>B |\n");
  });

  it("picks the writer by format in one table: renderDocument", async () => {
    const options = { color: false, csv: PLAIN_CSV };
    expect(await renderDocument(DOCUMENT, "table", options)).toBe(writeTable(DOCUMENT, options));
    expect(await renderDocument(DOCUMENT, "markdown", options)).toBe(writeMarkdown(DOCUMENT));
    expect(await renderDocument(DOCUMENT, "csv", options)).toBe(writeCsvText(DOCUMENT, PLAIN_CSV));
  });
});
