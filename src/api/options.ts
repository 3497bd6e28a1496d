import type { AssumptionConfigKey } from "../core/assumptions.js";
import type { CapacityView } from "../core/capacity.js";
import type { CatchUpWindow } from "../core/catch-up.js";
import type { ConfidenceGrain } from "../core/confidence-grain.js";
import type { Every } from "../core/half-month.js";
import type { PlanGrouping } from "../core/group.js";
import type { Check } from "../cli/fail-on.js";
import type { ExcelLocale } from "../render/csv-writer.js";
import type { Format } from "../io/settings.js";
import type { Encoding } from "../io/text-encoding.js";
import type { Input, InputPlace } from "./inputs.js";
import type { ComputeFlags } from "./plan-run.js";
import type { FlagKey, SETTINGS_KEYS } from "../schemas/config.js";

type SettingsKey = keyof typeof SETTINGS_KEYS;
/** Every config key is the library's option of the same name: a new flag key that no option type has fails to compile here. */
type ConfigKeysCovered = Exclude<FlagKey | SettingsKey, keyof ComputeOptions | keyof TrackOptions | keyof ScenariosOptions | keyof CalibrateOptions | "wide" | "ratiosOut" | "cyclesOut" | "sourcesOut">;
/** @internal A compile-time check only. */
export const CONFIG_KEYS_COVERED: [ConfigKeysCovered] extends [never] ? true : ConfigKeysCovered = true;

/** A value as the config file takes it: text as a flag is typed (`"25%"`, `"$75,000"`), or a JSON number (`0.25`). */
export type OptionValue = string | number;

/**
 * How a report is written, at `render()` time or as the run's default: the config's `format`
 * and the CSV switches (`--excel`, `--no-formula-guard`).
 */
export interface OutputOptions {
  /** The format `render()` writes when it names none (default: table). */
  format?: Format | undefined;
  /** CSV that Excel opens right: `us` (, and .) or `eu` (; and ,); implies CSV. */
  excel?: ExcelLocale | true | undefined;
  /** false: names beginning with = + - @ are written as they came (default: guarded). */
  formulaGuard?: boolean | undefined;
}

/**
 * The options every planning function (plan, track, scenarios) takes: the config file's keys
 * (README, "Config file"), which are the long flags in camelCase. Given here they act as the
 * flags do (over the ratio and cycle files); a `config` file's values fill what they leave open.
 * The step keys take the config's object form: `rate: { sql_to_won: "25%" }`.
 */
export type PlanOptions = { [Key in AssumptionConfigKey]?: OptionValue | undefined } & OutputOptions & {
  /** The funnel's stages, top first, won last: `"inquiry,mql,sql,won"` or a list. */
  funnel?: string | readonly string[] | undefined;
  ratios?: Input | undefined;
  cycles?: Input | undefined;
  rate?: Readonly<Record<string, OptionValue>> | undefined;
  lag?: Readonly<Record<string, OptionValue>> | undefined;
  cost?: Readonly<Record<string, OptionValue>> | undefined;
  /** `"Q4,Q1"`, a list, or `"none"` (an empty list). */
  surgeQuarters?: string | readonly string[] | undefined;
  fiscalYearStart?: OptionValue | undefined;
  by?: PlanGrouping | undefined;
  /** The decimal mark of every file and option; unset: each file reveals its own. */
  decimalMark?: "comma" | "point" | undefined;
  encoding?: Encoding | undefined;
  /** How dates with a day are written in every file: `auto` or a pattern like `MM/dd/yyyy`. */
  dateFormat?: string | undefined;
  /** Past leads, as calibrate reads them: what no option or file gives is learned from it. */
  history?: Input | undefined;
  /** The history's columns renamed: `{ created: "Created Date" }`. */
  map?: Readonly<Record<string, string>> | undefined;
  skipBadRows?: boolean | undefined;
  reps?: Input | undefined;
  repsCount?: OptionValue | undefined;
  repCapacity?: OptionValue | undefined;
  capacityStage?: string | undefined;
  respectCapacity?: boolean | undefined;
  view?: CapacityView | undefined;
  /** The checks whose failure sets `failed` (and the CLI's exit 1): a list, a comma list, or `"none"`. */
  failOn?: string | readonly Check[] | undefined;
  /** Short for every capacity check on top of the command's default ones. */
  strict?: boolean | undefined;
  /** A config file read as `--config` reads it (the library reads none unless named). */
  config?: string | undefined;
  /** The folder relative paths start from (default: the process's working directory). */
  cwd?: string | undefined;
};

/** The simulation of compute's confidence plan, scenarios' confidence rows and track's forecast. */
export interface SimulationOptions {
  /** Trials where exact math does not apply (default: 10,000, at most 100,000). */
  trials?: OptionValue | undefined;
  /** The simulation's seed, 0 to 4294967295 (default: 13): the same seed gives the same figures. */
  seed?: OptionValue | undefined;
}

/** {@link PlanOptions} and compute's confidence plan (`--confidence`, `--confidence-by`, `--trials`, `--seed`). */
export type ComputeOptions = PlanOptions &
  SimulationOptions & {
    /** Plan the leads that make each period's quota with this certainty: `90`, `"90%"`. */
    confidence?: OptionValue | undefined;
    /** The periods to be sure of (default: quarter). */
    confidenceBy?: ConfidenceGrain | undefined;
  };

/** {@link PlanOptions} and track's own (`--as-of`, `--catch-up`, `--tolerance`, `--bank-surplus`, the half-months, the follow-up, the coverage, lead quality by source and the forecast). */
export type TrackOptions = Omit<PlanOptions, "by"> &
  SimulationOptions & {
    /** The last month (`2027-03`) or day (`2027-03-20`, pro rata) of actuals to compare. */
    asOf?: string | undefined;
    catchUp?: CatchUpWindow | undefined;
    tolerance?: OptionValue | undefined;
    bankSurplus?: boolean | undefined;
    /** Checkpoints every month (default) or every half-month. */
    every?: Every | undefined;
    /** With a followed_up column: the share each rep must follow up (default: 100). */
    followUpTarget?: OptionValue | undefined;
    /** With an open_pipeline column: the open pipeline ÷ quota due in the next sales cycle each period should reach (default: 3). */
    coverageTarget?: OptionValue | undefined;
    /** The chance of making the open quarter and the fiscal year. */
    forecast?: boolean | undefined;
    /** `failed` when the year's chance is under this percentage (implies `forecast`). */
    failBelow?: OptionValue | undefined;
    /** The one table a CSV holds: checkpoints (default), follow-up, coverage or forecast. */
    section?: "checkpoints" | "follow-up" | "coverage" | "sources" | "forecast" | undefined;
    /** Rows by the plan's views, or `source`: lead quality by source (a source column in the actuals), the checkpoints by month. */
    by?: PlanGrouping | "source" | undefined;
    /** Each source's expected rates, as calibrate's `sourcesOut` writes them (default: the plan's overall rates). */
    sources?: Input | undefined;
  };

/** {@link PlanOptions} and scenarios' own; a confidence scenario (`vary: ["confidence=average,90"]`) takes `confidenceBy`, `trials`, `seed`. */
export type ScenariosOptions = PlanOptions &
  SimulationOptions & {
    confidenceBy?: ConfidenceGrain | undefined;
    scenarios?: Input | undefined;
    /** Grid dimensions: `["cost_per_inquiry=40,60,80", "qualified_to_won=+20%"]`. */
    vary?: readonly string[] | undefined;
    sensitivity?: OptionValue | undefined;
    sources?: Input | undefined;
    optimizeMix?: boolean | undefined;
    /** The one table a CSV holds: scenarios (default), quarters, sensitivity or sources. */
    section?: "scenarios" | "quarters" | "sensitivity" | "sources" | undefined;
  };

/** calibrate's options; the files it writes are the result's `files`, not paths. */
export type CalibrateOptions = OutputOptions & {
  funnel?: string | readonly string[] | undefined;
  asOf?: string | undefined;
  byRep?: boolean | undefined;
  minLeads?: OptionValue | undefined;
  decimalMark?: "comma" | "point" | undefined;
  encoding?: Encoding | undefined;
  dateFormat?: string | undefined;
  map?: Readonly<Record<string, string>> | undefined;
  skipBadRows?: boolean | undefined;
  cwd?: string | undefined;
};

/**
 * The options each function takes beyond the shared ones, by the config key they share with the
 * CLI (src/schemas/config.ts); every other flag key and settings key is shared by plan, track and
 * scenarios. `wide` is the terminal's alone (the library's `render` takes a width).
 */
export const OWN_KEYS = {
  compute: ["confidence", "confidenceBy", "trials", "seed"],
  track: ["asOf", "catchUp", "tolerance", "bankSurplus", "every", "followUpTarget", "coverageTarget", "sources", "forecast", "failBelow", "section", "trials", "seed"],
  scenarios: ["scenarios", "vary", "sensitivity", "sources", "optimizeMix", "section", "confidenceBy", "trials", "seed"],
  calibrate: ["asOf", "byRep", "minLeads", "ratiosOut", "cyclesOut", "sourcesOut"],
  cli: ["wide"],
} as const satisfies Record<string, readonly (FlagKey | SettingsKey)[]>;

/** A number option as the flag's text: its plain digits, as the config's numbers are read. */
export function optionText(value: OptionValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === "number" ? value.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 }) : value;
}

const listText = (value: string | readonly string[] | undefined, empty: string): string | undefined =>
  value === undefined || typeof value === "string" ? value : value.length === 0 ? empty : value.join(",");

/**
 * The options in the shape the commands' flags arrive in, inputs named (those held in memory
 * registered with `place`). The library reads no config file unless `config` names one.
 */
export function planFlagsOf(options: PlanOptions, place: InputPlace): ComputeFlags {
  const { funnel, ratios, cycles, surgeQuarters, history, map, reps, repsCount, repCapacity, failOn, config, cwd: _cwd, fiscalYearStart, ...rest } = options;
  // Undefined values are dropped below: an option left undefined is one not given.
  const flags = { ...rest, config: config ?? false } as ComputeFlags;
  const set = <K extends keyof ComputeFlags>(key: K, value: ComputeFlags[K] | undefined) => {
    if (value !== undefined) flags[key] = value;
    else delete flags[key];
  };
  set("funnel", listText(funnel, ""));
  set("ratios", place.nameOf(ratios, "ratios"));
  set("cycles", place.nameOf(cycles, "cycles"));
  set("surgeQuarters", listText(surgeQuarters, "none"));
  set("fiscalYearStart", fiscalYearStart);
  set("history", place.nameOf(history, "history"));
  set("map", map === undefined ? undefined : Object.entries(map).map(([name, header]) => `${name}=${header}`));
  set("reps", place.nameOf(reps, "reps"));
  set("repsCount", optionText(repsCount));
  set("repCapacity", optionText(repCapacity));
  set("failOn", listText(failOn, "none"));
  for (const key of Object.keys(flags) as (keyof typeof flags)[]) if (flags[key] === undefined) delete flags[key];
  return flags;
}
