import * as z from "zod";
import { CONFIDENCE_GRAINS } from "../core/confidence-grain.js";
import { capacityDocument } from "./capacity.js";
import { documentOf, figureOrNull, lag, rowKey, stageKeys, warnings } from "./parts.js";

export const COMPUTE_SCHEMA_ID = "leadplan.compute/1";

const inputs = z.strictObject({ quotas: z.string(), ratios: z.string().nullable(), cycles: z.string().nullable() });
const surge = z.strictObject({ rate: z.number(), quarters: z.array(z.string()), fiscal_year_start: z.number().int() });

const figures = {
  quota: figureOrNull,
  units: z.number(),
  deals: z.number(),
  qualified_leads: z.number(),
  inquiries: z.number(),
  surge_inquiries: z.number(),
  budget: figureOrNull,
  exact: z.strictObject({ deals: z.number(), qualified_leads: z.number(), inquiries: z.number(), inquiries_before_surge: z.number(), budget: figureOrNull }),
};

/** `--history`: the plan month by month against the history's last twelve months. */
const baseline = z.strictObject({
  history: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  rows: z.array(
    z.strictObject({
      month: z.string(),
      inquiries: z.number(),
      baseline_inquiries: figureOrNull,
      inquiries_vs_baseline: figureOrNull,
      qualified_leads: z.number(),
      baseline_qualified_leads: figureOrNull,
      qualified_leads_vs_baseline: figureOrNull,
    }),
  ),
  peak: z.string().nullable(),
});

/**
 * A configured funnel's baseline: its top stage and the stage before won compare by name
 * (`inquiry`, `baseline_inquiry`, `inquiry_vs_baseline`, `sql`, …), which a schema can only allow.
 * (The stage keys hold figures; they take `month`'s string too, as TypeScript cannot build an object
 * whose index type excludes a named key's.)
 */
const stageBaseline = baseline.extend({ rows: z.array(z.object({ month: z.string() }).catchall(z.union([z.string(), figureOrNull]))) });

/** Only when some segment pays commission: the plan's total, per closed deal, and a deal's marketing cost with it (null: not known). */
const commissionTotals = {
  commission: figureOrNull.optional(),
  commission_per_deal: figureOrNull.optional(),
  cost_per_deal_with_commission: figureOrNull.optional(),
};

const percentiles = z.strictObject({ p10: z.number(), p50: z.number(), p90: z.number() });

/** `--confidence`: the plan that makes each period's quota with that certainty, period by period. */
const confidence = z.strictObject({
  level: z.number(),
  by: z.enum(CONFIDENCE_GRAINS),
  method: z.enum(["exact", "simulation"]),
  trials: z.number().int(),
  seed: z.number().int(),
  measure: z.enum(["money", "units"]),
  periods: z.array(
    z.strictObject({
      period: z.string(),
      quota: z.number(),
      // Null where the period has no quota: nothing to be sure of.
      probability_at_average_plan: figureOrNull,
      revenue: percentiles,
      // Null where the level is out of reach: the period keeps the average plan.
      revenue_at_confidence: percentiles.nullable(),
      budget: figureOrNull,
      extra_budget: figureOrNull,
    }),
  ),
  // With `--history`: the figures its few counts leave uncertain (`successes` null for a deal size).
  thin_scopes: z.array(
    z.strictObject({
      rep: z.string(),
      product: z.string(),
      figure: z.enum(["qualified_to_won", "inquiry_to_qualified", "avg_deal_size"]),
      sample: z.number().int(),
      successes: z.number().int().nullable(),
    }),
  ),
});

/** The default funnel's plan (inquiry → qualified lead → won). */
export const computeDocument = documentOf({
  schema: z.literal(COMPUTE_SCHEMA_ID),
  by: z.string(),
  inputs,
  surge,
  assumptions: z.array(
    z.strictObject({
      rep: z.string(),
      product: z.string(),
      avg_deal_size: figureOrNull,
      units_per_deal: z.number(),
      qualified_to_won: z.number(),
      inquiry_to_qualified: z.number(),
      cost_per_inquiry: figureOrNull,
      sales_cycle: lag,
      qualification: lag,
      // Only when the segment pays commission: a share of deal value, or an amount per deal.
      commission_rate: z.number().optional(),
      commission_per_deal: z.number().optional(),
    }),
  ),
  rows: z.array(z.strictObject({ ...rowKey, surge: z.boolean(), ...figures })),
  totals: z.strictObject({ ...figures, cost_per_inquiry: figureOrNull, cost_per_qualified_lead: figureOrNull, cost_per_deal: figureOrNull, ...commissionTotals }),
  capacity: capacityDocument.optional(),
  baseline: baseline.optional(),
  confidence: confidence.optional(),
  warnings,
});

/**
 * A configured funnel's plan (`--funnel inquiry,mql,sql,won`): `funnel` names the stages, and
 * figures, costs and step assumptions are keyed by them (`mql`, `cost_per_sql`, `mql_to_sql_lag`),
 * which a schema can only allow, not list. With a team, each checked stage's capacity is keyed
 * after it (`sql_capacity`, `mql_capacity`), as the reps file's columns are.
 */
export const computeFunnelDocument = documentOf({
  schema: z.literal(COMPUTE_SCHEMA_ID),
  by: z.string(),
  funnel: z.array(z.string()).min(2).readonly(),
  inputs,
  surge,
  assumptions: z.array(z.looseObject({ rep: z.string(), product: z.string(), avg_deal_size: figureOrNull, units_per_deal: z.number() })),
  rows: z.array(z.looseObject({ ...rowKey, surge: z.boolean(), quota: figureOrNull, units: z.number(), deals: z.number(), budget: figureOrNull, exact: z.looseObject({ deals: z.number(), budget: figureOrNull }) })),
  totals: z.looseObject({ quota: figureOrNull, units: z.number(), deals: z.number(), budget: figureOrNull, cost_per_deal: figureOrNull, ...commissionTotals }),
  confidence: confidence.optional(),
  baseline: stageBaseline.optional(),
  warnings,
}).and(stageKeys("_capacity", capacityDocument));

/** `leadplan compute --format json`: either shape, told apart by `funnel`. */
export const computeSchema = z.union([computeDocument, computeFunnelDocument]).meta({
  title: "leadplan compute --format json",
  description: `The plan as JSON, schema "${COMPUTE_SCHEMA_ID}" (README, "JSON output"). Additive fields may appear at the top level.`,
});

export type ComputeJson = z.infer<typeof computeDocument>;
export type ComputeFunnelJson = z.infer<typeof computeFunnelDocument>;
