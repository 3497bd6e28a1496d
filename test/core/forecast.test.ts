import { describe, expect, it } from "vitest";
import { binomialAtLeast, binomialQuantile, logBinomialPmf, logGamma } from "../../src/core/confidence-binomial.js";
import { forecastPeriods, forecastTrack } from "../../src/core/forecast.js";
import { lagFromMonths } from "../../src/core/lag.js";
import { formatMonth } from "../../src/core/month.js";
import { type SegmentInput, computePlan } from "../../src/core/plan.js";
import type { ActualEntry, Measure, MeasureValues } from "../../src/core/track.js";
import { NO_SURGE, assumptions, month, quota, segment } from "./helpers.js";

// The worked example: $75,000 deals, 20% close after 2 months, 10% qualification in the month.
const WORKED = assumptions({ avgDealSize: 75_000, closeRate: 0.2, qualifyRate: 0.1, salesCycle: lagFromMonths(2), qualification: lagFromMonths(0) });
const ALL: Measure[] = ["inquiries", "qualified", "won", "revenue"];

function entry(at: string, figures: MeasureValues, rep = "", product = ""): ActualEntry {
  return { month: month(at), rep, product, values: figures };
}

function forecast(segments: SegmentInput[], entries: ActualEntry[], asOf: string, options: { measures?: Measure[]; byRep?: boolean; simulate?: boolean; seed?: number } = {}) {
  const plan = computePlan(segments, NO_SURGE);
  const first = entries.reduce((earliest, row) => Math.min(earliest, row.month), Number.POSITIVE_INFINITY);
  return forecastTrack(
    {
      plan,
      actuals: { byRep: options.byRep ?? false, byProduct: false, measures: options.measures ?? ALL },
      entries,
      period: { first, last: month(asOf) },
      asOf: month(asOf),
      order: ALL,
    },
    { trials: 10_000, seed: options.seed ?? 1, ...(options.simulate === undefined ? {} : { simulate: options.simulate }) },
  );
}

/** P(Σ Bin(n_i, p_i) ≥ k), the laws convolved in full from the closed-form probabilities. */
function binomialsAtLeast(laws: Array<[number, number]>, k: number): number {
  let pmf = [1];
  for (const [n, p] of laws) {
    const next = new Array<number>(pmf.length + n).fill(0);
    pmf.forEach((left, x) => {
      for (let y = 0; y <= n; y++) next[x + y] = (next[x + y] ?? 0) + left * Math.exp(logBinomialPmf(n, p, y));
    });
    pmf = next;
  }
  return 1 - pmf.slice(0, k).reduce((sum, value) => sum + value, 0);
}

describe("forecastPeriods", () => {
  it.each([
    // as-of, fiscal start, quarter label and months, year label and months
    ["2027-01", 1, "2027-Q1", "2027-01", "2027-03", "2027", "2027-01", "2027-12"],
    ["2027-03", 1, "2027-Q2", "2027-04", "2027-06", "2027", "2027-01", "2027-12"],
    ["2027-12", 1, "2028-Q1", "2028-01", "2028-03", "2028", "2028-01", "2028-12"],
    ["2027-03", 4, "FY2028-Q1", "2027-04", "2027-06", "FY2028", "2027-04", "2028-03"],
    ["2027-05", 4, "FY2028-Q1", "2027-04", "2027-06", "FY2028", "2027-04", "2028-03"],
  ])("as of %s with a fiscal year from month %i: the open quarter %s and year", (asOf, start, quarterLabel, qFirst, qLast, yearLabel, yFirst, yLast) => {
    const [quarter, year] = forecastPeriods(month(asOf), start);
    expect([quarter?.label, formatMonth(quarter?.first ?? 0), formatMonth(quarter?.last ?? 0)]).toEqual([quarterLabel, qFirst, qLast]);
    expect([year?.label, formatMonth(year?.first ?? 0), formatMonth(year?.last ?? 0)]).toEqual([yearLabel, yFirst, yLast]);
  });
});

describe("forecastTrack, exact path", () => {
  // As of January: 134 qualified leads reported (the average plan's whole volume), none closed yet.
  const segments = [segment("", "", WORKED, [quota("2027-03", 2_000_000)])];
  const result = forecast(segments, [entry("2027-01", { inquiries: 1_340, qualified: 134, won: 0, revenue: 0 })], "2027-01");

  it("is the closed-form binomial for one segment: 134 qualified leads at 20% need 27 deals", () => {
    const [quarter, year] = result.periods;
    expect(result.method).toBe("exact");
    // The January inquiries qualified in January: they are in the 134 and are not counted again.
    expect(quarter?.probability).toBeCloseTo(binomialAtLeast(134, 0.2, 27), 12);
    expect(quarter?.probability).toBeCloseTo(0.517, 3);
    expect(year?.probability).toBeCloseTo(binomialAtLeast(134, 0.2, 27), 12);
    expect(quarter?.revenue).toEqual({
      p10: 75_000 * binomialQuantile(134, 0.2, 0.1),
      p50: 75_000 * binomialQuantile(134, 0.2, 0.5),
      p90: 75_000 * binomialQuantile(134, 0.2, 0.9),
    });
    expect(quarter?.expectedInFlight).toBe(134 * 0.2 * 75_000);
    expect(quarter?.expectedToCome).toBe(0);
    expect(result.standIns).toEqual({ before: null, measures: [] });
  });

  it("counts revenue won to date and needs only the deals still missing", () => {
    const won = forecast(segments, [entry("2027-01", { inquiries: 1_340, qualified: 134, won: 4, revenue: 300_000 })], "2027-01");
    expect(won.periods[0]?.wonToDate).toBe(300_000);
    // 1,700,000 still to win is 22.67, so 23 deals.
    expect(won.periods[0]?.probability).toBeCloseTo(binomialAtLeast(134, 0.2, 23), 12);
    expect(won.periods[0]?.revenue.p50).toBe(300_000 + 75_000 * binomialQuantile(134, 0.2, 0.5));
  });

  it("counts a lead whose next step landed by as-of at that next stage only (no double counting)", () => {
    // A cycle of 1.5 months: half close after one month, half after two. As of February, January's
    // qualified leads closing in February are in February's won deals already; only their other
    // half (closing in March) is in flight. February's leads close in March (half) and April (half).
    const spread = assumptions({ avgDealSize: 10_000, closeRate: 0.2, salesCycle: lagFromMonths(1.5), qualification: lagFromMonths(0) });
    const quotas = [quota("2027-03", 200_000), quota("2027-04", 200_000)];
    const rows = [entry("2027-01", { qualified: 100, won: 0, revenue: 0 }), entry("2027-02", { qualified: 100, won: 10, revenue: 100_000 })];
    const result2 = forecast([segment("", "", spread, quotas)], rows, "2027-02", { measures: ["qualified", "won", "revenue"] });
    const [quarter, year] = result2.periods;
    // Q1 (January to March): 100,000 won; deals Bin(100, 0.1) + Bin(100, 0.1) = Bin(200, 0.1); quota 200,000 needs 10 more.
    expect(quarter?.label).toBe("2027-Q1");
    expect(quarter?.probability).toBeCloseTo(binomialAtLeast(200, 0.1, 10), 12);
    // The year: January's half (0.1), all of February's (0.2), and the plan's 200 inquiries of March
    // still to come (qualified in March at 25%, closing in April or May at 20%); 400,000 needs 30 more.
    expect(year?.probability).toBeCloseTo(binomialsAtLeast([[100, 0.1], [100, 0.2], [200, 0.05]], 30), 10);
    // No inquiries column, but every inquiry to February qualified in its month: none is in flight, so the plan stands in for none.
    expect(result2.standIns.measures).toEqual([]);
  });

  it("takes the plan's leads still to come through every step", () => {
    // Quota in June: the plan's inquiries of April (1,333.3, so 1,334 whole) convert at 2% by June.
    const later = [segment("", "", WORKED, [quota("2027-01", 75_000), quota("2027-06", 2_000_000)])];
    const result3 = forecast(later, [entry("2027-01", { inquiries: 0, qualified: 0, won: 1, revenue: 75_000 })], "2027-01");
    const year = result3.periods[1];
    expect(year?.expectedToCome).toBeCloseTo(1_334 * 0.02 * 75_000, 6);
    expect(year?.probability).toBeCloseTo(binomialAtLeast(1_334, 0.02, 27), 12);
  });
});

describe("forecastTrack, simulation", () => {
  const segments = [segment("", "", WORKED, [quota("2027-03", 2_000_000)])];
  const rows = [entry("2027-01", { inquiries: 1_340, qualified: 134, won: 0, revenue: 0 })];

  it("agrees with the exact path within four standard errors", () => {
    const exact = forecast(segments, rows, "2027-01").periods[0];
    const simulated = forecast(segments, rows, "2027-01", { simulate: true }).periods[0];
    const p = exact?.probability ?? 0;
    expect(simulated?.method).toBe("simulation");
    expect(Math.abs((simulated?.probability ?? 0) - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / 10_000));
    // Percentiles are whole deals: at most one deal apart.
    for (const key of ["p10", "p50", "p90"] as const) expect(Math.abs((simulated?.revenue[key] ?? 0) - (exact?.revenue[key] ?? 0))).toBeLessThanOrEqual(75_000);
  });

  it("simulates deals of different sizes, the same seed giving the same figures", () => {
    const two = [
      segment("Ana", "", WORKED, [quota("2027-03", 1_000_000)]),
      segment("Ben", "", { ...WORKED, avgDealSize: 25_000 }, [quota("2027-03", 500_000)]),
    ];
    const byRep = [entry("2027-01", { qualified: 70, won: 0, revenue: 0 }, "Ana"), entry("2027-01", { qualified: 100, won: 0, revenue: 0 }, "Ben")];
    const once = forecast(two, byRep, "2027-01", { byRep: true, measures: ["qualified", "won", "revenue"] });
    const again = forecast(two, byRep, "2027-01", { byRep: true, measures: ["qualified", "won", "revenue"] });
    expect(once.method).toBe("simulation");
    expect(again).toEqual(once);
    expect(once.periods[0]?.expectedInFlight).toBe(70 * 0.2 * 75_000 + 100 * 0.2 * 25_000);
  });

  it("draws a lead of unknown segment as one multinomial outcome, within four standard errors of the exact law", () => {
    const two = [
      segment("Ana", "", WORKED, [quota("2027-03", 1_500_000)]),
      segment("Ben", "", { ...WORKED, avgDealSize: 25_000 }, [quota("2027-03", 500_000)]),
    ];
    // 60 qualified leads, each Ana's or Ben's with the plan's share (half each), a deal at 20%:
    // Ana's deal with chance 0.1, Ben's with 0.1; 1,400,000 won, 600,000 to go. Exact: the trinomial law summed where it makes quota.
    const result = forecast(two, [entry("2027-01", { qualified: 60, won: 0, revenue: 1_400_000 })], "2027-01", { measures: ["qualified", "won", "revenue"] });
    const n = 60;
    let exact = 0;
    for (let a = 0; a <= n; a++) {
      for (let b = 0; a + b <= n; b++) {
        if (1_400_000 + 75_000 * a + 25_000 * b < 2_000_000) continue;
        const logChoose = logGamma(n + 1) - logGamma(a + 1) - logGamma(b + 1) - logGamma(n - a - b + 1);
        exact += Math.exp(logChoose + a * Math.log(0.1) + b * Math.log(0.1) + (n - a - b) * Math.log(0.8));
      }
    }
    const simulated = result.periods[0]?.probability ?? 0;
    expect(result.method).toBe("simulation");
    expect(Math.abs(simulated - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / 10_000));
  });

  it("splits actuals that name no rep over the plan's segments by the plan's share of the stage", () => {
    const two = [
      segment("Ana", "", WORKED, [quota("2027-03", 1_500_000)]),
      segment("Ben", "", { ...WORKED, avgDealSize: 25_000 }, [quota("2027-03", 500_000)]),
    ];
    // The plan's qualified leads in January: 100 for Ana, 100 for Ben: half each.
    const result = forecast(two, [entry("2027-01", { qualified: 200, won: 0, revenue: 0 })], "2027-01", { measures: ["qualified", "won", "revenue"] });
    expect(result.periods[0]?.expectedInFlight).toBeCloseTo(200 * 0.2 * (0.5 * 75_000 + 0.5 * 25_000), 6);
  });
});
