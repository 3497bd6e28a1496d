import type { Parsed } from "./values.js";

/**
 * Upper bounds on every count a user gives that sizes the work, checked with the flag before any
 * file is read: far beyond any real sales team or plan, well short of what would run a process
 * out of memory (`--reps-count 10000000` once grew to 4.6 GB and aborted). Documented in README,
 * "Limits".
 */
export const LIMITS = {
  /** `--reps-count`: anonymous reps, each with a lane of every plan month. */
  repsCount: 100_000,
  /** `--rep-capacity`: qualified leads a rep works in a month. */
  repCapacity: 1_000_000,
  /** Scenarios of one run: the `--vary` grid and the `--scenarios` file together. */
  scenarios: 100_000,
  /** `--min-leads`: leads behind a calibrated value. */
  minLeads: 1_000_000,
  /** `--trials`: each trial keeps one random number per feeding cell of a stage (8 bytes each). */
  trials: 100_000,
} as const;

/** `100,000`: a limit as messages and README write it. */
export const grouped = (value: number): string => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/**
 * A parsed count, refused above `limit`; `expected` names the whole accepted range, limit
 * included (`a whole number from 1 to 100,000`), and replaces the parser's own words.
 */
export function atMost(parsed: Parsed<number>, limit: number, expected: string): Parsed<number> {
  if (parsed.ok) return parsed.value <= limit ? parsed : { ok: false, expected };
  return parsed.hint === undefined ? { ok: false, expected } : { ok: false, expected, hint: parsed.hint };
}
