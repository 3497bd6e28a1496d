import * as z from "zod";
import { EVERY } from "../core/half-month.js";
import { capacityDocument } from "./capacity.js";
import { documentOf, figureOrNull, month, rowKey, stageKeys, warnings } from "./parts.js";

export const TRACK_SCHEMA_ID = "leadplan.track/1";

const status = z.enum(["on_track", "behind", "far_behind"]);

/** Plan against actual for each measure compared, keyed by the measure (`inquiries`, `won`, a configured funnel's stages, `revenue`). */
const checks = z.record(
  z.string(),
  z.strictObject({ plan: z.number(), actual: z.number(), variance: z.number(), percent_of_plan: figureOrNull, status }),
);

const rate = z.strictObject({ assumed: z.number(), planned: figureOrNull, actual: figureOrNull }).nullable();

const leak = z.strictObject({
  plan_revenue: z.number(),
  actual_revenue: z.number(),
  variance: z.number(),
  // Keyed by each step's rate column (`inquiry_to_qualified`, …), the deal size (`avg_deal_size`) last.
  rates: z.record(z.string(), rate),
  effects: z.array(z.strictObject({ stage: z.string(), from: z.string().nullable(), to: z.string(), revenue: z.number() })),
  largest: z.strictObject({ stage: z.string(), fault: z.string(), revenue: z.number() }).nullable(),
});

// The catch-up figures are keyed by column: quota, extra_quota, then each stage (and extra_) before won, budget, extra_budget.
const catchUpFigures = z.record(z.string(), figureOrNull);

const catchUp = z.strictObject({
  window: z.enum(["quarter", "year"]),
  window_end: month,
  bank_surplus: z.boolean(),
  scopes: z.array(
    z.strictObject({
      // Null where the catch-up is not by rep (or by product).
      rep: z.string().nullable(),
      product: z.string().nullable(),
      quota_due: z.number(),
      actual: z.number(),
      shortfall: z.number(),
      added: z.number(),
      months: z.array(month),
      recoverable: z.boolean(),
      earliest_reachable: month,
    }),
  ),
  // Each row: `month`, then the figures keyed as `totals` are.
  rows: z.array(z.record(z.string(), z.union([z.string(), figureOrNull]))),
  totals: catchUpFigures,
});

/** A day as the as-of day and the pro-rata end are written: `2027-01-15`. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * The months compared; with `--every half-month` or an as-of day inside a period, the checkpoints'
 * own periods too (`every`, the first and last: `2027-01-H1`), and where an as-of day stops the last
 * one: its date (`through`) and its working days elapsed of all.
 */
const period = z.strictObject({
  first: month,
  last: month,
  every: z.enum(EVERY).optional(),
  first_period: z.string().optional(),
  last_period: z.string().optional(),
  through: day.optional(),
  working_days_elapsed: z.number().int().optional(),
  working_days: z.number().int().optional(),
});

/** `--forecast`: the open quarter's and the fiscal year's chance of quota (a fraction, null without a quota) and revenue percentiles. */
const forecast = z.strictObject({
  method: z.enum(["exact", "simulation"]),
  trials: z.number().int(),
  seed: z.number().int(),
  periods: z.array(
    z.strictObject({
      period: z.string(),
      quota: z.number(),
      won_to_date: z.number(),
      probability: figureOrNull,
      revenue: z.strictObject({ p10: z.number(), p50: z.number(), p90: z.number() }),
    }),
  ),
});

/**
 * Follow-up per rep and period against the target (a fraction): each row's time under `month`, or
 * `period` by half-month, and its base count under the followed-up measure's name (`inquiries`, a
 * configured funnel's top stage), which a schema can only allow. `below` names the reps below target.
 */
const followUp = z.strictObject({
  target: z.number(),
  base: z.string(),
  rows: z.array(
    z
      .object({
        month: month.optional(),
        period: z.string().optional(),
        rep: z.string(),
        followed_up: z.number(),
        rate: figureOrNull,
        status: z.enum(["met", "below_target"]),
      })
      .catchall(z.union([z.string(), figureOrNull])),
  ),
  below: z.array(z.string()),
});

/**
 * Pipeline coverage per period (an open_pipeline column in the actuals): open pipeline at the
 * period's end ÷ the quota due in the next sales cycle, against the target (a multiple). Each
 * row's time is `month`, or `period` by half-month; `below` names the periods below target.
 */
const coverage = z.strictObject({
  target: z.number(),
  cycle_months: z.number(),
  cycle_within_period: z.boolean(),
  rows: z.array(
    z.strictObject({
      month: month.optional(),
      period: z.string().optional(),
      open_pipeline: z.number(),
      quota_due: z.number(),
      coverage: figureOrNull,
      status: z.enum(["met", "below_target"]),
      past_plan: z.boolean(),
    }),
  ),
  below: z.array(z.string()),
});

const sourceRow = {
  source: z.string(),
  inquiries: z.number(),
  qualified: z.number(),
  won: figureOrNull,
  qualify_rate: figureOrNull,
  expected_qualify_rate: figureOrNull,
  close_rate: figureOrNull,
  expected_close_rate: figureOrNull,
  cost: figureOrNull,
  cost_per_qualified: figureOrNull,
  cost_per_won: figureOrNull,
  status: status.nullable(),
};

/**
 * Lead quality by source (a source column in the actuals): per period and source, inquiries,
 * qualified leads and deals won, the qualification and close rates (fractions; null with no
 * denominator) against the expected ones (the sources file's, or the plan's overall rates:
 * `expected_from`; null for a source the file does not name), cost per qualified lead and per won
 * deal (null without a cost column or a denominator), and the qualification rate's status (null
 * when not compared). Each row's time is `month`, or `period` by half-month; `totals` are per
 * source over the whole period; `below` names the sources and periods behind their expected rate.
 */
const sources = z.strictObject({
  expected_from: z.enum(["sources", "plan"]),
  file: z.string().nullable(),
  rows: z.array(z.strictObject({ month: month.optional(), period: z.string().optional(), ...sourceRow })),
  totals: z.array(z.strictObject(sourceRow)),
  below: z.array(z.string()),
});

// With a team: checked on what is still ahead (`plan`: the original or the catch-up plan), from the month after as-of.
const capacity = capacityDocument.extend({ plan: z.enum(["original", "catch-up"]), from: month });

/**
 * The track report. With a team and a configured funnel, each checked stage's capacity is keyed
 * after it (`sql_capacity`, `mql_capacity`, as the reps file's columns); the default funnel keeps `capacity`.
 */
export const trackDocument = documentOf({
  schema: z.literal(TRACK_SCHEMA_ID),
  as_of: month,
  // With an as-of day (`--as-of 2027-01-15`).
  as_of_date: day.optional(),
  period,
  tolerance: z.number(),
  by: z.string(),
  deciding_measure: z.string(),
  status,
  inputs: z.strictObject({ quotas: z.string(), actuals: z.string(), ratios: z.string().nullable(), cycles: z.string().nullable() }),
  measures: z.array(z.string()).readonly(),
  // By half-month, a row's time is its `period` (`2027-01-H1`) in place of `month`.
  rows: z.array(z.strictObject({ ...rowKey, period: z.string().optional(), status, checks })),
  cumulative: z.strictObject({ status, checks }),
  follow_up: followUp.optional(),
  coverage: coverage.optional(),
  sources: sources.optional(),
  leak: leak.nullable(),
  catch_up: catchUp.nullable(),
  forecast: forecast.optional(),
  capacity: capacity.optional(),
  warnings,
}).and(stageKeys("_capacity", capacity));

/** `leadplan track --format json`. */
export const trackSchema = trackDocument.meta({
  title: "leadplan track --format json",
  description: `The track report as JSON, schema "${TRACK_SCHEMA_ID}" (README, "leadplan track"). Additive fields may appear at the top level.`,
});

export type TrackJson = z.infer<typeof trackDocument>;
