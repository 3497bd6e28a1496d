import { describe, expect, it } from "vitest";
import { type CsvColumn, writeCsv } from "../../src/render/csv-writer.js";

const COLUMNS: CsvColumn[] = [
  { key: "source", kind: "name" },
  { key: "stage", kind: "code" },
  { key: "variance", kind: "money" },
  { key: "share", kind: "ratio" },
];
const HOSTILE = ['=HYPERLINK("http://x","y")', "+1", "-1+1", "@SUM(A1)", "\tTab", "\rCR", "Zoë"];
const records = HOSTILE.map((name) => [name, "-code", "-262000.5", "0.25"]);

describe("writeCsv: the one CSV writer", () => {
  it("guards name columns, whatever they look like, and leaves codes and figures as they are", () => {
    expect(writeCsv(COLUMNS, records, { guard: true, excel: null })).toBe(
      [
        "source,stage,variance,share",
        `"'=HYPERLINK(""http://x"",""y"")",-code,-262000.5,0.25`,
        "'+1,-code,-262000.5,0.25",
        "'-1+1,-code,-262000.5,0.25",
        "'@SUM(A1),-code,-262000.5,0.25",
        "'\tTab,-code,-262000.5,0.25",
        `"'\rCR",-code,-262000.5,0.25`,
        "Zoë,-code,-262000.5,0.25",
        "",
      ].join("\n"),
    );
  });

  it("writes the raw text without the guard", () => {
    expect(writeCsv(COLUMNS, records.slice(1, 3), { guard: false, excel: null })).toBe("source,stage,variance,share\n+1,-code,-262000.5,0.25\n-1+1,-code,-262000.5,0.25\n");
  });

  it("for Excel in the US: a BOM, commas and decimal points", () => {
    expect(writeCsv(COLUMNS, [["Zoë", "won", "1200000.5", "0.25"]], { guard: true, excel: "us" })).toBe("\uFEFFsource,stage,variance,share\nZoë,won,1200000.5,0.25\n");
  });

  it("for Excel in Europe: a BOM, semicolons and decimal commas in figures only", () => {
    expect(writeCsv(COLUMNS, [["+1.5", "v1.2", "1200000.5", "0.25"], ["a;b", "won", "-262000", ""]], { guard: true, excel: "eu" })).toBe(
      "\uFEFFsource;stage;variance;share\n'+1.5;v1.2;1200000,5;0,25\n\"a;b\";won;-262000;\n",
    );
  });
});
