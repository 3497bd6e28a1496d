import { describe, expect, it } from "vitest";
import { tooLargeFigure } from "../../src/cli/result-size.js";

describe("result size: the first figure past 2^53 anywhere in a result is found, with where it is", () => {
  it.each([
    [{ totals: { budget: 2 ** 53 / 100 } }, undefined],
    [{ totals: { budget: 2 ** 53 / 100 + 1 } }, { path: "totals.budget", value: 2 ** 53 / 100 + 1 }],
    [{ rows: [{ inquiries: 1 }, { inquiries: Number.POSITIVE_INFINITY }] }, { path: "rows.inquiries", value: Number.POSITIVE_INFINITY }],
    [{ series: [1, 2, -1e300] }, { path: "series", value: -1e300 }],
    [{ names: ["a", null], when: new Map([["x", 1e300]]) }, undefined],
  ])("%j", (result, found) => {
    expect(tooLargeFigure(result)).toStrictEqual(found);
  });

  it("walks a million rows without a stack as long as the rows", () => {
    const rows = Array.from({ length: 1_000_000 }, (_, at) => ({ at, nested: { figure: at } }));
    rows.push({ at: 0, nested: { figure: 1e17 } });
    expect(tooLargeFigure({ rows })).toStrictEqual({ path: "rows.nested.figure", value: 1e17 });
  });

  it("calls a figure that is not a number a bug, not bad input", () => {
    expect(() => tooLargeFigure({ rate: Number.NaN })).toThrow(new Error("a figure is not a number"));
  });
});
