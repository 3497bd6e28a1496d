/**
 * How track cuts the period into checkpoints (`--every`): months or half-months. Apart from the
 * half-month calendar so that checking the option loads no calendar code.
 */
export const EVERY = ["month", "half-month"] as const;
export type Every = (typeof EVERY)[number];
