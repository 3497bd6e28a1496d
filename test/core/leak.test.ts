import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lagFromDays } from "../../src/core/lag.js";
import { type LeakDiagnosis, diagnoseLeak } from "../../src/core/leak.js";
import { computePlan } from "../../src/core/plan.js";
import type { ActualEntry, Measure, MeasureValues } from "../../src/core/track.js";
import { NO_SURGE, assumptions, month, quota, segment, surge } from "./helpers.js";

// $100,000 due in each of February, March and April at $10,000 a deal, 50% close, 25% qualification,
// a 1-month cycle: the period January to March plans 240 inquiries, 60 qualified leads (20 a month),
// 20 deals (February and March) and $200,000. One unit of each is worth, in this period's plan
// revenue: an inquiry 200,000 / 240 = 833.33, a qualified lead 200,000 / 60 = 3,333.33, a deal 10,000.
const plan = computePlan(
  [segment("", "", assumptions(), [quota("2027-02", 100_000), quota("2027-03", 100_000), quota("2027-04", 100_000)])],
  NO_SURGE,
);
const PERIOD = { first: month("2027-01"), last: month("2027-03") };
const ALL: Measure[] = ["inquiries", "qualified", "won", "revenue"];

const one = (values: MeasureValues): ActualEntry[] => [{ month: month("2027-02"), rep: "", product: "", values }];
const effects = (leak: LeakDiagnosis | null) => leak?.effects.map((effect) => [effect.from, effect.to, Math.round(effect.revenue * 100) / 100]);

describe("diagnoseLeak worked examples", () => {
  it.each([
    // (240 − 240) × 833.33 = 0; 42 × 3,333.33 − 240 × 833.33 = 140,000 − 200,000 = −60,000;
    // 14 × 10,000 − 42 × 3,333.33 = 0; 140,000 − 14 × 10,000 = 0.
    ["poor qualification", { inquiries: 240, qualified: 42, won: 14, revenue: 140_000 }, [0, -60_000, 0, 0], "inquiries>qualified"],
    // 60 qualified are worth the plan's 200,000; 14 deals only 140,000: closing −60,000.
    ["poor closing", { inquiries: 240, qualified: 60, won: 14, revenue: 140_000 }, [0, 0, -60_000, 0], "qualified>won"],
    // 20 deals as planned, at $8,000: deal size 160,000 − 200,000 = −40,000.
    ["smaller deals", { inquiries: 240, qualified: 60, won: 20, revenue: 160_000 }, [0, 0, 0, -40_000], "won>revenue"],
    // (180 − 240) × 833.33 = −50,000; every rate as planned after that.
    ["too few inquiries", { inquiries: 180, qualified: 45, won: 15, revenue: 150_000 }, [-50_000, 0, 0, 0], "null>inquiries"],
  ] as const)("names %s", (_name, actual, expected, largest) => {
    const leak = diagnoseLeak(plan, one(actual), PERIOD, ALL);
    expect(effects(leak)?.map((effect) => effect[2])).toEqual(expected);
    expect(`${leak?.largest?.from ?? null}>${leak?.largest?.to}`).toBe(largest);
    // The effects always add up to the variance: nothing is left unexplained.
    expect(leak?.variance).toBe(actual.revenue - 200_000);
  });

  it("compares the rates with the assumptions and with the plan's own figures for the period", () => {
    const leak = diagnoseLeak(plan, one({ inquiries: 240, qualified: 42, won: 14, revenue: 140_000 }), PERIOD, ALL);
    // Planned in the period: 60 / 240 = 25%; 20 deals / 60 qualified = 33.3% (April's 20 deals come
    // from March's leads, after the period); 200,000 / 20 = 10,000.
    expect(leak?.rates).toEqual([
      { from: "inquiries", to: "qualified", check: { assumed: 0.25, planned: 0.25, actual: 42 / 240 } },
      { from: "qualified", to: "won", check: { assumed: 0.5, planned: 20 / 60, actual: 14 / 42 } },
      { from: "won", to: "revenue", check: { assumed: 10_000, planned: 10_000, actual: 10_000 } },
    ]);
  });

  it("spans a missing column with one effect", () => {
    const leak = diagnoseLeak(plan, one({ inquiries: 240, won: 14, revenue: 140_000 }), PERIOD, ["inquiries", "won", "revenue"]);
    // Inquiries → won at once: 14 × 10,000 − 240 × 833.33 = −60,000.
    expect(effects(leak)).toEqual([
      [null, "inquiries", 0],
      ["inquiries", "won", -60_000],
      ["won", "revenue", 0],
    ]);
    expect(leak?.rates.map((rate) => rate.check)).toEqual([null, null, expect.anything()]);
  });

  it("names nothing when revenue is at or above plan", () => {
    const leak = diagnoseLeak(plan, one({ inquiries: 300, qualified: 60, won: 20, revenue: 200_000 }), PERIOD, ALL);
    // 60 extra inquiries are +50,000, which the qualification rate then loses: the total is on plan.
    expect(effects(leak)?.map((effect) => effect[2])).toEqual([50_000, -50_000, 0, 0]);
    expect(leak?.largest).toBeNull();
  });

  it("has no diagnosis without revenue, or with revenue alone", () => {
    expect(diagnoseLeak(plan, one({ won: 14 }), PERIOD, ["won"])).toBeNull();
    expect(diagnoseLeak(plan, one({ revenue: 140_000 }), PERIOD, ["revenue"])).toBeNull();
  });
});

describe("diagnoseLeak property", () => {
  it("splits the variance exactly, whatever the plan's lags and surge and the actuals", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 200 }),
        fc.integer({ min: 0, max: 40 }),
        fc.array(fc.nat({ max: 500 }), { minLength: 4, maxLength: 4 }),
        (cycleDays, qualifyDays, [inquiries = 0, qualified = 0, won = 0, revenue = 0]) => {
          const values = assumptions({ salesCycle: lagFromDays(cycleDays), qualification: lagFromDays(qualifyDays) });
          const surged = computePlan(
            [segment("", "", values, [quota("2027-01", 50_000), quota("2027-02", 80_000), quota("2027-03", 120_000), quota("2027-06", 90_000)])],
            surge(0.3),
          );
          const leak = diagnoseLeak(surged, one({ inquiries, qualified, won, revenue: revenue * 1000 }), { first: month("2027-01"), last: month("2027-03") }, ALL);
          if (leak === null) return false;
          const total = leak.effects.reduce((sum, effect) => sum + effect.revenue, 0);
          return Math.abs(total - leak.variance) < 1e-6 * Math.max(1, Math.abs(leak.planRevenue));
        },
      ),
    );
  });
});
