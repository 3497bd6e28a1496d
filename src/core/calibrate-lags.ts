import type { LagDistribution } from "./lag.js";

/**
 * The smallest whole number of days by which at least `fraction` of the counted leads had
 * resolved, from counts by day; null when nothing was counted.
 *
 * Example: counts `[0, 5, 3, 2]` (5 leads took 1 day, 3 took 2, 2 took 3) give 3 for 0.95 and
 * 1 for 0.5.
 */
export function percentileDays(counts: ArrayLike<number>, fraction: number): number | null {
  let total = 0;
  for (let day = 0; day < counts.length; day++) total += counts[day] ?? 0;
  if (total === 0) return null;
  let seen = 0;
  for (let day = 0; day < counts.length; day++) {
    seen += counts[day] ?? 0;
    // A tolerance keeps 0.5 of an even count at the lower middle, as a median is usually read.
    if (seen >= fraction * total - 1e-9) return day;
  }
  return counts.length - 1;
}

/** The total of counts by day. */
export function totalOf(counts: ArrayLike<number>): number {
  let total = 0;
  for (let at = 0; at < counts.length; at++) total += counts[at] ?? 0;
  return total;
}

/**
 * Month-lag counts as a {@link LagDistribution}: each lag with any count, its share of the total.
 * Null when nothing was counted.
 *
 * Example: `[2, 6, 2]` is `[{0, 0.2}, {1, 0.6}, {2, 0.2}]`.
 */
export function distributionOf(counts: ArrayLike<number>): LagDistribution | null {
  const total = totalOf(counts);
  if (total === 0) return null;
  const lags: { lagMonths: number; share: number }[] = [];
  for (let lag = 0; lag < counts.length; lag++) {
    const count = counts[lag] ?? 0;
    if (count > 0) lags.push({ lagMonths: lag, share: count / total });
  }
  return lags;
}

/**
 * Folds a distribution's thin tail into the lag by which `keep` of the volume has arrived. A few
 * very slow deals would otherwise stretch every plan back by months of one or two leads each
 * (whole leads are rounded up); folded, they count one month later than they took.
 *
 * Example: `[{0, 0.6}, {1, 0.398}, {9, 0.002}]` with 0.995 is `[{0, 0.6}, {1, 0.4}]`.
 */
export function foldTail(lag: LagDistribution, keep: number): LagDistribution {
  const folded: { lagMonths: number; share: number }[] = [];
  let seen = 0;
  for (const entry of lag) {
    const last = folded.at(-1);
    if (last !== undefined && seen >= keep - 1e-12) {
      last.share += entry.share;
      continue;
    }
    folded.push({ lagMonths: entry.lagMonths, share: entry.share });
    seen += entry.share;
  }
  return folded;
}

/**
 * Shares rounded to `decimals` places that still add up to exactly 1 in decimal (largest
 * remainder): a file of rounded shares must pass its own "shares sum to 1" check.
 *
 * Example: thirds to two places are 0.34, 0.33, 0.33.
 */
export function roundShares(shares: readonly number[], decimals: number): number[] {
  const unit = 10 ** decimals;
  const scaled = shares.map((share) => share * unit);
  const floors = scaled.map(Math.floor);
  let missing = unit - floors.reduce((sum, value) => sum + value, 0);
  const order = scaled.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (missing <= 0) break;
    floors[index] = (floors[index] ?? 0) + 1;
    missing--;
  }
  return floors.map((value) => value / unit);
}
