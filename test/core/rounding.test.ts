import { describe, expect, it } from "vitest";
import { roundCents, wholeUp } from "../../src/core/rounding.js";

describe("wholeUp", () => {
  it.each([
    { case: "zero", exact: 0, whole: 0 },
    { case: "a fifth of a lead", exact: 0.2, whole: 1 },
    { case: "a whole lead", exact: 1, whole: 1 },
    { case: "a ten-millionth over a whole", exact: 1.0000001, whole: 2 },
    { case: "26.67 deals", exact: 2_000_000 / 75_000, whole: 27 },
    { case: "133.3 qualified leads", exact: 2_000_000 / 75_000 / 0.2, whole: 134 },
    { case: "21 deals at 70%", exact: 21 / 0.7, whole: 30 }, // 30.000000000000004
    { case: "then at 30% qualification", exact: 21 / 0.7 / 0.3, whole: 100 }, // 100.00000000000001
    { case: "0.1 + 0.2", exact: 0.1 + 0.2, whole: 1 },
    { case: "3 × 1.1", exact: 3 * 1.1, whole: 4 }, // 3.3000000000000003: a real fraction, not noise
    { case: "noise over zero", exact: 1e-12, whole: 0 },
    { case: "two hundred-millionths over 2", exact: 2 + 2e-8, whole: 3 },
    { case: "a large whole count with noise", exact: 1_000_000 * (1 + 1e-15), whole: 1_000_000 },
  ])("rounds $case ($exact) up to $whole", ({ exact, whole }) => {
    expect(wholeUp(exact)).toBe(whole);
  });
});

describe("roundCents", () => {
  it.each([
    { amount: 0, cents: 0 },
    { amount: 66_700, cents: 66_700 },
    { amount: 66_700 / 27, cents: 2470.37 }, // 2470.370370…
    { amount: 66_700 / 134, cents: 497.76 }, // 497.761194…
    { amount: 1.005, cents: 1.01 }, // stored as 1.00499999999999989
    { amount: 0.285, cents: 0.29 }, // stored as 0.28499999999999998
    { amount: -1.005, cents: -1.01 }, // half away from zero
    { amount: 14 * 0.335, cents: 4.69 },
    { amount: 1_234_567.891, cents: 1_234_567.89 },
    { amount: 4_999_999, cents: 4_999_999 },
  ])("rounds $amount to $cents", ({ amount, cents }) => {
    expect(roundCents(amount)).toBe(cents);
  });

  // A noise allowance relative to the amount would reach half a cent from $5,000,000 up and add a
  // cent to exact amounts; the allowance must stay fixed.
  it.each([{ amount: 5_000_000 }, { amount: 8_000_000 }, { amount: 4_999_999.99 }, { amount: 12_345_678.9 }, { amount: 987_654_321.01 }])(
    "keeps an exact amount of $amount unchanged", ({ amount }) => {
    expect(roundCents(amount)).toBe(amount);
  });
});
