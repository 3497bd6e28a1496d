import { type AssumptionConfigKey, type AssumptionSpelling, BUILT_IN_SURGE, FILE_ASSUMPTIONS, assumptionEntry, assumptionSlot, assumptionSpellings } from "../core/assumptions.js";
import { funnelAssumptions } from "../core/funnel-assumptions.js";
import { DEFAULT_FUNNEL, type FunnelStages } from "../core/funnel.js";
import { PLAN_GROUPINGS, type PlanGrouping } from "../core/group.js";
import type { SurgePolicy } from "../core/plan.js";
import type { AssumptionValues } from "../core/resolve.js";
import { parserOf, valueOf } from "./assumption-values.js";
import type { ConfidenceRaw } from "./confidence-settings.js";
import { parseDecimalMarkName } from "./decimal-mark.js";
import { parseFunnel } from "./funnel-text.js";
import { type Origin, type StepSettings, refuseDefaultSpellings, stepValues } from "./step-settings.js";
import { flagValue } from "./flag-value.js";
import { InputError } from "./input-issue.js";
import { COMMA_GROUPS, type DecimalMark, type MarkInForce } from "./number-text.js";
import { type Parsed, parseMonthOfYear, parseQuarters } from "./values.js";

/** The config file a folder's runs pick up without `--config`. */
export const CONFIG_FILE = "leadplan.config.json";

export const FORMATS = ["table", "csv", "json", "markdown", "html"] as const;
export type Format = (typeof FORMATS)[number];

/** Each assumption's spellings, by config key (`closeRate`, `cycleDays`: the registry's). */
export type RawAssumptions = { [Key in AssumptionConfigKey]?: RawValue | undefined };

/** Option values as the user typed them, on the command line or in the config file. */
export interface RawSettings extends RawAssumptions, StepSettings, ConfidenceRaw {
  /** The funnel's stages, top first, won last: `inquiry,mql,sql,won` (the config may give a list). */
  funnel?: string | undefined;
  ratios?: string | undefined;
  cycles?: string | undefined;
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
  /** The funnel's stages, top first, the won deal last ({@link DEFAULT_FUNNEL} unless configured). */
  funnel: FunnelStages;
  ratios: string | undefined;
  /** The decimal mark stated for every file and flag; undefined: each file reveals its own. */
  decimalMark: DecimalMark | undefined;
  cycles: string | undefined;
  /** From flags: they apply to every segment, over the ratio and cycle files. */
  overrides: AssumptionValues;
  /** From the config: used where no flag and no file row gives a value. */
  defaults: AssumptionValues;
  surge: SurgePolicy;
  by: PlanGrouping;
  format: Format;
}

/** Built-ins: the playbook's 30% surge in fiscal Q4 and Q1 of a calendar fiscal year. */
export const BUILT_IN = { surge: BUILT_IN_SURGE, surgeQuarters: "Q4,Q1", fiscalYearStart: "1", by: "month", format: "table" } as const;

const FLAG_OF: Record<Exclude<keyof RawSettings, keyof StepSettings | keyof ConfidenceRaw>, string> = {
  funnel: "--funnel",
  ratios: "--ratios",
  cycles: "--cycles",
  ...(Object.fromEntries(assumptionSpellings().map(({ spelling }) => [spelling.configKey, spelling.flag])) as Record<AssumptionConfigKey, string>),
  surgeQuarters: "--surge-quarters",
  fiscalYearStart: "--fiscal-year-start",
  by: "--by",
  format: "--format",
  decimalMark: "--decimal-comma",
};

type Parser<T> = (text: string, mark: MarkInForce) => Parsed<T>;

function check<T>(raw: RawSettings, name: keyof typeof FLAG_OF, origin: Origin, parse: Parser<T>, mark?: MarkInForce): T | undefined {
  const value = raw[name];
  if (value === undefined) return undefined;
  // A JSON number is read as its plain digits (1e300 as 1 and 300 zeros), so it meets the range.
  // Twenty fraction digits (the most Node 20 formats): a smaller one (1e-301) reads as 0, and
  // messages show the number as the config writes it.
  const text = typeof value === "number" ? value.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 }) : String(value);
  const valueMark = typeof value === "number" ? "." : mark;
  if (origin.kind === "flag") return flagValue(FLAG_OF[name], text, (flagText) => parse(flagText, valueMark));
  const parsed = parse(text, valueMark);
  if (parsed.ok) return parsed.value;
  const found = typeof value === "number" ? JSON.stringify(value) : text;
  const issue = { code: "config.invalid" as const, file: origin.file, column: name, expected: parsed.expected, found };
  throw new InputError(parsed.hint === undefined ? issue : { ...issue, hint: parsed.hint });
}

const choice =
  <T extends string>(choices: readonly T[]) =>
  (text: string): Parsed<T> =>
    (choices as readonly string[]).includes(text) ? { ok: true, value: text as T } : { ok: false, expected: `one of ${choices.join(", ")}` };

/** A view of the plan. `source` is track's flag alone (the plan has no sources): the config's `by` is shared, so it says where to write it. */
const parseBy = (text: string): Parsed<PlanGrouping> => {
  const parsed = choice(PLAN_GROUPINGS)(text);
  return parsed.ok || text !== "source" ? parsed : { ...parsed, hint: "--by source is a flag of track only: the config's by is shared with compute and scenarios" };
};

/** The registry's file assumptions as a flag or the config gives them (the surge is a policy: see {@link resolveSettings}). */
function assumptionsFrom(raw: RawSettings, origin: Origin, mark: MarkInForce): AssumptionValues {
  let values: AssumptionValues = {};
  const setBy = new Map<string, AssumptionSpelling>();
  for (const entry of FILE_ASSUMPTIONS) {
    const given: { spelling: AssumptionSpelling; value: number }[] = [];
    for (const spelling of entry.spellings) {
      const value = check(raw, spelling.configKey as AssumptionConfigKey, origin, parserOf(entry.kind, spelling.unit), mark);
      if (value !== undefined) given.push({ spelling, value });
    }
    const [first, second] = given;
    if (second !== undefined) {
      const expected = `both a ${entry.noun ?? entry.stem} in days and in months: expected one of them`;
      throw new InputError(
        origin.kind === "flag"
          ? { code: "option.invalid", file: second.spelling.flag, expected }
          : { code: "config.invalid", file: origin.file, column: second.spelling.configKey, expected },
      );
    }
    if (first === undefined) continue;
    const other = setBy.get(assumptionSlot(entry.name));
    if (other !== undefined) {
      const [one, two] = origin.kind === "flag" ? [other.flag, first.spelling.flag] : [other.configKey, first.spelling.configKey];
      const expected = `both ${one} and ${two}, which set the same assumption: expected one of them`;
      throw new InputError(origin.kind === "flag" ? { code: "option.invalid", file: first.spelling.flag, expected } : { code: "config.invalid", file: origin.file, column: first.spelling.configKey, expected });
    }
    setBy.set(assumptionSlot(entry.name), first.spelling);
    values = { ...values, ...valueOf(entry, first.spelling, first.value) };
  }
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
  const pick = <T>(name: keyof typeof FLAG_OF, parse: Parser<T>, builtIn: string): T => {
    const fromFlag = check(flags, name, flagOrigin, parse, valueMark);
    if (fromFlag !== undefined) return fromFlag;
    const fromConfig = config ? check(config, name, configOrigin, parse, valueMark) : undefined;
    if (fromConfig !== undefined) return fromConfig;
    const fallback = parse(builtIn, ".");
    if (!fallback.ok) throw new Error(`built-in ${name} is invalid`);
    return fallback.value;
  };
  const funnel = pick("funnel", parseFunnel, DEFAULT_FUNNEL.join(","));
  const entries = funnelAssumptions(funnel);
  const assumptions = (raw: RawSettings, origin: Origin): AssumptionValues => {
    refuseDefaultSpellings(raw as Readonly<Record<string, unknown>>, funnel, origin);
    return combined(raw, assumptionsFrom(raw, origin, valueMark), stepValues(raw, entries, funnel, origin, valueMark), origin);
  };
  const surge = assumptionEntry("surge");
  const surgeRate = pick(surge.spellings[0].configKey as AssumptionConfigKey, parserOf(surge.kind), BUILT_IN.surge);
  const quarters = pick("surgeQuarters", parseQuarters, BUILT_IN.surgeQuarters);
  const fiscalYearStart = pick("fiscalYearStart", parseMonthOfYear, BUILT_IN.fiscalYearStart);
  return {
    funnel,
    ratios: flags.ratios ?? config?.ratios,
    decimalMark,
    cycles: flags.cycles ?? config?.cycles,
    overrides: assumptions(flags, flagOrigin),
    defaults: config ? assumptions(config, configOrigin) : {},
    surge: { rate: surgeRate, quarters, fiscalYearStart },
    by: pick("by", parseBy, BUILT_IN.by),
    format: pick("format", choice(FORMATS), BUILT_IN.format),
  };
}

/**
 * The values of an assumption's own spellings and of the step form together; one set by both
 * (`--close-rate` and `--rate qualified_to_won=`) is refused: which one meant it?
 */
function combined(raw: RawSettings, spelled: AssumptionValues, stepped: AssumptionValues, origin: Origin): AssumptionValues {
  for (const field of Object.keys(stepped)) {
    if (!(field in spelled)) continue;
    const spelling = assumptionSpellings().find(({ entry, spelling }) => entry.name === field && raw[spelling.configKey as AssumptionConfigKey] !== undefined)?.spelling;
    const name = spelling === undefined ? field : origin.kind === "flag" ? spelling.flag : spelling.configKey;
    const expected = `the same step as ${name}: expected one of them`;
    const kind = assumptionSpellings().find(({ entry }) => entry.name === field)?.entry.kind;
    const key = kind === "rate" ? "rate" : kind === "duration" ? "lag" : "cost";
    const step = origin.kind === "flag" ? `--${key}` : key;
    throw new InputError(origin.kind === "flag" ? { code: "option.invalid", file: step, expected } : { code: "config.invalid", file: origin.file, column: step, expected });
  }
  return { ...spelled, ...stepped };
}
