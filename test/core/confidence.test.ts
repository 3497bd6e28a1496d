import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { betaBinomialAtLeast, binomialAtLeast, smallestVolumeBetaBinomial } from "../../src/core/confidence-binomial.js";
import { BinomialTable, RandomStream, binomialInverse } from "../../src/core/confidence-random.js";
import { type ConfidenceSegment, type ConfidenceStage, planConfidence } from "../../src/core/confidence.js";
import { lagFromMonths } from "../../src/core/lag.js";

/** The worked example on a three-month axis: inquiries and qualified leads in month 0, quota in month 2. */
function workedExample(overrides: { dealValue?: ConfidenceSegment["dealValue"]; close?: Partial<ConfidenceStage> } = {}): ConfidenceSegment {
  return {
    stages: [
      { name: "qualifiedLeads", conversionRate: 0.2, lag: lagFromMonths(2), volumes: [400 / 3, 0, 0], ...overrides.close },
      { name: "inquiries", conversionRate: 0.1, lag: lagFromMonths(0), volumes: [4000 / 3, 0, 0] },
    ],
    dealValue: overrides.dealValue ?? { kind: "fixed", value: 75_000 },
    quota: [0, 0, 2_000_000],
  };
}
const MARCH = [{ label: "2027-Q1", months: [2] }];

/** A probability estimated from `trials` trials lies within 3 standard errors of the truth. */
function withinThreeStandardErrors(estimate: number, truth: number, trials: number): void {
  expect(Math.abs(estimate - truth)).toBeLessThanOrEqual(3 * Math.sqrt((truth * (1 - truth)) / trials));
}

describe("planConfidence, exact path", () => {
  it.each([
    { level: 0.9, qualified: 166, inquiries: 1688 },
    { level: 0.75, qualified: 150, inquiries: 1513 },
  ])("plans the worked example at $level: $qualified qualified leads, $inquiries inquiries", ({ level, qualified, inquiries }) => {
    const plan = planConfidence([workedExample()], MARCH, { level, trials: 10_000, seed: 1 });
    expect(plan.method).toBe("exact");
    const [close, top] = plan.periods[0]?.stages ?? [];
    expect(close).toMatchObject({ name: "qualifiedLeads", dealsNeeded: 27, averageWhole: 134, confidenceVolume: qualified });
    expect(top).toMatchObject({ name: "inquiries", dealsNeeded: 27, averageWhole: 1334, confidenceVolume: inquiries });
    expect(top?.probabilityAtAverage).toBeCloseTo(0.5015, 4);
  });

  it("spreads nothing when a spread lag lands wholly in the period: still exact", () => {
    const segment = workedExample({ close: { lag: lagFromMonths(1.5), volumes: [400 / 3, 0, 0, 0] } });
    const plan = planConfidence([{ ...segment, quota: [0, 1_000_000, 1_000_000] }], [{ label: "Q", months: [1, 2] }], { level: 0.9, trials: 100, seed: 1 });
    expect(plan.periods[0]?.stages[0]).toMatchObject({ method: "exact", confidenceVolume: 166 });
  });

  it("works over any number of stages, matched by name", () => {
    const five: ConfidenceSegment = {
      stages: [
        { name: "sql", conversionRate: 0.5, lag: lagFromMonths(1), volumes: [0, 0, 60, 0] },
        { name: "sal", conversionRate: 0.5, lag: lagFromMonths(1), volumes: [0, 120, 0, 0] },
        { name: "inquiries", conversionRate: 0.5, lag: lagFromMonths(1), volumes: [240, 0, 0, 0] },
      ],
      dealValue: { kind: "fixed", value: 1 },
      quota: [0, 0, 0, 30],
    };
    const plan = planConfidence([five], [{ label: "Q", months: [3] }], { level: 0.9, trials: 100, seed: 1 });
    expect(plan.periods[0]?.stages.map((stage) => [stage.name, stage.confidenceVolume])).toEqual([
      ["sql", smallest(0.5, 30)],
      ["sal", smallest(0.25, 30)],
      ["inquiries", smallest(0.125, 30)],
    ]);
  });
});

function smallest(p: number, k: number): number {
  let n = k;
  while (binomialAtLeast(n, p, k) < 0.9) n++;
  return n;
}

describe("planConfidence, simulation against the exact path", () => {
  // A resampled deal value of one amount is the fixed value, but forces the simulation.
  const simulated = workedExample({ dealValue: { kind: "resampled", amounts: [75_000] } });
  const trials = 10_000;
  const plan = planConfidence([simulated], MARCH, { level: 0.9, trials, seed: 42 });
  const [close, top] = plan.periods[0]?.stages ?? [];

  it("estimates the average plan's chance within 3 standard errors", () => {
    expect(plan.method).toBe("simulation");
    withinThreeStandardErrors(close?.probabilityAtAverage ?? -1, binomialAtLeast(134, 0.2, 27), trials);
    withinThreeStandardErrors(top?.probabilityAtAverage ?? -1, binomialAtLeast(1334, 0.02, 27), trials);
  });

  it("finds volumes whose exact chance is within 3 standard errors of the level", () => {
    withinThreeStandardErrors(binomialAtLeast(close?.confidenceVolume ?? 0, 0.2, 27), 0.9, trials);
    withinThreeStandardErrors(binomialAtLeast(top?.confidenceVolume ?? 0, 0.02, 27), 0.9, trials);
  });

  it("matches the Beta-binomial with an uncertain close rate (20 won of 100: Beta(21, 81))", () => {
    const uncertain = workedExample({ close: { uncertainty: { alpha: 21, beta: 81 } } });
    const result = planConfidence([uncertain], MARCH, { level: 0.9, trials, seed: 7 }).periods[0]?.stages[0];
    expect(result?.method).toBe("simulation");
    withinThreeStandardErrors(result?.probabilityAtAverage ?? -1, betaBinomialAtLeast(134, 21, 81, 27), trials);
    withinThreeStandardErrors(betaBinomialAtLeast(result?.confidenceVolume ?? 0, 21, 81, 27), 0.9, trials);
    const exact = smallestVolumeBetaBinomial(21, 81, 27, 0.9) ?? 0;
    expect(Math.abs((result?.confidenceVolume ?? 0) - exact)).toBeLessThanOrEqual(6);
  });

  it("gives identical output for the same inputs and seed, and different draws for another seed", () => {
    const uncertain = workedExample({ close: { uncertainty: { alpha: 21, beta: 81 } }, dealValue: { kind: "resampled", amounts: [50_000, 75_000, 100_000] } });
    const run = (seed: number) => JSON.stringify(planConfidence([uncertain], MARCH, { level: 0.9, trials: 2_000, seed }));
    expect(run(3)).toBe(run(3));
    expect(run(3)).not.toBe(run(4));
  });

  it("never needs fewer leads for a higher level (common random numbers keep the estimate monotone)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0.3, max: 0.95, noNaN: true }), (seed, level) => {
        const at = (l: number) => planConfidence([simulated], MARCH, { level: l, trials: 500, seed }).periods[0]?.stages[1]?.confidenceVolume ?? 0;
        expect(at(Math.min(0.97, level + 0.02))).toBeGreaterThanOrEqual(at(level));
      }),
      { numRuns: 8 },
    );
  });
});

describe("sampling", () => {
  it("inverts the binomial exactly: the drawn x has F(x) ≥ u > F(x − 1)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), (n, p, u) => {
        // Both samplers, within the floating-point error of the distribution function (1e-7 absolute).
        for (const x of [binomialInverse(n, p, u), new BinomialTable(n, p).draw(u)]) {
          expect(1 - binomialAtLeast(n, p, x + 1)).toBeGreaterThanOrEqual(u - 1e-7);
          expect(1 - binomialAtLeast(n, p, x)).toBeLessThan(u + 1e-7);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("draws Beta variables with the right mean and variance (Marsaglia–Tsang gammas)", () => {
    const stream = new RandomStream(9);
    const draws = Array.from({ length: 20_000 }, () => stream.beta(21, 81));
    const mean = draws.reduce((sum, x) => sum + x, 0) / draws.length;
    const variance = draws.reduce((sum, x) => sum + (x - mean) ** 2, 0) / draws.length;
    const trueMean = 21 / 102;
    const trueVariance = (21 * 81) / (102 * 102 * 103);
    expect(Math.abs(mean - trueMean)).toBeLessThan(4 * Math.sqrt(trueVariance / draws.length));
    expect(variance / trueVariance).toBeGreaterThan(0.95);
    expect(variance / trueVariance).toBeLessThan(1.05);
  });

  it("repeats a stream for the same keys", () => {
    const a = new RandomStream(1, 2, 3);
    const b = new RandomStream(1, 2, 3);
    const c = new RandomStream(1, 2, 4);
    const first = [a.uniform(), a.uniform()];
    expect([b.uniform(), b.uniform()]).toEqual(first);
    expect(c.uniform()).not.toBe(first[0]);
  });
});
