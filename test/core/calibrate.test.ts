import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type LeadFacts, HistoryAccumulator } from "../../src/core/calibrate-accumulator.js";
import { calibratedAssumptions } from "../../src/core/calibrate-assumptions.js";
import { baselineOf } from "../../src/core/calibrate-baseline.js";
import { civilDate, dayNumber, formatDay, lastDayOfMonth, monthOfDay } from "../../src/core/calibrate-days.js";
import { distributionOf, foldTail, percentileDays, roundShares } from "../../src/core/calibrate-lags.js";
import { calibrate } from "../../src/core/calibrate.js";
import { monthIndex } from "../../src/core/month.js";

describe("day numbers", () => {
  it.each([
    [1970, 1, 1, 0],
    [2000, 2, 29, 11016],
    [2026, 3, 14, 20526],
    [1969, 12, 31, -1],
  ])("%i-%i-%i is day %i", (year, month, day, number) => {
    expect(dayNumber(year, month, day)).toBe(number);
    expect(civilDate(number)).toStrictEqual({ year, month, day });
  });

  it("round-trips every date from 1900 to 2199 and agrees with the calendar of UTC dates", () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber(1900, 1, 1), max: dayNumber(2199, 12, 31) }), (day) => {
        const { year, month, day: dayOfMonth } = civilDate(day);
        expect(dayNumber(year, month, dayOfMonth)).toBe(day);
        expect(monthOfDay(day)).toBe(monthIndex(year, month));
        // Date.UTC is used only here, as an independent check: the code under test uses no Date.
        expect(formatDay(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
      }),
    );
  });

  it("knows the last day of each month, leap years included", () => {
    expect(formatDay(lastDayOfMonth(monthIndex(2024, 2)))).toBe("2024-02-29");
    expect(formatDay(lastDayOfMonth(monthIndex(2100, 2)))).toBe("2100-02-28");
    expect(formatDay(lastDayOfMonth(monthIndex(2026, 12)))).toBe("2026-12-31");
  });
});

describe("lag helpers", () => {
  it.each([
    [[0, 5, 3, 2], 0.95, 3],
    [[0, 5, 3, 2], 0.5, 1],
    [[4, 4], 0.5, 0],
    [[0, 0, 0], 0.95, null],
  ])("percentile of %j at %f is %s days", (counts, fraction, expected) => {
    expect(percentileDays(counts, fraction)).toBe(expected);
  });

  it("turns month-lag counts into shares", () => {
    expect(distributionOf([2, 6, 2])).toStrictEqual([
      { lagMonths: 0, share: 0.2 },
      { lagMonths: 1, share: 0.6 },
      { lagMonths: 2, share: 0.2 },
    ]);
    expect(distributionOf([0, 0])).toBeNull();
  });

  it("folds a thin tail into the lag by which the kept share has arrived", () => {
    const folded = foldTail(
      [
        { lagMonths: 0, share: 0.6 },
        { lagMonths: 1, share: 0.398 },
        { lagMonths: 9, share: 0.002 },
      ],
      0.995,
    );
    expect(folded.map((entry) => entry.lagMonths)).toStrictEqual([0, 1]);
    expect(folded[1]?.share).toBeCloseTo(0.4, 12);
  });

  it("rounds shares so that they still sum to exactly 1", () => {
    expect(roundShares([1 / 3, 1 / 3, 1 / 3], 2)).toStrictEqual([0.34, 0.33, 0.33]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 30 }), (weights) => {
        const total = weights.reduce((sum, weight) => sum + weight, 0);
        const rounded = roundShares(weights.map((weight) => weight / total), 6);
        const micros = rounded.reduce((sum, share) => sum + Math.round(share * 1e6), 0);
        expect(micros).toBe(1_000_000);
      }),
    );
  });
});

/** A lead as the readers give it, from ISO dates. */
function lead(created: string, qualified: string | null, closed: string | null, outcome: LeadFacts["outcome"], extra: Partial<LeadFacts> = {}): LeadFacts {
  const day = (text: string) => {
    const [year = 0, month = 0, dayOfMonth = 0] = text.split("-").map(Number);
    return { day: dayNumber(year, month, dayOfMonth), month: monthIndex(year, month) };
  };
  const c = day(created);
  const q = qualified === null ? null : day(qualified);
  const d = closed === null ? null : day(closed);
  return {
    created: c.day,
    createdMonth: c.month,
    qualified: q?.day ?? null,
    qualifiedMonth: q?.month ?? 0,
    closed: d?.day ?? null,
    closedMonth: d?.month ?? 0,
    outcome,
    amount: outcome === "won" ? 1000 : null,
    cost: 10,
    product: 0,
    rep: 0,
    source: 0,
    stageDays: new Float64Array(0),
    stageMonths: new Int32Array(0),
    ...extra,
  };
}

const names = { products: ["Widgets"], sources: ["Web"], reps: ["Ana"] };

describe("calibrate on hand-worked leads", () => {
  // Four months of two inquiries each; every lead qualifies in 10 days; January's and February's
  // qualified leads are resolved (one won in 40 days each), April's are still open.
  const history = new HistoryAccumulator({ byRep: false });
  for (const [created, qualified, closed, outcome] of [
    ["2026-01-05", "2026-01-15", "2026-02-24", "won"],
    ["2026-01-10", "2026-01-20", "2026-02-10", "lost"],
    ["2026-02-05", "2026-02-15", "2026-03-27", "won"],
    ["2026-02-10", null, "2026-02-20", "lost"],
    ["2026-03-02", "2026-03-12", "2026-04-21", "won"],
    ["2026-03-05", null, null, "open"],
    ["2026-04-01", "2026-04-11", null, "open"],
    ["2026-04-02", "2026-04-12", null, "open"],
  ] as const) {
    history.addLead(lead(created, qualified, closed, outcome));
  }
  const calibration = calibrate(history, names, { asOf: dayNumber(2026, 4, 30), shape: "leads" });
  const all = calibration.scopes[0];

  it("counts only cohorts old enough for 95% of the observed lags", () => {
    // Qualification takes 10 days: months ending by 2026-04-20 count (January to March), 6 inquiries, 4 qualified.
    expect(all?.windows).toStrictEqual({ qualification: 10, cycle: 40 });
    expect(all?.cohortInquiries).toBe(6);
    expect(all?.qualifyRate).toBeCloseTo(4 / 6, 12);
    // Won cycles take 40 days: qualified cohorts of months ending by 2026-03-21 count (January, February): 3 leads, 2 won.
    expect(all?.cohortQualified).toBe(3);
    expect(all?.closeRate).toBeCloseTo(2 / 3, 12);
    expect(all?.meanCycleDays).toBe(40);
    expect(all?.salesCycle).toStrictEqual([{ lagMonths: 1, share: 1 }]);
  });

  it("works out costs from the rates, as compute budgets them", () => {
    expect(all?.costPerInquiry).toBe(10);
    expect(all?.costPerQualifiedLead).toBeCloseTo(10 / (4 / 6), 9);
    expect(all?.costPerWonDeal).toBeCloseTo(10 / (4 / 6) / (2 / 3), 9);
  });

  it("leaves thin product values to the default row", () => {
    const assumptions = calibratedAssumptions(calibration, 30);
    expect(assumptions.rows.map((row) => [row.rep, row.product])).toStrictEqual([["", ""]]);
    expect(assumptions.thin[0]).toStrictEqual({ rep: "", product: "Widgets", names: ["qualifyRate", "costPerInquiry"], sample: { of: "inquiries", count: 6 } });
    expect(calibratedAssumptions(calibration, 3).rows.map((row) => row.product)).toStrictEqual(["", "Widgets"]);
  });

  it("ends the baseline with the last complete month and indexes the seasons", () => {
    const baseline = baselineOf(history.all, history.firstMonth, dayNumber(2026, 4, 29));
    expect(baseline.months.map((month) => month.inquiries)).toStrictEqual([2, 2, 2]);
    expect(baseline.seasonality.filter((index) => index !== null)).toStrictEqual([1, 1, 1]);
  });

  it("says when no cohort is old enough, and counts them all", () => {
    const young = calibrate(history, names, { asOf: dayNumber(2026, 2, 1), shape: "leads" });
    expect(young.immature).toBe(true);
  });
});
