import * as z from "zod";
import { type AssumptionConfigKey, assumptionSpellings } from "../core/assumptions.js";

/**
 * How a config key's JSON value is taken, and how a message names what it should have been:
 * - `text`: what the flag takes, as text or a JSON number (`"25%"`, `0.25`, `30`);
 * - `path`: a file, relative to the config file's folder;
 * - `switch`: `true` or `false` (a flag without a value; `false` for a `--no-…` flag);
 * - `list`: a repeatable flag's values, one text or a list (`["cost_per_inquiry=40,60"]`);
 * - `joined`: a comma list, as text or a list (`"capacity,at-risk"` or `["capacity", "at-risk"]`);
 * - `excel`: `true` (Excel's US CSV), `"us"` or `"eu"`, like a bare `--excel` or `--excel LOCALE`.
 */
export type ConfigValueKind = "text" | "path" | "switch" | "list" | "joined" | "excel";

const TEXT = z.union([z.string(), z.number()]);
const LIST = z.union([z.string(), z.array(z.string())]);

const VALUES = {
  text: TEXT,
  path: z.string(),
  switch: z.boolean(),
  list: LIST,
  joined: LIST,
  excel: z.union([z.boolean(), z.enum(["us", "eu"])]),
} as const satisfies Record<ConfigValueKind, z.ZodType>;

/** What each kind's message says was expected: `leadplan.config.json: strict: expected true or false, found "yes"`. */
export const EXPECTED_VALUE: Record<ConfigValueKind, string> = {
  text: "text or a number",
  path: "text",
  switch: "true or false",
  list: "text or a list of texts",
  joined: "text or a list of texts",
  excel: 'true, "us" or "eu"',
};

/**
 * The keys that stand in for a command's flag, by the flag's commander name (`--reps-count` is
 * `repsCount`, `--no-formula-guard` is `formulaGuard`). A key applies to every command that has
 * the flag and is ignored by the others (`tolerance` means nothing to compute), so one config
 * serves every command. Values go through the very code the flag's text does: the flag beats
 * the config, and a bad value is reported with the config file and key.
 *
 * A new flag is one line here (`trials: "text",`); test/cli/config-parity.test.ts fails until it
 * has one, and `npm run schemas` writes it into schemas/config.json.
 */
export const FLAG_KEYS = {
  // Reading files (every command).
  encoding: "text",
  dateFormat: "text",
  map: "list",
  skipBadRows: "switch",
  history: "path",
  // A team to check the plan against.
  reps: "path",
  repsCount: "text",
  repCapacity: "text",
  capacityStage: "text",
  respectCapacity: "switch",
  strict: "switch",
  failOn: "joined",
  view: "text",
  // Output.
  wide: "switch",
  excel: "excel",
  formulaGuard: "switch",
  // track.
  asOf: "text",
  catchUp: "text",
  tolerance: "text",
  bankSurplus: "switch",
  every: "text",
  followUpTarget: "text",
  coverageTarget: "text",
  forecast: "switch",
  failBelow: "text",
  // scenarios.
  scenarios: "path",
  vary: "list",
  sensitivity: "text",
  sources: "path",
  optimizeMix: "switch",
  section: "text",
  // calibrate.
  byRep: "switch",
  minLeads: "text",
  ratiosOut: "path",
  cyclesOut: "path",
  sourcesOut: "path",
} as const satisfies Record<string, ConfigValueKind>;

export type FlagKey = keyof typeof FLAG_KEYS;

/** Every assumption's config key, from the registry, in its order (`dealSize`, `closeRate`, …, `surge`). */
const assumptionKeys = Object.fromEntries(assumptionSpellings().map(({ spelling }) => [spelling.configKey, "text"])) as Record<AssumptionConfigKey, "text">;

/**
 * The keys the plan's settings read (src/io/settings.ts): for compute, track and scenarios the
 * config is a layer of its own there, so an assumption it gives fills only what the ratio and
 * cycle files leave empty, while a flag beats the files. calibrate takes `funnel`, `format` and
 * `decimalMark` as it takes its flags.
 */
export const SETTINGS_KEYS = {
  funnel: "joined",
  ratios: "path",
  cycles: "path",
  ...assumptionKeys,
  surgeQuarters: "joined",
  fiscalYearStart: "text",
  by: "text",
  format: "text",
  decimalMark: "text",
  // compute's confidence plan (src/io/confidence-settings.ts reads them as a layer under the flags).
  confidence: "text",
  confidenceBy: "text",
  trials: "text",
  seed: "text",
} as const satisfies Record<string, ConfigValueKind>;

/** A configured funnel's steps, by key: `{"sql_to_won": "25%"}`, `{"mql_to_sql": "30d"}`, `{"inquiry": 10}`. */
const STEP_KEYS = ["rate", "lag", "cost"] as const;
const steps = z.record(z.string(), TEXT);

/** What a key that is not one flag's value expects (the step objects, `$schema`). */
export const EXPECTED_OTHER: Readonly<Record<string, string>> = {
  rate: 'an object of values by step, like {"sql_to_won": "25%"}',
  lag: 'an object of values by step, like {"mql_to_sql": "30d"}',
  cost: 'an object of values by stage, like {"inquiry": 10}',
  $schema: "text",
  surgeQuarters: "text or a list of quarters",
  funnel: "text or a list of stages",
};

const valuesOf = <Keys extends Record<string, ConfigValueKind>>(keys: Keys) =>
  Object.fromEntries(Object.entries(keys).map(([key, kind]) => [key, VALUES[kind].optional()])) as { [Key in keyof Keys]: z.ZodOptional<(typeof VALUES)[Keys[Key]]> };

/**
 * The config file (`leadplan.config.json`): one key per flag (in camelCase), except the run's own
 * inputs and outputs (QUOTAS, ACTUALS, `--out`) and `--config` itself. Unknown keys are refused;
 * `$schema` is where an editor finds this schema.
 */
export const configDocument = z.strictObject({
  $schema: z.string().optional(),
  ...valuesOf(SETTINGS_KEYS),
  ...Object.fromEntries(STEP_KEYS.map((key) => [key, steps.optional()])) as Record<(typeof STEP_KEYS)[number], z.ZodOptional<typeof steps>>,
  ...valuesOf(FLAG_KEYS),
});

export const configSchema = configDocument.meta({
  title: "leadplan config file (leadplan.config.json)",
  description:
    "Defaults for leadplan's flags, keys in camelCase (--close-rate is closeRate), values as the flags take them. Flags beat the config; paths are relative to the config file. README: \"Config file\".",
});

export type ConfigValues = z.infer<typeof configDocument>;

/** Every key the config takes but `$schema`, in the order messages list them. */
export const CONFIG_KEYS: readonly string[] = Object.keys(configDocument.shape).filter((key) => key !== "$schema");

/** The kind of a key's value (undefined for the step objects and `$schema`). */
export function configValueKind(key: string): ConfigValueKind | undefined {
  return (FLAG_KEYS as Record<string, ConfigValueKind>)[key] ?? (SETTINGS_KEYS as Record<string, ConfigValueKind>)[key];
}
