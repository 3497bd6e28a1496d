import { describe, expect, it } from "vitest";
import { type LeadFacts, HistoryAccumulator } from "../../src/core/calibrate-accumulator.js";
import { WonAmounts } from "../../src/core/calibrate-amounts.js";
import { calibratedAssumptions } from "../../src/core/calibrate-assumptions.js";
import { dayNumber } from "../../src/core/calibrate-days.js";
import { calibrate } from "../../src/core/calibrate.js";
import { historyEvidence } from "../../src/core/confidence-evidence.js";
import { type AssumptionValues, learnedScopeResolver } from "../../src/core/resolve.js";
import { monthIndex } from "../../src/core/month.js";

const names = { products: ["Platform", "Services"], sources: ["Web"], reps: [] };

/** A lead created on `day` of 2026's `month`, qualifying 10 days later, closing 30 days after that. */
function lead(month: number, product: number, outcome: "unqualified" | LeadFacts["outcome"], amount = 1000): LeadFacts {
  const created = dayNumber(2026, month, 1);
  const qualified = outcome === "unqualified" ? null : created + 10;
  const closed = outcome === "won" || outcome === "lost" ? created + 40 : outcome === "unqualified" ? created + 5 : null;
  const monthOf = (day: number) => monthIndex(2026, month) + (day - created >= 28 ? 1 : 0);
  return {
    created,
    createdMonth: monthIndex(2026, month),
    qualified,
    qualifiedMonth: qualified === null ? 0 : monthIndex(2026, month),
    closed,
    closedMonth: closed === null ? 0 : monthOf(closed),
    outcome: outcome === "unqualified" ? "lost" : outcome,
    amount: outcome === "won" ? amount : null,
    cost: 10,
    product,
    rep: -1,
    source: 0,
    stageDays: new Float64Array(0),
    stageMonths: new Int32Array(0),
  };
}

/**
 * Platform, January to June 2026: 40 inquiries a month, 10 qualifying, 3 of those won (amounts
 * 1,000 to 3,000), 7 lost. Services: 10 a month, 1 qualifying and won. Then December: 40 Platform
 * inquiries, 10 qualified and all still open (too young to count).
 */
function history(): ReturnType<typeof calibrate> {
  const accumulator = new HistoryAccumulator({ byRep: false, keepWonAmounts: true });
  for (let month = 1; month <= 6; month++) {
    for (let at = 0; at < 40; at++) accumulator.addLead(lead(month, 0, at < 3 ? "won" : at < 10 ? "lost" : "unqualified", 1000 * (at + 1)));
    for (let at = 0; at < 10; at++) accumulator.addLead(lead(month, 1, at < 1 ? "won" : "unqualified", 500));
  }
  for (let at = 0; at < 40; at++) accumulator.addLead(lead(12, 0, at < 10 ? "open" : "unqualified"));
  return calibrate(accumulator, names, { asOf: null, shape: "leads" });
}

const segments = [
  { rep: "Ana", product: "Platform" },
  { rep: "Ben", product: "Platform" },
  { rep: "Ana", product: "Services" },
];

function evidenceWith(overrides: AssumptionValues = {}) {
  const calibration = history();
  const learned = calibratedAssumptions(calibration, 30).rows;
  return historyEvidence(calibration, segments, learnedScopeResolver({ overrides, scoped: [], learned, defaults: {} }));
}

describe("historyEvidence: what a history says about the plan's rates and deal sizes", () => {
  it("rests each rate on the mature counts calibrate's own rate uses: December's open leads count neither way", () => {
    const calibration = history();
    const platform = calibration.scopes.find((scope) => scope.product === "Platform");
    // 6 mature months × 10 qualified, 18 won: 30%; counting December's 10 open leads as lost would give 18 of 70.
    expect(platform?.closeRate).toBeCloseTo(18 / 60, 12);
    const [ana] = evidenceWith().segments;
    expect(ana?.rates[0]).toStrictEqual({ alpha: 19, beta: 43, key: "\u0000Platform\u0000closeRate" });
    // 240 mature inquiries, 60 qualified; December's 40 inquiries are younger than the 10-day window.
    expect(ana?.rates[1]).toStrictEqual({ alpha: 61, beta: 181, key: "\u0000Platform\u0000qualifyRate" });
  });

  it("gives every segment fed by one scope the same key (one draw per trial), and the less specific scope where calibrate does", () => {
    const [ana, ben, services] = evidenceWith().segments;
    expect(ben?.rates).toStrictEqual(ana?.rates);
    // Services' 6 qualified leads are under calibrate's 30: its close rate is all leads' (18 + 6 won of 66).
    expect(services?.rates[0]).toStrictEqual({ alpha: 25, beta: 43, key: "\u0000\u0000closeRate" });
    expect(services?.rates[1]).toStrictEqual({ alpha: 7, beta: 55, key: "\u0000Services\u0000qualifyRate" });
  });

  it("resamples the won amounts of the scope whose deal size the segment uses", () => {
    const evidence = evidenceWith();
    // Platform has 18 won deals, under 30: every segment takes all leads' deal size and its 24 amounts.
    const amounts = evidence.segments[0]?.wonAmounts ?? [];
    expect(amounts).toHaveLength(24);
    expect([...amounts].sort((a, b) => a - b).slice(0, 8)).toStrictEqual([500, 500, 500, 500, 500, 500, 1000, 1000]);
    expect(evidence.resampledAmounts).toBe(3);
    expect(evidence.amountsSampledTo).toBeNull();
  });

  it("leaves a figure a flag gives known", () => {
    const evidence = evidenceWith({ closeRate: 0.25, avgDealSize: 2000 });
    expect(evidence.segments[0]?.rates[0]).toBeUndefined();
    expect(evidence.segments[0]?.rates[1]?.alpha).toBe(61);
    expect(evidence.segments[0]?.wonAmounts).toBeUndefined();
    expect(historyEvidence(history(), segments, () => null).segments).toStrictEqual([undefined, undefined, undefined]);
  });

  it("names the thin scopes some segment uses: under 30 mature leads or 10 conversions at a step, under 30 won amounts", () => {
    expect(evidenceWith().thin).toStrictEqual([
      { rep: "", product: "", figure: "avgDealSize", sample: 24, successes: null },
      { rep: "", product: "Services", figure: "qualifyRate", sample: 60, successes: 6 },
    ]);
    // With the deal size and Services' rates given, nothing used is thin.
    expect(historyEvidence(history(), segments.slice(0, 2), learnedScopeResolver({ overrides: { avgDealSize: 2000 }, scoped: [], learned: calibratedAssumptions(history(), 30).rows, defaults: {} })).thin).toStrictEqual([]);
  });
});

describe("WonAmounts", () => {
  it("keeps every amount up to its cap, in order", () => {
    const kept = new WonAmounts(5);
    for (const amount of [3, 1, 2]) kept.add(amount);
    expect([...kept.values()]).toStrictEqual([3, 1, 2]);
    expect(kept.sampled).toBe(false);
  });

  it("past its cap keeps a uniform sample of the cap's size, the same one for the same amounts", () => {
    const sample = () => {
      const kept = new WonAmounts(1000);
      for (let amount = 1; amount <= 100_000; amount++) kept.add(amount);
      return kept;
    };
    const kept = sample();
    expect(kept.values()).toHaveLength(1000);
    expect(kept.seen).toBe(100_000);
    expect(kept.sampled).toBe(true);
    const values = [...kept.values()];
    // Uniform on 1..100,000: mean 50,000, the mean of 1,000 within ±3 standard errors (2,887); amounts from the whole range.
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(Math.abs(mean - 50_000)).toBeLessThan(3 * 2_887);
    expect(values.filter((value) => value > 90_000).length).toBeGreaterThan(50);
    expect([...sample().values()]).toStrictEqual(values);
  });
});
