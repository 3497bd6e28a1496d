/**
 * The tables of a track report, by the name `--section` takes (CSV holds one). Apart from the
 * run so that checking the option loads no command.
 */
export const TRACK_SECTIONS = ["checkpoints", "follow-up", "coverage", "sources", "forecast"] as const;
