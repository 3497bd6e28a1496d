import { ASSUMPTIONS, type AssumptionEntry } from "../core/assumptions.js";
import { STEP_FLAGS } from "../core/funnel-assumptions.js";
import { type FunnelStages, isDefaultFunnel, stepKey } from "../core/funnel.js";
import type { AssumptionValues } from "../core/resolve.js";
import { parserOf, valueOf } from "./assumption-values.js";
import { InputError, type InputIssue } from "./input-issue.js";
import type { MarkInForce } from "./number-text.js";
import type { Parsed } from "./values.js";

/** Where a value came from, for messages: the flag, or the config file and its key. */
export type Origin = { kind: "flag" } | { kind: "config"; file: string };

/**
 * A step flag's values as typed: `--rate sql_to_won=25%` repeated (a list of `KEY=VALUE`), or the
 * config's object by key (`"rate": {"sql_to_won": "25%"}`, a JSON number allowed but for a lag).
 */
export type RawSteps = readonly string[] | Readonly<Record<string, string | number>>;

export interface StepSettings {
  rate?: RawSteps | undefined;
  lag?: RawSteps | undefined;
  cost?: RawSteps | undefined;
}

const KIND_OF = { rate: "rate", lag: "duration", cost: "cost" } as const;
const FORM = { rate: "FROM_TO=RATE, like sql_to_won=25%", lag: "FROM_TO=DURATION, like mql_to_sql=30d", cost: "STAGE=AMOUNT, like inquiry=10" } as const;

function fail(origin: Origin, name: keyof StepSettings, expected: string, found?: string, key?: string, hint?: string): never {
  const issue: InputIssue =
    origin.kind === "flag"
      ? { code: "option.invalid", file: STEP_FLAGS[name], expected }
      : { code: "config.invalid", file: origin.file, column: name, expected };
  if (key !== undefined) issue.column = origin.kind === "flag" ? key : `${name}.${key}`;
  if (found !== undefined) issue.found = found;
  // The parser's reason (`1.500` reads as 1500 or 1.5 by the decimal mark) names what to write.
  if (hint !== undefined) issue.hint = hint;
  throw new InputError(issue);
}

/** `30d`, `30 days`, `2m`, `1.5 months`: a lag's number and its unit (a bare number is ambiguous, so refused). */
function durationText(text: string): { number: string; unit: "days" | "months" } | undefined {
  const match = /^(.*?)\s*(d|days?|m|months?)$/i.exec(text.trim());
  if (match === null || (match[1] ?? "") === "") return undefined;
  return { number: match[1] ?? "", unit: (match[2] ?? "").toLowerCase().startsWith("d") ? "days" : "months" };
}

/** The entries a step flag can set, by its key: rates and lags by step key, the cost by stage. */
function entriesByKey(entries: readonly AssumptionEntry[], name: keyof StepSettings): Map<string, AssumptionEntry> {
  const byKey = new Map<string, AssumptionEntry>();
  for (const entry of entries) {
    if (entry.kind !== KIND_OF[name]) continue;
    if (name !== "cost" && entry.step !== undefined) byKey.set(stepKey(...entry.step), entry);
    if (name === "cost" && entry.stage !== undefined) byKey.set(entry.stage, entry);
  }
  return byKey;
}

/**
 * Reads `--rate`, `--lag` and `--cost` (or the config's `rate`, `lag` and `cost`) against the
 * funnel's registry: every key must be one of its steps (the cost: its top stage), once.
 */
export function stepValues(raw: StepSettings, entries: readonly AssumptionEntry[], stages: FunnelStages, origin: Origin, mark: MarkInForce): AssumptionValues {
  let values: AssumptionValues = {};
  for (const name of ["rate", "lag", "cost"] as const) {
    const given = raw[name];
    if (given === undefined) continue;
    const pairs: [string, string | number][] = Array.isArray(given)
      ? (given as readonly string[]).map((text) => {
          const at = text.indexOf("=");
          if (at <= 0) fail(origin, name, FORM[name], text);
          return [text.slice(0, at).trim(), text.slice(at + 1).trim()];
        })
      : Object.entries(given);
    const byKey = entriesByKey(entries, name);
    const seen = new Set<string>();
    for (const [key, value] of pairs) {
      const entry = byKey.get(key);
      if (entry === undefined) {
        const what = name === "cost" ? `the top stage of the funnel ${stages.join(",")} (only it has a cost)` : `a step of the funnel ${stages.join(",")}: one of ${[...byKey.keys()].join(", ")}`;
        fail(origin, name, what, key);
      }
      if (seen.has(key)) fail(origin, name, "given twice: expected one value per step", undefined, key);
      seen.add(key);
      const text = typeof value === "number" ? String(value) : value;
      const valueMark: MarkInForce = typeof value === "number" ? "." : mark;
      let parsed: Parsed<number>;
      let spelling = entry.spellings[0];
      if (entry.kind === "duration") {
        const duration = typeof value === "number" ? undefined : durationText(text);
        const unitSpelling = entry.spellings.find((candidate) => candidate.unit === duration?.unit);
        if (duration === undefined || unitSpelling === undefined) fail(origin, name, "a duration in days or months, like 30d or 2m", text, key);
        spelling = unitSpelling;
        parsed = parserOf(entry.kind, duration.unit)(duration.number, valueMark);
      } else {
        parsed = parserOf(entry.kind)(text, valueMark);
      }
      if (!parsed.ok) fail(origin, name, parsed.expected, text, key, parsed.hint);
      values = { ...values, ...valueOf(entry, spelling, parsed.value) };
    }
  }
  return values;
}

/**
 * The default funnel's own spellings of its steps (`--close-rate`, `--cycle-days`, …) have no
 * step to set in a configured funnel: refused, naming the step form, never ignored. The cost
 * per inquiry stays when the top stage is `inquiry`.
 */
export function refuseDefaultSpellings(raw: Readonly<Record<string, unknown>>, stages: FunnelStages, origin: Origin): void {
  if (isDefaultFunnel(stages)) return;
  for (const entry of ASSUMPTIONS as readonly AssumptionEntry[]) {
    const refused = entry.step !== undefined || (entry.name === "costPerInquiry" && stages[0] !== "inquiry");
    if (!refused) continue;
    const name: keyof StepSettings = entry.kind === "rate" ? "rate" : entry.kind === "duration" ? "lag" : "cost";
    const missing = entry.step === undefined ? "inquiry stage" : `step ${stepKey(...entry.step)}`;
    const form = origin.kind === "flag" ? `${STEP_FLAGS[name]} ${FORM[name].split(",")[0] ?? ""}` : `"${name}": {…}`;
    for (const spelling of entry.spellings) {
      if (raw[spelling.configKey] === undefined) continue;
      const expected = `the funnel ${stages.join(",")} has no ${missing}: expected ${form} instead`;
      throw new InputError(
        origin.kind === "flag" ? { code: "option.invalid", file: spelling.flag, expected } : { code: "config.invalid", file: origin.file, column: spelling.configKey, expected },
      );
    }
  }
}
