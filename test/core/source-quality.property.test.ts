import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSourceQuality } from "../../src/core/source-quality.js";
import type { ActualEntry } from "../../src/core/track.js";
import { month } from "./helpers.js";

const FIRST = month("2027-01");
const entry = fc.record({
  at: fc.integer({ min: 0, max: 2 }),
  source: fc.constantFrom("Web", "Events", "", "Partners"),
  inquiries: fc.integer({ min: 0, max: 500 }),
  qualifiedShare: fc.integer({ min: 0, max: 100 }),
  won: fc.integer({ min: 0, max: 20 }),
  cost: fc.integer({ min: 0, max: 1_000_000 }).map((cents) => cents / 100),
});

describe("checkSourceQuality, for any actuals", () => {
  it("totals each source's periods, and gives a rate only where its denominator is not 0 (never NaN or Infinity)", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), fc.boolean(), (rows, withFile) => {
        const entries: ActualEntry[] = rows.map((row) => {
          const qualified = Math.floor((row.inquiries * row.qualifiedShare) / 100);
          return { month: FIRST + row.at, rep: "", product: "", source: row.source, values: { inquiries: row.inquiries, qualified, won: row.won }, cost: row.cost };
        });
        const quality = checkSourceQuality({
          entries,
          period: { first: FIRST, last: FIRST + 2 },
          hasWon: true,
          hasCost: true,
          tolerance: 0.1,
          expected: withFile ? new Map([["Web", { qualifyRate: 0.1, closeRate: 0.2 }]]) : null,
          planRates: { qualifyRate: 0.12, closeRate: 0.25 },
        });
        for (const total of quality.totals) {
          const periods = quality.rows.filter((row) => row.source === total.source);
          expect(periods).toHaveLength(3);
          expect(total.inquiries).toBe(periods.reduce((sum, row) => sum + row.inquiries, 0));
          expect(total.qualified).toBe(periods.reduce((sum, row) => sum + row.qualified, 0));
          expect(total.won).toBe(periods.reduce((sum, row) => sum + (row.won ?? 0), 0));
        }
        for (const row of [...quality.rows, ...quality.totals]) {
          expect(row.qualifyRate === null).toBe(row.inquiries === 0);
          expect(row.closeRate === null).toBe(row.qualified === 0);
          expect(row.costPerQualified === null).toBe(row.qualified === 0);
          expect(row.costPerWon === null).toBe(row.won === 0);
          for (const value of [row.qualifyRate, row.closeRate, row.costPerQualified, row.costPerWon]) if (value !== null) expect(Number.isFinite(value)).toBe(true);
          // A status only where there is a rate and something to hold it to.
          expect(row.status === null).toBe(row.qualifyRate === null || row.expected === null);
        }
      }),
    );
  });
});
