import { describe, expect, it } from "vitest";
import { readCycles } from "../../src/io/cycles.js";
import { issueOf } from "./issue-of.js";

const read = (content: string) => readCycles(content, "cycles.csv");
const valuesOf = (content: string) => read(content).rows.map((row) => row.values);

describe("readCycles", () => {
  it("converts days to months at 365.25 / 12 days a month", () => {
    expect(valuesOf("rep,sales_cycle_days,qualification_days\nAna,365.25,30.4375\nBen,0,\n")).toStrictEqual([
      { salesCycle: [{ lagMonths: 12, share: 1 }], qualification: [{ lagMonths: 1, share: 1 }] },
      { salesCycle: [{ lagMonths: 0, share: 1 }] },
    ]);
  });

  it("splits a fractional month between its two neighbouring whole months", () => {
    expect(valuesOf("sales_cycle_months,qualification_months\n1.25,0.5\n")).toStrictEqual([
      {
        salesCycle: [
          { lagMonths: 1, share: 0.75 },
          { lagMonths: 2, share: 0.25 },
        ],
        qualification: [
          { lagMonths: 0, share: 0.5 },
          { lagMonths: 1, share: 0.5 },
        ],
      },
    ]);
  });

  it("reads scoped rows and gives nothing for an empty cell", () => {
    const file = read("rep,product,sales_cycle_days,qualification_days\n,,91.3125,\n,Services,,30.4375\n");
    expect(file.rows).toStrictEqual([
      { rep: "", product: "", values: { salesCycle: [{ lagMonths: 3, share: 1 }] }, file: "cycles.csv", line: 2 },
      { rep: "", product: "Services", values: { qualification: [{ lagMonths: 1, share: 1 }] }, file: "cycles.csv", line: 3 },
    ]);
  });

  it("lets one row give days and another months", () => {
    expect(valuesOf("rep,sales_cycle_days,sales_cycle_months\nAna,0,\nBen,,2\n")).toStrictEqual([
      { salesCycle: [{ lagMonths: 0, share: 1 }] },
      { salesCycle: [{ lagMonths: 2, share: 1 }] },
    ]);
  });

  it("warns about an unknown column", () => {
    expect(read("sales_cycle_days,cycle_weeks\n30.4375,4\n").warnings).toStrictEqual([
      { code: "column.unknown", file: "cycles.csv", line: 1, column: "cycle_weeks", expected: "unknown column, ignored" },
    ]);
  });
});

describe("readCycles errors", () => {
  it.each([
    [
      "a file without a sales cycle column",
      "rep,qualification_days\n,15\n",
      "column.missing",
      "cycles.csv:1: missing column: expected one of sales_cycle_days, sales_cycle_months (found rep,qualification_days)",
    ],
    [
      "a negative cycle in days",
      "sales_cycle_days\n-30\n",
      "value.invalid",
      'cycles.csv:2: sales_cycle_days: expected a number of days from 0 to 3652.5, found "-30"',
    ],
    [
      "a negative cycle in months",
      "sales_cycle_months\n-1\n",
      "value.invalid",
      'cycles.csv:2: sales_cycle_months: expected a number of months from 0 to 120, found "-1"',
    ],
    [
      "a negative qualification time",
      "sales_cycle_days,qualification_days\n30,-1\n",
      "value.invalid",
      'cycles.csv:2: qualification_days: expected a number of days from 0 to 3652.5, found "-1"',
    ],
    [
      "a cycle in words",
      "sales_cycle_months\nthree\n",
      "value.invalid",
      'cycles.csv:2: sales_cycle_months: expected a number of months from 0 to 120, found "three"',
    ],
    [
      "a cycle longer than ten years in days",
      "sales_cycle_days\n3653\n",
      "value.invalid",
      'cycles.csv:2: sales_cycle_days: expected a number of days from 0 to 3652.5, found "3653"',
    ],
    [
      "a qualification time longer than ten years in months",
      "sales_cycle_days,qualification_months\n30,120.5\n",
      "value.invalid",
      'cycles.csv:2: qualification_months: expected a number of months from 0 to 120, found "120.5"',
    ],
    [
      "both cycle days and months in one row",
      "rep,sales_cycle_days,sales_cycle_months\n,30,1\n",
      "column.conflict",
      "cycles.csv:2: sales_cycle_months: both sales_cycle_days and sales_cycle_months: expected one of them per row",
    ],
    [
      "both qualification days and months in one row",
      "sales_cycle_days,qualification_days,qualification_months\n30,5,1\n",
      "column.conflict",
      "cycles.csv:2: qualification_months: both qualification_days and qualification_months: expected one of them per row",
    ],
    [
      "a second row for the same product",
      "product,sales_cycle_days\nServices,45\nServices,60\n",
      "row.duplicate",
      'cycles.csv:3: a second row for product "Services": expected one row per rep and product (first on line 2)',
    ],
  ])("refuses %s", (_name, content, code, message) => {
    expect(issueOf(() => read(content))).toStrictEqual({ code, message });
  });

  it("refuses a cycle too long to be a finite number", () => {
    const huge = "9".repeat(400);
    expect(issueOf(() => read(`sales_cycle_days\n${huge}\n`))).toStrictEqual({
      code: "value.invalid",
      message: `cycles.csv:2: sales_cycle_days: expected a number of days from 0 to 3652.5, found "${"9".repeat(60)}…"`,
    });
  });

  it("accepts a cycle of exactly ten years", () => {
    expect(valuesOf("sales_cycle_months,qualification_days\n120,3652.5\n")).toStrictEqual([
      { salesCycle: [{ lagMonths: 120, share: 1 }], qualification: [{ lagMonths: 120, share: 1 }] },
    ]);
  });
});
