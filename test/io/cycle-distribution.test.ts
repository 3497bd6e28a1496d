import { describe, expect, it } from "vitest";
import { readCycles } from "../../src/io/cycles.js";
import { issueOf } from "./issue-of.js";

const read = (content: string) => readCycles(content, "cycles.csv");

describe("readCycles: the distribution form", () => {
  it("reads lag shares by scope and stage, the default stage being the sales cycle", () => {
    const file = read(
      "rep,product,stage,lag_months,share\n,,sales_cycle,1,0.25\n,,sales_cycle,2,0.75\n,,qualification,0,1\n,Services,,0,40%\n,Services,,1,60%\n",
    );
    expect(file.rows).toStrictEqual([
      {
        rep: "",
        product: "",
        values: {
          salesCycle: [
            { lagMonths: 1, share: 0.25 },
            { lagMonths: 2, share: 0.75 },
          ],
          qualification: [{ lagMonths: 0, share: 1 }],
        },
        file: "cycles.csv",
        line: 2,
      },
      {
        rep: "",
        product: "Services",
        values: {
          salesCycle: [
            { lagMonths: 0, share: 0.4 },
            { lagMonths: 1, share: 0.6 },
          ],
        },
        file: "cycles.csv",
        line: 5,
      },
    ]);
    expect(file.warnings).toStrictEqual([]);
  });

  it("accepts shares that miss 1 by rounding and rescales them to exactly 1", () => {
    const lag = read("lag_months,share\n0,0.333\n1,0.333\n2,0.333\n").rows[0]?.values.salesCycle ?? [];
    expect(lag.reduce((sum, entry) => sum + entry.share, 0)).toBeCloseTo(1, 12);
  });

  it("sorts lags and drops lags with no share", () => {
    expect(read("lag_months,share\n3,0.5\n0,0\n1,0.5\n").rows[0]?.values.salesCycle).toStrictEqual([
      { lagMonths: 1, share: 0.5 },
      { lagMonths: 3, share: 0.5 },
    ]);
  });

  it("leaves the other form as it was", () => {
    expect(read("sales_cycle_days\n30.4375\n").rows[0]?.values).toStrictEqual({ salesCycle: [{ lagMonths: 1, share: 1 }] });
  });
});

describe("readCycles: distribution form errors", () => {
  it.each([
    ["shares that do not sum to 1", "product,lag_months,share\nWidgets,1,0.5\nWidgets,2,0.45\n", "value.invalid", 'cycles.csv:2: share: expected the shares of product "Widgets", sales_cycle to sum to 1, found "0.95"'],
    ["a share above 1", "lag_months,share\n1,1.5\n", "value.invalid", 'cycles.csv:2: share: expected a share from 0 to 1, like 0.25 or 25%, found "1.5"'],
    ["a fractional lag", "lag_months,share\n1.5,1\n", "value.invalid", 'cycles.csv:2: lag_months: expected a whole number of months from 0 to 120, found "1.5"'],
    ["an unknown stage", "stage,lag_months,share\nclosing,1,1\n", "value.invalid", 'cycles.csv:2: stage: expected sales_cycle, qualification, qualified_to_won, inquiry_to_qualified or empty, found "closing"'],
    ["a lag given twice", "lag_months,share\n1,0.5\n1,0.5\n", "row.duplicate", "cycles.csv:3: a second row for the default row, sales_cycle, lag_months 1: expected one row per scope, stage and lag (first on line 2)"],
    ["no share column", "lag_months\n1\n", "column.missing", "cycles.csv:1: missing column: expected share beside lag_months (found lag_months)"],
    ["both forms at once", "lag_months,share,sales_cycle_days\n1,1,30\n", "column.conflict", "cycles.csv:1: sales_cycle_days: a column of the other cycle form: expected either lag_months,share rows or sales_cycle_days columns, not both"],
    ["no rows", "lag_months,share\n", "file.empty", "cycles.csv:2: no rows: expected at least one row after the header"],
  ])("%s", (_, content, code, message) => {
    expect(issueOf(() => read(content))).toStrictEqual({ code, message });
  });
});
