import type { AssumptionName, FixedAssumptionName } from "./resolve.js";

/**
 * How an assumption's text is read, one parser per kind (`io/assumption-values.ts`):
 * - `amount`: a positive amount (`75000`, `$75,000`);
 * - `cost`: an amount that may be 0 (a free source);
 * - `rate`: a share above 0 and at most 1 (`25%` or `0.25`);
 * - `duration`: days or months, read into a lag distribution;
 * - `percent`: percent points as a share (`30%` or `30`: the surge), 0 allowed.
 */
export type AssumptionKind = "amount" | "cost" | "rate" | "duration" | "percent";

export type DurationUnit = "days" | "months";

/**
 * One way of writing an assumption: a duration has two (days and months), anything else one.
 * The flag, config key and column of a spelling all take the same text.
 */
export interface AssumptionSpelling {
  /** Durations only: the unit the text is in. */
  unit?: DurationUnit;
  /** The long flag, e.g. `--cycle-days`. */
  flag: `--${string}`;
  /** Commander's value placeholder: `--cycle-days <N>`. */
  placeholder: string;
  /** Commander help (the golden `16-help` holds it byte for byte). */
  help: string;
  /** The config file key (the flag in camelCase). */
  configKey: string;
  /**
   * A configured funnel's step (or top stage) flag takes its key before the value:
   * `--rate sql_to_won=25%`, `--lag mql_to_sql=30d`; the config key is then an object by key.
   */
  key?: string;
  /** The column in the ratio or cycle file and in a scenarios file (and `--vary NAME`). */
  column: string;
}

export interface AssumptionEntry {
  /** The field of `AssumptionValues` (or `surge`, which scenarios carry beside them). */
  name: AssumptionName | "surge";
  kind: AssumptionKind;
  /**
   * The column stem: a rate's or an amount's column, a duration's columns without the unit
   * (`sales_cycle` → `sales_cycle_days`, `sales_cycle_months`). Also the sensitivity's row name.
   */
  stem: string;
  /** Which per-scope file gives it; `undefined`: no file column (the surge: a flag, config or scenario value). */
  file: "ratios" | "cycles" | undefined;
  /** A step's rate or time: the stages it leads from and to. */
  step?: readonly [from: string, to: string];
  /** A value per entry of one stage (a cost per inquiry, a deal size per won deal). */
  stage?: string;
  /** Moved down and up by `scenarios --sensitivity`. */
  sensitive: boolean;
  /** What it is called in a message refusing both spellings at once (durations). */
  noun?: string;
  /** Place in the list scenarios print of the columns they take (kept from before the registry). */
  scenarioOrder: number;
  spellings: readonly [AssumptionSpelling, ...AssumptionSpelling[]];
}

/** The surge planned when nothing sets it: the playbook's 30% extra in surge quarters. */
export const BUILT_IN_SURGE = "30%";

/**
 * Every assumption, once. Flags, config keys, file columns, scenario columns, the sensitivity
 * list and the "where could it come from" hints are all derived from this list, in this order.
 * A configured funnel (issue 12, item 2) adds step entries (`<from>_to_<to>`, with
 * `_days`/`_months` lags) built from its stage list in the same shape.
 */
export const ASSUMPTIONS = [
  {
    name: "avgDealSize",
    kind: "amount",
    stem: "avg_deal_size",
    file: "ratios",
    stage: "won",
    sensitive: true,
    scenarioOrder: 0,
    spellings: [{ flag: "--deal-size", placeholder: "<AMOUNT>", help: "average deal size for every segment, e.g. 75000 or $75,000", configKey: "dealSize", column: "avg_deal_size" }],
  },
  {
    name: "closeRate",
    kind: "rate",
    stem: "qualified_to_won",
    file: "ratios",
    step: ["qualified", "won"],
    sensitive: true,
    scenarioOrder: 2,
    spellings: [{ flag: "--close-rate", placeholder: "<RATE>", help: "qualified lead → won for every segment, e.g. 25% or 0.25", configKey: "closeRate", column: "qualified_to_won" }],
  },
  {
    name: "qualifyRate",
    kind: "rate",
    stem: "inquiry_to_qualified",
    file: "ratios",
    step: ["inquiry", "qualified"],
    sensitive: true,
    scenarioOrder: 3,
    spellings: [{ flag: "--qualify-rate", placeholder: "<RATE>", help: "inquiry → qualified lead for every segment, e.g. 10%", configKey: "qualifyRate", column: "inquiry_to_qualified" }],
  },
  {
    name: "unitsPerDeal",
    kind: "amount",
    stem: "units_per_deal",
    file: "ratios",
    stage: "won",
    sensitive: false,
    scenarioOrder: 1,
    spellings: [{ flag: "--units-per-deal", placeholder: "<N>", help: "units in an average deal, for unit quotas (default: 1)", configKey: "unitsPerDeal", column: "units_per_deal" }],
  },
  {
    name: "costPerInquiry",
    kind: "cost",
    stem: "cost_per_inquiry",
    file: "ratios",
    stage: "inquiry",
    sensitive: true,
    scenarioOrder: 4,
    spellings: [{ flag: "--cost-per-inquiry", placeholder: "<AMOUNT>", help: "what one raw inquiry costs (no cost: budget shows –)", configKey: "costPerInquiry", column: "cost_per_inquiry" }],
  },
  {
    name: "commissionRate",
    kind: "rate",
    stem: "commission_rate",
    file: "ratios",
    stage: "won",
    sensitive: false,
    scenarioOrder: 8,
    spellings: [{ flag: "--commission-rate", placeholder: "<RATE>", help: "commission as a share of each won deal's value, e.g. 10% (or --commission-per-deal)", configKey: "commissionRate", column: "commission_rate" }],
  },
  {
    name: "commissionPerDeal",
    kind: "cost",
    stem: "commission_per_deal",
    file: "ratios",
    stage: "won",
    sensitive: false,
    scenarioOrder: 9,
    spellings: [{ flag: "--commission-per-deal", placeholder: "<SUM>", help: "commission paid per won deal, e.g. 5000 (or --commission-rate)", configKey: "commissionPerDeal", column: "commission_per_deal" }],
  },
  {
    name: "salesCycle",
    kind: "duration",
    stem: "sales_cycle",
    file: "cycles",
    step: ["qualified", "won"],
    sensitive: true,
    noun: "cycle",
    scenarioOrder: 6,
    spellings: [
      { unit: "days", flag: "--cycle-days", placeholder: "<N>", help: "sales cycle in days, qualified lead → close", configKey: "cycleDays", column: "sales_cycle_days" },
      { unit: "months", flag: "--cycle-months", placeholder: "<N>", help: "sales cycle in months (fractions allowed)", configKey: "cycleMonths", column: "sales_cycle_months" },
    ],
  },
  {
    name: "qualification",
    kind: "duration",
    stem: "qualification",
    file: "cycles",
    step: ["inquiry", "qualified"],
    sensitive: true,
    noun: "qualification time",
    scenarioOrder: 7,
    spellings: [
      { unit: "days", flag: "--qualify-days", placeholder: "<N>", help: "qualification time in days, inquiry → qualified lead (default: 0)", configKey: "qualifyDays", column: "qualification_days" },
      { unit: "months", flag: "--qualify-months", placeholder: "<N>", help: "qualification time in months (fractions allowed)", configKey: "qualifyMonths", column: "qualification_months" },
    ],
  },
  {
    name: "surge",
    kind: "percent",
    stem: "surge",
    file: undefined,
    stage: "inquiry",
    sensitive: true,
    scenarioOrder: 5,
    spellings: [
      { flag: "--surge", placeholder: "<PCT>", help: `extra lead generation in surge quarters, 0 turns it off (default: ${BUILT_IN_SURGE})`, configKey: "surge", column: "surge" },
    ],
  },
] as const satisfies readonly AssumptionEntry[];

/** A config key of an assumption (`closeRate`, `cycleDays`): also the flag's commander attribute. */
export type AssumptionConfigKey = (typeof ASSUMPTIONS)[number]["spellings"][number]["configKey"];

// Every field of AssumptionValues has an entry: this line stops compiling when one has none.
const everyFieldListed: Exclude<FixedAssumptionName, (typeof ASSUMPTIONS)[number]["name"]> extends never ? true : never = true;
void everyFieldListed;

/** The entries a scope's file row can give (all but the surge), in registry order. */
export const FILE_ASSUMPTIONS: readonly AssumptionEntry[] = ASSUMPTIONS.filter((entry) => entry.file !== undefined);

/** The columns of a ratio or cycle file, in registry order. */
export function fileColumns(file: "ratios" | "cycles"): string[] {
  return FILE_ASSUMPTIONS.filter((entry) => entry.file === file).flatMap((entry) => entry.spellings.map((spelling) => spelling.column));
}

/** The entries in the order a scenarios file lists its columns (in messages and help). */
export function scenarioOrdered(entries: readonly AssumptionEntry[] = ASSUMPTIONS): AssumptionEntry[] {
  return [...entries].sort((left, right) => left.scenarioOrder - right.scenarioOrder);
}

/** Columns for help text, a duration's spellings joined: `avg_deal_size, sales_cycle_days|months`. */
export function describeColumns(entries: readonly AssumptionEntry[]): string {
  return entries.map((entry) => entry.spellings.map((spelling, index) => (index === 0 ? spelling.column : (spelling.unit ?? spelling.column))).join("|")).join(", ");
}

/** Every spelling with its entry, in registry order (the order flags and config keys are listed in). */
export function assumptionSpellings(entries: readonly AssumptionEntry[] = ASSUMPTIONS): { entry: AssumptionEntry; spelling: AssumptionSpelling }[] {
  return entries.flatMap((entry) => entry.spellings.map((spelling) => ({ entry, spelling })));
}

/**
 * The assumption a field sets, for refusing two at once: the commission's two readings (a rate of
 * deal value, an amount per deal) are one assumption, as a duration's days and months are.
 */
export function assumptionSlot(field: string): string {
  return field === "commissionPerDeal" ? "commissionRate" : field;
}

/** The entry of an `AssumptionValues` field (every field has one). */
export function assumptionEntry(name: AssumptionEntry["name"]): AssumptionEntry {
  const entry = ASSUMPTIONS.find((candidate) => candidate.name === name);
  if (entry === undefined) throw new Error(`no assumption named ${name}`);
  return entry;
}
