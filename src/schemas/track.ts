import { z } from "zod";
import { capacityDocument } from "./capacity.js";
import { documentOf, figureOrNull, month, rowKey, warnings } from "./parts.js";

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

export const trackDocument = documentOf({
  schema: z.literal(TRACK_SCHEMA_ID),
  as_of: month,
  period: z.strictObject({ first: month, last: month }),
  tolerance: z.number(),
  by: z.string(),
  deciding_measure: z.string(),
  status,
  inputs: z.strictObject({ quotas: z.string(), actuals: z.string(), ratios: z.string().nullable(), cycles: z.string().nullable() }),
  measures: z.array(z.string()).readonly(),
  rows: z.array(z.strictObject({ ...rowKey, status, checks })),
  cumulative: z.strictObject({ status, checks }),
  leak: leak.nullable(),
  catch_up: catchUp.nullable(),
  // With a team: checked on what is still ahead (`plan`: the original or the catch-up plan), from the month after as-of.
  capacity: capacityDocument.extend({ plan: z.enum(["original", "catch-up"]), from: month }).optional(),
  warnings,
});

/** `leadplan track --format json`. */
export const trackSchema = trackDocument.meta({
  title: "leadplan track --format json",
  description: `The track report as JSON, schema "${TRACK_SCHEMA_ID}" (README, "leadplan track"). Additive fields may appear at the top level.`,
});

export type TrackJson = z.infer<typeof trackDocument>;
