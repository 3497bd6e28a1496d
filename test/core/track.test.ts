import { describe, expect, it } from "vitest";
import { lagFromMonths } from "../../src/core/lag.js";
import { computePlan } from "../../src/core/plan.js";
import {
  type ActualEntry,
  type Actuals,
  type Checkpoints,
  type Measure,
  type MeasureValues,
  checkStatus,
  comparedMeasures,
  decidingMeasure,
  selectActuals,
  trackCheckpoints,
} from "../../src/core/track.js";
import { NO_SURGE, assumptions, month, quota, segment } from "./helpers.js";

// One segment in round numbers: $10,000 deals, 50% close, 25% qualification, a 1-month cycle and
// no qualification time, no surge. $100,000 due in each of February, March and April is 10 deals
// a month, 20 qualified leads and 80 inquiries generated a month earlier (January to March).
const values = assumptions();
const QUOTAS = [quota("2027-02", 100_000), quota("2027-03", 100_000), quota("2027-04", 100_000)];
const plan = computePlan([segment("", "", values, QUOTAS)], NO_SURGE);

function entry(at: string, figures: MeasureValues, rep = "", product = ""): ActualEntry {
  return { month: month(at), rep, product, values: figures };
}

function actualsOf(entries: ActualEntry[], measures: Measure[] = ["inquiries", "qualified", "won", "revenue"], byRep = false, byProduct = false): Actuals {
  return { byRep, byProduct, measures, entries };
}

function track(actuals: Actuals, asOf: string, by: Checkpoints["by"] = "month", tolerance = 0.1): Checkpoints {
  const selected = selectActuals(plan, actuals, month(asOf));
  if (selected.period === null) throw new Error("nothing selected");
  return trackCheckpoints(plan, { ...selected, period: selected.period }, comparedMeasures(plan, actuals), by, tolerance);
}

/** `[label, measure, plan, actual, variance, percent, status]` per check, the cumulative ones labelled `total`. */
function lines(checkpoints: Checkpoints): Array<[string, Measure, number, number, number, number | null, string]> {
  const rows = [...checkpoints.rows.map((row) => ({ row, label: Object.values(row.key).join(" ") })), { row: checkpoints.cumulative, label: "total" }];
  return rows.flatMap(({ row, label }) =>
    row.checks.map((check): [string, Measure, number, number, number, number | null, string] => [
      label,
      check.measure,
      check.plan,
      check.actual,
      check.variance,
      check.percentOfPlan === null ? null : Math.round(check.percentOfPlan * 100) / 100,
      check.status,
    ]),
  );
}

describe("checkStatus", () => {
  it.each([
    // plan 100 at 10%: on track from 90, behind from 80, far behind below.
    [100, 100, 0.1, "on-track"],
    [100, 90, 0.1, "on-track"],
    [100, 89.99, 0.1, "behind"],
    [100, 80, 0.1, "behind"],
    [100, 79.99, 0.1, "far-behind"],
    [100, 120, 0.1, "on-track"],
    // Nothing due is on track whatever happened.
    [0, 0, 0.1, "on-track"],
    // 7 × (1 − 0.2) is 5.6000000000000005 in binary: exactly 5.6 is still on the line.
    [7, 5.6, 0.1, "behind"],
    [7, 5.6, 0.2, "on-track"],
    // A zero tolerance: anything below plan is behind at once, and far behind too.
    [10, 9, 0, "far-behind"],
  ] as const)("plan %d, actual %d at tolerance %d is %s", (planned, actual, tolerance, expected) => {
    expect(checkStatus(planned, actual, tolerance)).toBe(expected);
  });
});

describe("decidingMeasure", () => {
  it.each([
    [["inquiries", "qualified", "won", "revenue"], "revenue"],
    [["inquiries", "won"], "won"],
    [["inquiries", "qualified"], "qualified"],
    [["inquiries"], "inquiries"],
    [[], null],
  ] as const)("of %j is %s", (measures, expected) => {
    expect(decidingMeasure(measures)).toBe(expected);
  });
});

describe("trackCheckpoints worked examples", () => {
  it("shows a month-by-month plan met exactly as on track at 100%", () => {
    const actuals = actualsOf([
      entry("2027-01", { inquiries: 80, qualified: 20, won: 0, revenue: 0 }),
      entry("2027-02", { inquiries: 80, qualified: 20, won: 10, revenue: 100_000 }),
      entry("2027-03", { inquiries: 80, qualified: 20, won: 10, revenue: 100_000 }),
    ]);
    const checkpoints = track(actuals, "2027-03");
    expect(checkpoints.period).toEqual({ first: month("2027-01"), last: month("2027-03") });
    expect(checkpoints.deciding).toBe("revenue");
    expect(checkpoints.status).toBe("on-track");
    // January has nothing due: deals and revenue have no percentage (null), and are on track.
    expect(lines(checkpoints)).toEqual([
      ["2027-01", "inquiries", 80, 80, 0, 100, "on-track"],
      ["2027-01", "qualified", 20, 20, 0, 100, "on-track"],
      ["2027-01", "won", 0, 0, 0, null, "on-track"],
      ["2027-01", "revenue", 0, 0, 0, null, "on-track"],
      ["2027-02", "inquiries", 80, 80, 0, 100, "on-track"],
      ["2027-02", "qualified", 20, 20, 0, 100, "on-track"],
      ["2027-02", "won", 10, 10, 0, 100, "on-track"],
      ["2027-02", "revenue", 100_000, 100_000, 0, 100, "on-track"],
      ["2027-03", "inquiries", 80, 80, 0, 100, "on-track"],
      ["2027-03", "qualified", 20, 20, 0, 100, "on-track"],
      ["2027-03", "won", 10, 10, 0, 100, "on-track"],
      ["2027-03", "revenue", 100_000, 100_000, 0, 100, "on-track"],
      ["total", "inquiries", 240, 240, 0, 100, "on-track"],
      ["total", "qualified", 60, 60, 0, 100, "on-track"],
      ["total", "won", 20, 20, 0, 100, "on-track"],
      ["total", "revenue", 200_000, 200_000, 0, 100, "on-track"],
    ]);
  });

  it("finds a rep not working the leads: inquiries on plan, qualified leads and everything after 30% short", () => {
    const actuals = actualsOf([
      entry("2027-01", { inquiries: 80, qualified: 14, won: 0, revenue: 0 }),
      entry("2027-02", { inquiries: 80, qualified: 14, won: 7, revenue: 70_000 }),
      entry("2027-03", { inquiries: 80, qualified: 14, won: 7, revenue: 70_000 }),
    ]);
    const checkpoints = track(actuals, "2027-03");
    // 14 of 20 qualified is 70%: below 20 × 0.8 = 16, far behind. Revenue 140,000 of 200,000 is 70%.
    expect(lines(checkpoints).filter(([label]) => label === "total")).toEqual([
      ["total", "inquiries", 240, 240, 0, 100, "on-track"],
      ["total", "qualified", 60, 42, -18, 70, "far-behind"],
      ["total", "won", 20, 14, -6, 70, "far-behind"],
      ["total", "revenue", 200_000, 140_000, -60_000, 70, "far-behind"],
    ]);
    expect(checkpoints.status).toBe("far-behind");
    expect(checkpoints.rows.map((row) => row.status)).toEqual(["on-track", "far-behind", "far-behind"]);
  });

  it("decides on deals when the actuals have no revenue, and compares only the columns given", () => {
    const actuals = actualsOf([entry("2027-02", { won: 9 }), entry("2027-03", { won: 8 })], ["won"]);
    const checkpoints = track(actuals, "2027-03");
    // 17 of 20 deals is 85%: between 80% and 90%, behind.
    expect(lines(checkpoints)).toEqual([
      ["2027-02", "won", 10, 9, -1, 90, "on-track"],
      ["2027-03", "won", 10, 8, -2, 80, "behind"],
      ["total", "won", 20, 17, -3, 85, "behind"],
    ]);
    expect(checkpoints.deciding).toBe("won");
  });

  it("groups by fiscal quarter and by rep, with reps without actuals still shown", () => {
    const two = computePlan(
      [segment("Ana", "", values, QUOTAS), segment("Ben", "", values, QUOTAS)],
      NO_SURGE,
    );
    const actuals = actualsOf([entry("2027-02", { revenue: 100_000 }, "Ana"), entry("2027-04", { revenue: 50_000 }, "Ana")], ["revenue"], true);
    const selected = selectActuals(two, actuals, month("2027-04"));
    const period = selected.period ?? { first: 0, last: 0 };
    // The period runs from February (the first actual) to April; Ben's months with no row count as 0.
    const byQuarter = trackCheckpoints(two, { ...selected, period }, ["revenue"], "quarter", 0.1);
    expect(byQuarter.rows.map((row) => [row.key.quarter, row.checks[0]?.plan, row.checks[0]?.actual])).toEqual([
      ["2027-Q1", 400_000, 100_000],
      ["2027-Q2", 200_000, 50_000],
    ]);
    const byRep = trackCheckpoints(two, { ...selected, period }, ["revenue"], "rep", 0.1);
    expect(byRep.rows.map((row) => [row.key.rep, row.checks[0]?.actual, row.status])).toEqual([
      ["Ana", 150_000, "far-behind"],
      ["Ben", 0, "far-behind"],
    ]);
    expect(byRep.cumulative.checks[0]).toMatchObject({ plan: 600_000, actual: 150_000, variance: -450_000, percentOfPlan: 25 });
  });

  it("lists a segment row for each cell with a plan or an actual", () => {
    const actuals = actualsOf([entry("2027-02", { won: 10 }, "", "")], ["won"], true, true);
    const checkpoints = track(actuals, "2027-02", "segment");
    expect(checkpoints.rows.map((row) => row.key)).toEqual([{ month: "2027-02", rep: "", product: "" }]);
  });
});

describe("selectActuals", () => {
  it("leaves out months after as-of, months with no plan and reps the quotas do not have", () => {
    const actuals = actualsOf(
      [
        entry("2026-12", { won: 1 }, ""), // before the plan's first month (2027-01)
        entry("2027-02", { won: 10 }, ""),
        entry("2027-02", { won: 3 }, "Cy"), // not in the quotas
        entry("2027-04", { won: 10 }, ""), // after as-of
        entry("2027-05", { won: 1 }, ""), // after as-of, and after the plan
      ],
      ["won"],
      true,
    );
    const selected = selectActuals(plan, actuals, month("2027-03"));
    expect(selected.entries).toEqual([actuals.entries[1]]);
    expect(selected.leftOut).toEqual([
      { index: 0, reason: "no-plan" },
      { index: 2, reason: "not-in-quotas" },
      { index: 3, reason: "after-as-of" },
      { index: 4, reason: "after-as-of" },
    ]);
    // The period starts at the first kept month; March has no row, so it counts as 0.
    expect(selected.period).toEqual({ first: month("2027-02"), last: month("2027-03") });
    expect(selected.monthsWithoutRows).toEqual([month("2027-03")]);
  });

  it("ends the period at the plan's last month when as-of is later", () => {
    const selected = selectActuals(plan, actualsOf([entry("2027-04", { won: 10 })], ["won"]), month("2027-09"));
    expect(selected.period).toEqual({ first: month("2027-04"), last: month("2027-04") });
  });

  it("gives no period when nothing can be compared", () => {
    const selected = selectActuals(plan, actualsOf([entry("2027-04", { won: 10 })], ["won"]), month("2027-03"));
    expect(selected.period).toBeNull();
    expect(selected.leftOut).toEqual([{ index: 0, reason: "after-as-of" }]);
  });

  it("matches a rep and product pair only when the quotas have that pair", () => {
    const two = computePlan([segment("Ana", "A", values, QUOTAS), segment("Ben", "B", values, QUOTAS)], NO_SURGE);
    const actuals = actualsOf([entry("2027-02", { won: 1 }, "Ana", "A"), entry("2027-02", { won: 1 }, "Ana", "B")], ["won"], true, true);
    expect(selectActuals(two, actuals, month("2027-02")).leftOut).toEqual([{ index: 1, reason: "not-in-quotas" }]);
  });
});

describe("comparedMeasures", () => {
  it("leaves revenue out when the quotas are in units only", () => {
    const units = computePlan([segment("", "", assumptions({ avgDealSize: null, salesCycle: lagFromMonths(1) }), [quota("2027-02", null, 10)])], NO_SURGE);
    expect(comparedMeasures(units, actualsOf([], ["won", "revenue"]))).toEqual(["won"]);
    expect(comparedMeasures(plan, actualsOf([], ["revenue", "inquiries"]))).toEqual(["inquiries", "revenue"]);
  });
});
