import type { Every } from "./half-month.js";
import type { Plan } from "./plan.js";
import { roundCents } from "./rounding.js";
import { type ActualEntry, type CheckStatus, type TrackPeriod, checkStatus, formatPeriod, periodOfEntry } from "./track.js";

/** What a source is expected to convert: from the sources file, or the plan's overall rates. */
export interface SourceExpectation {
  /** inquiry_to_qualified, a fraction. */
  qualifyRate: number;
  /** qualified_to_won, a fraction. */
  closeRate: number;
}

/** Where the expected rates come from: the sources file (`--sources`), or the plan's overall rates. */
export type ExpectedFrom = "sources" | "plan";

/**
 * What the table, Markdown and HTML print for rows with a blank source (CSV and JSON keep "").
 * A source spelled so would print the same: the readers refuse it.
 */
export const NO_SOURCE = "(no source)";

/** One source's leads in one checkpoint period (or, in `totals`, over the whole period compared). */
export interface SourceQualityRow {
  /** `2027-01`, `2027-01-H1`; `total` in the per-source totals. */
  period: string;
  /** "" for rows with no source. */
  source: string;
  inquiries: number;
  qualified: number;
  /** Null when the actuals have no won column. */
  won: number | null;
  /** Money spent on the source's leads; null when the actuals have no cost column. */
  cost: number | null;
  /** qualified ÷ inquiries; null with no inquiries (no rate of nothing). */
  qualifyRate: number | null;
  /** Null for a source the sources file does not name (compared to nothing). */
  expected: SourceExpectation | null;
  /** won ÷ qualified of the same period (not a cohort: see {@link checkSourceQuality}); null with no qualified lead or no won column. */
  closeRate: number | null;
  /** cost ÷ qualified, in cents; null without cost or with no qualified lead. */
  costPerQualified: number | null;
  /** cost ÷ won, in cents; null without cost, won column, or deal won. */
  costPerWon: number | null;
  /** The qualification rate against the expected one, as track checks a measure against plan; null when either is missing. */
  status: CheckStatus | null;
}

export interface SourceQuality {
  every: Every;
  tolerance: number;
  expectedFrom: ExpectedFrom;
  /** Per period, then source (the sources file's order, then the others in code-unit order, no source last). */
  rows: SourceQualityRow[];
  /** Per source over every period compared, in the same source order. */
  totals: SourceQualityRow[];
}

/** Input of {@link checkSourceQuality}: the rows compared and how to read them. */
export interface SourceQualityInput {
  entries: readonly ActualEntry[];
  period: TrackPeriod;
  /** Has the actuals a won column (a cost column)? Without, those figures are null, never 0. */
  hasWon: boolean;
  hasCost: boolean;
  tolerance: number;
  /** Expected rates by source name, in the sources file's order; null: every source against `planRates`. */
  expected: ReadonlyMap<string, SourceExpectation> | null;
  /** The plan's overall rates, used when `expected` is null. */
  planRates: SourceExpectation | null;
}

/**
 * The plan's overall qualification and close rates: qualified leads ÷ inquiries and deals ÷
 * qualified leads over the whole plan before the surge, segments weighted by their volumes (the
 * leak diagnosis's "assumed"). Null for a rate whose denominator the plan has none of.
 *
 * Example: one segment needing 1,000 inquiries, 100 qualified leads and 20 deals gives 10% and 20%.
 */
export function planSourceRates(plan: Plan): SourceExpectation | null {
  let inquiries = 0;
  let qualified = 0;
  let deals = 0;
  for (const segment of plan.segments) {
    for (let at = 0; at < plan.monthCount; at++) {
      deals += segment.deals[at] ?? 0;
      qualified += segment.stages[0]?.beforeSurge[at] ?? 0;
      inquiries += segment.stages[1]?.beforeSurge[at] ?? 0;
    }
  }
  if (inquiries === 0 || qualified === 0) return null;
  return { qualifyRate: qualified / inquiries, closeRate: deals / qualified };
}

/** Code-unit order (never the locale's), no source last. */
const byName = (left: string, right: string) => (left === right ? 0 : left === "" ? 1 : right === "" ? -1 : left < right ? -1 : 1);

interface Sums {
  inquiries: number;
  qualified: number;
  won: number;
  cost: number;
}

/**
 * Lead quality by source, per checkpoint period: inquiries, qualified leads and deals won from
 * each source; the qualification rate (qualified ÷ inquiries) and close rate (won ÷ qualified)
 * against the source's expected rates; and cost per qualified lead and per won deal. Every
 * source (the file's and the actuals') has a row in every period, 0 where nothing came in.
 *
 * The qualification rate is checked as track checks a measure against plan (`checkStatus`):
 * on track at ≥ expected × (1 − tolerance), behind within twice the tolerance, far behind below.
 * The close rate is shown, not checked: like the leak diagnosis it is this period's won over this
 * period's qualified, while deals close a sales cycle after their leads qualify, so one period's
 * figure says little; the totals over the whole period compared say more.
 *
 * Example: Trade show with 220 inquiries and 9 qualified in 2027-01 qualifies 4.1% against 20%
 * expected: far behind at a 10% tolerance (on track from 18%).
 */
export function checkSourceQuality(input: SourceQualityInput): SourceQuality {
  const { period, tolerance, expected } = input;
  const every: Every = period.cut?.every ?? "month";
  const first = period.cut?.first ?? period.first;
  const last = period.cut?.last ?? period.last;
  const inActuals = new Set(input.entries.map((entry) => entry.source ?? ""));
  const named = expected === null ? [] : [...expected.keys()];
  const others = [...inActuals].filter((source) => !named.includes(source)).sort(byName);
  const sources = [...named, ...others];
  const zero = (): Sums => ({ inquiries: 0, qualified: 0, won: 0, cost: 0 });
  const sums = new Map<string, Sums>();
  const totals = new Map<string, Sums>(sources.map((source) => [source, zero()]));
  const id = (at: number, source: string) => `${at}\u0000${source}`;
  for (const entry of input.entries) {
    const source = entry.source ?? "";
    const at = periodOfEntry(entry, every);
    let sum = sums.get(id(at, source));
    if (!sum) {
      sum = zero();
      sums.set(id(at, source), sum);
    }
    for (const target of [sum, totals.get(source) as Sums]) {
      target.inquiries += entry.values.inquiries ?? 0;
      target.qualified += entry.values.qualified ?? 0;
      target.won += entry.values.won ?? 0;
      target.cost += entry.cost ?? 0;
    }
  }
  const expectationOf = (source: string): SourceExpectation | null => (expected === null ? input.planRates : (expected.get(source) ?? null));
  const rowOf = (label: string, source: string, sum: Sums): SourceQualityRow => {
    const ratio = (numerator: number, denominator: number) => (denominator === 0 ? null : numerator / denominator);
    const qualifyRate = ratio(sum.qualified, sum.inquiries);
    const expectation = expectationOf(source);
    const cost = input.hasCost ? roundCents(sum.cost) : null;
    const perUnit = (count: number) => (cost === null || count === 0 ? null : roundCents(cost / count));
    return {
      period: label,
      source,
      inquiries: sum.inquiries,
      qualified: sum.qualified,
      won: input.hasWon ? sum.won : null,
      cost,
      qualifyRate,
      expected: expectation,
      closeRate: input.hasWon ? ratio(sum.won, sum.qualified) : null,
      costPerQualified: perUnit(sum.qualified),
      costPerWon: input.hasWon ? perUnit(sum.won) : null,
      status: qualifyRate === null || expectation === null ? null : checkStatus(expectation.qualifyRate, qualifyRate, tolerance),
    };
  };
  const rows: SourceQualityRow[] = [];
  for (let at = first; at <= last; at++) {
    for (const source of sources) rows.push(rowOf(formatPeriod(at, every), source, sums.get(id(at, source)) ?? zero()));
  }
  return {
    every,
    tolerance,
    expectedFrom: expected === null ? "plan" : "sources",
    rows,
    totals: sources.map((source) => rowOf("total", source, totals.get(source) ?? zero())),
  };
}

/** The period rows whose qualification rate is behind or far behind its expected rate. */
export const sourcesBelow = (quality: SourceQuality): SourceQualityRow[] => quality.rows.filter((row) => row.status !== null && row.status !== "on-track");
