import { type Every, monthOfHalf } from "./half-month.js";
import { meanLag } from "./lag.js";
import type { Plan } from "./plan.js";
import { type ActualEntry, formatPeriod, periodOfEntry } from "./track.js";

/** One checkpoint period's pipeline coverage, for the whole team. */
export interface CoverageRow {
  /** `2027-01`, or `2027-01-H1` with --every half-month. */
  period: string;
  /** Open qualified pipeline at the period's end: each rep and product's last figure in it, summed. */
  openPipeline: number;
  /** Quota due within the next sales cycle after the period's month. */
  quotaDue: number;
  /** openPipeline ÷ quotaDue; null when no quota is due (no coverage of nothing). */
  coverage: number | null;
  /** Below the target (a period with no quota due never is). */
  below: boolean;
  /** The cycle's window runs past the plan's last month: the quota due is only what the plan holds. */
  pastPlan: boolean;
}

export interface CoverageCheck {
  every: Every;
  /** 3 for the inbound norm of 3×. */
  target: number;
  /** The plan's longest sales cycle, in months (each segment's mean). */
  cycleMonths: number;
  /** Whether that cycle is no longer than one period: coverage then says little. */
  cycleWithinPeriod: boolean;
  rows: CoverageRow[];
}

// A target such as 3 × 100,000 must not fail 300,000 by a rounding hair.
const NOISE = 1e-9;

/**
 * Pipeline coverage per checkpoint period: the open pipeline at the period's end ÷ the quota due
 * within the next sales cycle, as the plan has it. Open pipeline is a level, not a flow: of the
 * rows in a period (days, halves), each rep, product (and source)'s latest counts, then they are summed. A
 * segment's window is the months after the period's month, as many as its mean sales cycle
 * rounded up (90 days, 2.96 months: the next 3 months); half-months use their month's window.
 * Rows without `openPipeline` are left out; undefined when none has one.
 *
 * Example: 900,000 open at the end of 2027-01, a 2-month cycle, 300,000 due in each of Feb and
 * Mar: 900,000 ÷ 600,000 = 1.5×, below 3×.
 */
export function checkCoverage(plan: Plan, entries: readonly ActualEntry[], every: Every, target: number): CoverageCheck | undefined {
  const latest = new Map<string, { at: number; when: number; value: number }>();
  for (const entry of entries) {
    if (entry.openPipeline === undefined) continue;
    const at = periodOfEntry(entry, every);
    const when = entry.day ?? entry.half ?? entry.month;
    // Each source's pipeline is its own level (a source column splits a rep's rows): the latest of each is summed.
    const id = `${at}\u0000${entry.rep}\u0000${entry.product}\u0000${entry.source ?? ""}`;
    const seen = latest.get(id);
    if (seen === undefined || when >= seen.when) latest.set(id, { at, when, value: entry.openPipeline });
  }
  if (latest.size === 0) return undefined;
  const open = new Map<number, number>();
  for (const { at, value } of latest.values()) open.set(at, (open.get(at) ?? 0) + value);
  const windows = plan.segments.map((segment) => Math.max(1, Math.ceil(meanLag(segment.assumptions.salesCycle) - NOISE)));
  const cycleMonths = plan.segments.reduce((longest, segment) => Math.max(longest, meanLag(segment.assumptions.salesCycle)), 0);
  const lastMonth = plan.firstMonth + plan.monthCount - 1;
  const rows = [...open.entries()]
    .sort(([left], [right]) => left - right)
    .map(([at, openPipeline]): CoverageRow => {
      const month = every === "month" ? at : monthOfHalf(at);
      let quotaDue = 0;
      let pastPlan = false;
      plan.segments.forEach((segment, index) => {
        const window = windows[index] ?? 1;
        if (month + window > lastMonth) pastPlan = true;
        for (let ahead = 1; ahead <= window; ahead++) quotaDue += segment.quota[month + ahead - plan.firstMonth] ?? 0;
      });
      const coverage = quotaDue === 0 ? null : openPipeline / quotaDue;
      return { period: formatPeriod(at, every), openPipeline, quotaDue, coverage, below: coverage !== null && openPipeline < target * quotaDue * (1 - NOISE), pastPlan };
    });
  return { every, target, cycleMonths, cycleWithinPeriod: cycleMonths <= (every === "month" ? 1 : 0.5) + NOISE, rows };
}
