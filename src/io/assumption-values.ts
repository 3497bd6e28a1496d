import { type AssumptionEntry, type AssumptionKind, type AssumptionSpelling, type DurationUnit, assumptionSlot, assumptionSpellings } from "../core/assumptions.js";
import { lagFromDays, lagFromMonths } from "../core/lag.js";
import type { RelativeChange } from "../core/relative-change.js";
import type { ScenarioOverrides } from "../core/scenarios.js";
import { type MarkInForce, numberWithMark, troubleHint } from "./number-text.js";
import type { RowReader } from "./scoped-table.js";
import { type Parsed, parseCost, parseDuration, parsePercent, parsePositiveAmount, parseRate } from "./values.js";

/** Reads a cell, a flag or a config text into a number, by the mark in force. */
export type NumberParser = (text: string, mark?: MarkInForce) => Parsed<number>;

/** The one parser of each kind: a flag, a config value, a file cell and a scenario cell read alike. */
export function parserOf(kind: AssumptionKind, unit?: DurationUnit): NumberParser {
  switch (kind) {
    case "amount":
      return parsePositiveAmount;
    case "cost":
      return parseCost;
    case "rate":
      return parseRate;
    case "percent":
      return parsePercent;
    case "duration": {
      const inUnit = unit ?? "days";
      return (text, mark) => parseDuration(text, inUnit, mark);
    }
  }
}

/** A spelling's text read into the value it sets (a duration becomes a lag distribution). */
export function spellingReader(entry: AssumptionEntry, spelling: AssumptionSpelling): (text: string, mark?: MarkInForce) => Parsed<ScenarioOverrides> {
  const parse = parserOf(entry.kind, spelling.unit);
  return (text, mark) => {
    const parsed = parse(text, mark);
    return parsed.ok ? { ok: true, value: valueOf(entry, spelling, parsed.value) } : parsed;
  };
}

/** The overrides one parsed number of a spelling sets: `{ closeRate: 0.25 }`, `{ salesCycle: [...] }`. */
export function valueOf(entry: AssumptionEntry, spelling: AssumptionSpelling, value: number): ScenarioOverrides {
  // A rate's or an amount's field holds a number, a duration's a lag: the registry pairs them.
  const values: Record<string, unknown> = { [entry.name]: entry.kind !== "duration" ? value : spelling.unit === "months" ? lagFromMonths(value) : lagFromDays(value) };
  return values as ScenarioOverrides;
}

/**
 * Reads the columns of `entries` from a ratio or cycle row. A row gives each assumption in one
 * spelling only: `sales_cycle_days` and `sales_cycle_months` together are refused.
 */
export function assumptionRowReader(entries: readonly AssumptionEntry[]): RowReader {
  return (field, reject) => {
    let values: ScenarioOverrides = {};
    const setBy = new Map<string, string>();
    for (const entry of entries) {
      const given: { spelling: AssumptionSpelling; value: number }[] = [];
      for (const spelling of entry.spellings) {
        const value = field(spelling.column, parserOf(entry.kind, spelling.unit));
        if (value !== undefined) given.push({ spelling, value });
      }
      const [first, second] = given;
      if (second !== undefined) reject(second.spelling.column, `both ${given.map(({ spelling }) => spelling.column).join(" and ")}: expected one of them per row`);
      if (first === undefined) continue;
      const other = setBy.get(assumptionSlot(entry.name));
      if (other !== undefined) reject(first.spelling.column, `both ${other} and ${first.spelling.column}: expected one of them per row`);
      setBy.set(assumptionSlot(entry.name), first.spelling.column);
      values = { ...values, ...valueOf(entry, first.spelling, first.value) };
    }
    return values;
  };
}

/** What one scenario cell (or `--vary` value) sets: an absolute value, or a change relative to each segment's own. */
export interface ScenarioValue {
  overrides: ScenarioOverrides;
  changes: RelativeChange[];
}

export type ScenarioValueReader = (text: string, mark?: MarkInForce) => Parsed<ScenarioValue>;

/** `+20%`, `-10%`, `+2pp`, `-3pp`, `x1.2`: a sign or a times mark in front says "relative to each segment's value". */
const RELATIVE = /^(?:([+\u2212-])\s*([\d.,]+)\s*(%|pp)|([x\u00d7])\s*([\d.,]+))$/i;

/**
 * Reads a relative change of an assumption, or undefined when the text is not written as one
 * (then it is an absolute value, today's meaning). Percentage points move rates (and the surge,
 * a share) only: on money or a time `-3pp` has no meaning, and is refused in one line.
 */
export function readRelativeChange(entry: AssumptionEntry, spelling: AssumptionSpelling, text: string, mark?: MarkInForce): Parsed<RelativeChange> | undefined {
  const trimmed = text.trim();
  const match = RELATIVE.exec(trimmed);
  if (match === null) return undefined;
  const [, sign, signed, unit, , times] = match;
  const body = signed ?? times ?? "";
  const expected = "a change like +20%, -10%, -3pp (a rate's percentage points) or x1.2";
  const read = numberWithMark(body, mark);
  if (!read.ok) {
    const hint = troubleHint(read.trouble);
    return hint === undefined ? { ok: false, expected } : { ok: false, expected, hint };
  }
  const base = { name: entry.name, kind: entry.kind, text: trimmed, column: spelling.column };
  if (times !== undefined) {
    if (!(read.value > 0)) return { ok: false, expected: "a factor above 0, like x1.2" };
    return { ok: true, value: { ...base, operation: "scale", amount: read.value } };
  }
  const negative = sign !== "+";
  if (unit?.toLowerCase() === "pp") {
    if (entry.kind !== "rate" && entry.kind !== "percent") {
      return { ok: false, expected: `a change in percent or a factor (+20%, x1.2): percentage points (pp) change rates only, and ${spelling.column} is ${entry.kind === "duration" ? "a time" : "money"}` };
    }
    return { ok: true, value: { ...base, operation: "points", amount: ((negative ? -1 : 1) * read.value) / 100 } };
  }
  return { ok: true, value: { ...base, operation: "scale", amount: 1 + ((negative ? -1 : 1) * read.value) / 100 } };
}

/** A scenario cell's reader for one spelling: a relative change when written as one, else the absolute value. */
function scenarioValueReader(entry: AssumptionEntry, spelling: AssumptionSpelling): ScenarioValueReader {
  const absolute = spellingReader(entry, spelling);
  return (text, mark) => {
    const relative = readRelativeChange(entry, spelling, text, mark);
    if (relative !== undefined) return relative.ok ? { ok: true, value: { overrides: {}, changes: [relative.value] } } : relative;
    const parsed = absolute(text, mark);
    return parsed.ok ? { ok: true, value: { overrides: parsed.value, changes: [] } } : parsed;
  };
}

/** The spelling of every entry with its reader, by column: the scenario columns and `--vary` names. */
export function columnReaders(entries: readonly AssumptionEntry[]): Record<string, ScenarioValueReader> {
  return Object.fromEntries(assumptionSpellings(entries).map(({ entry, spelling }) => [spelling.column, scenarioValueReader(entry, spelling)]));
}
