/**
 * The tables of a scenarios report, by the name `--section` takes; each but the first needs its
 * flag. Apart from the run so that checking the option loads no command.
 */
export const SCENARIOS_SECTIONS = ["scenarios", "quarters", "sensitivity", "sources"] as const;
