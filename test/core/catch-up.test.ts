import { describe, expect, it } from "vitest";
import { type CatchUpOptions, catchUpWindowEnd, generationReach, planCatchUp } from "../../src/core/catch-up.js";
import { groupPlan } from "../../src/core/group.js";
import { lagFromDays, lagFromMonths } from "../../src/core/lag.js";
import { type SegmentInput, computePlan } from "../../src/core/plan.js";
import type { ActualEntry } from "../../src/core/track.js";
import { NO_SURGE, assumptions, month, quota, segment } from "./helpers.js";

// $10,000 deals, 50% close, 25% qualification, a 2-month cycle, no qualification time, $50 an
// inquiry, no surge. $100,000 is due in each of January to May; then 100k in June, 200k in July
// and 300k in December. Leads generated from April (as-of March + 1) close from June at the earliest.
const values = assumptions({ salesCycle: lagFromMonths(2), costPerInquiry: 50 });
const QUOTAS = [
  quota("2027-01", 100_000),
  quota("2027-02", 100_000),
  quota("2027-03", 100_000),
  quota("2027-04", 100_000),
  quota("2027-05", 100_000),
  quota("2027-06", 100_000),
  quota("2027-07", 200_000),
  quota("2027-12", 300_000),
];
const segments = [segment("", "", values, QUOTAS)];
const plan = computePlan(segments, NO_SURGE);
const Q1 = { first: month("2027-01"), last: month("2027-03") };
const WHOLE = { byRep: false, byProduct: false };

const revenue = (at: string, amount: number, rep = ""): ActualEntry => ({ month: month(at), rep, product: "", values: { revenue: amount } });
const options = (asOf: string, window: CatchUpOptions["window"] = "year", bankSurplus = false): CatchUpOptions => ({ asOf: month(asOf), window, bankSurplus });

describe("catchUpWindowEnd", () => {
  it.each([
    ["2027-02", "quarter", 1, "2027-03"],
    ["2027-03", "quarter", 1, "2027-03"],
    ["2027-02", "year", 1, "2027-12"],
    // A fiscal year from April: February is in fiscal Q4 (January to March), the year's last quarter.
    ["2027-02", "quarter", 4, "2027-03"],
    ["2027-02", "year", 4, "2027-03"],
    ["2027-05", "quarter", 4, "2027-06"],
    ["2027-05", "year", 4, "2028-03"],
  ] as const)("from %s, the rest of the %s (fiscal year from month %d) ends in %s", (asOf, window, start, end) => {
    expect(catchUpWindowEnd(month(asOf), window, start)).toBe(month(end));
  });
});

describe("generationReach", () => {
  it("adds the longest lag of each stage", () => {
    // 45 days = 1.48 months: lags 1 and 2; 15 days = 0.49 months: lags 0 and 1. Longest: 2 + 1 = 3.
    expect(generationReach(segment("", "", assumptions({ salesCycle: lagFromDays(45), qualification: lagFromDays(15) }), []))).toBe(3);
    expect(generationReach(segments[0] as SegmentInput)).toBe(2);
  });
});

describe("planCatchUp", () => {
  it("spreads a recoverable shortfall over the reachable months in proportion to their quota", () => {
    // Quota to March 300,000, actual 210,000: 90,000 short. April and May close too soon; June,
    // July and December hold 100k + 200k + 300k = 600k: they get 15k, 30k and 45k.
    const catchUp = planCatchUp(plan, segments, WHOLE, [revenue("2027-01", 70_000), revenue("2027-02", 70_000), revenue("2027-03", 70_000)], Q1, options("2027-03"));
    expect(catchUp.scopes).toEqual([
      { rep: null, product: null, quotaDue: 300_000, actual: 210_000, shortfall: 90_000, added: 90_000, months: [month("2027-06"), month("2027-07"), month("2027-12")], earliestReachable: month("2027-06"), unreachable: false },
    ]);
    // June 115,000 is 11.5 deals, 23 qualified leads and 92 inquiries in April (20 and 80 before):
    // +3 and +12. July 230,000: 46 and 184 in May (+6, +24). December 345,000: 69 and 276 in
    // October (+9, +36). Each extra inquiry costs $50.
    const extra = catchUp.rows.filter((row) => row.extraQualifiedLeads !== 0 || row.extraQuota !== 0);
    expect(extra.map((row) => [row.month, row.extraQuota, row.extraQualifiedLeads, row.extraInquiries, row.extraBudget])).toEqual([
      ["2027-04", 0, 3, 12, 600],
      ["2027-05", 0, 6, 24, 1200],
      ["2027-06", 15_000, 0, 0, 0],
      ["2027-07", 30_000, 0, 0, 0],
      ["2027-10", 0, 9, 36, 1800],
      ["2027-12", 45_000, 0, 0, 0],
    ]);
    expect(catchUp.rows[0]?.month).toBe("2027-04");
    expect(catchUp.rows.at(-1)?.month).toBe("2027-12");
    expect(catchUp.totals).toMatchObject({ extraQuota: 90_000, extraQualifiedLeads: 18, extraInquiries: 72, extraBudget: 3600 });
  });

  it("equals compute run on the raised quotas", () => {
    const catchUp = planCatchUp(plan, segments, WHOLE, [revenue("2027-03", 210_000)], Q1, options("2027-03"));
    // The raised quota rows, written out by hand: +15k in June, +30k in July, +45k in December.
    const raised = computePlan(
      [
        segment("", "", values, [
          quota("2027-01", 100_000),
          quota("2027-02", 100_000),
          quota("2027-03", 100_000),
          quota("2027-04", 100_000),
          quota("2027-05", 100_000),
          quota("2027-06", 115_000),
          quota("2027-07", 230_000),
          quota("2027-12", 345_000),
        ]),
      ],
      NO_SURGE,
    );
    expect(groupPlan(catchUp.revised, "month")).toEqual(groupPlan(raised, "month"));
    expect(groupPlan(catchUp.revised, "segment")).toEqual(groupPlan(raised, "segment"));
    // And the months up to as-of are untouched: no extra lead is asked of the past.
    const before = groupPlan(plan, "month").rows.slice(0, 3);
    expect(groupPlan(catchUp.revised, "month").rows.slice(0, 3)).toEqual(before);
  });

  it("says when the window holds no reachable month, and names the earliest that can be reached", () => {
    // The rest of fiscal Q1 after March is empty; leads from April close in June at the earliest.
    const quarter = planCatchUp(plan, segments, WHOLE, [revenue("2027-03", 210_000)], Q1, options("2027-03", "quarter"));
    expect(quarter.scopes[0]).toMatchObject({ shortfall: 90_000, added: 0, months: [], unreachable: true, earliestReachable: month("2027-06") });
    expect(groupPlan(quarter.revised, "month")).toEqual(groupPlan(plan, "month"));
    // As of October, leads from November close in January 2028, after the fiscal year.
    const late = planCatchUp(plan, segments, WHOLE, [revenue("2027-03", 210_000)], { first: month("2027-01"), last: month("2027-10") }, options("2027-10"));
    expect(late.scopes[0]).toMatchObject({ unreachable: true, earliestReachable: month("2028-01") });
    expect(late.rows.map((row) => row.month)).toEqual(["2027-11", "2027-12"]);
  });

  it("keeps a surplus unless it is banked, and then takes it off the reachable quota", () => {
    const ahead = [revenue("2027-03", 330_000)];
    const kept = planCatchUp(plan, segments, WHOLE, ahead, Q1, options("2027-03"));
    expect(kept.scopes[0]).toMatchObject({ shortfall: -30_000, added: 0, unreachable: false });
    expect(kept.totals.extraQuota).toBe(0);
    // Banked: −30,000 over 600k of reachable quota is −5k, −10k and −15k.
    const banked = planCatchUp(plan, segments, WHOLE, ahead, Q1, options("2027-03", "year", true));
    expect(banked.scopes[0]).toMatchObject({ shortfall: -30_000, added: -30_000 });
    expect(banked.raised[0]?.quotas.slice(5).map((row) => row.quota)).toEqual([95_000, 190_000, 285_000]);
  });

  it("makes up each rep's shortfall in that rep's quota", () => {
    const twoReps = [segment("Ana", "", values, QUOTAS), segment("Ben", "", values, QUOTAS)];
    const two = computePlan(twoReps, NO_SURGE);
    // Ana 60,000 short of 300,000; Ben 40,000 ahead: only Ana's June, July and December rise (10k, 20k, 30k).
    const catchUp = planCatchUp(two, twoReps, { byRep: true, byProduct: false }, [revenue("2027-03", 240_000, "Ana"), revenue("2027-03", 340_000, "Ben")], Q1, options("2027-03"));
    expect(catchUp.scopes.map((scope) => [scope.rep, scope.shortfall, scope.added])).toEqual([
      ["Ana", 60_000, 60_000],
      ["Ben", -40_000, 0],
    ]);
    expect(catchUp.raised.map((raised) => raised.quotas.slice(5).map((row) => row.quota))).toEqual([
      [110_000, 220_000, 330_000],
      [100_000, 200_000, 300_000],
    ]);
  });
});
