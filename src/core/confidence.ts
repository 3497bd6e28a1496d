/**
 * Confidence planning: the volume at each funnel stage that makes a period's quota with a chosen
 * certainty, not on average.
 *
 * Model. Each lead entering a stage converts at each step independently at the step's rate and,
 * if won, closes after the stage's composed lag, drawn independently of its conversion.
 *
 * Why one segment is exact (thinning). A lead entering stage s becomes a deal closing inside the
 * period with probability p·π: p the product of the rates from s to won, π the composed lag's
 * share landing in the period's close months. Leads are independent, so the deals from N such
 * leads are Bin(N, p·π) exactly, and a sum of binomials with one common p·π is again binomial.
 * So when every feeding cell (segment × month) has the same p·π, every rate is known and every
 * deal is worth the same, deals are Bin(T, p·π) for the total T, and the smallest T with
 * P(Bin(T, p·π) ≥ k) ≥ level, k = ⌈quota / deal value⌉, is a closed-form binomial quantile
 * (`method: "exact"`). One segment with point-mass lags whose leads all land in the period is the
 * common case; the worked example (27 deals, 20% × 10%) gives 1,688 inquiries at 90%.
 *
 * What the simulation draws per trial (`method: "simulation"`, otherwise): each uncertain rate
 * once from its Beta posterior (shared by key), then for each feeding cell one binomial
 * Bin(volume, p·π) with p the product of that trial's rates (thinning again, given the rates),
 * then each segment's deals times its value, or that many won amounts resampled with replacement.
 * Trials keep their random numbers while the volume is searched (see `StageSimulation`).
 *
 * The search (simulation). One common factor raises every feeding cell (volumes rounded up to
 * whole leads). Starting from the average plan (factor 1), the factor steps geometrically (×1.1,
 * then squared steps) until the estimated probability brackets the level, then bisects until the
 * bracket's whole volumes differ by at most one lead (or the factor by 1e-6 relative). The
 * estimate itself carries Monte Carlo error: its standard error is √(L(1 − L) / trials), 0.003 at
 * L = 90% and 10,000 trials, which near the quantile is worth a few leads in the worked example.
 */
import { binomialAtLeast, binomialQuantile, smallestVolumeAtLeast } from "./confidence-binomial.js";
import { StageSimulation, type DrawnRates, cellVolumes, drawRates, shareMaking } from "./confidence-simulation.js";
import {
  type ConfidencePeriod,
  type ConfidenceSegment,
  type StageProblem,
  meanRateToWon,
  stageNames,
  stageProblem,
} from "./confidence-stage.js";
import { wholeUp } from "./rounding.js";

export type { ConfidencePeriod, ConfidenceSegment, ConfidenceStage, DealValue, RateUncertainty } from "./confidence-stage.js";

export interface ConfidenceOptions {
  /** Required chance of making the quota, 0 < level < 1 (0.9 for 90%). */
  level: number;
  /** Simulation trials (the CLI's default is 10,000). */
  trials: number;
  /** Any whole number; the same seed gives the same numbers on every machine. */
  seed: number;
}

export interface RevenuePercentiles {
  p10: number;
  p50: number;
  p90: number;
}

export interface StageConfidence {
  name: string;
  method: "exact" | "simulation";
  /** Quota of the period over the segments with this stage. */
  quota: number;
  /** Deals the quota needs when exact (⌈quota / deal value⌉); null in simulation. */
  dealsNeeded: number | null;
  /** The average plan's exact volume entering the stage in the months feeding the period. */
  averageVolume: number;
  /** Those volumes as whole leads (each month rounded up): what the average plan hands over. */
  averageWhole: number;
  probabilityAtAverage: number;
  revenueAtAverage: RevenuePercentiles;
  /** Smallest whole volume making the quota with probability ≥ level; null when out of reach. */
  confidenceVolume: number | null;
  /** The common factor on every feeding month and segment; null when out of reach. */
  factor: number | null;
  probabilityAtConfidence: number | null;
  revenueAtConfidence: RevenuePercentiles | null;
}

export interface PeriodConfidence {
  label: string;
  /** Nearest the deal first, every stage name of every segment. */
  stages: StageConfidence[];
}

export interface ConfidencePlan {
  level: number;
  trials: number;
  seed: number;
  /** "exact" only when every stage of every period was. */
  method: "exact" | "simulation";
  periods: PeriodConfidence[];
}

/**
 * For each period and stage, the volume that makes the period's quota with probability ≥ level,
 * the chance the average plan makes it and revenue P10/P50/P90 under both plans. Exact binomial
 * quantiles where they apply (see the note at the top of this file), seeded simulation elsewhere.
 *
 * Example: one segment, quota 2,000,000 in March, $75,000 deals, 20% close with a 2-month cycle,
 * 10% qualification in the month, the average plan's 133.3 qualified leads and 1,333.3 inquiries
 * in January: at level 0.9, 166 qualified leads and 1,688 inquiries; the average plan makes it
 * with probability 0.517 (qualified) and 0.502 (inquiries).
 */
export function planConfidence(
  segments: readonly ConfidenceSegment[],
  periods: readonly ConfidencePeriod[],
  options: ConfidenceOptions,
): ConfidencePlan {
  validate(segments, options);
  const names = stageNames(segments);
  let drawn: DrawnRates | null = null;
  const rates = (): DrawnRates => (drawn ??= drawRates(segments, options.trials, options.seed));
  let allExact = true;
  const planned = periods.map((period, periodIndex): PeriodConfidence => ({
    label: period.label,
    stages: names.map((name, stageIndex) => {
      const problem = stageProblem(segments, period, name);
      const exact = exactStage(problem, segments, options.level);
      if (exact) return exact;
      allExact = false;
      const simulation = new StageSimulation(problem, segments, rates(), options.trials, [options.seed, periodIndex, stageIndex]);
      return simulatedStage(problem, simulation, options.level);
    }),
  }));
  return { level: options.level, trials: options.trials, seed: options.seed, method: allExact ? "exact" : "simulation", periods: planned };
}

const PERCENTILES = [0.1, 0.5, 0.9] as const;
/** Cells whose chances differ by less than this (relative) are one binomial. */
const SAME_CHANCE = 1e-12;

/** The closed-form answer when the period's deals are one binomial; null when they are not. */
function exactStage(problem: StageProblem, segments: readonly ConfidenceSegment[], level: number): StageConfidence | null {
  let value: number | null = null;
  let chance: number | null = null;
  for (const cell of problem.cells) {
    const segment = segments[cell.segment];
    const depth = problem.depth[cell.segment] ?? 0;
    if (!segment || segment.dealValue.kind !== "fixed") return null;
    if (segment.stages.slice(0, depth + 1).some((stage) => stage.uncertainty)) return null;
    if (value !== null && segment.dealValue.value !== value) return null;
    value = segment.dealValue.value;
    const cellChance = meanRateToWon(segment.stages, depth) * cell.landing;
    if (chance !== null && Math.abs(cellChance - chance) > SAME_CHANCE * chance) return null;
    chance ??= cellChance;
  }
  const p = chance ?? 0;
  const dealValue = value ?? 0;
  const needed = problem.quota > 0 ? (dealValue > 0 ? wholeUp(problem.quota / dealValue) : Number.POSITIVE_INFINITY) : 0;
  const averageVolume = sumVolumes(problem);
  const averageWhole = cellVolumes(problem, 1).reduce((sum, volume) => sum + volume, 0);
  const percentiles = (volume: number): RevenuePercentiles => {
    const [p10, p50, p90] = PERCENTILES.map((q) => dealValue * binomialQuantile(volume, p, q));
    return { p10: p10 ?? 0, p50: p50 ?? 0, p90: p90 ?? 0 };
  };
  const confidenceVolume = Number.isFinite(needed) ? smallestVolumeAtLeast(p, needed, level) : null;
  return {
    name: problem.name,
    method: "exact",
    quota: problem.quota,
    dealsNeeded: Number.isFinite(needed) ? needed : null,
    averageVolume,
    averageWhole,
    probabilityAtAverage: Number.isFinite(needed) ? binomialAtLeast(averageWhole, p, needed) : 0,
    revenueAtAverage: percentiles(averageWhole),
    confidenceVolume,
    factor: confidenceVolume === null ? null : averageVolume > 0 ? confidenceVolume / averageVolume : confidenceVolume === 0 ? 1 : null,
    probabilityAtConfidence: confidenceVolume === null ? null : binomialAtLeast(confidenceVolume, p, needed),
    revenueAtConfidence: confidenceVolume === null ? null : percentiles(confidenceVolume),
  };
}

/** Factors beyond this (a million times the average plan) count as out of reach. */
const FACTOR_CAP = 1e6;
const FACTOR_TOLERANCE = 1e-6;

/** The search described at the top of this file. */
function simulatedStage(problem: StageProblem, simulation: StageSimulation, level: number): StageConfidence {
  const atAverage = simulation.revenues(1);
  const probabilityAtAverage = shareMaking(atAverage, problem.quota);
  const total = (factor: number): number => cellVolumes(problem, factor).reduce((sum, volume) => sum + volume, 0);
  const makes = (factor: number): boolean => shareMaking(simulation.revenues(factor), problem.quota) >= level;
  let low: number; // fails the level
  let high: number | null; // makes it
  if (probabilityAtAverage >= level) {
    high = 1;
    low = 1 / 1.1;
    let step = 1.1;
    while (low > 0 && makes(low)) {
      high = low;
      step *= step;
      low = total(low / step) === 0 ? 0 : low / step;
    }
    if (low === 0 && makes(0)) high = 0;
  } else {
    low = 1;
    high = 1.1;
    let step = 1.1;
    while (high !== null && !makes(high)) {
      low = high;
      step *= step;
      high = high * step > FACTOR_CAP ? null : high * step;
    }
  }
  if (high !== null && high > 0) {
    let makesAt = high;
    while (total(makesAt) - total(low) > 1 && makesAt - low > FACTOR_TOLERANCE * makesAt) {
      const middle = (low + makesAt) / 2;
      if (makes(middle)) makesAt = middle;
      else low = middle;
    }
    high = makesAt;
  }
  const atConfidence = high === null ? null : simulation.revenues(high);
  return {
    name: problem.name,
    method: "simulation",
    quota: problem.quota,
    dealsNeeded: null,
    averageVolume: sumVolumes(problem),
    averageWhole: total(1),
    probabilityAtAverage,
    revenueAtAverage: samplePercentiles(atAverage),
    confidenceVolume: high === null ? null : total(high),
    factor: high,
    probabilityAtConfidence: atConfidence === null ? null : shareMaking(atConfidence, problem.quota),
    revenueAtConfidence: atConfidence === null ? null : samplePercentiles(atConfidence),
  };
}

/** Lower sample quantiles: the ⌈q·n⌉-th smallest revenue, the same rule as the exact path. */
export function samplePercentiles(revenues: Float64Array): RevenuePercentiles {
  const sorted = Float64Array.from(revenues).sort();
  const at = (q: number): number => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { p10: at(0.1), p50: at(0.5), p90: at(0.9) };
}

function sumVolumes(problem: StageProblem): number {
  return problem.cells.reduce((sum, cell) => sum + cell.volume, 0);
}

/** Programming errors only: the CLI validates options and inputs before it plans. */
function validate(segments: readonly ConfidenceSegment[], options: ConfidenceOptions): void {
  if (!(options.level > 0 && options.level < 1)) throw new RangeError(`confidence level must be between 0 and 1, found ${options.level}`);
  if (!Number.isInteger(options.trials) || options.trials < 1) throw new RangeError(`trials must be a whole number ≥ 1, found ${options.trials}`);
  if (!Number.isInteger(options.seed)) throw new RangeError(`seed must be a whole number, found ${options.seed}`);
  for (const segment of segments) {
    for (const stage of segment.stages) {
      if (!(stage.conversionRate > 0 && stage.conversionRate <= 1)) throw new RangeError(`${stage.name}: rate must be in (0, 1], found ${stage.conversionRate}`);
      if (stage.uncertainty && !(stage.uncertainty.alpha > 0 && stage.uncertainty.beta > 0)) throw new RangeError(`${stage.name}: Beta parameters must be positive`);
      if (stage.volumes.some((volume) => !(volume >= 0 && Number.isFinite(volume)))) throw new RangeError(`${stage.name}: volumes must be finite and ≥ 0`);
    }
    const value = segment.dealValue;
    // A won deal of 0 is a real outcome of a history (it brings nothing); a list of zeros is no deal value.
    if (value.kind === "resampled" && (!value.amounts.some((amount) => amount > 0) || value.amounts.some((amount) => !(amount >= 0 && Number.isFinite(amount))))) {
      throw new RangeError("resampled deal values need at least one positive amount, none negative");
    }
    if (value.kind === "fixed" && !(value.value > 0 && Number.isFinite(value.value))) throw new RangeError(`deal value must be positive, found ${value.value}`);
  }
}
