import { describe, expect, it } from "vitest";
import { groupPlan } from "../../src/core/group.js";
import { lagFromMonths } from "../../src/core/lag.js";
import { computePlan } from "../../src/core/plan.js";
import { changeOf, compareScenarios, gridSize, scenarioGrid, sensitivity, withOverrides } from "../../src/core/scenarios.js";
import { NO_SURGE, assumptions, quota, segment } from "./helpers.js";

// $150,000 due in 2027-03 at $75,000 deals, 20% close, 10% qualify, a 1-month cycle, $45 an
// inquiry: 2 deals, 10 qualified leads and 100 inquiries in 2027-02, budget $4,500.
const values = assumptions({ avgDealSize: 75_000, closeRate: 0.2, qualifyRate: 0.1, costPerInquiry: 45, salesCycle: lagFromMonths(1) });
const segments = [segment("Ana", "Platform", values, [quota("2027-03", 150_000)])];

describe("compareScenarios", () => {
  it("puts the baseline first and each scenario's change against it", () => {
    const rows = compareScenarios(segments, NO_SURGE, [
      { name: "dearer", overrides: { costPerInquiry: 60 } },
      { name: "worse close", overrides: { closeRate: 0.1 } },
    ]);
    expect(rows.map((row) => [row.name, row.inquiries, row.qualifiedLeads, row.deals, row.budget])).toEqual([
      ["baseline", 100, 10, 2, 4_500],
      // 100 inquiries × $60.
      ["dearer", 100, 10, 2, 6_000],
      // 2 deals ÷ 10% = 20 qualified ÷ 10% = 200 inquiries × $45.
      ["worse close", 200, 20, 2, 9_000],
    ]);
    expect(rows[1]?.budgetChange).toEqual({ absolute: 1_500, percent: 33.33 });
    expect(rows[2]?.inquiriesChange).toEqual({ absolute: 100, percent: 100 });
    // $4,500 ÷ 10 qualified, ÷ 2 deals; $150,000 of quota ÷ $4,500.
    expect([rows[0]?.costPerQualifiedLead, rows[0]?.costPerDeal, rows[0]?.revenuePerDollar]).toEqual([450, 2_250, 33.33]);
    expect(rows[0]?.budgetByQuarter).toEqual([{ quarter: "2027-Q1", budget: 4_500 }]);
  });

  it("gives the same figures as computing the plan with the override in the assumptions", () => {
    const [, dearer] = compareScenarios(segments, NO_SURGE, [{ name: "dearer", overrides: { costPerInquiry: 60, qualifyRate: 0.25 } }]);
    const direct = groupPlan(computePlan([segment("Ana", "Platform", { ...values, costPerInquiry: 60, qualifyRate: 0.25 }, [quota("2027-03", 150_000)])], NO_SURGE), "month");
    expect([dearer?.inquiries, dearer?.budget]).toEqual([direct.totals.inquiries, direct.totals.budget]);
  });

  it("applies a surge override to the surge policy, not the segments", () => {
    const q1 = { rate: 0.3, quarters: [1], fiscalYearStart: 1 };
    const [baseline, none] = compareScenarios(segments, q1, [{ name: "no surge", overrides: { surge: 0 } }]);
    // February is in Q1: 100 × 1.3 = 130 inquiries with the surge, 100 without.
    expect([baseline?.inquiries, none?.inquiries]).toEqual([130, 100]);
  });

  it("leaves segments untouched when a scenario overrides nothing but the surge", () => {
    expect(withOverrides(segments, { surge: 0 })[0]).toBe(segments[0]);
  });
});

describe("scenarioGrid", () => {
  const variations = [
    { name: "cost_per_inquiry", values: ["40", "60", "80"].map((text) => ({ text, overrides: { costPerInquiry: Number(text) } })) },
    { name: "qualified_to_won", values: [{ text: "20%", overrides: { closeRate: 0.2 } }, { text: "25%", overrides: { closeRate: 0.25 } }] },
  ];

  it("makes every combination, the first variation slowest", () => {
    expect(gridSize(variations)).toBe(6);
    expect(scenarioGrid(variations).map((scenario) => scenario.name)).toEqual([
      "cost_per_inquiry=40 qualified_to_won=20%",
      "cost_per_inquiry=40 qualified_to_won=25%",
      "cost_per_inquiry=60 qualified_to_won=20%",
      "cost_per_inquiry=60 qualified_to_won=25%",
      "cost_per_inquiry=80 qualified_to_won=20%",
      "cost_per_inquiry=80 qualified_to_won=25%",
    ]);
    expect(scenarioGrid(variations)[3]?.overrides).toEqual({ costPerInquiry: 60, closeRate: 0.25 });
  });

  it("makes no scenario without variations", () => {
    expect([gridSize([]), scenarioGrid([])]).toEqual([0, []]);
  });
});

describe("sensitivity", () => {
  it("sorts the assumptions by the larger budget change of a move down or up", () => {
    const rows = sensitivity(segments, NO_SURGE, 0.5);
    // Deal size ×0.5: 4 deals, 20 qualified, 200 inquiries, $9,000: +$4,500; ×1.5: 1.33 deals,
    // 6.67 → 7 qualified, 66.7 → 67 inquiries, $3,015: -$1,485. Each rate moves it the same way.
    // Cost ×0.5 and ×1.5: ∓$2,250, smaller than +$4,500.
    expect(rows.slice(0, 4).map((row) => [row.assumption, row.down.budget.absolute, row.up.budget.absolute])).toEqual([
      ["avg_deal_size", 4_500, -1_485],
      ["inquiry_to_qualified", 4_500, -1_485],
      ["qualified_to_won", 4_500, -1_485],
      ["cost_per_inquiry", -2_250, 2_250],
    ]);
    expect(rows[0]?.impact).toBe(4_500);
  });
});

describe("changeOf", () => {
  it.each([
    [110, 100, { absolute: 10, percent: 10 }],
    [5, 0, { absolute: 5, percent: null }],
    [null, 100, { absolute: null, percent: null }],
  ])("compares %s with %s", (value, base, change) => {
    expect(changeOf(value, base)).toEqual(change);
  });
});
