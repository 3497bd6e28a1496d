import * as z from "zod";
import { figureOrNull, month } from "./parts.js";

/** What a rep's month and the team's month both carry: leads at risk, and inquiries against follow-up capacity (fresh schemas each time, so the JSON schema writes them inline, not as shared definitions). */
const atRiskAndInquiryFields = () => ({
  at_risk: z.number(),
  at_risk_deals: z.number(),
  at_risk_quota: figureOrNull,
  inquiries: z.number(),
  placed_inquiries: z.number(),
  inquiry_capacity: figureOrNull,
  inquiry_utilisation: figureOrNull,
});

/** Per rep and month (`capacity.reps[].months[]`, and the `--view capacity` CSV's columns). */
export const repMonthFields = {
  month,
  availability: z.number(),
  qualified_leads: z.number(),
  capacity: z.number(),
  utilisation: figureOrNull,
  over: z.boolean(),
  placed: z.number(),
  moved_in: z.number(),
  moved_out: z.number(),
  ...atRiskAndInquiryFields(),
  inquiry_over: z.boolean(),
};

/** Per month for the whole team (`capacity.team[]`, and the `--view team` CSV's columns). */
export const teamMonth = z.strictObject({
  month,
  qualified_leads: z.number(),
  capacity: z.number(),
  utilisation: figureOrNull,
  excess: z.number(),
  extra_reps: z.number(),
  placed: z.number(),
  moved: z.number(),
  ...atRiskAndInquiryFields(),
  inquiry_excess: z.number(),
  extra_follow_up: figureOrNull,
});

/** The `capacity` object of compute's and track's JSON (README, "Capacity"). */
export const capacityDocument = z.strictObject({
  source: z.string(),
  // A configured funnel's: the stage `qualified_leads` and `capacity` count, and its top stage.
  stage: z.string().optional(),
  follow_up_stage: z.string().optional(),
  respect_capacity: z.boolean(),
  checks_inquiries: z.boolean(),
  average_capacity: z.number(),
  average_inquiry_capacity: figureOrNull,
  reps: z.array(
    z.strictObject({
      rep: z.string(),
      capacity: z.number(),
      inquiry_capacity: figureOrNull,
      months: z.array(z.strictObject(repMonthFields)),
    }),
  ),
  team: z.array(teamMonth),
  totals: z.strictObject({
    qualified_leads: z.number(),
    placed: z.number(),
    moved: z.number(),
    at_risk: z.number(),
    at_risk_deals: z.number(),
    at_risk_quota: figureOrNull,
    peak_extra_reps: z.number(),
    peak_extra_follow_up: figureOrNull,
  }),
});

export type CapacityJson = z.infer<typeof capacityDocument>;
