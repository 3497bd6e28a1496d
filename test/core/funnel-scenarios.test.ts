import { describe, expect, it } from "vitest";
import { stageReach } from "../../src/core/capacity-lanes.js";
import { type StepAssumption, stepAssumptions } from "../../src/core/funnel.js";
import { lagFromMonths } from "../../src/core/lag.js";
import { compareScenarios, withOverrides } from "../../src/core/scenarios.js";
import { NO_SURGE, quota, segment } from "./helpers.js";

const FUNNEL = ["inquiry", "mql", "sql", "won"];
const step = (from: string, rate: number, months: number): StepAssumption => ({ from, rate, lag: lagFromMonths(months) });
// The worked example: 100 deals, 400 SQLs in April, 800 MQLs and 4,000 inquiries in March.
const WORKED = stepAssumptions({ avgDealSize: 10_000, unitsPerDeal: 1, costPerInquiry: 10 }, [step("sql", 0.25, 2), step("mql", 0.5, 1), step("inquiry", 0.2, 0)]);
const segments = [segment("", "", WORKED, [quota("2027-06", 1_000_000)])];

describe("scenarios of a configured funnel", () => {
  it("replaces a step's rate in its steps and collapses the two-stage fields again", () => {
    const [moved] = withOverrides(segments, { "rate:mql_to_sql": 0.4 }, FUNNEL);
    expect(moved?.assumptions.steps?.map((one) => one.rate)).toEqual([0.25, 0.4, 0.2]);
    // The collapsed funnel: close rate the step into won, qualification the steps above multiplied.
    expect(moved?.assumptions.closeRate).toBe(0.25);
    expect(moved?.assumptions.qualifyRate).toBeCloseTo(0.08, 12);
    expect(moved?.assumptions.qualification).toEqual(lagFromMonths(1));
  });

  it.each([
    ["mql_to_sql at 40%", { "rate:mql_to_sql": 0.4 }, [400, 1_000, 5_000], 50_000],
    ["inquiry_to_mql at 25%", { "rate:inquiry_to_mql": 0.25 }, [400, 800, 3_200], 32_000],
    ["sql_to_won at 50%", { "rate:sql_to_won": 0.5 }, [200, 400, 2_000], 20_000],
    ["$12 an inquiry", { costPerInquiry: 12 }, [400, 800, 4_000], 48_000],
  ])("plans %s as worked by hand", (_, overrides, stages, budget) => {
    const [, row] = compareScenarios(segments, NO_SURGE, [{ name: "x", overrides }], undefined, FUNNEL);
    expect(row?.stages).toEqual(stages);
    expect(row?.budget).toBe(budget);
  });
});

describe("stageReach", () => {
  it("gives the stage before won today's fields, and a stage above it the steps around it", () => {
    expect(stageReach(WORKED, 0)).toEqual({ upstream: { rate: WORKED.qualifyRate, lag: WORKED.qualification }, toWon: 0.25 });
    // MQLs: 20% of inquiries, no delay; 50% × 25% of them are won.
    expect(stageReach(WORKED, 1)).toEqual({ upstream: { rate: 0.2, lag: lagFromMonths(0) }, toWon: 0.125 });
    // The top stage itself: nothing above it.
    expect(stageReach(WORKED, 2)).toEqual({ upstream: { rate: 1, lag: lagFromMonths(0) }, toWon: 0.025 });
  });
});
