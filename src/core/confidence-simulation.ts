import type { ConfidenceSegment, StageProblem } from "./confidence-stage.js";
import { BinomialTable, RandomStream, binomialInverse } from "./confidence-random.js";
import { wholeUp } from "./rounding.js";

/**
 * Every trial's draw of every rate, drawn once for the whole plan so that all periods, stages and
 * search steps see the same rates in trial t. `rates[t * stride + offset[segment] + depth]`.
 */
export interface DrawnRates {
  rates: Float64Array;
  stride: number;
  offset: readonly number[];
}

/** Draws each uncertain rate once per trial (one draw per key), known rates copied as they are. */
export function drawRates(segments: readonly ConfidenceSegment[], trials: number, seed: number): DrawnRates {
  const offset: number[] = [];
  let stride = 0;
  for (const segment of segments) {
    offset.push(stride);
    stride += segment.stages.length;
  }
  const rates = new Float64Array(trials * stride);
  const stream = new RandomStream(seed, 0);
  const byKey = new Map<string, number>();
  for (let trial = 0; trial < trials; trial++) {
    byKey.clear();
    let at = trial * stride;
    for (const segment of segments) {
      for (const stage of segment.stages) {
        const uncertainty = stage.uncertainty;
        let rate = stage.conversionRate;
        if (uncertainty) {
          const shared = uncertainty.key === undefined ? undefined : byKey.get(uncertainty.key);
          rate = shared ?? stream.beta(uncertainty.alpha, uncertainty.beta);
          if (uncertainty.key !== undefined) byKey.set(uncertainty.key, rate);
        }
        rates[at++] = rate;
      }
    }
  }
  return { rates, stride, offset };
}

/** Volume entering each cell when the whole plan is raised by `factor`: whole leads, rounded up. */
export function cellVolumes(problem: StageProblem, factor: number): number[] {
  return problem.cells.map((cell) => wholeUp(factor * cell.volume));
}

/**
 * One stage of one period, simulated: the trials' revenue closing in the period for any raise of
 * the feeding volumes. Each trial keeps its uniforms across raises (common random numbers): one
 * uniform per cell inverts that cell's binomial, and resampled deal values come from a stream of
 * their own per trial and segment, so every trial's revenue never falls when the factor grows and
 * the estimated probability is monotone in it, which the bisection relies on.
 */
export class StageSimulation {
  private readonly uniforms: Float64Array;

  constructor(
    private readonly problem: StageProblem,
    private readonly segments: readonly ConfidenceSegment[],
    private readonly drawn: DrawnRates,
    private readonly trials: number,
    private readonly keys: readonly number[],
  ) {
    const cells = problem.cells.length;
    this.uniforms = new Float64Array(trials * cells);
    const stream = new RandomStream(...keys, 1);
    for (let at = 0; at < this.uniforms.length; at++) this.uniforms[at] = stream.uniform();
  }

  /** Revenue closing in the period in each trial, with every feeding cell raised by `factor`. */
  revenues(factor: number): Float64Array {
    const { problem, segments, drawn, trials } = this;
    const volumes = cellVolumes(problem, factor);
    const cellCount = problem.cells.length;
    const deals = new Array<number>(segments.length).fill(0);
    const revenue = new Float64Array(trials);
    // A cell whose rates are all known has one n and p in every trial: tabulate it once.
    const tables = problem.cells.map((cell, c) => {
      const segment = segments[cell.segment];
      const depth = problem.depth[cell.segment] ?? 0;
      if (!segment || segment.stages.slice(0, depth + 1).some((stage) => stage.uncertainty)) return null;
      let rate = cell.landing;
      for (let step = 0; step <= depth; step++) rate *= segment.stages[step]?.conversionRate ?? 0;
      return new BinomialTable(volumes[c] ?? 0, rate);
    });
    for (let trial = 0; trial < trials; trial++) {
      deals.fill(0);
      const rateBase = trial * drawn.stride;
      for (let c = 0; c < cellCount; c++) {
        const cell = problem.cells[c];
        if (!cell) continue;
        const table = tables[c];
        if (table) {
          deals[cell.segment] = (deals[cell.segment] ?? 0) + table.draw(this.uniforms[trial * cellCount + c] ?? 0.5);
          continue;
        }
        const depth = problem.depth[cell.segment] ?? 0;
        let rate = cell.landing;
        const first = rateBase + (drawn.offset[cell.segment] ?? 0);
        for (let step = 0; step <= depth; step++) rate *= drawn.rates[first + step] ?? 0;
        deals[cell.segment] = (deals[cell.segment] ?? 0) + binomialInverse(volumes[c] ?? 0, rate, this.uniforms[trial * cellCount + c] ?? 0.5);
      }
      let total = 0;
      segments.forEach((segment, index) => {
        const won = deals[index] ?? 0;
        if (won === 0) return;
        const value = segment.dealValue;
        if (value.kind === "fixed") {
          total += won * value.value;
          return;
        }
        const stream = new RandomStream(...this.keys, 2, trial, index);
        for (let deal = 0; deal < won; deal++) total += value.amounts[stream.index(value.amounts.length)] ?? 0;
      });
      revenue[trial] = total;
    }
    return revenue;
  }
}

/** Revenue within a relative 1e-9 of the quota makes it (float noise in summed amounts). */
export function makesQuota(revenue: number, quota: number): boolean {
  return revenue >= quota - 1e-9 * Math.abs(quota);
}

/** Share of trials whose revenue makes the quota. */
export function shareMaking(revenues: Float64Array, quota: number): number {
  let made = 0;
  for (const revenue of revenues) if (makesQuota(revenue, quota)) made++;
  return made / revenues.length;
}
