import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stepAssumptions } from "../../src/core/funnel.js";
import { lagFromDays, lagFromMonths } from "../../src/core/lag.js";
import { diagnoseLeak } from "../../src/core/leak.js";
import { computePlan } from "../../src/core/plan.js";
import { type ActualEntry, type MeasureValues, funnelMeasures, selectActuals, trackCheckpoints } from "../../src/core/track.js";
import { NO_SURGE, month, quota, segment, surge } from "./helpers.js";

// The worked example: $1,000,000 due in June 2027 at $10,000 a deal, sql_to_won 25% after
// 2 months, mql_to_sql 50% after 1 month, inquiry_to_mql 20% at once: 100 deals in June, 400 SQLs
// in April, 800 MQLs and 4,000 inquiries in March.
const FUNNEL = ["inquiry", "mql", "sql", "won"];
const ORDER = funnelMeasures(FUNNEL);
const worked = (rates = [0.25, 0.5, 0.2], lags = [lagFromMonths(2), lagFromMonths(1), lagFromMonths(0)]) =>
  stepAssumptions({ avgDealSize: 10_000, unitsPerDeal: 1, costPerInquiry: 10 }, [
    { from: "sql", rate: rates[0] ?? 0, lag: lags[0] ?? lagFromMonths(0) },
    { from: "mql", rate: rates[1] ?? 0, lag: lags[1] ?? lagFromMonths(0) },
    { from: "inquiry", rate: rates[2] ?? 0, lag: lags[2] ?? lagFromMonths(0) },
  ]);
const plan = computePlan([segment("", "", worked(), [quota("2027-06", 1_000_000)])], NO_SURGE);
const PERIOD = { first: month("2027-03"), last: month("2027-06") };
const entry = (at: string, values: MeasureValues): ActualEntry => ({ month: month(at), rep: "", product: "", values });
/** The plan met exactly but for the counts given: each step's volume in the month the plan has it. */
const actuals = ({ inquiry = 4000, mql = 800, sql = 400, won = 100, revenue = 1_000_000 }: MeasureValues): ActualEntry[] => [
  entry("2027-03", { inquiry, mql, sql: 0, won: 0, revenue: 0 }),
  entry("2027-04", { inquiry: 0, mql: 0, sql, won: 0, revenue: 0 }),
  entry("2027-06", { inquiry: 0, mql: 0, sql: 0, won, revenue }),
];

describe("diagnoseLeak through a configured funnel", () => {
  it("names the step a leak was planted in, the README's example: MQL → SQL at 40% instead of 50%", () => {
    const leak = diagnoseLeak(plan, actuals({ sql: 320, won: 80, revenue: 800_000 }), PERIOD, ORDER, ORDER);
    // An SQL is worth 1,000,000 / 400 = 2,500, an MQL 1,250: 320 × 2,500 − 800 × 1,250 = −200,000.
    expect(leak?.effects.map((effect) => [effect.from, effect.to, effect.revenue])).toEqual([
      [null, "inquiry", 0],
      ["inquiry", "mql", 0],
      ["mql", "sql", -200_000],
      ["sql", "won", 0],
      ["won", "revenue", 0],
    ]);
    expect(leak?.largest).toEqual({ from: "mql", to: "sql", revenue: -200_000 });
    expect(leak?.variance).toBe(-200_000);
    expect(leak?.rates).toEqual([
      { from: "inquiry", to: "mql", check: { assumed: 0.2, planned: 0.2, actual: 0.2 } },
      { from: "mql", to: "sql", check: { assumed: 0.5, planned: 0.5, actual: 0.4 } },
      { from: "sql", to: "won", check: { assumed: 0.25, planned: 0.25, actual: 0.25 } },
      { from: "won", to: "revenue", check: { assumed: 10_000, planned: 10_000, actual: 10_000 } },
    ]);
  });

  it.each([
    // 3,000 inquiries at the plan's rates: each worth 250, −250,000 of volume.
    ["the volume at the top", { inquiry: 3000, mql: 600, sql: 300, won: 75, revenue: 750_000 }, [null, "inquiry"], -250_000],
    // 600 MQLs from 4,000 inquiries: 600 × 1,250 − 4,000 × 250 = −250,000.
    ["inquiry → MQL", { mql: 600, sql: 300, won: 75, revenue: 750_000 }, ["inquiry", "mql"], -250_000],
    // 60 deals from 400 SQLs: 60 × 10,000 − 400 × 2,500 = −400,000.
    ["SQL → won", { won: 60, revenue: 600_000 }, ["sql", "won"], -400_000],
    // 100 deals at $9,000: −100,000.
    ["the deal size", { revenue: 900_000 }, ["won", "revenue"], -100_000],
  ] as const)("names a leak planted in %s as the largest effect", (_name, values, [from, to], revenue) => {
    const leak = diagnoseLeak(plan, actuals(values), PERIOD, ORDER, ORDER);
    expect(leak?.largest).toEqual({ from, to, revenue });
    expect(leak?.effects.filter((effect) => effect !== leak.largest).every((effect) => Math.abs(effect.revenue) < 1e-6)).toBe(true);
  });

  it("spans a stage the plan has none of in the period with one effect", () => {
    // Without March in the period, inquiries and MQLs are not compared: the top is the SQLs.
    const leak = diagnoseLeak(plan, actuals({ sql: 320, won: 80, revenue: 800_000 }), { first: month("2027-04"), last: month("2027-06") }, ORDER, ORDER);
    expect(leak?.effects.map((effect) => [effect.from, effect.to, effect.revenue])).toEqual([
      [null, "sql", -200_000],
      ["sql", "won", 0],
      ["won", "revenue", 0],
    ]);
  });

  it("checks every stage against the plan, the top stage first, then won and revenue", () => {
    const selected = selectActuals(plan, { byRep: false, byProduct: false, measures: ORDER, order: ORDER, entries: actuals({ sql: 320, won: 80, revenue: 800_000 }) }, month("2027-06"));
    if (selected.period === null) throw new Error("no period");
    const checkpoints = trackCheckpoints(plan, { ...selected, period: selected.period }, ORDER, "month", 0.1, ORDER);
    expect(checkpoints.deciding).toBe("revenue");
    expect(checkpoints.cumulative.checks.map((check) => [check.measure, check.plan, check.actual, check.status])).toEqual([
      ["inquiry", 4000, 4000, "on-track"],
      ["mql", 800, 800, "on-track"],
      ["sql", 400, 320, "behind"],
      ["won", 100, 80, "behind"],
      ["revenue", 1_000_000, 800_000, "behind"],
    ]);
  });
});

describe("diagnoseLeak through a configured funnel, property", () => {
  it("splits the variance over volume, every step and deal size, adding up to it, whatever the rates, lags, surge and actuals", () => {
    const share = fc.integer({ min: 5, max: 95 }).map((percent) => percent / 100);
    fc.assert(
      fc.property(
        fc.tuple(share, share, share),
        fc.tuple(fc.integer({ min: 10, max: 90 }), fc.integer({ min: 0, max: 45 }), fc.integer({ min: 0, max: 20 })),
        fc.array(fc.nat({ max: 5000 }), { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 1, max: 5 }),
        (rates, [closeDays, mqlDays, inquiryDays], [inquiry = 0, mql = 0, sql = 0, won = 0, revenue = 0], until) => {
          const values = worked(rates, [lagFromDays(closeDays), lagFromDays(mqlDays), lagFromDays(inquiryDays)]);
          const surged = computePlan(
            [segment("", "", values, [quota("2027-03", 200_000), quota("2027-04", 350_000), quota("2027-06", 500_000), quota("2027-08", 90_000)])],
            surge(0.3),
          );
          const entries = [entry("2027-03", { inquiry, mql, sql, won, revenue: revenue * 100 })];
          const leak = diagnoseLeak(surged, entries, { first: month("2027-02"), last: month("2027-02") + until }, ORDER, ORDER);
          if (leak === null) return false;
          // Volume first, then one effect per step the plan has in the period, deal size last.
          if (leak.effects[0]?.from !== null || leak.effects[leak.effects.length - 1]?.to !== "revenue") return false;
          const total = leak.effects.reduce((sum, effect) => sum + effect.revenue, 0);
          return Math.abs(total - leak.variance) < 1e-6 * Math.max(1, Math.abs(leak.planRevenue));
        },
      ),
    );
  });
});
