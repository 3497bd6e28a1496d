import { describe, expect, it } from "vitest";
import { DAYS_PER_MONTH, type LagDistribution, lagFromDays, lagFromMonths, maxLag, meanLag } from "../../src/core/lag.js";

describe("lagFromMonths", () => {
  it.each<{ months: number; lag: LagDistribution }>([
    { months: 0, lag: [{ lagMonths: 0, share: 1 }] },
    { months: 2, lag: [{ lagMonths: 2, share: 1 }] },
    { months: 1.25, lag: [{ lagMonths: 1, share: 0.75 }, { lagMonths: 2, share: 0.25 }] },
    { months: 0.5, lag: [{ lagMonths: 0, share: 0.5 }, { lagMonths: 1, share: 0.5 }] },
    { months: 3.875, lag: [{ lagMonths: 3, share: 0.125 }, { lagMonths: 4, share: 0.875 }] },
    // Float noise next to a whole month is that month, not a sliver of the next.
    { months: 2 + 1e-13, lag: [{ lagMonths: 2, share: 1 }] },
    { months: 3 - 1e-13, lag: [{ lagMonths: 3, share: 1 }] },
  ])("splits $months months by nearness", ({ months, lag }) => {
    expect(lagFromMonths(months)).toEqual(lag);
  });
});

describe("lagFromDays", () => {
  it("counts 365.25 / 12 = 30.4375 days to a month", () => {
    expect(DAYS_PER_MONTH).toBe(30.4375);
  });

  it.each([
    { days: 0, lag: [[0, 1]] },
    { days: 60.875, lag: [[2, 1]] }, // exactly two months
    { days: 365.25, lag: [[12, 1]] }, // exactly a year
    { days: 45, lag: [[1, 0.521560575], [2, 0.478439425]] }, // 1.4784 months
    { days: 90, lag: [[2, 0.043121150], [3, 0.956878850]] }, // 2.9569 months
    { days: 30, lag: [[0, 0.014373717], [1, 0.985626283]] }, // 0.9856 months
  ])("places $days days as $lag", ({ days, lag }) => {
    const found = lagFromDays(days);
    expect(found.map(({ lagMonths }) => lagMonths)).toEqual(lag.map(([lagMonths]) => lagMonths));
    found.forEach(({ share }, index) => expect(share).toBeCloseTo(lag[index]?.[1] ?? Number.NaN, 9));
  });
});

describe("maxLag and meanLag", () => {
  it.each<{ lag: LagDistribution; max: number; mean: number }>([
    { lag: [{ lagMonths: 0, share: 1 }], max: 0, mean: 0 },
    { lag: lagFromMonths(1.25), max: 2, mean: 1.25 },
    { lag: [{ lagMonths: 0, share: 0.5 }, { lagMonths: 3, share: 0.5 }], max: 3, mean: 1.5 },
    { lag: [{ lagMonths: 1, share: 1 }, { lagMonths: 4, share: 0 }], max: 1, mean: 1 }, // a zero share reaches nowhere
    { lag: [], max: 0, mean: 0 },
  ])("gives a longest lag of $max and a mean of $mean months", ({ lag, max, mean }) => {
    expect(maxLag(lag)).toBe(max);
    expect(meanLag(lag)).toBeCloseTo(mean, 12);
  });

  it("keeps the mean of a day lag equal to the days in months", () => {
    expect(meanLag(lagFromDays(45))).toBeCloseTo(45 / 30.4375, 12);
  });
});
