import { type AssumptionEntry, type AssumptionKind, type AssumptionSpelling, type DurationUnit, assumptionSlot, assumptionSpellings } from "../core/assumptions.js";
import { lagFromDays, lagFromMonths } from "../core/lag.js";
import type { ScenarioOverrides } from "../core/scenarios.js";
import type { MarkInForce } from "./number-text.js";
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

/** The spelling of every entry with its reader, by column: the scenario columns and `--vary` names. */
export function columnReaders(entries: readonly AssumptionEntry[]): Record<string, (text: string, mark?: MarkInForce) => Parsed<ScenarioOverrides>> {
  return Object.fromEntries(assumptionSpellings(entries).map(({ entry, spelling }) => [spelling.column, spellingReader(entry, spelling)]));
}
