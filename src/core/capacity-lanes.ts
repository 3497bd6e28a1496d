import { type SegmentAssumptions, funnelStages } from "./funnel.js";
import { type LagDistribution, composeLags } from "./lag.js";
import type { MonthIndex } from "./month.js";
import { type Plan, type SegmentPlan, surgedVolume } from "./plan.js";
import { wholeUp } from "./rounding.js";

/** A rep who works qualified leads: what they take in a full month, and when they are there. */
export interface RepCapacity {
  name: string;
  /** Qualified leads the rep can work in a full month (above 0). */
  capacity: number;
  /** Inquiries the rep's follow-up can touch in a full month; null when not given (not checked). */
  inquiryCapacity: number | null;
  /** Share of each month the rep works (0-1): 0.5 half on holiday, 0.25 a ramping hire. Absent months are 1. */
  availability: ReadonlyMap<MonthIndex, number>;
}

/** The share of `month` a rep works: 1 unless the team says otherwise. */
export function availabilityOf(rep: RepCapacity, month: MonthIndex): number {
  return rep.availability.get(month) ?? 1;
}

/**
 * The whole leads of one segment that one rep works, per plan month: all of them for the
 * segment's own rep, a share of them when the segment has no rep.
 */
export interface CapacityLane {
  segment: SegmentPlan;
  /** The checked stage's whole entries (qualified leads in the default funnel). */
  qualifiedLeads: number[];
  /** The top stage's whole entries (inquiries). */
  inquiries: number[];
  /** From the top stage to the checked one: the share that gets there and the time it takes (a moved lead's inquiries). */
  upstream: { rate: number; lag: LagDistribution };
  /** Share of the checked stage's entries that are won (a lead at risk is this many deals). */
  toWon: number;
}

const NO_LAG: LagDistribution = [{ lagMonths: 0, share: 1 }];

/**
 * What lies above and below the checked stage (`stage`: its place in the segment's stages,
 * nearest won first; 0 the stage before won, today's qualified lead): the rate and time from
 * the top stage down to it, and its rate to won. For stage 0 these are the two-stage fields
 * themselves: the qualification rate and time, and the close rate.
 */
export function stageReach(assumptions: SegmentAssumptions, stage: number): Pick<CapacityLane, "upstream" | "toWon"> {
  if (stage === 0) return { upstream: { rate: assumptions.qualifyRate, lag: assumptions.qualification }, toWon: assumptions.closeRate };
  const stages = funnelStages(assumptions);
  let toWon = 1;
  for (const below of stages.slice(0, stage + 1)) toWon *= below.conversionRate;
  let rate = 1;
  let lag = NO_LAG;
  for (const above of stages.slice(stage + 1)) {
    rate *= above.conversionRate;
    lag = composeLags(lag, above.lag);
  }
  return { upstream: { rate, lag }, toWon };
}

// Float noise must not decide a whole lead: 2.9999999999 is 3.
const NOISE = 1e-9;

/**
 * Splits a whole number in proportion to weights, in whole parts that add up to it exactly
 * (largest remainder: each part rounded down, the rest one each to the largest fractions, ties to
 * the earlier weight). `apportion(10, [30, 20, 10])`: exactly 5, 3.33 and 1.67; rounded down
 * 5, 3 and 1 leave one, which goes to the largest fraction (0.67): `[5, 3, 2]`. Weights that are
 * all 0 split evenly.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  let sum = 0;
  for (const weight of weights) sum += weight;
  const even = sum <= 0;
  const exact = weights.map((weight) => (even ? total / weights.length : (total * weight) / sum));
  const parts = exact.map((value) => Math.floor(value + NOISE));
  let left = total;
  for (const part of parts) left -= part;
  const order = exact.map((value, index) => ({ index, fraction: value - (parts[index] ?? 0) }));
  order.sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (let turn = 0; left > 0 && order.length > 0; turn++, left--) {
    const at = order[turn % order.length]?.index ?? 0;
    parts[at] = (parts[at] ?? 0) + 1;
  }
  return parts;
}

/** Whole entries of the checked stage and the top one a segment generates in plan month `at`, as compute's segment view shows them. */
function wholeCell(plan: Plan, segment: SegmentPlan, at: number, stage: number): { qualified: number; inquiries: number } {
  const qualified = segment.stages[stage];
  const top = segment.stages[segment.stages.length - 1];
  return {
    qualified: qualified ? wholeUp(surgedVolume(plan, qualified, at)) : 0,
    inquiries: top ? wholeUp(surgedVolume(plan, top, at)) : 0,
  };
}

/**
 * The lanes of every rep of the team (indexed like `team`). A segment with a rep goes whole to
 * that rep, who must be in the team. A segment without a rep is shared, month by month, among
 * the reps with quota for its product (all reps when it has no product or none has quota for it),
 * in proportion to capacity × availability that month, so an absent rep gets none and a ramping
 * hire a quarter share; if all of them are away, by full capacity, so the leads still land on
 * someone and show as overload rather than vanish. Each month's whole cell is split into whole
 * parts that add up to it, so the team works exactly the leads the plan shows.
 */
export function capacityLanes(plan: Plan, team: readonly RepCapacity[], stage = 0): CapacityLane[][] {
  const lanes: CapacityLane[][] = team.map(() => []);
  const repAt = new Map(team.map((rep, index) => [rep.name, index]));
  const indexOf = (name: string): number => {
    const index = repAt.get(name);
    if (index === undefined) throw new Error(`rep "${name}" has quota but is not in the team: check the team against the quotas first`);
    return index;
  };
  const repsOfProduct = new Map<string, number[]>();
  // A set beside each list: a list searched per segment grew with reps × segments.
  const listed = new Map<string, Set<number>>();
  for (const segment of plan.segments) {
    if (segment.rep === "" || segment.product === "") continue;
    const reps = repsOfProduct.get(segment.product) ?? [];
    const seen = listed.get(segment.product) ?? new Set<number>();
    const index = indexOf(segment.rep);
    if (!seen.has(index)) {
      reps.push(index);
      seen.add(index);
    }
    repsOfProduct.set(segment.product, reps);
    listed.set(segment.product, seen);
  }
  const everyone = team.map((_, index) => index);
  const series = () => new Array<number>(plan.monthCount).fill(0);

  for (const segment of plan.segments) {
    if (segment.rep !== "") {
      const lane: CapacityLane = { segment, qualifiedLeads: series(), inquiries: series(), ...stageReach(segment.assumptions, stage) };
      for (let at = 0; at < plan.monthCount; at++) {
        const cell = wholeCell(plan, segment, at, stage);
        lane.qualifiedLeads[at] = cell.qualified;
        lane.inquiries[at] = cell.inquiries;
      }
      lanes[indexOf(segment.rep)]?.push(lane);
      continue;
    }
    const sharers = [...(repsOfProduct.get(segment.product) ?? everyone)].sort((a, b) => a - b);
    const reach = stageReach(segment.assumptions, stage);
    const shared = sharers.map((): CapacityLane => ({ segment, qualifiedLeads: series(), inquiries: series(), ...reach }));
    for (let at = 0; at < plan.monthCount; at++) {
      const cell = wholeCell(plan, segment, at, stage);
      if (cell.qualified === 0 && cell.inquiries === 0) continue;
      const available = sharers.map((index) => {
        const rep = team[index];
        return rep ? rep.capacity * availabilityOf(rep, plan.firstMonth + at) : 0;
      });
      const weights = available.some((weight) => weight > 0) ? available : sharers.map((index) => team[index]?.capacity ?? 0);
      const qualified = apportion(cell.qualified, weights);
      const inquiries = apportion(cell.inquiries, weights);
      shared.forEach((lane, position) => {
        lane.qualifiedLeads[at] = qualified[position] ?? 0;
        lane.inquiries[at] = inquiries[position] ?? 0;
      });
    }
    sharers.forEach((index, position) => {
      const lane = shared[position];
      if (lane) lanes[index]?.push(lane);
    });
  }
  return lanes;
}
