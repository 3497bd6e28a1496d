import { z } from "zod";
import { capacityDocument } from "./capacity.js";
import { documentOf, figureOrNull, lag, rowKey, warnings } from "./parts.js";

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
    }),
  ),
  rows: z.array(z.strictObject({ ...rowKey, surge: z.boolean(), ...figures })),
  totals: z.strictObject({ ...figures, cost_per_inquiry: figureOrNull, cost_per_qualified_lead: figureOrNull, cost_per_deal: figureOrNull }),
  capacity: capacityDocument.optional(),
  baseline: baseline.optional(),
  warnings,
});

/**
 * A configured funnel's plan (`--funnel inquiry,mql,sql,won`): `funnel` names the stages, and
 * figures, costs and step assumptions are keyed by them (`mql`, `cost_per_sql`, `mql_to_sql_lag`),
 * which a schema can only allow, not list.
 */
export const computeFunnelDocument = documentOf({
  schema: z.literal(COMPUTE_SCHEMA_ID),
  by: z.string(),
  funnel: z.array(z.string()).min(2).readonly(),
  inputs,
  surge,
  assumptions: z.array(z.looseObject({ rep: z.string(), product: z.string(), avg_deal_size: figureOrNull, units_per_deal: z.number() })),
  rows: z.array(z.looseObject({ ...rowKey, surge: z.boolean(), quota: figureOrNull, units: z.number(), deals: z.number(), budget: figureOrNull, exact: z.looseObject({ deals: z.number(), budget: figureOrNull }) })),
  totals: z.looseObject({ quota: figureOrNull, units: z.number(), deals: z.number(), budget: figureOrNull, cost_per_deal: figureOrNull }),
  capacity: capacityDocument.optional(),
  warnings,
});

/** `leadplan compute --format json`: either shape, told apart by `funnel`. */
export const computeSchema = z.union([computeDocument, computeFunnelDocument]).meta({
  title: "leadplan compute --format json",
  description: `The plan as JSON, schema "${COMPUTE_SCHEMA_ID}" (README, "JSON output"). Additive fields may appear at the top level.`,
});

export type ComputeJson = z.infer<typeof computeDocument>;
export type ComputeFunnelJson = z.infer<typeof computeFunnelDocument>;
