import * as z from "zod";
import { documentOf, figureOrNull, month, warnings } from "./parts.js";

export const SCENARIOS_SCHEMA_ID = "leadplan.scenarios/1";

/** A change against the baseline: absolute, and relative (null against a zero or unknown base). */
const change = z.strictObject({ absolute: figureOrNull, percent: figureOrNull });

const budgetByQuarter = z.array(z.strictObject({ quarter: z.string(), budget: figureOrNull }));

/** A scenario's row (the baseline's too) with the default funnel. */
export const scenarioRow = z.strictObject({
  scenario: z.string(),
  quota: figureOrNull,
  inquiries: z.number(),
  qualified_leads: z.number(),
  deals: z.number(),
  budget: figureOrNull,
  budget_by_quarter: budgetByQuarter,
  cost_per_qualified_lead: figureOrNull,
  cost_per_deal: figureOrNull,
  // Only when a scenario or the baseline pays commission.
  commission_per_deal: figureOrNull.optional(),
  quota_per_dollar: figureOrNull,
  budget_change: change,
  inquiries_change: change,
  rep_months_over_capacity: figureOrNull,
});

/** A configured funnel's row: the stages by name (`sql`, `mql`, `inquiry`), `cost_per_<stage>` and `<top>_change`, which a schema can only allow. */
export const funnelScenarioRow = z.looseObject({
  scenario: z.string(),
  quota: figureOrNull,
  deals: z.number(),
  budget: figureOrNull,
  budget_by_quarter: budgetByQuarter,
  cost_per_deal: figureOrNull,
  commission_per_deal: figureOrNull.optional(),
  quota_per_dollar: figureOrNull,
  budget_change: change,
  rep_months_over_capacity: figureOrNull,
});

const move = z.looseObject({ value: z.string(), budget: change });

const sensitivity = z
  .strictObject({
    share: z.number(),
    // `inquiries` (a configured funnel: its top stage's name) is the inquiry change of each move.
    rows: z.array(z.strictObject({ assumption: z.string(), down: move, up: move, impact: z.number() })),
  })
  .nullable();

const source = z.strictObject({
  source: z.string(),
  share: figureOrNull,
  inquiry_to_qualified: z.number(),
  qualified_to_won: z.number(),
  cost_per_inquiry: z.number(),
  max_inquiries_per_month: figureOrNull,
});

/**
 * A configured funnel's source: a rate per step by its name (`sql_to_won`, `mql_to_sql`, …, null
 * where the file gives none) and the top stage's cost (`cost_per_inquiry`), as its sources file
 * has them, which a schema can only allow. (Those keys take `source`'s string too, as TypeScript
 * cannot build an object whose index type excludes a named key's.)
 */
const funnelSource = z
  .object({ source: z.string(), share: figureOrNull, max_inquiries_per_month: figureOrNull })
  .catchall(z.union([z.string(), figureOrNull]));

/** What the mix amounts to (inquiries, won deals, budget, cost per won deal), in `total`, `given_shares` and `plan`. */
const mixLine = { inquiries: z.number(), won_deals: z.number(), budget: figureOrNull, cost_per_won_deal: figureOrNull };

const sources = z
  .strictObject({
    optimized: z.boolean(),
    sources: z.array(z.union([source, funnelSource])),
    // The summary (present together): the mix summed, the given shares for the same need (null
    // without them), the plan at its own cost per inquiry, what the won deals are made of, and
    // the one source an uncapped optimum buys from (null when it buys from several).
    total: z.strictObject({ ...mixLine, qualified_leads: z.number() }).optional(),
    given_shares: z.strictObject(mixLine).nullable().optional(),
    plan: z.strictObject(mixLine).optional(),
    won_deals: z
      .strictObject({
        sized_on: z.enum(["won_deals", "qualified_leads"]),
        qualified_leads: z.number(),
        at_ratio_file_rates: z.number(),
        from_surge: z.number(),
        plan_deals: z.number(),
        in_mix: z.number(),
      })
      .optional(),
    one_source: z.strictObject({ source: z.string(), inquiries: z.number(), history_inquiries: figureOrNull }).nullable().optional(),
    months: z.array(
      z.strictObject({
        month,
        // Whole inquiries to buy from each source, by source name.
        inquiries: z.record(z.string(), z.number()),
        budget: z.number(),
        short_won: z.number(),
        short_qualified: z.number(),
        over_cap: z.array(z.string()),
      }),
    ),
  })
  .nullable();

export const scenariosDocument = documentOf({
  schema: z.literal(SCENARIOS_SCHEMA_ID),
  // A configured funnel's stages, top first (absent for the default funnel).
  funnel: z.array(z.string()).min(2).readonly().optional(),
  baseline: z.union([scenarioRow, funnelScenarioRow]).nullable(),
  scenarios: z.array(z.union([scenarioRow, funnelScenarioRow])),
  sensitivity,
  sources,
  warnings,
});

/** `leadplan scenarios --format json`. */
export const scenariosSchema = scenariosDocument.meta({
  title: "leadplan scenarios --format json",
  description: `The scenario report as JSON, schema "${SCENARIOS_SCHEMA_ID}" (README, "leadplan scenarios"). Additive fields may appear at the top level.`,
});

export type ScenariosJson = z.infer<typeof scenariosDocument>;
export type ScenarioRowJson = z.infer<typeof scenarioRow>;
export type FunnelScenarioRowJson = z.infer<typeof funnelScenarioRow>;
