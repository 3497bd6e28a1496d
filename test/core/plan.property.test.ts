import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PAIR_GROUPINGS, PLAN_GROUPINGS, type PlanRow, type PlanView, groupPlan } from "../../src/core/group.js";
import { lagFromDays } from "../../src/core/lag.js";
import { monthIndex } from "../../src/core/month.js";
import { type MonthQuota, type SegmentInput, type StageSeries, type SurgePolicy, computePlan, surgedVolume } from "../../src/core/plan.js";
import { labelOf } from "./helpers.js";

// Fixed seed: a failure reproduces on every machine. 150 runs keep the file at well under a second.
const RUNS = { numRuns: 150, seed: 20_270_101 } as const;

const percent = (min: number, max: number) => fc.integer({ min, max }).map((whole) => whole / 100);
const assumptionsArb = fc.record({
  avgDealSize: fc.integer({ min: 5_000, max: 200_000 }),
  unitsPerDeal: fc.integer({ min: 1, max: 20 }),
  closeRate: percent(10, 100),
  qualifyRate: percent(10, 100),
  costPerInquiry: fc.option(fc.integer({ min: 1, max: 50_000 }).map((cents) => cents / 100), { nil: null }),
  salesCycle: fc.integer({ min: 0, max: 200 }).map(lagFromDays),
  qualification: fc.integer({ min: 0, max: 60 }).map(lagFromDays),
});
// A quota is 0 or at least $1,000, so every exact cell is 0 or far above wholeUp's 1e-9 noise allowance.
const quotaArb: fc.Arbitrary<MonthQuota> = fc
  .record({
    month: fc.integer({ min: 0, max: 23 }).map((offset) => monthIndex(2026, 1) + offset),
    quota: fc.option(fc.oneof(fc.constant(0), fc.integer({ min: 1_000, max: 400_000 })), { nil: null }),
    units: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  })
  .filter((entry) => entry.quota !== null || entry.units !== null);
const segmentArb: fc.Arbitrary<SegmentInput> = fc.record({
  rep: fc.constantFrom("", "Ann", "Bob"),
  product: fc.constantFrom("", "X", "Y"),
  assumptions: assumptionsArb,
  quotas: fc.array(quotaArb, { minLength: 1, maxLength: 4 }),
});
const segmentsArb = fc.array(segmentArb, { minLength: 1, maxLength: 3 });
const surgeArb: fc.Arbitrary<SurgePolicy> = fc.record({
  rate: percent(0, 60),
  quarters: fc.subarray([1, 2, 3, 4]),
  fiscalYearStart: fc.integer({ min: 1, max: 12 }),
});

const COUNTS = ["units", "deals", "qualifiedLeads", "inquiries", "surgeInquiries"] as const;
const LEADS = ["deals", "qualifiedLeads", "inquiries"] as const;

function scaled(segments: readonly SegmentInput[], factor: number): SegmentInput[] {
  const times = (value: number | null) => (value === null ? null : value * factor);
  return segments.map((segment) => ({
    ...segment,
    quotas: segment.quotas.map((entry) => ({ ...entry, quota: times(entry.quota), units: times(entry.units) })),
  }));
}

function rowsByLabel(view: PlanView): Map<string, PlanRow> {
  return new Map(view.rows.map((row) => [labelOf(row), row]));
}

const closeTo = (actual: number, expected: number) => Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));

describe("computePlan properties", () => {
  it("doubles every exact series when every quota doubles", () => {
    fc.assert(
      fc.property(segmentsArb, surgeArb, (segments, surge) => {
        const once = computePlan(segments, surge);
        const twice = computePlan(scaled(segments, 2), surge);
        expect([twice.firstMonth, twice.monthCount]).toEqual([once.firstMonth, once.monthCount]);
        once.segments.forEach((segment, index) => {
          const doubled = twice.segments[index];
          // Doubling is exact in binary floating point, so the series double bit for bit.
          expect(doubled?.deals).toEqual(segment.deals.map((value) => 2 * value));
          expect(doubled?.stages.map((stage) => stage.beforeSurge)).toEqual(segment.stages.map((stage) => stage.beforeSurge.map((value) => 2 * value)));
          const surged = (from: typeof once, stage: StageSeries) => stage.beforeSurge.map((_, at) => surgedVolume(from, stage, at));
          expect(doubled?.stages.map((stage) => surged(twice, stage))).toEqual(segment.stages.map((stage) => surged(once, stage).map((value) => 2 * value)));
        });
      }),
      RUNS,
    );
  });

  it("needs, per cell, between twice the whole count less one and twice the whole count when every quota doubles", () => {
    // For exact x ≥ 0, ⌈2x⌉ is 2⌈x⌉ − 1 or 2⌈x⌉. wholeUp treats |x − n| ≤ 1e-9 · max(1, x) as n, which keeps
    // this true except for 5e-10 < x ≤ 1e-9 (0 leads, doubled 1): the quotas above never give such a cell.
    fc.assert(
      fc.property(segmentsArb, surgeArb, (segments, surge) => {
        const once = groupPlan(computePlan(segments, surge), "segment").rows;
        const twice = groupPlan(computePlan(scaled(segments, 2), surge), "segment").rows;
        expect(twice.map(labelOf)).toEqual(once.map(labelOf));
        once.forEach((cell, index) => {
          for (const name of LEADS) {
            const doubled = twice[index]?.[name] ?? Number.NaN;
            expect(doubled).toBeLessThanOrEqual(2 * cell[name]);
            expect(doubled).toBeGreaterThanOrEqual(2 * cell[name] - 1);
          }
        });
      }),
      RUNS,
    );
  });

  it("conserves volume through the timing split: exact leads before the surge sum to the deals over the rates", () => {
    fc.assert(
      fc.property(segmentsArb, surgeArb, (segments, surge) => {
        for (const segment of computePlan(segments, surge).segments) {
          const sum = (series: readonly number[]) => series.reduce((total, value) => total + value, 0);
          const [qualified, inquiries] = segment.stages;
          const deals = sum(segment.deals);
          expect(closeTo(sum(qualified?.beforeSurge ?? []), deals / segment.assumptions.closeRate)).toBe(true);
          expect(closeTo(sum(inquiries?.beforeSurge ?? []), deals / segment.assumptions.closeRate / segment.assumptions.qualifyRate)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("never needs fewer deals or leads in any month for more quota", () => {
    const moreArb = fc.record({
      amounts: fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 4, maxLength: 4 }),
      units: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 4, maxLength: 4 }),
      extra: fc.array(quotaArb, { maxLength: 2 }),
    });
    fc.assert(
      fc.property(segmentsArb, fc.array(moreArb, { minLength: 3, maxLength: 3 }), surgeArb, (segments, more, surge) => {
        const bigger = segments.map((segment, index): SegmentInput => {
          const added = more[index];
          const quotas = segment.quotas.map((entry, at) => ({
            ...entry,
            quota: entry.quota === null ? null : entry.quota + (added?.amounts[at] ?? 0),
            units: entry.units === null ? null : entry.units + (added?.units[at] ?? 0),
          }));
          return { ...segment, quotas: [...quotas, ...(added?.extra ?? [])] };
        });
        const small = computePlan(segments, surge);
        const large = computePlan(bigger, surge);
        expect(large.firstMonth).toBeLessThanOrEqual(small.firstMonth);
        expect(large.firstMonth + large.monthCount).toBeGreaterThanOrEqual(small.firstMonth + small.monthCount);
        const largeRows = rowsByLabel(groupPlan(large, "month"));
        for (const row of groupPlan(small, "month").rows) {
          const larger = largeRows.get(labelOf(row));
          for (const name of LEADS) expect(larger?.[name]).toBeGreaterThanOrEqual(row[name]);
        }
      }),
      RUNS,
    );
  });

  it("never lowers a count with the surge on, and counts only surge months' extra inquiries", () => {
    fc.assert(
      fc.property(segmentsArb, surgeArb, (segments, surge) => {
        const plain = groupPlan(computePlan(segments, { ...surge, rate: 0 }), "month");
        const surged = groupPlan(computePlan(segments, surge), "month");
        expect(surged.rows.map(labelOf)).toEqual(plain.rows.map(labelOf));
        surged.rows.forEach((row, index) => {
          const before = plain.rows[index];
          expect(row.deals).toBe(before?.deals);
          expect(row.qualifiedLeads).toBeGreaterThanOrEqual(before?.qualifiedLeads ?? Number.NaN);
          expect(row.inquiries).toBe((before?.inquiries ?? Number.NaN) + row.surgeInquiries);
          expect(row.surgeInquiries).toBeGreaterThanOrEqual(0);
          if (!row.surge) expect(row.surgeInquiries).toBe(0);
          expect(before?.surgeInquiries).toBe(0);
        });
      }),
      RUNS,
    );
  });
});

describe("groupPlan properties", () => {
  it("adds every view's rows up to its totals, and every view to the same totals", () => {
    fc.assert(
      fc.property(segmentsArb, surgeArb, (segments, surge) => {
        const plan = computePlan(segments, surge);
        const views = PLAN_GROUPINGS.map((by) => groupPlan(plan, by));
        const reference = views[0]?.totals;
        const budgetKnown = plan.segments.every((segment) => segment.assumptions.costPerInquiry !== null);
        for (const view of views) {
          for (const name of COUNTS) expect(view.rows.reduce((total, row) => total + row[name], 0)).toBe(view.totals[name]);
          for (const name of COUNTS) expect(view.totals[name]).toBe(reference?.[name]);
          const budgets = view.rows.map((row) => row.budget);
          if (!budgetKnown) {
            expect(view.totals.budget).toBeNull();
          } else {
            expect(budgets).not.toContain(null);
            expect(Math.abs((view.totals.budget ?? Number.NaN) - budgets.reduce<number>((total, budget) => total + (budget ?? 0), 0))).toBeLessThan(0.005);
          }
          expect(view.totals.budget).toBe(reference?.budget);
          if (plan.hasAmounts) {
            const quota = view.rows.reduce((total, row) => total + (row.quota ?? Number.NaN), 0);
            expect(Math.abs((view.totals.quota ?? Number.NaN) - quota)).toBeLessThan(0.005);
          } else {
            expect(view.totals.quota).toBeNull();
          }
        }
      }),
      RUNS,
    );
  });

  it("adds each pair view (month,rep) up to its time view and to its name view, row by row", () => {
    fc.assert(
      fc.property(segmentsArb, surgeArb, (segments, surge) => {
        const plan = computePlan(segments, surge);
        for (const by of PAIR_GROUPINGS) {
          const [time, name] = by.split(",") as ["month" | "quarter", "rep" | "product"];
          const pairs = groupPlan(plan, by).rows;
          for (const [grain, view] of [[time, groupPlan(plan, time)], [name, groupPlan(plan, name)]] as const) {
            for (const row of view.rows) {
              const parts = pairs.filter((pair) => pair.key[grain] === row.key[grain]);
              for (const count of COUNTS) expect(parts.reduce((total, pair) => total + pair[count], 0)).toBe(row[count]);
            }
          }
        }
      }),
      RUNS,
    );
  });
});
