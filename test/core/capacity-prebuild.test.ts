import { describe, expect, it } from "vitest";
import { type CapacityReport, capacityFindings, checkCapacity } from "../../src/core/capacity.js";
import { lagFromMonths } from "../../src/core/lag.js";
import { computePlan } from "../../src/core/plan.js";
import { NO_SURGE, assumptions, month, quota, segment } from "./helpers.js";

// The helpers' assumptions: $10,000 deals, 50% close, 25% qualify, a 1-month cycle: $10,000 due
// in month M needs 2 qualified leads and 8 inquiries in M-1.
const ana = (capacity: number) => [{ name: "Ana", capacity, inquiryCapacity: null, availability: new Map<number, number>() }];

/** One rep's months as `[label, planned, placed, moved in, moved out, at risk]`. */
function moves(report: CapacityReport): Array<[string, number, number, number, number, number]> {
  return report.reps[0]!.months.map((cell, at) => [
    `+${at}`,
    cell.qualifiedLeads,
    cell.placed,
    cell.movedIn,
    cell.movedOut,
    cell.atRisk,
  ]);
}

describe("checkCapacity with respectCapacity: building pipeline earlier", () => {
  // Due: $125,000 in Feb, $150,000 in Mar, $200,000 in Apr → 25, 30 and 40 leads in Jan, Feb, Mar.
  const plan = computePlan(
    [segment("Ana", "", assumptions(), [quota("2027-02", 125_000), quota("2027-03", 150_000), quota("2027-04", 200_000)])],
    NO_SURGE,
  );

  it("moves a month's excess into the nearest earlier month with room, and reports the rest at risk", () => {
    // Capacity 30: March is 10 over. February is full (30), January has 5 free: 5 move there;
    // the other 5 fit nowhere (April has room, but later is too late), so they are at risk.
    const report = checkCapacity(plan, ana(30), { respectCapacity: true });
    expect(moves(report)).toEqual([
      ["+0", 25, 30, 5, 0, 0],
      ["+1", 30, 30, 0, 0, 0],
      ["+2", 40, 30, 0, 5, 5],
      ["+3", 0, 0, 0, 0, 0],
    ]);
    // 5 leads × 50% close = 2.5 deals × $10,000 = $25,000 of quota at risk.
    expect(report.reps[0]!.months[2]).toMatchObject({ atRiskDeals: 2.5, atRiskQuota: 25_000 });
    expect(report.totals).toMatchObject({ qualifiedLeads: 95, placed: 90, moved: 5, atRisk: 5, atRiskDeals: 2.5, atRiskQuota: 25_000 });
  });

  it("moves inquiries with their leads, and drops those of leads at risk", () => {
    // Planned inquiries 100, 120, 160 (leads × 4). 5 leads move from March to January: 20
    // inquiries go with them; 5 at risk need none: March 160 - 20 - 20 = 120, January 100 + 20.
    const report = checkCapacity(plan, ana(30), { respectCapacity: true });
    expect(report.reps[0]!.months.map((cell) => [cell.inquiries, cell.placedInquiries])).toEqual([
      [100, 120],
      [120, 120],
      [160, 120],
      [0, 0],
    ]);
  });

  it("fills the nearest month first and walks from the last month back", () => {
    // Capacity 28: Jan 25 (3 free), Feb 30 (2 over), Mar 40 (12 over). March first: February
    // has no room, January takes 3, 9 at risk. Then February: January is full, 2 at risk.
    const report = checkCapacity(plan, ana(28), { respectCapacity: true });
    expect(moves(report)).toEqual([
      ["+0", 25, 28, 3, 0, 0],
      ["+1", 30, 28, 0, 0, 2],
      ["+2", 40, 28, 0, 3, 9],
      ["+3", 0, 0, 0, 0, 0],
    ]);
    expect(report.totals).toMatchObject({ placed: 84, atRisk: 11 });
  });

  it("leaves a plan within capacity as it is", () => {
    const report = checkCapacity(plan, ana(40), { respectCapacity: true });
    expect(moves(report).map(([, planned, placed]) => planned - placed)).toEqual([0, 0, 0, 0]);
    expect(capacityFindings(report)).toEqual([]);
  });

  it("reports only what could not be built earlier, with the quota it carries", () => {
    const report = checkCapacity(plan, ana(30), { respectCapacity: true });
    expect(capacityFindings(report)).toEqual([
      { month: month("2027-03"), rep: "Ana", kind: "qualified-leads", load: 40, capacity: 30, utilisation: 40 / 30, atRisk: 5, atRiskDeals: 2.5, atRiskQuota: 25_000 },
    ]);
  });

  it("builds no earlier than the plan's start plus the qualification time, so inquiries stay in the plan", () => {
    // With a month of qualification: $100,000 due in Feb → 20 leads in Jan, 80 inquiries in Dec;
    // $200,000 due in Mar → 40 leads in Feb, 160 inquiries in Jan. The plan starts in December,
    // but a lead built there would need inquiries in November: the earliest is January.
    const slow = computePlan(
      [segment("Ana", "", assumptions({ qualification: lagFromMonths(1) }), [quota("2027-02", 100_000), quota("2027-03", 200_000)])],
      NO_SURGE,
    );
    // Capacity 25: February is 15 over; January has 5 free; December (25 free) is too early.
    const report = checkCapacity(slow, ana(25), { respectCapacity: true });
    expect(moves(report)).toEqual([
      ["+0", 0, 0, 0, 0, 0],
      ["+1", 20, 25, 5, 0, 0],
      ["+2", 40, 25, 0, 5, 10],
      ["+3", 0, 0, 0, 0, 0],
    ]);
    // Inquiries a month before their leads: the 5 moved take 20 from January to December; the 10
    // at risk drop 40 from January: December 80 + 20 = 100, January 160 - 20 - 40 = 100.
    expect(report.reps[0]!.months.map((cell) => cell.placedInquiries)).toEqual([100, 100, 0, 0]);
  });

  it("splits the excess over a rep's segments in proportion, each at its own deal size", () => {
    // Ana in one month: X $100,000 → 20 leads; Y $50,000 at $20,000 and 25% close → 2.5 deals → 10 leads.
    // Capacity 24 and no earlier month: 6 at risk, 6 × 20/30 = 4 of X and 2 of Y.
    // X: 4 × 0.5 = 2 deals × $10,000 = $20,000; Y: 2 × 0.25 = 0.5 deals × $20,000 = $10,000.
    const mixed = computePlan(
      [
        segment("Ana", "X", assumptions(), [quota("2027-02", 100_000)]),
        segment("Ana", "Y", assumptions({ avgDealSize: 20_000, closeRate: 0.25 }), [quota("2027-02", 50_000)]),
      ],
      NO_SURGE,
    );
    const report = checkCapacity(mixed, ana(24), { respectCapacity: true });
    expect(report.reps[0]!.months[0]).toMatchObject({ qualifiedLeads: 30, placed: 24, atRisk: 6, atRiskDeals: 2.5, atRiskQuota: 30_000 });
  });

  it("has no quota in money at risk for a segment planned in units only", () => {
    // 40 units at 1 per deal = 40 deals → 80 leads against 50: 30 at risk, 15 deals, no money.
    const units = computePlan([segment("Ana", "", assumptions({ avgDealSize: null }), [quota("2027-02", null, 40)])], NO_SURGE);
    const report = checkCapacity(units, ana(50), { respectCapacity: true });
    expect(report.reps[0]!.months[0]).toMatchObject({ atRisk: 30, atRiskDeals: 15, atRiskQuota: null });
    expect(report.totals.atRiskQuota).toBeNull();
  });
});
