import { GROUPINGS, type Grouping } from "../core/group.js";
import { type LagDistribution, lagFromDays, lagFromMonths } from "../core/lag.js";
import type { SurgePolicy } from "../core/plan.js";
import type { AssumptionValues } from "../core/resolve.js";
import { parseDecimalMarkName } from "./decimal-mark.js";
import { InputError } from "./input-issue.js";
import { COMMA_GROUPS, type DecimalMark, type MarkInForce } from "./number-text.js";
import {
  type Parsed,
  parseCost,
  parseDuration,
  parseMonthOfYear,
  parsePercent,
  parsePositiveAmount,
  parseQuarters,
  parseRate,
} from "./values.js";

/** The config file a folder's runs pick up without `--config`. */
export const CONFIG_FILE = "leadplan.config.json";

export const FORMATS = ["table", "csv", "json", "markdown", "html"] as const;
export type Format = (typeof FORMATS)[number];

/** Option values as the user typed them, on the command line or in the config file. */
export interface RawSettings {
  ratios?: string | undefined;
  cycles?: string | undefined;
  dealSize?: RawValue | undefined;
  closeRate?: RawValue | undefined;
  qualifyRate?: RawValue | undefined;
  unitsPerDeal?: RawValue | undefined;
  costPerInquiry?: RawValue | undefined;
  cycleDays?: RawValue | undefined;
  cycleMonths?: RawValue | undefined;
  qualifyDays?: RawValue | undefined;
  surge?: RawValue | undefined;
  surgeQuarters?: string | undefined;
  fiscalYearStart?: RawValue | undefined;
  by?: string | undefined;
  format?: string | undefined;
  /** `comma` or `point` (`--decimal-comma`, `--decimal-point`, or the config's `decimalMark`). */
  decimalMark?: string | undefined;
}

/**
 * A value as typed on the command line (text) or in the config file (text, or a JSON number,
 * which is always written with a decimal point whatever mark the run states).
 */
export type RawValue = string | number;

/** Everything a compute run needs besides its input files, validated. */
export interface ComputeSettings {
  ratios: string | undefined;
  /** The decimal mark stated for every file and flag; undefined: each file reveals its own. */
  decimalMark: DecimalMark | undefined;
  cycles: string | undefined;
  /** From flags: they apply to every segment, over the ratio and cycle files. */
  overrides: AssumptionValues;
  /** From the config: used where no flag and no file row gives a value. */
  defaults: AssumptionValues;
  surge: SurgePolicy;
  by: Grouping;
  format: Format;
}

/** Built-ins: the playbook's 30% surge in fiscal Q4 and Q1 of a calendar fiscal year. */
export const BUILT_IN = { surge: "30%", surgeQuarters: "Q4,Q1", fiscalYearStart: "1", by: "month", format: "table" } as const;

const FLAG_OF: Record<keyof RawSettings, string> = {
  ratios: "--ratios",
  cycles: "--cycles",
  dealSize: "--deal-size",
  closeRate: "--close-rate",
  qualifyRate: "--qualify-rate",
  unitsPerDeal: "--units-per-deal",
  costPerInquiry: "--cost-per-inquiry",
  cycleDays: "--cycle-days",
  cycleMonths: "--cycle-months",
  qualifyDays: "--qualify-days",
  surge: "--surge",
  surgeQuarters: "--surge-quarters",
  fiscalYearStart: "--fiscal-year-start",
  by: "--by",
  format: "--format",
  decimalMark: "--decimal-comma",
};

/** Where a value came from, for messages: the flag, or the config file and its key. */
type Origin = { kind: "flag" } | { kind: "config"; file: string };

type Parser<T> = (text: string, mark: MarkInForce) => Parsed<T>;

function check<T>(raw: RawSettings, name: keyof RawSettings, origin: Origin, parse: Parser<T>, mark?: MarkInForce): T | undefined {
  const value = raw[name];
  if (value === undefined) return undefined;
  // A JSON number is read as its plain digits (1e300 as 1 and 300 zeros), so it meets the range.
  // Twenty fraction digits (the most Node 20 formats): a smaller one (1e-301) reads as 0, and
  // messages show the number as the config writes it.
  const text = typeof value === "number" ? value.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 }) : String(value);
  const parsed = parse(text, typeof value === "number" ? "." : mark);
  if (parsed.ok) return parsed.value;
  if (typeof value === "number" && origin.kind === "config") {
    const shown = JSON.stringify(value);
    const issue = { code: "config.invalid" as const, file: origin.file, column: name, expected: parsed.expected, found: shown };
    throw new InputError(parsed.hint === undefined ? issue : { ...issue, hint: parsed.hint });
  }
  const issue =
    origin.kind === "flag"
      ? { code: "option.invalid" as const, file: FLAG_OF[name], expected: parsed.expected, found: text }
      : { code: "config.invalid" as const, file: origin.file, column: name, expected: parsed.expected, found: text };
  throw new InputError(parsed.hint === undefined ? issue : { ...issue, hint: parsed.hint });
}

const choice =
  <T extends string>(choices: readonly T[]) =>
  (text: string): Parsed<T> =>
    (choices as readonly string[]).includes(text) ? { ok: true, value: text as T } : { ok: false, expected: `one of ${choices.join(", ")}` };

function assumptionsFrom(raw: RawSettings, origin: Origin, mark: MarkInForce): AssumptionValues {
  const values: AssumptionValues = {};
  const set = <Name extends keyof AssumptionValues>(name: Name, value: AssumptionValues[Name] | undefined) => {
    if (value !== undefined) values[name] = value;
  };
  set("avgDealSize", check(raw, "dealSize", origin, parsePositiveAmount, mark));
  set("closeRate", check(raw, "closeRate", origin, parseRate, mark));
  set("qualifyRate", check(raw, "qualifyRate", origin, parseRate, mark));
  set("unitsPerDeal", check(raw, "unitsPerDeal", origin, parsePositiveAmount, mark));
  set("costPerInquiry", check(raw, "costPerInquiry", origin, parseCost, mark));
  const cycleDays = check(raw, "cycleDays", origin, (text, stated) => parseDuration(text, "days", stated), mark);
  const cycleMonths = check(raw, "cycleMonths", origin, (text, stated) => parseDuration(text, "months", stated), mark);
  if (cycleDays !== undefined && cycleMonths !== undefined) {
    const expected = "both a cycle in days and in months: expected one of them";
    throw new InputError(
      origin.kind === "flag"
        ? { code: "option.invalid", file: "--cycle-months", expected }
        : { code: "config.invalid", file: origin.file, column: "cycleMonths", expected },
    );
  }
  const salesCycle: LagDistribution | undefined =
    cycleDays !== undefined ? lagFromDays(cycleDays) : cycleMonths !== undefined ? lagFromMonths(cycleMonths) : undefined;
  set("salesCycle", salesCycle);
  const qualifyDays = check(raw, "qualifyDays", origin, (text, stated) => parseDuration(text, "days", stated), mark);
  set("qualification", qualifyDays === undefined ? undefined : lagFromDays(qualifyDays));
  return values;
}

/**
 * Validates every option up front, before any file is read. Flags beat the config, the config
 * beats the built-ins; for assumptions, flags also beat the ratio and cycle files, while the
 * config only fills what the files leave empty.
 */
export function resolveSettings(flags: RawSettings, config: RawSettings | undefined, configFile: string): ComputeSettings {
  const configOrigin: Origin = { kind: "config", file: configFile };
  const flagOrigin: Origin = { kind: "flag" };
  const markOf = (text: string): Parsed<DecimalMark> => {
    const mark = parseDecimalMarkName(text);
    return mark === undefined ? { ok: false, expected: "comma or point" } : { ok: true, value: mark };
  };
  const decimalMark = check(flags, "decimalMark", flagOrigin, markOf) ?? (config ? check(config, "decimalMark", configOrigin, markOf) : undefined);
  // A number typed as a flag or a config text is read like a comma-separated file's: `75,000` is
  // 75000, `75.000` is refused unless a mark is stated.
  const valueMark = decimalMark ?? COMMA_GROUPS;
  const pick = <T>(name: keyof RawSettings, parse: Parser<T>, builtIn: string): T => {
    const fromFlag = check(flags, name, flagOrigin, parse, valueMark);
    if (fromFlag !== undefined) return fromFlag;
    const fromConfig = config ? check(config, name, configOrigin, parse, valueMark) : undefined;
    if (fromConfig !== undefined) return fromConfig;
    const fallback = parse(builtIn, ".");
    if (!fallback.ok) throw new Error(`built-in ${name} is invalid`);
    return fallback.value;
  };
  const surgeRate = pick("surge", parsePercent, BUILT_IN.surge);
  const quarters = pick("surgeQuarters", parseQuarters, BUILT_IN.surgeQuarters);
  const fiscalYearStart = pick("fiscalYearStart", parseMonthOfYear, BUILT_IN.fiscalYearStart);
  return {
    ratios: flags.ratios ?? config?.ratios,
    decimalMark,
    cycles: flags.cycles ?? config?.cycles,
    overrides: assumptionsFrom(flags, flagOrigin, valueMark),
    defaults: config ? assumptionsFrom(config, configOrigin, valueMark) : {},
    surge: { rate: surgeRate, quarters, fiscalYearStart },
    by: pick("by", choice(GROUPINGS), BUILT_IN.by),
    format: pick("format", choice(FORMATS), BUILT_IN.format),
  };
}
