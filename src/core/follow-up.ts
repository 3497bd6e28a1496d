import type { Every } from "./half-month.js";
import { type ActualEntry, type Measure, formatPeriod, periodOfEntry } from "./track.js";

/** One rep's follow-up in one checkpoint period: what came in, what was contacted. */
export interface FollowUpRow {
  /** `2027-01`, or `2027-01-H1` with --every half-month. */
  period: string;
  /** "" when the actuals have no rep column (the whole team), or for unassigned rows. */
  rep: string;
  /** Inquiries (or qualified leads) in the period: what had to be followed up. */
  base: number;
  followedUp: number;
  /** followedUp ÷ base; null when nothing came in (no rate of nothing). */
  rate: number | null;
  /** Below the target: a rate under it (a period with nothing to follow up never is). */
  below: boolean;
}

export interface FollowUpCheck {
  /** The measure followed up: `inquiries`, `qualified`, or a configured funnel's first stage. */
  base: Measure;
  /** 1 for the playbook's 100%. */
  target: number;
  /** Per period, then rep (code-unit order, unassigned last). */
  rows: FollowUpRow[];
}

// A target such as 0.95 × 140 is 132.99999999999997 in binary: 133 followed up is on it.
const NOISE = 1e-9;

/**
 * The follow-up rate of each rep in each checkpoint period: inquiries (or leads) contacted ÷
 * inquiries that came in, from actuals carrying `followed_up` next to the base measure. A rate
 * below `target` is a checkpoint failed: the playbook follows up every inquiry, "no buts".
 * `entries` are the rows compared (in the plan, up to as-of); rows without `followedUp` are
 * left out.
 *
 * Example: Ben with 140 inquiries and 85 followed up in 2027-01-H1 is at 60.7%, below 100%.
 */
export function checkFollowUp(entries: readonly ActualEntry[], base: Measure, every: Every, target: number): FollowUpCheck {
  const sums = new Map<string, { at: number; rep: string; base: number; followedUp: number }>();
  for (const entry of entries) {
    if (entry.followedUp === undefined) continue;
    const at = periodOfEntry(entry, every);
    const id = `${at}\u0000${entry.rep}`;
    let sum = sums.get(id);
    if (!sum) {
      sum = { at, rep: entry.rep, base: 0, followedUp: 0 };
      sums.set(id, sum);
    }
    sum.base += entry.values[base] ?? 0;
    sum.followedUp += entry.followedUp;
  }
  const byName = (left: string, right: string) => (left === right ? 0 : left === "" ? 1 : right === "" ? -1 : left < right ? -1 : 1);
  const rows = [...sums.values()]
    .sort((left, right) => left.at - right.at || byName(left.rep, right.rep))
    .map((sum): FollowUpRow => {
      const rate = sum.base === 0 ? null : sum.followedUp / sum.base;
      return { period: formatPeriod(sum.at, every), rep: sum.rep, base: sum.base, followedUp: sum.followedUp, rate, below: rate !== null && sum.followedUp < target * sum.base - NOISE * sum.base };
    });
  return { base, target, rows };
}
