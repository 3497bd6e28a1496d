import { describe, expect, it } from "vitest";
import { groupPlan, segmentRows } from "../../src/core/group.js";
import { computePlan } from "../../src/core/plan.js";
import type { ScenarioRow } from "../../src/core/scenarios.js";
import { planCsvChunks, renderPlanCsv } from "../../src/render/legacy.js";
import { buildScenariosDocument } from "../../src/render/scenarios/build.js";
import { writeCsvText } from "../../src/render/writers/csv.js";
import { writeTable } from "../../src/render/writers/table.js";
import { PLAIN_CSV } from "../../src/render/csv-writer.js";
import { NO_SURGE, assumptions, quota, segment } from "../core/helpers.js";

// 400 reps, quotas in 12 months and leads from the month before: 5,200 segment rows.
const segments = Array.from({ length: 400 }, (_, rep) =>
  segment(`rep${rep}`, "", assumptions(), Array.from({ length: 12 }, (_, at) => quota(`2027-${String(at + 1).padStart(2, "0")}`, 10_000 * (1 + (rep % 5))))),
);
const plan = computePlan(segments, NO_SURGE);

function scenarioRow(at: number): ScenarioRow {
  const change = { absolute: at, percent: at / 100 };
  return {
    name: `cost_per_inquiry=${at}`,
    quota: 1_000_000,
    inquiries: 1000 + at,
    qualifiedLeads: 100,
    stages: [100, 1000 + at],
    deals: 20,
    budget: 40_000 + at,
    budgetByQuarter: ["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"].map((quarter) => ({ quarter, budget: 10_000 + at })),
    costPerQualifiedLead: 400,
    costPerStage: [400, 40],
    costPerDeal: 2000,
    revenuePerDollar: 25,
    overCapacity: null,
    budgetChange: change,
    inquiriesChange: change,
  };
}

describe("output that grows with the input is streamed and linear in its rows", () => {
  it("makes segment rows one at a time, the same rows as the segment view", () => {
    const rows = segmentRows(plan);
    const first = rows.next();
    expect(first.done).toBe(false);
    expect(first.value?.key).toEqual({ month: "2026-12", rep: "rep0", product: "" });
    expect([first.value, ...rows]).toEqual(groupPlan(plan, "segment").rows);
  });

  it("writes the plan CSV in chunks of 4,096 rows, byte for byte the CSV written whole", () => {
    const chunks = [...planCsvChunks("segment", segmentRows(plan))];
    expect(chunks.map((chunk) => chunk.split("\n").length - 1)).toEqual([1, 4096, 1104]);
    const whole = renderPlanCsv({ view: groupPlan(plan, "segment") } as Parameters<typeof renderPlanCsv>[0]);
    expect(chunks.join("")).toBe(whole);
  });

  it("writes 20,000 scenarios as CSV in well under a second's work per thousand (quadratic: 8,000 took 28 s)", () => {
    const report = { rows: Array.from({ length: 20_000 }, (_, at) => scenarioRow(at)), sensitivity: null, sources: null, warnings: [] };
    const started = performance.now();
    const document = buildScenariosDocument(report);
    const csv = writeCsvText(document, PLAIN_CSV);
    const table = writeTable(document, { color: false });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(csv.split("\n")).toHaveLength(20_002);
    expect(table.split("\n").length).toBeGreaterThan(40_000);
  }, 60_000);
});
