import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { corpus } from "../corpus/write-corpus.mjs";
import { decodeText } from "../../src/io/chunk-decoder.js";
import { startLinesOf } from "../../src/io/csv-table.js";
import { delimiterOf } from "../../src/io/delimiter.js";
import { normaliseLineEnds } from "../../src/io/line-ends.js";
import { readPlainCsv } from "../../src/io/plain-csv.js";

// The plain reader stands in for csv-parse on the files readCsvTable reads: whatever it accepts,
// it must give csv-parse's records and line numbers exactly; whatever it cannot be sure of, it
// declines (undefined), and csv-parse reads it, errors and all.

const options = (delimiter: string) => ({ delimiter, relax_column_count: true, skip_empty_lines: true });

/** csv-parse's reading of `text` (as readCsvTable calls it), or "error" when it refuses the text. */
function csvParse(text: string, delimiter: string): { rows: string[][]; lines: number[] } | "error" {
  try {
    return { rows: parse(text, options(delimiter)) as string[][], lines: startLinesOf(text, options(delimiter)) };
  } catch {
    return "error";
  }
}

/** Requires the plain reader to agree with csv-parse; says whether it read the text itself. */
function agrees(text: string, delimiter: string): boolean {
  const plain = readPlainCsv(text, delimiter);
  if (plain === undefined) return false;
  const expected = csvParse(text, delimiter);
  expect(expected).not.toBe("error");
  if (expected === "error") return true;
  expect(plain.rows).toStrictEqual(expected.rows);
  expect(plain.rows.map((_, index) => plain.lineOf(index))).toStrictEqual(expected.lines);
  return true;
}

/** The text readCsvTable hands the readers: one BOM off, mixed line ends made LF. */
const prepared = (content: string) => normaliseLineEnds(content.charCodeAt(0) === 0xfeff ? content.slice(1) : content);

describe("readPlainCsv reads plain text as csv-parse does", () => {
  it.each([
    ["LF line ends", "month,quota\n2027-01,5\n2027-02,6\n", ","],
    ["CRLF line ends", "month,quota\r\n2027-01,5\r\n2027-02,6\r\n", ","],
    ["no line end after the last row", "month,quota\n2027-01,5", ","],
    ["CRLF without a final line end", "month,quota\r\n2027-01,5", ","],
    ["empty lines, counted in the line numbers", "\n\nmonth,quota\n\n2027-01,5\n\n\n2027-02,6\n\n", ","],
    ["empty CRLF lines", "month,quota\r\n\r\n2027-01,5\r\n\r\n", ","],
    ["rows of empty fields", "a,b\n,\n , \n", ","],
    ["spaces kept in fields", " month , quota \n 2027-01 , 5 \n", ","],
    ["semicolons, commas inside fields", "month;quota\n2027-01;1,5\n", ";"],
    ["tabs", "month\tquota\n2027-01\t5\n", "\t"],
    ["a BOM inside the text, kept as a character", "a,b\n\uFEFFx,y\n", ","],
    ["characters beyond the BMP", "rep,quota\n😀 Zoë,5\n", ","],
    ["a header alone", "month,quota\n", ","],
    ["one column", "month\n2027-01\n\n2027-02\n", ","],
    ["cells longer than the interned ones", `rep,quota\n${"x".repeat(40)},5\n${"x".repeat(40)},6\n`, ","],
  ])("%s", (_name, text, delimiter) => {
    expect(agrees(text, delimiter)).toBe(true);
  });

  it("gives each row an array of its own, and the same string for a repeated short cell", () => {
    const plain = readPlainCsv("month,rep\n2027-01,ana\n2027-01,ana\n", ",");
    expect(plain?.rows[1]).not.toBe(plain?.rows[2]);
    expect(plain?.rows[1]?.[0]).toBe("2027-01");
    expect(plain?.rows[2]).toStrictEqual(["2027-01", "ana"]);
  });
});

describe("readPlainCsv declines what it cannot be sure of", () => {
  it.each([
    ["a quote anywhere", 'rep,quota\n"Smith, Ana",5\n', ","],
    ["a quote inside a field", 'rep,quota\nAna "A",5\n', ","],
    ["ragged rows", "a,b,c\n1,2\n", ","],
    ["a longer row", "a,b\n1,2,3\n", ","],
    ["CR line ends", "a,b\r1,2\r", ","],
    ["a CR inside a field of an LF file", "a,b\n1\r2,3\n", ","],
    ["a CR inside a field of a CRLF file", "a,b\r\n1\r2,3\r\n", ","],
    ["LF and CRLF mixed", "a,b\r\n1,2\n3,4\r\n", ","],
    ["a CR at the end", "a,b\r\n1,2\r", ","],
    ["an unpaired surrogate", "a,b\n\ud800,2\n", ","],
    ["a separator of two characters", "a::b\n1::2\n", "::"],
  ])("%s", (_name, text, delimiter) => {
    expect(readPlainCsv(text, delimiter)).toBeUndefined();
  });
});

describe("readPlainCsv on the corpus", () => {
  it("agrees with csv-parse on every corpus file it reads, and reads the plain ones", () => {
    const read: string[] = [];
    for (const [name, bytes] of Object.entries(corpus)) {
      let text: string;
      try {
        text = prepared(decodeText(bytes, name, "auto").text);
      } catch {
        continue; // refused before any CSV is read
      }
      if (agrees(text, delimiterOf(text))) read.push(name);
    }
    // The German and French Excel files have no quotes; the US ones quote "$1,200,000".
    expect(read).toEqual(expect.arrayContaining(["excel-de/quotas.csv", "excel-fr/quotas.csv"]));
    expect(read).not.toContain("excel-us-utf8/quotas.csv");
  });

  it("agrees on the examples", () => {
    for (const name of ["quotas.csv", "ratios.csv", "cycles.csv", "reps.csv"]) {
      const text = prepared(readFileSync(join(import.meta.dirname, "..", "..", "examples", name), "utf8"));
      expect(agrees(text, delimiterOf(text)), name).toBe(true);
    }
  });
});

describe("readPlainCsv on generated texts", () => {
  // Any text from characters that matter to CSV: where the plain reader reads it, csv-parse reads
  // it alike; where csv-parse refuses it, the plain reader has declined.
  const piece = fc.constantFrom("a", "b", "1", " ", ",", ";", "\t", "\n", "\r", "\r\n", '"', "\uFEFF", "é", "😀", "\ud800", "");
  it("never disagrees with csv-parse on any text", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom(",", ";", "\t"), (pieces, delimiter) => {
        const text = pieces.join("");
        const plain = readPlainCsv(text, delimiter);
        if (csvParse(text, delimiter) === "error") expect(plain).toBeUndefined();
        else agrees(text, delimiter);
      }),
      { numRuns: 3000 },
    );
  });

  // Tables of one width without quotes, with empty lines here and there: the plain reader must
  // read every one of them itself, to csv-parse's records.
  const cellText = fc.array(fc.constantFrom("a", "Z", "0", "9", " ", "-", ".", "é", "€", "\uFEFF", "😀", ","), { maxLength: 8 }).map((chars) => chars.join(""));
  it("reads every plain table itself, to csv-parse's records and lines", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((width) => fc.array(fc.oneof(fc.constant(null), fc.array(cellText, { minLength: width, maxLength: width })), { maxLength: 12 })),
        fc.constantFrom(";", "\t"),
        fc.constantFrom("\n", "\r\n"),
        fc.boolean(),
        (rows, delimiter, lineEnd, finalEnd) => {
          const text = rows.map((row) => (row === null ? "" : row.join(delimiter))).join(lineEnd) + (finalEnd ? lineEnd : "");
          expect(agrees(text, delimiter)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
