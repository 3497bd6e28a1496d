import { describe, expect, it } from "vitest";
import { readRatios } from "../../src/io/ratios.js";
import { issueOf } from "./issue-of.js";

const read = (content: string) => readRatios(content, "ratios.csv");

describe("readRatios", () => {
  it("reads every column of a default row, with currency, percentages and plain rates", () => {
    const file = read(
      'rep,product,avg_deal_size,qualified_to_won,inquiry_to_qualified,units_per_deal,cost_per_inquiry\n,,"$75,000",25%,0.1,2,45.50\n',
    );
    expect(file).toStrictEqual({
      rows: [
        {
          rep: "",
          product: "",
          values: { avgDealSize: 75000, closeRate: 0.25, qualifyRate: 0.1, unitsPerDeal: 2, costPerInquiry: 45.5 },
          file: "ratios.csv",
          line: 2,
        },
      ],
      warnings: [],
    });
  });

  it("gives nothing for an empty cell, so a less specific row can supply it", () => {
    const file = read("rep,product,avg_deal_size,qualified_to_won\n,,75000,20%\nBen,Platform,,25%\n,Services,15000,\n");
    expect(file.rows.map(({ rep, product, values, line }) => ({ rep, product, values, line }))).toStrictEqual([
      { rep: "", product: "", values: { avgDealSize: 75000, closeRate: 0.2 }, line: 2 },
      { rep: "Ben", product: "Platform", values: { closeRate: 0.25 }, line: 3 },
      { rep: "", product: "Services", values: { avgDealSize: 15000 }, line: 4 },
    ]);
  });

  it("skips a blank row rather than reading it as a second default row", () => {
    expect(read("rep,product,qualified_to_won\n,,20%\n,,\nAna,,30%\n").rows).toStrictEqual([
      { rep: "", product: "", values: { closeRate: 0.2 }, file: "ratios.csv", line: 2 },
      { rep: "Ana", product: "", values: { closeRate: 0.3 }, file: "ratios.csv", line: 4 },
    ]);
  });

  it("reads a file without scope columns as one default row", () => {
    expect(read("qualified_to_won\n30%\n").rows).toStrictEqual([
      { rep: "", product: "", values: { closeRate: 0.3 }, file: "ratios.csv", line: 2 },
    ]);
  });

  it("matches column names whatever their case or spaces", () => {
    expect(read("Rep,Avg Deal Size, Qualified To Won \nAna,5000,50%\n").rows[0]?.values).toStrictEqual({ avgDealSize: 5000, closeRate: 0.5 });
  });

  it("matches column names written with hyphens", () => {
    expect(read("Rep,Avg-Deal-Size,qualified-to-won,cost-per-inquiry\nAna,5000,50%,12\n").rows[0]?.values).toStrictEqual({
      avgDealSize: 5000,
      closeRate: 0.5,
      costPerInquiry: 12,
    });
  });

  it("reads a semicolon-separated file with a byte order mark and CRLF line ends", () => {
    expect(read("\uFEFFrep;avg_deal_size\r\nAna;$1,500.50\r\n").rows[0]?.values).toStrictEqual({ avgDealSize: 1500.5 });
  });

  it("accepts a cost per inquiry of 0", () => {
    expect(read("cost_per_inquiry\n0\n").rows[0]?.values).toStrictEqual({ costPerInquiry: 0 });
  });

  it("warns about an unknown column and reads the rest", () => {
    const file = read("rep,qualified_to_won,win_rate\nAna,20%,x\n");
    expect(file.rows[0]?.values).toStrictEqual({ closeRate: 0.2 });
    expect(file.warnings).toStrictEqual([
      { code: "column.unknown", file: "ratios.csv", line: 1, column: "win_rate", expected: "unknown column, ignored" },
    ]);
  });
});

describe("readRatios errors", () => {
  const RATE = "expected a rate above 0 and at most 100%, like 25% or 0.25";
  it.each([
    [
      "a file without any ratio column",
      "rep,win_rate\nAna,20%\n",
      "column.missing",
      "ratios.csv:1: missing column: expected one of avg_deal_size, qualified_to_won, inquiry_to_qualified, units_per_deal, cost_per_inquiry, commission_rate, commission_per_deal (found rep,win_rate)",
    ],
    ["a header without rows", "rep,qualified_to_won\n", "file.empty", "ratios.csv:2: no rows: expected at least one row after the header"],
    ["a rate of 0", "qualified_to_won\n0\n", "value.invalid", `ratios.csv:2: qualified_to_won: ${RATE}, found "0"`],
    ["a rate of 0%", "inquiry_to_qualified\n0%\n", "value.invalid", `ratios.csv:2: inquiry_to_qualified: ${RATE}, found "0%"`],
    ["a rate above 100%", "qualified_to_won\n150%\n", "value.invalid", `ratios.csv:2: qualified_to_won: ${RATE}, found "150%"`],
    [
      "a percentage written without its sign",
      "qualified_to_won\n25\n",
      "value.invalid",
      `ratios.csv:2: qualified_to_won: ${RATE}, found "25" (for a percentage write 25%)`,
    ],
    [
      "a column named twice once hyphens are read as underscores",
      "avg_deal_size,avg-deal-size\n1,2\n",
      "column.duplicate",
      "ratios.csv:1: avg_deal_size: a column named twice: expected each column once",
    ],
    ["a deal size of 0", "avg_deal_size\n0\n", "value.invalid", 'ratios.csv:2: avg_deal_size: expected an amount above 0, found "0"'],
    ["units per deal of 0", "units_per_deal\n0\n", "value.invalid", 'ratios.csv:2: units_per_deal: expected an amount above 0, found "0"'],
    [
      "a negative cost per inquiry",
      "cost_per_inquiry\n-45\n",
      "value.invalid",
      'ratios.csv:2: cost_per_inquiry: expected an amount of 0 or more, found "-45"',
    ],
    ["a NaN deal size", "avg_deal_size\nNaN\n", "value.invalid", 'ratios.csv:2: avg_deal_size: expected an amount, found "NaN"'],
  ])("refuses %s", (_name, content, code, message) => {
    expect(issueOf(() => read(content))).toStrictEqual({ code, message });
  });

  it("refuses a rate with a decimal point where --decimal-comma is stated", () => {
    expect(issueOf(() => readRatios("rep;qualified_to_won\nAna;0.25\n", "ratios.csv", { decimalMark: "," }))).toStrictEqual({
      code: "value.invalid",
      message: `ratios.csv:2: qualified_to_won: ${RATE}, found "0.25" (it is written with a decimal point, but a decimal comma is in force here: write the file one way, or give --decimal-point)`,
    });
  });

  it("reads a European file: rates, amounts and costs with a decimal comma", () => {
    const file = read('rep;product;avg_deal_size;qualified_to_won;inquiry_to_qualified;cost_per_inquiry\n;;75.000;12,5%;0,1;"45,50 €"\n;Services;"1.200.000,50";25%;10%;30\n');
    expect(file.rows.map((row) => row.values)).toStrictEqual([
      { avgDealSize: 75000, closeRate: 0.125, qualifyRate: 0.1, costPerInquiry: 45.5 },
      { avgDealSize: 1200000.5, closeRate: 0.25, qualifyRate: 0.1, costPerInquiry: 30 },
    ]);
  });

  it("refuses a second row for the same rep, naming both lines", () => {
    expect(issueOf(() => read("rep,product,qualified_to_won\nAna,,20%\n,,10%\nAna,,30%\n"))).toStrictEqual({
      code: "row.duplicate",
      message: 'ratios.csv:4: a second row for rep "Ana": expected one row per rep and product (first on line 2)',
    });
  });

  it("refuses a second default row, with blank scope cells that differ only in spaces", () => {
    expect(issueOf(() => read("rep,product,qualified_to_won\n,,20%\n , ,30%\n"))).toStrictEqual({
      code: "row.duplicate",
      message: "ratios.csv:3: a second row for the default row: expected one row per rep and product (first on line 2)",
    });
  });

  it("refuses a second row for the same rep and product", () => {
    expect(issueOf(() => read("rep,product,qualified_to_won\nAna,Platform,20%\nAna,Services,20%\n\nAna,Platform,30%\n"))).toStrictEqual({
      code: "row.duplicate",
      message:
        'ratios.csv:5: a second row for rep "Ana", product "Platform": expected one row per rep and product (first on line 2)',
    });
  });
});
