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
