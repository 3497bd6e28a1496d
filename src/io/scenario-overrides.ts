import { type AssumptionEntry, assumptionSlot, scenarioOrdered } from "../core/assumptions.js";
import type { ChangeOutOfRange, RelativeChange } from "../core/relative-change.js";
import type { Scenario, ScenarioOverrides, Variation } from "../core/scenarios.js";
import { type ScenarioValue, type ScenarioValueReader, columnReaders } from "./assumption-values.js";
import { parseConfidenceLevel } from "./confidence-settings.js";
import { readCsvTable } from "./csv-table.js";
import { type ReadOptions, fileDecimalMark } from "./decimal-mark.js";
import { readName } from "./formula-guard.js";
import { InputError, type InputIssue } from "./input-issue.js";
import type { MarkInForce } from "./number-text.js";

/**
 * The assumptions a scenario may set, by the column names the ratio and cycle files use (every
 * registry spelling, the surge included), each read by the same parser as its flag (`25%` and
 * `0.25` alike; `surge` as the --surge percent), or as a change relative to each segment's own
 * value (`+20%`, `-3pp`, `x1.2`).
 */
type ColumnReader = ScenarioValueReader;

/** The word for the average plan in a `confidence` cell or `--vary` value (an empty cell says it too). */
export const AVERAGE_PLAN = "average";

/**
 * `confidence`: the level to plan the scenario at, in percent points as `compute --confidence`
 * reads it (`90`, `90%`), or `average` for the average plan (not 50: that is the median plan).
 * Not an assumption of the funnel, so not in the registry: a scenario column only.
 */
const confidenceColumn: ColumnReader = (text, mark) => {
  if (text.toLowerCase() === AVERAGE_PLAN) return { ok: true, value: { overrides: { confidence: null }, changes: [] } };
  const parsed = parseConfidenceLevel(text, mark, `a confidence above 0 and below 100 percent, like 90 or 90%, or ${AVERAGE_PLAN} for the average plan`);
  return parsed.ok ? { ok: true, value: { overrides: { confidence: parsed.value }, changes: [] } } : parsed;
};

const withConfidence = (columns: Record<string, ColumnReader>): Readonly<Record<string, ColumnReader>> => ({ ...columns, confidence: confidenceColumn });

export const OVERRIDE_COLUMNS: Readonly<Record<string, ColumnReader>> = withConfidence(columnReaders(scenarioOrdered()));

const byFunnel = new Map<readonly AssumptionEntry[], Readonly<Record<string, ColumnReader>>>();

/** The override columns of a funnel's registry ({@link funnelAssumptions}): a configured funnel's are its step columns. */
export function overrideColumns(entries?: readonly AssumptionEntry[]): Readonly<Record<string, ColumnReader>> {
  if (entries === undefined) return OVERRIDE_COLUMNS;
  const known = byFunnel.get(entries);
  if (known !== undefined) return known;
  const columns = withConfidence(columnReaders(scenarioOrdered(entries)));
  byFunnel.set(entries, columns);
  return columns;
}

const known = (columns: Readonly<Record<string, ColumnReader>>) => Object.keys(columns).join(", ");

/**
 * Reads a scenarios file: `scenario`, then any override column; an empty cell leaves that
 * assumption as the baseline has it. Unknown columns are an error naming them.
 */
export function readScenarios(content: string, file: string, options: ReadOptions = {}, entries?: readonly AssumptionEntry[]): Scenario[] {
  const columns = overrideColumns(entries);
  const names = known(columns);
  const table = readCsvTable(content, file);
  const mark = fileDecimalMark(table, (name) => name !== "scenario", options.decimalMark);
  if (!table.header.includes("scenario")) {
    throw new InputError({ code: "column.missing", file, line: 1, column: "scenario", expected: "missing column: expected a scenario column naming each row" });
  }
  const unknown = table.header.filter((name) => name !== "scenario" && !(name in columns));
  if (unknown.length > 0) {
    throw new InputError({ code: "column.unknown", file, line: 1, column: unknown.join(", "), expected: `unknown assumption: expected any of ${names}` });
  }
  const seen = new Map<string, number>();
  return table.records.map((record, recordIndex) => {
    const name = readName(record[table.header.indexOf("scenario")] ?? "");
    const line = table.lineOf(recordIndex);
    if (name === "") throw new InputError({ code: "value.invalid", file, line, column: "scenario", expected: "a scenario name", found: "" });
    const earlier = seen.get(name);
    if (earlier !== undefined) throw new InputError({ code: "row.duplicate", file, line, column: "scenario", expected: `a second scenario named "${name}": expected each name once`, hint: `first on line ${earlier}` });
    if (name.toLowerCase() === BASELINE) {
      throw new InputError({ code: "value.invalid", file, line, column: "scenario", expected: `a name other than "${BASELINE}", the row every scenario is compared with`, found: name });
    }
    seen.set(name, line);
    let overrides: ScenarioOverrides = {};
    const changes: RelativeChange[] = [];
    // Which column set each assumption: two spellings of one (days and months) would silently keep the last.
    const setBy = new Map<string, string>();
    table.header.forEach((column, at) => {
      const text = (record[at] ?? "").trim();
      const parse = columns[column];
      if (column === "scenario" || text === "" || parse === undefined) return;
      const parsed = parse(text, mark());
      if (!parsed.ok) {
        const issue: InputIssue = { code: "value.invalid", file, line, column, expected: parsed.expected, found: text };
        if (parsed.hint !== undefined) issue.hint = parsed.hint;
        throw new InputError(issue);
      }
      for (const key of fieldsOf(parsed.value)) {
        const other = setBy.get(key);
        if (other !== undefined) {
          throw new InputError({ code: "column.conflict", file, line, column, expected: `expected one of ${other} and ${column}, which set the same assumption, found both` });
        }
        setBy.set(key, column);
      }
      overrides = { ...overrides, ...parsed.value.overrides };
      changes.push(...parsed.value.changes);
    });
    return changes.length === 0 ? { name, overrides } : { name, overrides, changes };
  });
}

/**
 * One `--vary NAME=V1,V2,...`: the values are separated by commas, so amounts are written
 * without thousands separators (`--vary avg_deal_size=60000,75000`). With a decimal comma
 * stated, the comma is the decimal mark and `;` separates the values (`cost_per_inquiry=40,5;60`).
 */
export function parseVariation(text: string, mark?: MarkInForce, entries?: readonly AssumptionEntry[]): Variation {
  const columns = overrideColumns(entries);
  const names = known(columns);
  const equals = text.indexOf("=");
  const name = text.slice(0, equals).trim();
  const parse = columns[name];
  if (equals < 0 || parse === undefined) {
    throw new InputError({ code: "option.invalid", file: "--vary", expected: `NAME=${mark === "," ? "V1;V2;..." : "V1,V2,..."} with NAME one of ${names}`, found: text });
  }
  const values = text
    .slice(equals + 1)
    .split(mark === "," ? ";" : ",")
    .map((value) => value.trim());
  const seen = new Map<string, string>();
  return {
    name,
    values: values.map((value) => {
      // A value of the list is read like a flag's: by the stated mark, else by its own shape.
      const parsed = value === "" ? ({ ok: false, expected: "a value" } as const) : parse(value, mark);
      if (!parsed.ok) {
        const hint = "hint" in parsed && parsed.hint !== undefined ? parsed.hint : undefined;
        throw new InputError({ code: "option.invalid", file: "--vary", column: name, expected: parsed.expected, found: value, ...(hint === undefined ? {} : { hint }) });
      }
      // `40,40` (or `40,40.0`, `+20%,x1.2`) would price one scenario twice under two rows of the same name.
      const key = JSON.stringify({ overrides: parsed.value.overrides, changes: parsed.value.changes.map(({ operation, amount }) => ({ operation, amount: Math.round(amount * 1e9) / 1e9 })) });
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        throw new InputError({ code: "option.invalid", file: "--vary", column: name, expected: earlier === value ? `expected each value once, found ${JSON.stringify(value)} twice` : `expected each value once, found ${JSON.stringify(value)}, the same as ${JSON.stringify(earlier)}` });
      }
      seen.set(key, value);
      return parsed.value.changes.length === 0 ? { text: value, overrides: parsed.value.overrides } : { text: value, overrides: parsed.value.overrides, changes: parsed.value.changes };
    }),
  };
}

/**
 * The grid's dimensions each set a different assumption: `--vary cost_per_inquiry=40,50 --vary
 * cost_per_inquiry=60` (or `sales_cycle_days` with `sales_cycle_months`) would price every
 * scenario at the last value under names saying otherwise.
 */
export function checkVariations(variations: readonly Variation[]): void {
  const setBy = new Map<string, string>();
  for (const variation of variations) {
    // Every value of a dimension sets the same field, absolute or relative: any value names it.
    const first = variation.values[0];
    for (const key of first === undefined ? [] : fieldsOf({ overrides: first.overrides, changes: [...(first.changes ?? [])] })) {
      const other = setBy.get(key);
      if (other !== undefined) {
        const expected = other === variation.name ? `expected each assumption varied once, found ${other} twice` : `expected one of ${other} and ${variation.name}, which set the same assumption, found both`;
        const issue: InputIssue = { code: "option.invalid", file: "--vary", column: variation.name, expected };
        if (other === variation.name) issue.hint = `give all its values in one --vary, like ${other}=40,50,60`;
        throw new InputError(issue);
      }
      setBy.set(key, variation.name);
    }
  }
}

/** The assumptions a cell sets, absolute or relative: two columns setting one of them conflict. */
function fieldsOf(value: ScenarioValue): string[] {
  return [...Object.keys(value.overrides), ...value.changes.map((change) => change.name)].map(assumptionSlot);
}

/** The name of the row without overrides that every scenario is compared with. */
export const BASELINE = "baseline";

/**
 * A relative change that takes a value out of its range, as one line: the scenario, the segment
 * and both values (`-3pp` takes 2% to -1%). Never clamped: a plan at a rate nobody wrote is a
 * silently wrong budget.
 */
export function changeOutOfRangeError(scenario: string, problem: ChangeOutOfRange, file: string): InputError {
  const { change, segment, from, to } = problem;
  const shown = (value: number) =>
    change.kind === "rate" || change.kind === "percent"
      ? `${Math.round(value * 1e6) / 1e4}%`
      : change.kind === "duration"
        ? `${Math.round(value * 100) / 100} months`
        : String(Math.round(value * 100) / 100);
  const where = segment === null ? "the surge" : `rep "${segment.rep}", product "${segment.product}"`;
  return new InputError({
    code: "value.invalid",
    file,
    column: change.column,
    expected: `scenario "${scenario}", ${where}: ${change.text} takes ${shown(from)} to ${shown(to)}; expected ${problem.expected} (a change is never clamped)`,
  });
}
