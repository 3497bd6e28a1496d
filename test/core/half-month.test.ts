import { describe, expect, it } from "vitest";
import { dayNumber } from "../../src/core/calibrate-days.js";
import { formatHalf, halfIndex, halfOfDay, halfWorkingDays, isWorkingDay, splitFigure, splitWhole } from "../../src/core/half-month.js";
import { computePlan } from "../../src/core/plan.js";
import { type ActualEntry, type Actuals, monthShare, selectActuals, trackCheckpoints } from "../../src/core/track.js";
import { NO_SURGE, assumptions, month, quota, segment } from "./helpers.js";

describe("half-months", () => {
  it("January 2027 has 11 working days in 1-15 and 10 in 16-31", () => {
    expect(halfWorkingDays(month("2027-01"))).toEqual([11, 10]);
  });
  it("a month planned at 210 inquiries in January 2027 plans 110 in H1 and 100 in H2", () => {
    expect(splitWhole(210, halfWorkingDays(month("2027-01")))).toEqual([110, 100]);
  });
  it.each([
    [80, [11, 10], [42, 38]],
    [10, [1, 1, 1], [4, 3, 3]],
    [1, [10, 11], [0, 1]],
    [0, [11, 10], [0, 0]],
    [7, [0, 0], [7, 0]],
  ])("splits %d by %j into whole parts that add up: %j", (total, weights, parts) => {
    expect(splitWhole(total, weights)).toEqual(parts);
    expect(parts.reduce((all, part) => all + part, 0)).toBe(total);
  });
  it("splits money in whole cents that add up to the month's", () => {
    expect(splitFigure(100_000.01, [11, 10], true)).toEqual([52_380.96, 47_619.05]);
  });
  it.each([
    ["2027-01-01", true], // Friday
    ["2027-01-02", false], // Saturday
    ["2027-01-03", false], // Sunday
    ["2027-01-04", true], // Monday
  ])("%s is a working day: %s", (text, working) => {
    const [year, monthOfYear, day] = text.split("-").map(Number) as [number, number, number];
    expect(isWorkingDay(dayNumber(year, monthOfYear, day))).toBe(working);
  });
  it("puts the 15th in H1 and the 16th and the 31st in H2", () => {
    expect(formatHalf(halfOfDay(dayNumber(2027, 1, 15)))).toBe("2027-01-H1");
    expect(formatHalf(halfOfDay(dayNumber(2027, 1, 16)))).toBe("2027-01-H2");
    expect(formatHalf(halfOfDay(dayNumber(2027, 1, 31)))).toBe("2027-01-H2");
    expect(formatHalf(halfOfDay(dayNumber(2028, 2, 29)))).toBe("2028-02-H2");
  });
});

// 80 inquiries generated in each of January to March 2027 ($100,000 due a month later).
const plan = computePlan([segment("", "", assumptions(), [quota("2027-02", 100_000), quota("2027-03", 100_000), quota("2027-04", 100_000)])], NO_SURGE);
const actualsOf = (entries: ActualEntry[]): Actuals => ({ byRep: false, byProduct: false, measures: ["inquiries"], entries });
const halfEntry = (at: string, half: 1 | 2, inquiries: number): ActualEntry => ({ month: month(at), half: halfIndex(month(at), half), rep: "", product: "", values: { inquiries } });

function halves(entries: ActualEntry[], asOf: string, asOfDay?: number) {
  const selected = selectActuals(plan, actualsOf(entries), month(asOf), asOfDay === undefined ? { every: "half-month" } : { every: "half-month", asOfDay });
  if (selected.period === null) throw new Error("nothing selected");
  return { selected, checkpoints: trackCheckpoints(plan, { ...selected, period: selected.period }, ["inquiries"], "month", 0.1) };
}

describe("checkpoints every half-month", () => {
  it("keys rows 2027-01-H1 and plans each half by its working days", () => {
    const { checkpoints } = halves([halfEntry("2027-01", 1, 42), halfEntry("2027-01", 2, 32)], "2027-01");
    expect(checkpoints.rows.map((row) => [row.key.period, row.checks[0]?.plan, row.checks[0]?.actual, row.status])).toEqual([
      ["2027-01-H1", 42, 42, "on-track"],
      ["2027-01-H2", 38, 32, "behind"],
    ]);
    expect(checkpoints.cumulative.checks[0]?.plan).toBe(80);
  });
  it("compares the half holding an as-of day pro rata by its working days elapsed", () => {
    // 2027-01-20 is a Wednesday: H2 starts on Saturday the 16th, so 18-20 are 3 of its 10 working days.
    const day = dayNumber(2027, 1, 20);
    const { selected, checkpoints } = halves([halfEntry("2027-01", 1, 42), { ...halfEntry("2027-01", 2, 0), day: dayNumber(2027, 1, 25), half: halfIndex(month("2027-01"), 2) }], "2027-01", day);
    expect(selected.period?.cut?.elapsed).toEqual({ days: 3, of: 10 });
    expect(selected.leftOut).toEqual([{ index: 1, reason: "after-as-of" }]);
    // 38 planned in H2 × 3/10 = 11.4: 11 to date.
    expect(checkpoints.rows.map((row) => [row.key.period, row.checks[0]?.plan])).toEqual([
      ["2027-01-H1", 42],
      ["2027-01-H2", 11],
    ]);
    expect(monthShare(selected.period ?? { first: 0, last: 0 }, month("2027-01"))).toBeCloseTo(14 / 21, 12);
  });
  it("starts at the first half a row reports, and says which halves have no row", () => {
    const { selected, checkpoints } = halves([halfEntry("2027-01", 2, 38), halfEntry("2027-02", 2, 40)], "2027-02");
    expect(checkpoints.rows.map((row) => row.key.period)).toEqual(["2027-01-H2", "2027-02-H1", "2027-02-H2"]);
    expect(selected.halvesWithoutRows).toEqual([halfIndex(month("2027-02"), 1)]);
  });
});
