import { describe, expect, it } from "vitest";
import { assumptionResolver } from "../../src/core/resolve.js";

const lag = [{ lagMonths: 2, share: 1 }];

describe("assumptions learned from history", () => {
  const resolve = assumptionResolver({
    overrides: {},
    scoped: [{ rep: "", product: "", values: { closeRate: 0.2, salesCycle: lag } }],
    learned: [
      { rep: "", product: "", values: { closeRate: 0.3, qualifyRate: 0.1, avgDealSize: 5000 } },
      { rep: "", product: "Widgets", values: { closeRate: 0.4, qualifyRate: 0.15 } },
    ],
    defaults: { qualifyRate: 0.5, costPerInquiry: 12, avgDealSize: 9000 },
  });

  it.each([
    ["a file's default row beats a learned product row", "Widgets", "closeRate", 0.2],
    ["a learned product row beats the learned default row", "Widgets", "qualifyRate", 0.15],
    ["the learned default row beats the config", "Gadgets", "qualifyRate", 0.1],
    ["the learned default row fills what the files lack", "Widgets", "avgDealSize", 5000],
    ["the config fills what history lacks", "Gadgets", "costPerInquiry", 12],
  ] as const)("%s", (_, product, name, value) => {
    const resolution = resolve("Ana", product, true);
    expect(resolution.ok && resolution.assumptions[name]).toBe(value);
  });
});
