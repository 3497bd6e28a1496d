import * as z from "zod";
import { documentOf, figureOrNull, lag, month, warnings } from "./parts.js";

export const CALIBRATE_SCHEMA_ID = "leadplan.calibrate/1";

/** A configured funnel's step, nearest won first. */
const step = z.strictObject({
  step: z.string(),
  from: z.string(),
  to: z.string(),
  entered: z.number(),
  reached: z.number(),
  cohort_entered: z.number(),
  rate: figureOrNull,
  lag: lag.nullable(),
  mean_days: figureOrNull,
  median_days: figureOrNull,
  maturity_window_days: figureOrNull,
});

/** What a group of leads (a product and rep scope, or a source) showed. */
const group = {
  inquiries: z.number(),
  qualified_leads: z.number(),
  won_deals: z.number(),
  // Null for a monthly aggregate, which does not count them.
  lost_deals: figureOrNull,
  open_leads: figureOrNull,
  cohort_inquiries: z.number(),
  cohort_qualified_leads: z.number(),
  cohort_won_deals: z.number(),
  inquiry_to_qualified: figureOrNull,
  qualified_to_won: figureOrNull,
  avg_deal_size: figureOrNull,
  revenue: z.number(),
  cost_per_inquiry: figureOrNull,
  cost_per_qualified_lead: figureOrNull,
  cost_per_won_deal: figureOrNull,
  sales_cycle: lag.nullable(),
  mean_cycle_days: figureOrNull,
  median_cycle_days: figureOrNull,
  qualification: lag.nullable(),
  mean_qualification_days: figureOrNull,
  maturity_window_days: z.strictObject({ qualification: z.number(), cycle: z.number() }),
  steps: z.array(step).optional(),
};

export const calibrateDocument = documentOf({
  schema: z.literal(CALIBRATE_SCHEMA_ID),
  input: z.string(),
  shape: z.enum(["leads", "monthly"]),
  funnel: z.array(z.string()).min(2).readonly().optional(),
  as_of: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  rows: z.number(),
  leads: z.number(),
  skipped: z.strictObject({ count: z.number(), first: z.array(z.string()).readonly() }),
  cohorts_resolved: z.boolean(),
  scopes: z.array(z.strictObject({ rep: z.string(), product: z.string(), ...group })),
  sources: z.array(z.strictObject({ source: z.string(), share: z.number(), ...group })),
  baseline: z.strictObject({
    months: z.array(z.strictObject({ month, inquiries: z.number(), qualified_leads: z.number() })),
    seasonality: z.array(z.strictObject({ month_of_year: z.number().int(), index: figureOrNull })),
  }),
  warnings,
});

/** `leadplan calibrate --format json`. */
export const calibrateSchema = calibrateDocument.meta({
  title: "leadplan calibrate --format json",
  description: `The calibration as JSON, schema "${CALIBRATE_SCHEMA_ID}" (README, "calibrate JSON"). Additive fields may appear at the top level.`,
});

export type CalibrateJson = z.infer<typeof calibrateDocument>;
