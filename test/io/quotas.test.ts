import { describe, expect, it } from "vitest";
import { readQuotas } from "../../src/io/quotas.js";
import { formatIssue } from "../../src/io/input-issue.js";
import { issueOf } from "./issue-of.js";

const read = (content: string) => readQuotas(content, "quotas.csv");
const JAN = 2027 * 12;

describe("readQuotas in the long form", () => {
  it("groups rows into segments by rep and product, in order of first appearance", () => {
    const file = read("month,rep,product,quota\n2027-01,Ana,Platform,300000\n2027-01,Ben,Platform,200000\n2027-02,Ana,Platform,450000\n");
    expect(file.form).toBe("long");
    expect(file.warnings).toStrictEqual([]);
    expect(file.segments).toStrictEqual([
      {
        rep: "Ana",
        product: "Platform",
        firstRecord: 0,
        quotas: [
          { month: JAN, quota: 300000, units: null },
          { month: JAN + 1, quota: 450000, units: null },
        ],
      },
      { rep: "Ben", product: "Platform", firstRecord: 1, quotas: [{ month: JAN, quota: 200000, units: null }] },
    ]);
  });

  it("reads amounts with a currency sign and thousands separators, or with cents", () => {
    const file = read('month,quota\n2027-01,"$1,200,000"\n2027-02,1200000.50\n');
    expect(file.segments[0]?.quotas).toStrictEqual([
      { month: JAN, quota: 1200000, units: null },
      { month: JAN + 1, quota: 1200000.5, units: null },
    ]);
  });

  it("takes a YYYY-MM-DD date as its month", () => {
    const file = read("month,quota\n2027-02-28,5\n2027-03-01,6\n");
    expect(file.segments[0]?.quotas.map((entry) => entry.month)).toStrictEqual([JAN + 1, JAN + 2]);
  });

  it("treats an empty or missing rep and product as unassigned", () => {
    const file = read("month,rep,product,quota\n2027-01, , ,5\n2027-01,Ana,,6\n");
    expect(file.segments.map(({ rep, product }) => ({ rep, product }))).toStrictEqual([
      { rep: "", product: "" },
      { rep: "Ana", product: "" },
    ]);
  });

  it("reads units alone or beside a quota", () => {
    const file = read("month,quota,units\n2027-01,,12\n2027-02,5000,3\n");
    expect(file.segments[0]?.quotas).toStrictEqual([
      { month: JAN, quota: null, units: 12 },
      { month: JAN + 1, quota: 5000, units: 3 },
    ]);
  });

  it("skips blank rows, exported as empty fields, and names the real line after them", () => {
    const file = read("month,rep,quota\n2027-01,Ana,5\n,,\n,,\n2027-02,Ana,6\n");
    expect(file.segments[0]?.quotas).toStrictEqual([
      { month: JAN, quota: 5, units: null },
      { month: JAN + 1, quota: 6, units: null },
    ]);
    expect(issueOf(() => read("month,rep,quota\n2027-01,Ana,5\n,,\n,,\n2027-02,Ana,x\n"))).toStrictEqual({
      code: "value.invalid",
      message: 'quotas.csv:5: quota: expected an amount, found "x"',
    });
  });

  it("warns about an unknown column and reads the rest", () => {
    const file = read("Month,Quota,Notes,\n2027-01,5,first,\n");
    expect(file.segments[0]?.quotas).toStrictEqual([{ month: JAN, quota: 5, units: null }]);
    expect(file.warnings).toStrictEqual([
      { code: "column.unknown", file: "quotas.csv", line: 1, column: "notes", expected: "unknown column, ignored" },
      { code: "column.unknown", file: "quotas.csv", line: 1, column: "column 4", expected: "unknown column, ignored" },
    ]);
  });
});

describe("readQuotas in the wide form", () => {
  it("detects month-named columns and reads each cell as that month's quota, an empty cell as none", () => {
    const file = read('rep,product,2027-01,2027-02\nAna,Platform,"$1,000",\n,,5,6\n');
    expect(file.form).toBe("wide");
    expect(file.segments).toStrictEqual([
      { rep: "Ana", product: "Platform", firstRecord: 0, quotas: [{ month: JAN, quota: 1000, units: null }] },
      {
        rep: "",
        product: "",
        firstRecord: 1,
        quotas: [
          { month: JAN, quota: 5, units: null },
          { month: JAN + 1, quota: 6, units: null },
        ],
      },
    ]);
  });

  it("skips a row whose cells are all empty, but reads a row with only its month cells empty as no quota", () => {
    const file = read("rep,2027-01,2027-02\n,,\nAna,,\nBen,5,\n");
    expect(file.segments).toStrictEqual([{ rep: "Ben", product: "", firstRecord: 1, quotas: [{ month: JAN, quota: 5, units: null }] }]);
  });

  it("warns about a column that is neither a scope nor a month", () => {
    expect(read("rep,notes,2027-01\nAna,x,1\n").warnings).toStrictEqual([
      { code: "column.unknown", file: "quotas.csv", line: 1, column: "notes", expected: "unknown column, ignored" },
    ]);
  });

  it.each([
    ["a bad cell, naming its month column", "rep,2027-01,2027-02\nAna,5,-1\n", "value.invalid", 'quotas.csv:2: 2027-02: expected an amount of 0 or more, found "-1"'],
    ["a month column out of range", "rep,2027-13\nAna,1\n", "value.invalid", 'quotas.csv:1: 2027-13: expected a month column as YYYY-MM, found "2027-13"'],
    ["a month column named twice", "rep,2027-01,2027-01\nAna,1,2\n", "column.duplicate", "quotas.csv:1: 2027-01: a column named twice: expected each column once"],
    [
      "a file whose month cells are all empty",
      "rep,product,2027-01,2027-02\nAna,Platform,,\nBen,, ,\n",
      "file.empty",
      "quotas.csv:2: no quota in any month column: expected at least one amount",
    ],
    [
      "a second row for the same rep and product",
      "rep,product,2027-01\nAna,,1\nBen,,1\nAna,,2\n",
      "row.duplicate",
      'quotas.csv:4: a second row for month 2027-01, rep "Ana", product "": expected one row per month, rep and product (first on line 2)',
    ],
  ])("refuses %s", (_name, content, code, message) => {
    expect(issueOf(() => read(content))).toStrictEqual({ code, message });
  });
});

describe("readQuotas errors", () => {
  it.each([
    [
      "a file without a month column",
      "quota,rep\n5,Ana\n",
      "column.missing",
      "quotas.csv:1: month: missing column: expected a month column (or month columns like 2027-01 in the wide form) (found quota,rep)",
    ],
    [
      "a file without a quota or units column",
      "month,rep\n2027-01,Ana\n",
      "column.missing",
      "quotas.csv:1: quota: missing column: expected a quota column (found month,rep)",
    ],
    ["a header without rows", "month,quota\n", "file.empty", "quotas.csv:2: no quota rows: expected at least one row after the header"],
    ["a header with only blank rows", "month,quota\n,\n,\n", "file.empty", "quotas.csv:2: no quota rows: expected at least one row after the header"],
    ["a quota column named twice", "month,quota,Quota\n2027-01,1,2\n", "column.duplicate", "quotas.csv:1: quota: a column named twice: expected each column once"],
    ["a month out of range", "month,quota\n2027-13,5\n", "value.invalid", 'quotas.csv:2: month: expected a month as YYYY-MM, found "2027-13"'],
    ["a quarter for a month", "month,quota\nQ3,5\n", "value.invalid", 'quotas.csv:2: month: expected a month as YYYY-MM, found "Q3"'],
    [
      "a date that does not exist",
      "month,quota\n2027-02-30,5\n",
      "value.invalid",
      'quotas.csv:2: month: expected a month as YYYY-MM or a date as YYYY-MM-DD, found "2027-02-30"',
    ],
    ["an empty month", "month,quota\n,5\n", "value.invalid", 'quotas.csv:2: month: expected a month as YYYY-MM, found ""'],
    ["a negative quota", "month,quota\n2027-01,-5\n", "value.invalid", 'quotas.csv:2: quota: expected an amount of 0 or more, found "-5"'],
    ["a NaN quota", "month,quota\n2027-01,NaN\n", "value.invalid", 'quotas.csv:2: quota: expected an amount, found "NaN"'],
    ["an Infinity quota", "month,quota\n2027-01,Infinity\n", "value.invalid", 'quotas.csv:2: quota: expected an amount, found "Infinity"'],
    ["a 1e999 quota", "month,quota\n2027-01,1e999\n", "value.invalid", 'quotas.csv:2: quota: expected an amount, found "1e999"'],
    [
      "an amount that reads two ways in a ; file",
      "month;quota\n2027-01;750.000\n",
      "value.invalid",
      'quotas.csv:2: quota: expected an amount, found "750.000" (it reads as 750000 with a decimal comma or 750 with a decimal point: give --decimal-comma or --decimal-point, or write it without a thousands separator)',
    ],
    [
      "a comma-grouped amount in a ; file, where the comma may be the decimal mark",
      "month;quota\n2027-01;750,000\n",
      "value.invalid",
      'quotas.csv:2: quota: expected an amount, found "750,000" (it reads as 750 with a decimal comma or 750000 with a decimal point: give --decimal-comma or --decimal-point, or write it without a thousands separator)',
    ],
    [
      "a dot-grouped amount in a , file",
      'month,quota\n2027-01,"75.000"\n',
      "value.invalid",
      'quotas.csv:2: quota: expected an amount, found "75.000" (it reads as 75000 with a decimal comma or 75 with a decimal point: give --decimal-comma or --decimal-point, or write it without a thousands separator)',
    ],
    [
      "both decimal marks in one file",
      'month,quota\n2027-01,"1.200.000,50"\n2027-02,"1,200,000.50"\n',
      "value.invalid",
      'quotas.csv:3: quota: expected one decimal mark in a file, found "1,200,000.50" (it has a decimal point, but line 2 has "1.200.000,50" with a decimal comma: write the file one way, or give --decimal-comma or --decimal-point)',
    ],
    ["an empty quota", "month,quota\n2027-01,\n", "value.invalid", 'quotas.csv:2: quota: expected an amount, found ""'],
    [
      "a row with neither quota nor units",
      "month,quota,units\n2027-01,,\n",
      "value.invalid",
      'quotas.csv:2: quota: expected an amount (or units), found ""',
    ],
    ["negative units", "month,units\n2027-01,-2\n", "value.invalid", 'quotas.csv:2: units: expected an amount of 0 or more, found "-2"'],
  ])("refuses %s", (_name, content, code, message) => {
    expect(issueOf(() => read(content))).toStrictEqual({ code, message });
  });

  it("refuses a second row for the same month, rep and product, naming both lines", () => {
    const content = "month,rep,product,quota\n2027-01,Ana,Platform,1\n2027-02,Ana,Platform,1\n2027-01,Ana,Platform,2\n";
    expect(issueOf(() => read(content))).toStrictEqual({
      code: "row.duplicate",
      message:
        'quotas.csv:4: a second row for month 2027-01, rep "Ana", product "Platform": expected one row per month, rep and product (first on line 2)',
    });
  });

  it("refuses two dates in one month as a duplicate month", () => {
    expect(issueOf(() => read("month,quota\n2027-02-01,1\n2027-02-28,2\n"))).toStrictEqual({
      code: "row.duplicate",
      message: 'quotas.csv:3: a second row for month 2027-02, rep "", product "": expected one row per month, rep and product (first on line 2)',
    });
  });

  it("names the real file line after a blank line and a quoted multi-line field", () => {
    const content = 'month,rep,quota\n2027-01,"Ana\nMaria",1\n\n2027-02,Ben,12,5k\n';
    expect(issueOf(() => read(content))).toStrictEqual({
      code: "row.width",
      message: "quotas.csv:5: a row of 4 fields: expected 3 as in the header",
    });
    const quoted = 'month,rep,quota\n2027-01,"Ana\nMaria",1\n\n2027-02,Ben,"12,5k"\n';
    expect(issueOf(() => read(quoted))).toStrictEqual({
      code: "value.invalid",
      message: 'quotas.csv:5: quota: expected an amount, found "12,5k"',
    });
  });

  it("names the line of a bad month in a record that spans two lines", () => {
    expect(issueOf(() => read('month,quota,rep\n2027-13,5,"Ben\nB"\n'))).toStrictEqual({
      code: "value.invalid",
      message: 'quotas.csv:2: month: expected a month as YYYY-MM, found "2027-13"',
    });
  });
});

describe("readQuotas refuses a sheet's totals row", () => {
  it.each([
    ["a wide Total row", 'rep,product,2027-01\nAna,,100\nTotal,,100\n', 'quotas.csv:3: rep: expected a rep\'s quota, not a totals row (it would count the quota twice), found "Total" (delete the row, or rename it if it is a real rep)'],
    ["a long Grand Total product", "month,rep,product,quota\n2027-01,Ana,Platform,100\n2027-01,,Grand  Total,100\n", 'quotas.csv:3: product: expected a product\'s quota, not a totals row (it would count the quota twice), found "Grand  Total" (delete the row, or rename it if it is a real product)'],
    ["a German Summe row", "rep;2027-01\nAna;100\nSumme:;100\n", 'quotas.csv:3: rep: expected a rep\'s quota, not a totals row (it would count the quota twice), found "Summe:" (delete the row, or rename it if it is a real rep)'],
  ])("%s", (_name, content, message) => {
    expect(issueOf(() => read(content))).toStrictEqual({ code: "value.invalid", message });
  });

  it.each(["Gesamtergebnis", "Ana Total", "Totale complessivo", "Suma total", "Sum of quota", "All reps", "Ana Ergebnis"])("a pivot's %j row", (name) => {
    expect(issueOf(() => read(`rep,product,2027-01\nAna,P,100\nBen,P,100\n"${name}",,200\n`)).message).toBe(
      `quotas.csv:4: rep: expected a rep's quota, not a totals row (it would count the quota twice), found "${name}" (delete the row, or rename it if it is a real rep)`,
    );
  });

  it("an unlabelled row holding the sum of the other rows in every month", () => {
    expect(issueOf(() => read("rep,product,2027-01,2027-02\nAna,P,100,50\nBen,P,100,70\n,,200,120\n")).message).toBe(
      'quotas.csv:4: rep: expected unassigned quota, not a totals row: every month of this row is the sum of the other rows, found "" (delete the row, or name its rep or product if the quota is real)',
    );
  });

  it("reads unassigned quota that is not the sum of the others, and one beside a single rep", () => {
    expect(read("rep,product,2027-01,2027-02\nAna,P,100,50\nBen,P,100,70\n,,200,100\n").segments).toHaveLength(3);
    expect(read("rep,2027-01\nAna,100\n,100\n").segments).toHaveLength(2);
  });

  it("reads a rep whose name only contains the word (Totalis)", () => {
    expect(read("rep,2027-01\nTotalis,100\n").segments.map((segment) => segment.rep)).toStrictEqual(["Totalis"]);
  });
});

describe("readQuotas says when another cell settles a number that reads two ways", () => {
  it.each([
    ['month,quota\n2027-03,"750,000"\n2027-04,"12,5"\n', 'quotas.csv:2: quota: "750,000" read as 750 with a decimal comma, as line 3 "12,5" shows (give --decimal-comma to say so, or write the file one way)'],
    ["month,quota\n2027-03,75.000\n2027-04,12.5\n", 'quotas.csv:2: quota: "75.000" read as 75 with a decimal point, as line 3 "12.5" shows (give --decimal-point to say so, or write the file one way)'],
  ])("warns for %j", (content, warning) => {
    expect(read(content).warnings.map(formatIssue)).toStrictEqual([warning]);
  });

  it("says nothing of 750.000 in a ; file with a decimal comma: Excel's own European CSV", () => {
    const file = read("month;quota\n2027-03;750.000\n2027-04;12,5\n");
    expect([file.warnings, file.segments[0]?.quotas.map((entry) => entry.quota)]).toStrictEqual([[], [750000, 12.5]]);
  });
});

describe("readQuotas takes quotas to the cent", () => {
  it("refuses a fraction of a cent, which would print as a quota of 0 with a deal due", () => {
    expect(issueOf(() => read("month,quota\n2027-03,0.005\n")).message).toBe('quotas.csv:2: quota: expected an amount in whole cents, found "0.005"');
    expect(issueOf(() => read("rep,2027-03\nAna,10.1234\n")).message).toBe('quotas.csv:2: 2027-03: expected an amount in whole cents, found "10.1234"');
  });

  it("reads whole cents", () => {
    expect(read("month,quota\n2027-03,1200000.51\n2027-04,0.1\n").segments[0]?.quotas.map((entry) => entry.quota)).toStrictEqual([1200000.51, 0.1]);
  });
});
