import { describe, expect, it } from "vitest";
import type { RepCapacity } from "../../src/core/capacity-lanes.js";
import { formatMonth } from "../../src/core/month.js";
import { computePlan } from "../../src/core/plan.js";
import { surgeVacations } from "../../src/core/surge-vacations.js";
import { NO_SURGE, assumptions, month, quota, segment, surge } from "./helpers.js";

function rep(name: string, away: Record<string, number>): RepCapacity {
  return { name, capacity: 30, inquiryCapacity: null, availability: new Map(Object.entries(away).map(([at, share]) => [month(at), share] as const)) };
}

// Quota due 2026-11 and 2027-05 with a 1-month cycle: the plan runs 2026-10 to 2027-05. With the
// Q4/Q1 surge on calendar years, 2026-10 to 2027-03 are surge months; 2027-04 and 2027-05 are not.
const quotas = [quota("2026-11", 10_000), quota("2027-05", 10_000)];
const team = [rep("Ana", { "2026-12": 0.5, "2027-04": 0.5 }), rep("Ben", { "2026-12": 1, "2027-01": 0.75, "2027-02": 0 })];
const found = (policy: Parameters<typeof computePlan>[1], people = team) =>
  surgeVacations(computePlan([segment("Ana", "X", assumptions(), quotas)], policy), people).map((one) => [formatMonth(one.month), one.rep, one.availability, one.quarter]);

describe("surgeVacations: reps away in surge months", () => {
  it("names each rep-month below 1 in a surge quarter, month by month, with its fiscal quarter", () => {
    // Ana's April away is outside the surge; Ben's full December is no vacation.
    expect(found(surge(0.3))).toEqual([
      ["2026-12", "Ana", 0.5, 4],
      ["2027-01", "Ben", 0.75, 1],
      ["2027-02", "Ben", 0, 1],
    ]);
  });

  it("finds none without a surge: no month is a surge month", () => {
    expect(found(NO_SURGE)).toEqual([]);
  });

  it("follows the fiscal year: with an April start, fiscal Q4 is January to March", () => {
    // FY starting April: Q4 = Jan-Mar, Q1 = Apr-Jun; December (Q3) is no surge month.
    expect(found(surge(0.3, 4))).toEqual([
      ["2027-01", "Ben", 0.75, 4],
      ["2027-02", "Ben", 0, 4],
      ["2027-04", "Ana", 0.5, 1],
    ]);
  });

  it("skips months outside the plan, even in a surge quarter", () => {
    expect(found(surge(0.3), [rep("Cy", { "2026-09": 0.5, "2027-06": 0 })])).toEqual([]);
  });
});
