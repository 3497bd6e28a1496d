/**
 * How the confidence report groups close months (`--confidence-by`): fiscal months, quarters or
 * years. Apart from the planner so that validating the flag loads no simulation code.
 */
export const CONFIDENCE_GRAINS = ["month", "quarter", "year"] as const;
export type ConfidenceGrain = (typeof CONFIDENCE_GRAINS)[number];
