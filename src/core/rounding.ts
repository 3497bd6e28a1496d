/**
 * Floating-point arithmetic leaves noise such as 21 / 0.7 = 30.000000000000004; rounding that up
 * would invent a lead. A value within a relative 1e-9 of a whole number is that whole number.
 */
const RELATIVE_NOISE = 1e-9;

/** Whole leads or deals needed for an exact requirement: rounded up, ignoring float noise. */
export function wholeUp(exact: number): number {
  const nearest = Math.round(exact);
  if (Math.abs(exact - nearest) <= RELATIVE_NOISE * Math.max(1, Math.abs(exact))) return nearest;
  return Math.ceil(exact);
}

/** Money rounded to cents, half away from zero, with the same noise allowance. */
export function roundCents(amount: number): number {
  const cents = amount * 100;
  return Math.sign(cents) * Math.round(Math.abs(cents) * (1 + RELATIVE_NOISE)) / 100;
}
