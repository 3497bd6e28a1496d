import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  betaBinomialAtLeast,
  binomialAtLeast,
  binomialQuantile,
  logGamma,
  smallestVolumeAtLeast,
  smallestVolumeBetaBinomial,
} from "../../src/core/confidence-binomial.js";

/** P(Bin(n, p) ≥ k) by summing the mass function in plain arithmetic (small n only). */
function naiveAtLeast(n: number, p: number, k: number): number {
  let pmf = Math.pow(1 - p, n);
  let below = 0;
  for (let x = 0; x < k; x++) {
    below += pmf;
    pmf *= ((n - x) * p) / ((x + 1) * (1 - p));
  }
  return 1 - below;
}

describe("the worked example: $2,000,000 at $75,000 deals, 20% close, 10% qualification (27 deals)", () => {
  it("gives the average plan's 1,334 inquiries 27 deals or more with probability 50.2%", () => {
    expect(binomialAtLeast(1334, 0.02, 27)).toBeCloseTo(0.5015, 4);
  });

  it.each([
    { level: 0.9, rate: 0.02, volume: 1688 }, // inquiries at 90%: +26.5% over 1,334
    { level: 0.75, rate: 0.02, volume: 1513 },
    { level: 0.5, rate: 0.02, volume: 1334 },
    { level: 0.9, rate: 0.2, volume: 166 }, // qualified leads handed to sales
    { level: 0.5, rate: 0.2, volume: 134 },
  ])("needs $volume leads at rate $rate for level $level", ({ level, rate, volume }) => {
    expect(smallestVolumeAtLeast(rate, 27, level)).toBe(volume);
    expect(binomialAtLeast(volume, rate, 27)).toBeGreaterThanOrEqual(level);
    expect(binomialAtLeast(volume - 1, rate, 27)).toBeLessThan(level);
  });
});

describe("binomial tails", () => {
  it("log-gamma matches factorials", () => {
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });

  // The naive sum itself loses digits as p nears 1 (q^n underflows, the ratio blows up): kept at p ≤ 0.9 and n ≤ 250.
  it("agree with summing the mass function", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 250 }), fc.double({ min: 0.001, max: 0.9, noNaN: true }), fc.integer({ min: 0, max: 250 }), (n, p, k) => {
        expect(binomialAtLeast(n, p, k)).toBeCloseTo(naiveAtLeast(n, p, Math.min(k, n + 1)), 7);
      }),
    );
  });

  it("stay finite and ordered at a million leads", () => {
    const below = binomialAtLeast(1_000_000, 0.3, 301_000);
    const above = binomialAtLeast(1_000_000, 0.3, 299_000);
    expect(below).toBeGreaterThan(0);
    expect(above).toBeLessThan(1);
    expect(above).toBeGreaterThan(below);
    // 1,000 deals below the mean is 2.18 standard deviations: the normal gives 0.9854.
    expect(above).toBeCloseTo(0.9854, 3);
  });

  it("give quantiles consistent with the tails", () => {
    const median = binomialQuantile(1334, 0.02, 0.5);
    expect(1 - binomialAtLeast(1334, 0.02, median + 1)).toBeGreaterThanOrEqual(0.5);
    expect(1 - binomialAtLeast(1334, 0.02, median)).toBeLessThan(0.5);
  });
});

describe("smallest volumes", () => {
  it("never need fewer leads for a higher level, nor for more deals", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.9, noNaN: true }),
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0.05, max: 0.98, noNaN: true }),
        fc.double({ min: 0.05, max: 0.98, noNaN: true }),
        (p, k, a, b) => {
          const [low, high] = a < b ? [a, b] : [b, a];
          expect(smallestVolumeAtLeast(p, k, high)).toBeGreaterThanOrEqual(smallestVolumeAtLeast(p, k, low) ?? 0);
          expect(smallestVolumeAtLeast(p, k + 1, low)).toBeGreaterThan(smallestVolumeAtLeast(p, k, low) ?? 0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("doubling the deals needs less than double the leads above the median (the spread grows as √n)", () => {
    const single = smallestVolumeAtLeast(0.02, 27, 0.9) ?? 0;
    const double = smallestVolumeAtLeast(0.02, 54, 0.9) ?? 0;
    expect(double).toBeLessThan(2 * single);
    expect(double).toBeGreaterThan(2 * 1334);
  });

  it("is out of reach at a zero rate", () => {
    expect(smallestVolumeAtLeast(0, 5, 0.9)).toBeNull();
  });
});

describe("Beta-binomial", () => {
  it("is uniform under a flat prior: P(X ≥ k) = (n + 1 − k) / (n + 1)", () => {
    expect(betaBinomialAtLeast(100, 1, 1, 50)).toBeCloseTo(51 / 101, 12);
  });

  it("needs more leads than the binomial at the posterior mean above the median", () => {
    // 20 won of 100 qualified: Beta(21, 81), mean 0.206.
    const uncertain = smallestVolumeBetaBinomial(21, 81, 27, 0.9) ?? 0;
    const known = smallestVolumeAtLeast(21 / 102, 27, 0.9) ?? 0;
    expect(uncertain).toBeGreaterThan(known);
    expect(betaBinomialAtLeast(uncertain, 21, 81, 27)).toBeGreaterThanOrEqual(0.9);
    expect(betaBinomialAtLeast(uncertain - 1, 21, 81, 27)).toBeLessThan(0.9);
  });

  it("tends to the binomial as the history grows", () => {
    expect(betaBinomialAtLeast(166, 200_001, 800_001, 27)).toBeCloseTo(binomialAtLeast(166, 0.2, 27), 3);
  });
});
