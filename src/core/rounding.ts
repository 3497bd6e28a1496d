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

// A fixed millionth of a cent: enough to round 1.005 (100.49999999999999 cents in binary) up, and
// too small to move any amount a planner could write, however large.
const CENT_NOISE = 1e-6;

/** Money rounded to cents, half away from zero, ignoring binary noise. */
export function roundCents(amount: number): number {
  const cents = Math.abs(amount) * 100;
  return (Math.sign(amount) * Math.round(cents + CENT_NOISE)) / 100;
}
