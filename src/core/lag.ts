/**
 * How long a stage takes, as shares of volume by whole-month lag. A single average of 1.25 months
 * is `[{ lagMonths: 1, share: 0.75 }, { lagMonths: 2, share: 0.25 }]`; history (calibrate) can
 * give any spread.
 */
export interface LagShare {
  lagMonths: number;
  share: number;
}
export type LagDistribution = readonly LagShare[];

/** Days per average month: 365.25 / 12, so a year of days is exactly twelve months. */
export const DAYS_PER_MONTH = 365.25 / 12;

/**
 * A fractional lag split between its two neighbouring whole months in proportion to nearness:
 * 1.25 months puts three quarters one month earlier and one quarter two months earlier.
 */
export function lagFromMonths(months: number): LagDistribution {
  const whole = Math.floor(months);
  const fraction = months - whole;
  if (fraction < 1e-12) return [{ lagMonths: whole, share: 1 }];
  if (1 - fraction < 1e-12) return [{ lagMonths: whole + 1, share: 1 }];
  return [
    { lagMonths: whole, share: 1 - fraction },
    { lagMonths: whole + 1, share: fraction },
  ];
}

/** A lag given in days, converted with {@link DAYS_PER_MONTH}. */
export function lagFromDays(days: number): LagDistribution {
  return lagFromMonths(days / DAYS_PER_MONTH);
}

/** The longest lag with a share, in whole months. */
export function maxLag(lag: LagDistribution): number {
  let longest = 0;
  for (const { lagMonths, share } of lag) if (share > 0 && lagMonths > longest) longest = lagMonths;
  return longest;
}

/** The mean lag in months. */
export function meanLag(lag: LagDistribution): number {
  let total = 0;
  for (const { lagMonths, share } of lag) total += lagMonths * share;
  return total;
}

/**
 * Two lags one after the other: the share taking `a + b` months is the sum over every pair of
 * their shares' products (a convolution), so 1 month then 1–2 months is 2–3 months.
 */
export function composeLags(first: LagDistribution, second: LagDistribution): LagDistribution {
  const shares = new Map<number, number>();
  for (const a of first) for (const b of second) shares.set(a.lagMonths + b.lagMonths, (shares.get(a.lagMonths + b.lagMonths) ?? 0) + a.share * b.share);
  return [...shares].sort(([left], [right]) => left - right).map(([lagMonths, share]) => ({ lagMonths, share }));
}
