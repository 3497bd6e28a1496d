import { logBinomialPmf } from "./confidence-binomial.js";
import { BinomialTable, RandomStream, binomialInverse } from "./confidence-random.js";
import { makesQuota, shareMaking } from "./confidence-simulation.js";
import { type RevenuePercentiles, samplePercentiles } from "./confidence.js";
import { roundCents } from "./rounding.js";

/** One way a lead of a cell ends up a deal closing in the period: its chance, and what the deal brings. */
export interface DealOutcome {
  chance: number;
  value: number;
}

/**
 * A group of leads that convert independently, each at most once: `count` leads, each a deal
 * worth `outcomes[i].value` with probability `outcomes[i].chance` (several outcomes when the leads'
 * segment is not known, only its plan share), or no deal in the period with the rest.
 */
export interface LeadCell {
  count: number;
  outcomes: readonly DealOutcome[];
}

/** The period's revenue: won to date plus the cells' deals. */
export interface RevenueOutlook {
  /** P(revenue ≥ quota); null when no quota is due (no chance of nothing). */
  probability: number | null;
  revenue: RevenuePercentiles;
}

const PERCENTILES = [0.1, 0.5, 0.9] as const;
/** Convolution work beyond this many multiply-adds goes to the simulation instead (seconds, not minutes). */
const EXACT_WORK_CAP = 2e8;

/** The one deal value every outcome shares, or null when they differ (the exact path needs one). */
export function commonValue(cells: readonly LeadCell[]): number | null {
  let value: number | null = null;
  for (const cell of cells) {
    for (const outcome of cell.outcomes) {
      if (!(outcome.chance > 0) || cell.count === 0) continue;
      if (value !== null && outcome.value !== value) return null;
      value = outcome.value;
    }
  }
  return value ?? 0;
}

/**
 * P(X = x) of Bin(n, p) over mode ± (12 sd + 12): the mass outside is below 1e-20, far under the
 * six decimals a probability is shown to, and the convolutions stay short on large plans.
 */
function binomialPmf(n: number, p: number): { low: number; pmf: Float64Array } {
  if (n <= 0 || p <= 0) return { low: 0, pmf: Float64Array.of(1) };
  if (p >= 1) return { low: n, pmf: Float64Array.of(1) };
  const spread = 12 * Math.sqrt(n * p * (1 - p)) + 12;
  const mode = Math.floor((n + 1) * p);
  const low = Math.max(0, Math.floor(mode - spread));
  const high = Math.min(n, Math.ceil(mode + spread));
  const pmf = new Float64Array(high - low + 1);
  let term = Math.exp(logBinomialPmf(n, p, low));
  const ratio = p / (1 - p);
  for (let x = low; x <= high; x++) {
    pmf[x - low] = term;
    term *= ((n - x) * ratio) / (x + 1);
  }
  return { low, pmf };
}

/**
 * The exact law of the period's deal count when every deal is worth the same: each cell's deals
 * are Bin(count, Σ chances) (a lead is a deal of any outcome with the sum), and the cells are
 * independent, so the total is the convolution of their binomials. Null when that would take
 * more than {@link EXACT_WORK_CAP} steps.
 */
export function exactDeals(cells: readonly LeadCell[]): { low: number; pmf: Float64Array } | null {
  // Binomials of one chance add up to one binomial (a plan's segments share rates and lags): merged first.
  const leadsByChance = new Map<number, number>();
  for (const cell of cells) {
    const chance = Math.min(1, cell.outcomes.reduce((sum, outcome) => sum + outcome.chance, 0));
    if (cell.count === 0 || !(chance > 0)) continue;
    leadsByChance.set(chance, (leadsByChance.get(chance) ?? 0) + cell.count);
  }
  let low = 0;
  let pmf = Float64Array.of(1);
  let work = 0;
  for (const [chance, count] of [...leadsByChance].sort(([left], [right]) => left - right)) {
    const part = binomialPmf(count, chance);
    work += pmf.length * part.pmf.length;
    if (work > EXACT_WORK_CAP) return null;
    const next = new Float64Array(pmf.length + part.pmf.length - 1);
    for (let i = 0; i < pmf.length; i++) {
      const left = pmf[i] ?? 0;
      if (left === 0) continue;
      for (let j = 0; j < part.pmf.length; j++) next[i + j] = (next[i + j] ?? 0) + left * (part.pmf[j] ?? 0);
    }
    low += part.low;
    // Trim tails below 1e-25: they add nothing a percentage or a percentile can show.
    let from = 0;
    let to = next.length - 1;
    while (from < to && (next[from] ?? 0) < 1e-25) from++;
    while (to > from && (next[to] ?? 0) < 1e-25) to--;
    low += from;
    pmf = next.slice(from, to + 1);
  }
  return { low, pmf };
}

/**
 * Revenue won to date plus `value` × deals, the deals' law exact: P(deals ≥ k) for the smallest k
 * that reaches the quota, and revenue at the lower 10th, 50th and 90th percentiles of the deals.
 */
export function exactOutlook(deals: { low: number; pmf: Float64Array }, value: number, wonToDate: number, quota: number): RevenueOutlook {
  const { low, pmf } = deals;
  let probability: number | null = null;
  if (quota > 0) {
    let made = 0;
    // From the top down: the small terms of the upper tail are summed first.
    for (let at = pmf.length - 1; at >= 0; at--) if (makesQuota(wonToDate + value * (low + at), quota)) made += pmf[at] ?? 0;
    probability = Math.min(1, made);
  }
  const quantile = (q: number): number => {
    let cdf = 0;
    for (let at = 0; at < pmf.length; at++) {
      cdf += pmf[at] ?? 0;
      if (cdf >= q) return low + at;
    }
    return low + pmf.length - 1;
  };
  const [p10, p50, p90] = PERCENTILES.map((q) => roundCents(wonToDate + value * quantile(q)));
  return { probability, revenue: { p10: p10 ?? 0, p50: p50 ?? 0, p90: p90 ?? 0 } };
}

/** The smallest x with P(X ≤ x) ≥ u, from a law's cumulative sums. */
function drawFrom(low: number, cdf: Float64Array, u: number): number {
  let lo = -1;
  let hi = cdf.length - 1;
  while (hi - lo > 1) {
    const middle = (lo + hi) >> 1;
    if ((cdf[middle] ?? 0) >= u) hi = middle;
    else lo = middle;
  }
  return low + hi;
}

/**
 * The period's revenue by seeded simulation, for deals of different values. Cells whose every
 * deal is worth one value are grouped by it, and each group's deal count is drawn from its exact
 * law (the convolution of {@link exactDeals}, one uniform per group and trial); a cell whose leads
 * may be deals of different values (actuals that name no segment) draws its deals as
 * Bin(count, Σ chances) by exact inversion, then splits them over the outcomes by conditional
 * binomials (a multinomial, exactly). The stream is keyed by (seed, period), so a period's
 * figures do not depend on what else the run forecasts.
 */
export function simulatedOutlook(cells: readonly LeadCell[], wonToDate: number, quota: number, trials: number, keys: readonly number[]): RevenueOutlook {
  const live = cells.filter((cell) => cell.count > 0 && cell.outcomes.some((outcome) => outcome.chance > 0));
  const byValue = new Map<number, LeadCell[]>();
  let mixed: LeadCell[] = [];
  for (const cell of live) {
    const value = commonValue([cell]);
    if (value === null) mixed.push(cell);
    else byValue.set(value, [...(byValue.get(value) ?? []), cell]);
  }
  const groups: { value: number; low: number; cdf: Float64Array }[] = [];
  for (const [value, members] of [...byValue].sort(([left], [right]) => left - right)) {
    const law = exactDeals(members);
    if (law === null) {
      mixed.push(...members);
      continue;
    }
    const cdf = new Float64Array(law.pmf.length);
    let sum = 0;
    law.pmf.forEach((mass, at) => {
      sum += mass;
      cdf[at] = sum;
    });
    cdf[cdf.length - 1] = Math.max(1, sum); // every uniform lands inside the law
    groups.push({ value, low: law.low, cdf });
  }
  // Leads of one set of outcomes are one multinomial, whatever row reported them.
  const merged = new Map<string, LeadCell>();
  for (const cell of mixed) {
    const key = JSON.stringify(cell.outcomes.map((outcome) => [outcome.chance, outcome.value]));
    const found = merged.get(key);
    merged.set(key, found ? { count: found.count + cell.count, outcomes: cell.outcomes } : cell);
  }
  mixed = [...merged.values()];
  const tables = mixed.map((cell) => new BinomialTable(cell.count, Math.min(1, cell.outcomes.reduce((sum, outcome) => sum + outcome.chance, 0))));
  const stream = new RandomStream(...keys);
  const revenues = new Float64Array(trials);
  for (let trial = 0; trial < trials; trial++) {
    let revenue = wonToDate;
    for (const group of groups) revenue += group.value * drawFrom(group.low, group.cdf, stream.uniform());
    mixed.forEach((cell, index) => {
      let deals = tables[index]?.draw(stream.uniform()) ?? 0;
      if (deals === 0) return;
      const outcomes = cell.outcomes;
      let rest = outcomes.reduce((sum, outcome) => sum + outcome.chance, 0);
      for (let at = 0; at < outcomes.length && deals > 0; at++) {
        const outcome = outcomes[at] as DealOutcome;
        const these = at === outcomes.length - 1 || outcome.chance >= rest ? deals : binomialInverse(deals, outcome.chance / rest, stream.uniform());
        revenue += these * outcome.value;
        deals -= these;
        rest -= outcome.chance;
      }
    });
    revenues[trial] = revenue;
  }
  const percentiles = samplePercentiles(revenues);
  return {
    probability: quota > 0 ? shareMaking(revenues, quota) : null,
    revenue: { p10: roundCents(percentiles.p10), p50: roundCents(percentiles.p50), p90: roundCents(percentiles.p90) },
  };
}
