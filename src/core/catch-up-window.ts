/**
 * Where track makes up a shortfall (`--catch-up`): the rest of the fiscal quarter or year, or
 * nowhere. Apart from the catch-up planner so that checking the option loads no planning code.
 */
export const CATCH_UP_WINDOWS = ["quarter", "year", "none"] as const;
export type CatchUpWindow = (typeof CATCH_UP_WINDOWS)[number];
