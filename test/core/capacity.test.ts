import { describe, expect, it } from "vitest";
import { type RepCapacity, type RepMonth, capacityFindings, checkCapacity, workableLeads } from "../../src/core/capacity.js";
import { apportion } from "../../src/core/capacity-lanes.js";
import { computePlan } from "../../src/core/plan.js";
import { NO_SURGE, assumptions, month, quota, segment } from "./helpers.js";

// The helpers' assumptions: $10,000 deals, 50% close, 25% qualify, a 1-month cycle, no
// qualification time. So $10,000 of quota in month M needs 1 deal, 2 qualified leads in M-1 and
// 8 inquiries in M-1.

function rep(name: string, capacity: number, options: { inquiries?: number; away?: Record<string, number> } = {}): RepCapacity {
  const availability = new Map(Object.entries(options.away ?? {}).map(([at, share]) => [month(at), share] as const));
  return { name, capacity, inquiryCapacity: options.inquiries ?? null, availability };
}

/** A rep's months as `[qualified leads, capacity, over]`. */
const loads = (months: readonly RepMonth[]) => months.map((cell) => [cell.qualifiedLeads, cell.capacity, cell.over]);

describe("checkCapacity: overload", () => {
  // Ana: $260,000 due in 2027-02 → 26 deals → 52 qualified leads and 208 inquiries in 2027-01.
  const plan = computePlan([segment("Ana", "X", assumptions(), [quota("2027-02", 260_000)])], NO_SURGE);
  const team = [rep("Ana", 30, { inquiries: 150 }), rep("Ben", 50)];
  const report = checkCapacity(plan, team, { respectCapacity: false });

  it("sets each rep's leads against capacity: 52 against 30 is 173%", () => {
    expect(loads(report.reps[0]!.months)).toEqual([
      [52, 30, true],
      [0, 30, false],
    ]);
    // 52 / 30 = 1.7333.
    expect(report.reps[0]!.months[0]!.utilisation).toBeCloseTo(1.733333, 6);
    expect(loads(report.reps[1]!.months)).toEqual([
      [0, 50, false],
      [0, 50, false],
    ]);
  });

  it("counts the excess per rep, so Ben's spare room does not hide Ana's overload", () => {
    // Team: 52 leads against 30 + 50 = 80 (65%), yet Ana is 52 - 30 = 22 over. The average
    // full-month capacity is (30 + 50) / 2 = 40, so ⌈22 / 40⌉ = 1 extra rep.
    expect(report.averageCapacity).toBe(40);
    expect(report.team[0]).toMatchObject({ qualifiedLeads: 52, capacity: 80, utilisation: 0.65, excess: 22, extraReps: 1 });
    expect(report.team[1]).toMatchObject({ qualifiedLeads: 0, excess: 0, extraReps: 0 });
    expect(report.totals.peakExtraReps).toBe(1);
  });

  it("checks inquiries against the follow-up capacity, and leaves a team total without one unknown", () => {
    // Ana: 208 inquiries against 150 (139%): 58 over, ⌈58 / 150⌉ = 1 extra follow-up. Ben has no
    // inquiry capacity, so the team's is unknown rather than 150.
    expect(report.reps[0]!.months[0]).toMatchObject({ inquiries: 208, placedInquiries: 208, inquiryCapacity: 150, inquiryOver: true });
    expect(report.reps[0]!.months[0]!.inquiryUtilisation).toBeCloseTo(208 / 150, 9);
    expect(report.reps[1]!.months[0]).toMatchObject({ inquiryCapacity: null, inquiryUtilisation: null, inquiryOver: false });
    expect(report.team[0]).toMatchObject({ inquiries: 208, inquiryCapacity: null, inquiryUtilisation: null, inquiryExcess: 58, extraFollowUp: 1 });
    expect(report.checksInquiries).toBe(true);
  });

  it("lists what cannot be followed up, leads before inquiries", () => {
    expect(capacityFindings(report)).toEqual([
      { month: month("2027-01"), rep: "Ana", kind: "qualified-leads", load: 52, capacity: 30, utilisation: 52 / 30, atRisk: 0, atRiskDeals: 0, atRiskQuota: 0 },
      { month: month("2027-01"), rep: "Ana", kind: "inquiries", load: 208, capacity: 150, utilisation: 208 / 150, atRisk: 0, atRiskDeals: 0, atRiskQuota: 0 },
    ]);
  });

  it("finds nothing when every rep is within capacity", () => {
    const roomy = checkCapacity(plan, [rep("Ana", 52, { inquiries: 208 })], { respectCapacity: false });
    expect(capacityFindings(roomy)).toEqual([]);
    expect(roomy.reps[0]!.months[0]).toMatchObject({ over: false, inquiryOver: false, utilisation: 1 });
  });
});

describe("checkCapacity: availability", () => {
  it.each([
    // $40,000 → 4 deals → 8 leads against 30 × 0.25 = 7.5, which holds 7 whole leads: over (107%).
    [40_000, 0.25, 8, 7.5, true],
    // $35,000 → 3.5 deals → 7 leads: within 7.5.
    [35_000, 0.25, 7, 7.5, false],
    // Half a month on holiday: 30 × 0.5 = 15; 16 leads are over.
    [80_000, 0.5, 16, 15, true],
    // Away all month: any lead is over, and the utilisation has no value.
    [10_000, 0, 2, 0, true],
  ])("$%d due with availability %d: %d leads against %d, over %s", (amount, share, leads, capacity, over) => {
    const plan = computePlan([segment("Ana", "", assumptions(), [quota("2027-02", amount)])], NO_SURGE);
    const report = checkCapacity(plan, [rep("Ana", 30, { away: { "2027-01": share } })], { respectCapacity: false });
    const cell = report.reps[0]!.months[0]!;
    expect([cell.availability, cell.qualifiedLeads, cell.capacity, cell.over]).toEqual([share, leads, capacity, over]);
    expect(cell.utilisation).toBe(capacity === 0 ? null : leads / capacity);
    // Months the file does not list are full months.
    expect(report.reps[0]!.months[1]).toMatchObject({ availability: 1, capacity: 30 });
  });

  it("holds a capacity with float noise as the whole number it means", () => {
    // 30 × 0.7 is 20.999999999999996 in binary: still 21 whole leads, not 20.
    expect(workableLeads(30 * 0.7)).toBe(21);
    expect(workableLeads(7.5)).toBe(7);
  });
});

describe("apportion", () => {
  it.each([
    // 10 × 30/60 = 5, × 20/60 = 3.33, × 10/60 = 1.67: 5 + 3 + 1 = 9, the one left to the 0.67.
    [10, [30, 20, 10], [5, 3, 2]],
    // Even weights: 2.33 each, the one left to the first.
    [7, [1, 1, 1], [3, 2, 2]],
    // Weights all 0 split evenly.
    [5, [0, 0], [3, 2]],
    [0, [1, 2], [0, 0]],
    // A weight of 0 gets nothing while others have some.
    [9, [3, 0, 6], [3, 0, 6]],
  ])("splits %d by %j as %j", (total, weights, parts) => {
    expect(apportion(total, weights)).toEqual(parts);
  });
});

describe("checkCapacity: quota without a rep", () => {
  // Ana sells X, Ben sells Y, Cara has no quota. Each rep has $10,000 of own quota (2 leads).
  const own = [
    segment("Ana", "X", assumptions(), [quota("2027-02", 10_000)]),
    segment("Ben", "Y", assumptions(), [quota("2027-02", 10_000)]),
  ];
  const team = [rep("Ana", 30), rep("Ben", 20), rep("Cara", 10, { away: { "2027-01": 0 } })];
  const qualified = (report: ReturnType<typeof checkCapacity>) => report.reps.map((entry) => entry.months[0]!.qualifiedLeads);
  const inquiries = (report: ReturnType<typeof checkCapacity>) => report.reps.map((entry) => entry.months[0]!.inquiries);

  it("goes to the reps of its product", () => {
    // $30,000 of product X without a rep: 6 leads, all Ana's (the only rep with X quota): 2 + 6 = 8.
    const plan = computePlan([...own, segment("", "X", assumptions(), [quota("2027-02", 30_000)])], NO_SURGE);
    expect(qualified(checkCapacity(plan, team, { respectCapacity: false }))).toEqual([8, 2, 0]);
  });

  it("is shared by all reps in proportion to capacity × availability when it has no product", () => {
    // $50,000: 10 leads and 40 inquiries. Weights 30 × 1, 20 × 1, 10 × 0 (Cara away):
    // 10 × 30/50 = 6 and 10 × 20/50 = 4; inquiries 24 and 16. Ana 2 + 6 = 8, Ben 2 + 4 = 6.
    const plan = computePlan([...own, segment("", "", assumptions(), [quota("2027-02", 50_000)])], NO_SURGE);
    const report = checkCapacity(plan, team, { respectCapacity: false });
    expect(qualified(report)).toEqual([8, 6, 0]);
    expect(inquiries(report)).toEqual([32, 24, 0]);
  });

  it("is shared by all reps when no rep has quota for its product", () => {
    // Product Z: nobody sells it, so the same split as no product: 6, 4, 0.
    const plan = computePlan([...own, segment("", "Z", assumptions(), [quota("2027-02", 50_000)])], NO_SURGE);
    expect(qualified(checkCapacity(plan, team, { respectCapacity: false }))).toEqual([8, 6, 0]);
  });

  it("is shared by full capacity when every sharer is away, so the leads show as overload", () => {
    // Nobody works 2027-01: 10 leads split 30 : 20 : 10 → 5, 3.33, 1.67 → 5, 3, 2; all over capacity 0.
    const away = team.map((entry) => rep(entry.name, entry.capacity, { away: { "2027-01": 0 } }));
    const plan = computePlan([segment("", "", assumptions(), [quota("2027-02", 50_000)])], NO_SURGE);
    const report = checkCapacity(plan, away, { respectCapacity: false });
    expect(qualified(report)).toEqual([5, 3, 2]);
    expect(report.reps.map((entry) => entry.months[0]!.over)).toEqual([true, true, true]);
  });

  it("refuses a plan whose rep is not in the team (the reader checks this first, with the quota line)", () => {
    const plan = computePlan(own, NO_SURGE);
    expect(() => checkCapacity(plan, [rep("Ana", 30)], { respectCapacity: false })).toThrow(
      'rep "Ben" has quota but is not in the team: check the team against the quotas first',
    );
  });
});
