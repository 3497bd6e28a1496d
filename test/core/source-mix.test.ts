import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type LeadSource, costPerWon, fixedMix, optimalMix, wonPerInquiry } from "../../src/core/source-mix.js";

const source = (name: string, costPerInquiry: number, qualifyRate: number, closeRate: number, cap: number | null, share: number | null = null): LeadSource => ({
  source: name,
  share,
  qualifyRate,
  closeRate,
  costPerInquiry,
  maxInquiriesPerMonth: cap,
});

describe("fixedMix", () => {
  it("splits the inquiries the blended rate needs by share", () => {
    // Blended qualify rate: 0.5 × 10% + 0.5 × 30% = 20%; 40 qualified ÷ 20% = 200 inquiries, 100 each.
    const mix = fixedMix([source("web", 10, 0.1, 0.2, 90, 0.5), source("show", 100, 0.3, 0.5, null, 0.5)], "2027-01", 40);
    expect(mix.inquiries).toEqual([100, 100]);
    expect(mix.budget).toBe(11_000);
    expect(mix.overCap).toEqual(["web"]);
  });
});

describe("optimalMix", () => {
  it("fills the cheapest source per won deal first, up to its cap, then the next", () => {
    // Per won deal: web $10 ÷ (10% × 20%) = $500; show $100 ÷ (30% × 50%) = $666.67.
    // 5 won deals: web's cap of 200 inquiries gives 4, the show 1 more from 6.67 inquiries.
    const mix = optimalMix([source("show", 100, 0.3, 0.5, null), source("web", 10, 0.1, 0.2, 200)], "2027-01", 5);
    expect(mix.exactInquiries[1]).toBe(200);
    expect(mix.exactInquiries[0]).toBeCloseTo(20 / 3, 9);
    expect(mix.inquiries).toEqual([7, 200]);
    expect([mix.budget, mix.shortWon]).toEqual([2_700, 0]);
  });

  it("says how many won deals the caps leave short", () => {
    const mix = optimalMix([source("web", 10, 0.1, 0.2, 100)], "2027-01", 5);
    // 100 inquiries bring 2 won deals: 3 short.
    expect(mix.shortWon).toBeCloseTo(3, 9);
  });

  // A mix is a point of a box with one covering constraint; a cheapest one is a vertex: some
  // sources at their cap, at most one in between, the rest at 0. Trying every such vertex is the
  // brute force the greedy fill must match.
  function bruteForceCost(sources: readonly LeadSource[], need: number): number | null {
    let best: number | null = null;
    const count = sources.length;
    for (let mask = 0; mask < 1 << count; mask++) {
      for (let partial = -1; partial < count; partial++) {
        if (partial >= 0 && mask & (1 << partial)) continue;
        let won = 0;
        let cost = 0;
        sources.forEach((candidate, index) => {
          if (mask & (1 << index)) {
            won += (candidate.maxInquiriesPerMonth ?? 0) * wonPerInquiry(candidate);
            cost += (candidate.maxInquiriesPerMonth ?? 0) * candidate.costPerInquiry;
          }
        });
        if (partial >= 0) {
          const candidate = sources[partial] as LeadSource;
          const inquiries = Math.max(0, need - won) / wonPerInquiry(candidate);
          if (inquiries > (candidate.maxInquiriesPerMonth ?? 0) + 1e-9) continue;
          won += inquiries * wonPerInquiry(candidate);
          cost += inquiries * candidate.costPerInquiry;
        }
        if (won + 1e-9 >= need && (best === null || cost < best)) best = cost;
      }
    }
    return best;
  }

  it("costs what the cheapest mix found by brute force costs", () => {
    const sourceArb = fc.record({
      cost: fc.integer({ min: 1, max: 200 }),
      qualify: fc.integer({ min: 1, max: 100 }),
      close: fc.integer({ min: 1, max: 100 }),
      cap: fc.integer({ min: 0, max: 500 }),
    });
    fc.assert(
      fc.property(fc.array(sourceArb, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 60 }), (drawn, need) => {
        const sources = drawn.map((entry, index) => source(`s${index}`, entry.cost, entry.qualify / 100, entry.close / 100, entry.cap));
        const mix = optimalMix(sources, "2027-01", need);
        const greedyCost = mix.exactInquiries.reduce((total, inquiries, index) => total + inquiries * (sources[index]?.costPerInquiry ?? 0), 0);
        const best = bruteForceCost(sources, need);
        if (best === null) {
          expect(mix.shortWon).toBeGreaterThan(0);
        } else {
          expect(mix.shortWon).toBe(0);
          expect(greedyCost).toBeCloseTo(best, 6);
        }
      }),
      { seed: 2027, numRuns: 300 },
    );
  });

  it("orders sources by cost per won deal", () => {
    expect(costPerWon(source("web", 10, 0.1, 0.2, null))).toBeCloseTo(500, 9);
  });
});

describe("a source that never closed a deal", () => {
  it("is never bought by the optimiser, and costs nothing to skip", () => {
    const mix = optimalMix([source("cold", 0, 0.5, 0, null), source("web", 10, 0.1, 0.2, null)], "2027-01", 1);
    // 1 won deal from web: 1 ÷ (10% × 20%) = 50 inquiries × $10.
    expect([mix.inquiries, mix.budget, costPerWon(source("cold", 0, 0.5, 0, null))]).toEqual([[0, 50], 500, Number.POSITIVE_INFINITY]);
  });
});
