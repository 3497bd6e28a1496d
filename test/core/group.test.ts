import { describe, expect, it } from "vitest";
import { GROUPINGS, type PlanView, groupPlan } from "../../src/core/group.js";
import { lagFromMonths } from "../../src/core/lag.js";
import { computePlan } from "../../src/core/plan.js";
import { NO_SURGE, assumptions, counts, labelOf, quota, segment, surge } from "./helpers.js";

// $10,000 deals, 50% close, 25% qualify, 1-month cycle, $2 an inquiry. Each deal needs 2 qualified
// leads and 8 inquiries the month before it closes.
const values = assumptions({ costPerInquiry: 2 });
const segments = [
  segment("Ann", "X", values, [quota("2027-03", 100_000), quota("2027-04", 50_000)]), // 10 and 5 deals
  segment("Bob", "Y", values, [quota("2027-04", 30_000)]), // 3 deals
  segment("", "X", values, [quota("2027-03", 20_000)]), // 2 deals, no rep
  segment("Zoe", "", values, [quota("2027-04", 10_000)]), // 1 deal, no product
];

function view(by: (typeof GROUPINGS)[number], fiscalYearStart = 1): PlanView {
  return groupPlan(computePlan(segments, { ...NO_SURGE, fiscalYearStart }), by);
}

describe("groupPlan views", () => {
  it("gives one row per month: February generates for March, March for April", () => {
    // February: (10 + 2) deals × 2 = 24 qualified, × 8 = 96 inquiries. March: (5 + 3 + 1) × 2 = 18 and 72.
    expect(counts(view("month"))).toEqual([
      ["2027-02", 0, 24, 96],
      ["2027-03", 12, 18, 72],
      ["2027-04", 9, 0, 0],
    ]);
  });

  it.each([
    { start: 1, labels: ["2027-Q1", "2027-Q2"] },
    // An April start puts February and March in the fourth quarter of FY2027, April in FY2028-Q1.
    { start: 4, labels: ["FY2027-Q4", "FY2028-Q1"] },
  ])("gives one row per fiscal quarter, labelled for a fiscal year starting in month $start", ({ start, labels }) => {
    expect(counts(view("quarter", start))).toEqual([
      [labels[0], 12, 42, 168],
      [labels[1], 9, 0, 0],
    ]);
  });

  it("names a fiscal year starting in November or December by the calendar year it ends in", () => {
    // From November: Nov–Jan is Q1 and Feb–Apr Q2 of FY2027 (ends October 2027). From December: Dec–Feb is Q1, Mar–May Q2.
    expect(view("quarter", 11).rows.map(labelOf)).toEqual(["FY2027-Q2"]);
    expect(view("quarter", 12).rows.map(labelOf)).toEqual(["FY2027-Q1", "FY2027-Q2"]);
  });

  it("gives one row per rep in code-unit order, the unassigned rep last", () => {
    expect(counts(view("rep"))).toEqual([
      ["Ann", 15, 30, 120],
      ["Bob", 3, 6, 24],
      ["Zoe", 1, 2, 8],
      ["", 2, 4, 16],
    ]);
    expect(view("rep").rows.map((row) => row.quota)).toEqual([150_000, 30_000, 10_000, 20_000]);
  });

  it("gives one row per product, the unassigned product last", () => {
    expect(counts(view("product"))).toEqual([
      ["X", 17, 34, 136],
      ["Y", 3, 6, 24],
      ["", 1, 2, 8],
    ]);
  });

  it("gives one row per month, rep and product where something is due or generated", () => {
    expect(counts(view("segment"))).toEqual([
      ["2027-02 Ann X", 0, 20, 80],
      ["2027-02  X", 0, 4, 16],
      ["2027-03 Ann X", 10, 10, 40],
      ["2027-03 Bob Y", 0, 6, 24],
      ["2027-03 Zoe ", 0, 2, 8],
      ["2027-03  X", 2, 0, 0],
      ["2027-04 Ann X", 5, 0, 0],
      ["2027-04 Bob Y", 3, 0, 0],
      ["2027-04 Zoe ", 1, 0, 0],
    ]);
  });

  it("sorts names by code unit, not by locale", () => {
    const named = ["bob", "Émile", "Bob", "ann"].map((rep) => segment(rep, "", values, [quota("2027-01", 10_000)]));
    expect(groupPlan(computePlan(named, NO_SURGE), "rep").rows.map(labelOf)).toEqual(["Bob", "ann", "bob", "Émile"]);
  });

  it.each(GROUPINGS)("adds the %s rows up to the same totals as every other view", (by) => {
    const grouped = view(by);
    const sum = (pick: (row: (typeof grouped.rows)[number]) => number) => grouped.rows.reduce((total, row) => total + pick(row), 0);
    expect([sum((row) => row.deals), sum((row) => row.qualifiedLeads), sum((row) => row.inquiries), sum((row) => row.budget ?? Number.NaN)]).toEqual([
      21, 42, 168, 336,
    ]);
    // 168 inquiries × $2 = $336; per qualified lead 336 / 42 = 8; per deal 336 / 21 = 16.
    expect(grouped.totals).toMatchObject({ quota: 210_000, deals: 21, qualifiedLeads: 42, inquiries: 168, budget: 336 });
    expect(grouped.totals).toMatchObject({ costPerInquiry: 2, costPerQualifiedLead: 8, costPerDeal: 16 });
  });
});

describe("rounding per cell", () => {
  it("rounds two segments each needing half a qualified lead to 2 leads, not 1", () => {
    // $2,500 / $10,000 = 0.25 deals (1 shown) / 0.5 = 0.5 qualified (1 shown) / 0.25 = 2 inquiries, per segment.
    const halves = [segment("Ann", "X", values, [quota("2027-03", 2_500)]), segment("Bob", "X", values, [quota("2027-03", 2_500)])];
    const plan = computePlan(halves, NO_SURGE);
    for (const by of ["month", "quarter", "product"] as const) {
      const grouped = groupPlan(plan, by);
      expect([grouped.totals.deals, grouped.totals.qualifiedLeads, grouped.totals.inquiries]).toEqual([2, 2, 4]);
      expect([grouped.totals.exact.deals, grouped.totals.exact.qualifiedLeads]).toEqual([0.5, 1]);
    }
    expect(counts(groupPlan(plan, "product"))).toEqual([["X", 2, 2, 4]]);
  });
});

describe("surge flags", () => {
  const surged = computePlan(
    [
      segment("Ann", "", values, [quota("2027-03", 100_000)]), // leads in February: Q1, surge
      segment("Bob", "", values, [quota("2027-06", 100_000)]), // leads in May: Q2, no surge
    ],
    surge(0.3),
  );

  it("flags the months and quarters that surge", () => {
    const months = groupPlan(surged, "month").rows.map((row) => [labelOf(row), row.surge]);
    expect(months).toEqual([
      ["2027-02", true],
      ["2027-03", true],
      ["2027-04", false],
      ["2027-05", false],
      ["2027-06", false],
    ]);
    expect(groupPlan(surged, "quarter").rows.map((row) => [labelOf(row), row.surge])).toEqual([
      ["2027-Q1", true],
      ["2027-Q2", false],
    ]);
  });

  it("flags a rep only when the rep has something in a surge month", () => {
    const reps = groupPlan(surged, "rep").rows;
    // Ann: 20 × 1.3 = 26 qualified, 80 × 1.3 = 104 inquiries, 24 of them surge. Bob: 20 and 80.
    expect(reps.map((row) => [labelOf(row), row.surge, row.qualifiedLeads, row.inquiries, row.surgeInquiries])).toEqual([
      ["Ann", true, 26, 104, 24],
      ["Bob", false, 20, 80, 0],
    ]);
  });
});

describe("totals without a value", () => {
  it("gives no cost per inquiry, qualified lead or deal when nothing is needed", () => {
    const grouped = groupPlan(computePlan([segment("Ann", "X", values, [quota("2027-03", 0)])], NO_SURGE), "month");
    expect(grouped.totals).toMatchObject({ deals: 0, inquiries: 0, budget: 0, costPerInquiry: null, costPerQualifiedLead: null, costPerDeal: null });
  });

  it("has no rows and zero totals for an empty plan", () => {
    const grouped = groupPlan(computePlan([], NO_SURGE), "month");
    expect(grouped.rows).toEqual([]);
    expect(grouped.totals).toMatchObject({ quota: null, deals: 0, qualifiedLeads: 0, inquiries: 0, costPerInquiry: null });
  });
});

describe("money", () => {
  // The segment view lists only non-empty cells, so a cost-less segment with nothing to do is not
  // among its rows; its total must still have no value, as in the other four views.
  it("agrees in every view that the budget is unknown when a segment without a cost has nothing to buy", () => {
    const plan = computePlan(
      [segment("Ann", "X", values, [quota("2027-03", 100_000)]), segment("Bob", "Y", assumptions({ costPerInquiry: null }), [quota("2027-03", 0)])],
      NO_SURGE,
    );
    expect(GROUPINGS.map((by) => groupPlan(plan, by).totals.budget)).toEqual([null, null, null, null, null]);
  });

  it("rounds budgets to cents per row and sums the rows", () => {
    // 14 inquiries a month at $0.335: 4.69 per month, three months 14.07.
    const cheap = assumptions({ costPerInquiry: 0.335, salesCycle: lagFromMonths(1) });
    const plan = computePlan([segment("", "", cheap, ["2027-02", "2027-03", "2027-04"].map((at) => quota(at, 17_500)))], NO_SURGE);
    // $17,500 = 1.75 deals / 0.5 = 3.5 qualified / 0.25 = 14 inquiries.
    const grouped = groupPlan(plan, "month");
    expect(grouped.rows.map((row) => row.budget)).toEqual([4.69, 4.69, 4.69, 0]);
    expect(grouped.totals.budget).toBe(14.07);
  });

  it("totals a $2,000,000 quota in each of four quarters as exactly $8,000,000", () => {
    const quarterly = ["2027-03", "2027-06", "2027-09", "2027-12"].map((at) => quota(at, 2_000_000));
    const grouped = groupPlan(computePlan([segment("", "", values, quarterly)], NO_SURGE), "quarter");
    expect(grouped.rows.map((row) => row.quota)).toEqual([2_000_000, 2_000_000, 2_000_000, 2_000_000]);
    expect(grouped.totals.quota).toBe(8_000_000); // gives 8,000,000.01
  });
});
