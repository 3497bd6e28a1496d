import { describe, expect, it } from "vitest";
import { readActuals } from "../../src/io/actuals.js";
import { issueOf } from "./issue-of.js";

const read = (content: string) => readActuals(content, "actuals.csv");
const JAN = 2027 * 12;

describe("readActuals", () => {
  it("reads month, rep, product and every measure, in funnel order", () => {
    const file = read('month,rep,product,revenue,won,qualified,inquiries\n2027-01,Ana,Platform,"$300,000",4,20,"1,200"\n2027-02,Ben,,0,0,0,0\n');
    expect(file).toMatchObject({ byRep: true, byProduct: true, measures: ["inquiries", "qualified", "won", "revenue"], lines: [2, 3], warnings: [] });
    expect(file.entries).toStrictEqual([
      { month: JAN, rep: "Ana", product: "Platform", values: { inquiries: 1200, qualified: 20, won: 4, revenue: 300000 } },
      { month: JAN + 1, rep: "Ben", product: "", values: { inquiries: 0, qualified: 0, won: 0, revenue: 0 } },
    ]);
  });

  it("compares only the measures it has columns for, and covers every rep and product without those columns", () => {
    const file = read("month,won\n2027-03-31,5\n");
    expect(file).toMatchObject({ byRep: false, byProduct: false, measures: ["won"] });
    expect(file.entries).toStrictEqual([{ month: JAN + 2, rep: "", product: "", values: { won: 5 } }]);
  });

  it("reads compute's column names qualified_leads and deals", () => {
    const file = read("Month,Qualified Leads,Deals\n2027-01,20,4\n");
    expect(file.measures).toStrictEqual(["qualified", "won"]);
    expect(file.entries[0]?.values).toStrictEqual({ qualified: 20, won: 4 });
  });

  it("warns about an unknown column and reads the rest", () => {
    const file = read("month,revenue,notes\n2027-01,100,good month\n");
    expect(file.warnings).toStrictEqual([{ code: "column.unknown", file: "actuals.csv", line: 1, column: "notes", expected: "unknown column, ignored" }]);
    expect(file.entries[0]?.values).toStrictEqual({ revenue: 100 });
  });
});

describe("readActuals errors", () => {
  it.each([
    ["an empty file", "", "file.empty", "actuals.csv: the file is empty: expected a header row and data rows"],
    ["a header only", "month,won\n", "file.empty", "actuals.csv:2: no actuals rows: expected at least one row after the header"],
    ["no month column", "rep,won\nAna,3\n", "column.missing", "actuals.csv:1: month: missing column: expected a month column (found rep,won)"],
    [
      "no measure column",
      "month,rep,deal_count\n2027-01,Ana,3\n",
      "column.missing",
      "actuals.csv:1: missing column: expected one or more of inquiries, qualified, won, revenue (found month,rep,deal_count)",
    ],
    [
      "one measure under two names",
      "month,won,deals\n2027-01,3,3\n",
      "column.duplicate",
      "actuals.csv:1: deals: a second column for won (first: won): expected each measure once",
    ],
    ["a bad month", "month,won\n2027-13,3\n", "value.invalid", 'actuals.csv:2: month: expected a month as YYYY-MM, found "2027-13"'],
    ["a fractional count", "month,won\n2027-01,2.5\n", "value.invalid", 'actuals.csv:2: won: expected a whole number of 0 or more, found "2.5"'],
    ["a negative count", "month,inquiries\n2027-01,-4\n", "value.invalid", 'actuals.csv:2: inquiries: expected a whole number of 0 or more, found "-4"'],
    [
      "an empty count",
      "month,qualified,won\n2027-01,,3\n",
      "value.invalid",
      'actuals.csv:2: qualified: expected a whole number of 0 or more, found "" (write 0 for none, or leave the column out to not compare it)',
    ],
    [
      "an empty revenue",
      "month,won,revenue\n2027-01,3,\n",
      "value.invalid",
      'actuals.csv:2: revenue: expected an amount, found "" (write 0 for none, or leave the column out to not compare it)',
    ],
    [
      "a file with both decimal marks",
      'month,revenue\n2027-01,"12,5"\n2027-02,7.5\n',
      "value.invalid",
      'actuals.csv:3: revenue: expected one decimal mark in a file, found "7.5" (it has a decimal point, but line 2 has "12,5" with a decimal comma: write the file one way, or give --decimal-comma or --decimal-point)',
    ],
    [
      "a count that reads two ways",
      "month;inquiries\n2027-01;1.200\n",
      "value.invalid",
      'actuals.csv:2: inquiries: expected a whole number of 0 or more, found "1.200" (it reads as 1200 with a decimal comma or 1.2 with a decimal point: give --decimal-comma or --decimal-point, or write it without a thousands separator)',
    ],
    ["a negative revenue", "month,revenue\n2027-01,-100\n", "value.invalid", 'actuals.csv:2: revenue: expected an amount of 0 or more, found "-100"'],
    [
      "a repeated month, rep and product",
      "month,rep,won\n2027-01,Ana,3\n2027-02,Ana,1\n2027-01,Ana,4\n",
      "row.duplicate",
      'actuals.csv:4: a second row for month 2027-01, rep "Ana", product "": expected one row per month, rep and product (first on line 2)',
    ],
  ])("refuses %s", (_name, content, code, message) => {
    expect(issueOf(() => read(content))).toStrictEqual({ code, message });
  });
});
