import { funnelAssumptions, stepIntoWon } from "../core/funnel-assumptions.js";
import { DEFAULT_FUNNEL, type FunnelStages, stepKey } from "../core/funnel.js";
import type { LagDistribution } from "../core/lag.js";
import type { AssumptionName, AssumptionValues } from "../core/resolve.js";
import { type CsvTable, readCsvTable } from "./csv-table.js";
import { type ReadOptions, fileDecimalMark } from "./decimal-mark.js";
import { readName } from "./formula-guard.js";
import { InputError, type InputIssue } from "./input-issue.js";
import type { MarkInForce } from "./number-text.js";
import { type LocatedAssumptions, type ScopedFile, describeScope } from "./scoped-table.js";
import { MAX_DURATION, type Parsed, parseWholeNumber, readPercentText } from "./values.js";

const KNOWN = ["rep", "product", "stage", "lag_months", "share"];
/** The fields of AssumptionValues that hold a lag. */
type LagName = { [Name in AssumptionName]-?: NonNullable<AssumptionValues[Name]> extends LagDistribution ? Name : never }[AssumptionName];

/** What a funnel's `stage` cells may name, and the columns of the other cycle form. */
interface StageNames {
  /** By the text of a `stage` cell: the lag field it gives. */
  stages: ReadonlyMap<string, LagName>;
  /** An empty `stage` cell: the step into won. */
  defaultStage: string;
  /** The columns of the other cycle form (`sales_cycle_days`, …). */
  spelled: ReadonlySet<string>;
}

/**
 * A `stage` cell names a step by its key, `<from>_to_<to>` (`sql_to_won`), in any funnel; the
 * default funnel's also by its column stems, `sales_cycle` (the default) and `qualification`.
 */
function stageNames(funnel: FunnelStages): StageNames {
  const entries = funnelAssumptions(funnel);
  const durations = entries.filter((entry) => entry.kind === "duration");
  const stages = new Map<string, LagName>();
  for (const entry of durations) stages.set(entry.stem, entry.name as LagName);
  for (const entry of durations) if (entry.step !== undefined) stages.set(stepKey(...entry.step), entry.name as LagName);
  return { stages, defaultStage: stepIntoWon(entries, funnel).stem, spelled: new Set(durations.flatMap((entry) => entry.spellings.map((spelling) => spelling.column))) };
}

/** Shares of a scope may miss 1 by this much (hand-rounded thirds: 0.333 × 3) and are then rescaled. */
export const SHARE_TOLERANCE = 0.001;

/** A share of a scope's volume: `0.25` or `25%`, from 0 to 1. */
export function parseLagShare(text: string, mark?: MarkInForce): Parsed<number> {
  const expected = "a share from 0 to 1, like 0.25 or 25%";
  const read = readPercentText(text, mark);
  if (read === undefined) return { ok: false, expected };
  if (!read.ok) return read.hint === undefined ? { ok: false, expected } : { ok: false, expected, hint: read.hint };
  const value = read.percent ? read.value / 100 : read.value;
  return value >= 0 && value <= 1 ? { ok: true, value } : { ok: false, expected };
}

interface Group {
  rep: string;
  product: string;
  stage: string;
  line: number;
  shares: Map<number, number>;
  /** The line each lag was given on: a repeat names that line, not the group's first. */
  lines: Map<number, number>;
}

/**
 * Reads the distribution form of a cycle file, or returns undefined when the header has no
 * `lag_months` column (the other form). Rows are scope columns (`rep`, `product`, optional
 * `stage`: `sales_cycle`, the default, or `qualification`), then `lag_months,share`: the share of
 * the scope's volume that takes that many whole months. The shares of one scope and stage must
 * sum to 1 (within {@link SHARE_TOLERANCE}); `calibrate --cycles-out` writes this form.
 */
export function readCycleDistribution(content: string, file: string, options: ReadOptions = {}, funnel: FunnelStages = DEFAULT_FUNNEL): ScopedFile | undefined {
  const table = readCsvTable(content, file);
  if (!table.header.includes("lag_months")) return undefined;
  const names = stageNames(funnel);
  const other = table.header.find((name) => names.spelled.has(name));
  if (other !== undefined) {
    throw new InputError({ code: "column.conflict", file, line: 1, column: other, expected: "a column of the other cycle form: expected either lag_months,share rows or sales_cycle_days columns, not both" });
  }
  if (!table.header.includes("share")) {
    throw new InputError({ code: "column.missing", file, line: 1, expected: "missing column: expected share beside lag_months", hint: `found ${table.header.join(",")}` });
  }
  if (table.records.length === 0) throw new InputError({ code: "file.empty", file, line: 2, expected: "no rows: expected at least one row after the header" });
  const warnings: InputIssue[] = [];
  table.header.forEach((name, index) => {
    if (!KNOWN.includes(name)) warnings.push({ code: "column.unknown", file, line: 1, column: name || `column ${index + 1}`, expected: "unknown column, ignored" });
  });
  const groups = new Map<string, Group>();
  const mark = fileDecimalMark(table, (name) => name === "share", options.decimalMark, warnings);
  table.records.forEach((record, index) => readRow(table, record, index, groups, mark, names));
  return { rows: scopedRows(table, [...groups.values()], names), warnings };
}

function readRow(table: CsvTable, record: readonly string[], index: number, groups: Map<string, Group>, mark: () => MarkInForce, names: StageNames): void {
  const { file } = table;
  const line = table.lineOf(index);
  const text = (column: string) => {
    const at = table.header.indexOf(column);
    return at < 0 ? "" : (record[at] ?? "").trim();
  };
  const value = <T>(column: string, parse: (text: string) => Parsed<T>): T => {
    const parsed = parse(text(column));
    if (parsed.ok) return parsed.value;
    const issue: InputIssue = { code: "value.invalid", file, line, column, expected: parsed.expected, found: text(column) };
    if (parsed.hint !== undefined) issue.hint = parsed.hint;
    throw new InputError(issue);
  };
  const stage = text("stage").toLowerCase() || names.defaultStage;
  if (!names.stages.has(stage)) throw new InputError({ code: "value.invalid", file, line, column: "stage", expected: `${[...names.stages.keys()].join(", ")} or empty`, found: text("stage") });
  const lag = value("lag_months", (raw) => {
    const whole = parseWholeNumber(raw, 0);
    return whole.ok && whole.value <= MAX_DURATION.months ? whole : { ok: false, expected: `a whole number of months from 0 to ${MAX_DURATION.months}` };
  });
  const share = value("share", (raw) => parseLagShare(raw, mark()));
  const rep = readName(text("rep"));
  const product = readName(text("product"));
  const key = `${rep}\u0000${product}\u0000${stage}`;
  const group = groups.get(key) ?? { rep, product, stage, line, shares: new Map<number, number>(), lines: new Map<number, number>() };
  groups.set(key, group);
  if (group.shares.has(lag)) {
    throw new InputError({
      code: "row.duplicate",
      file,
      line,
      expected: `a second row for ${describeScope(rep, product)}, ${stage}, lag_months ${lag}: expected one row per scope, stage and lag`,
      hint: `first on line ${group.lines.get(lag) ?? group.line}`,
    });
  }
  group.shares.set(lag, share);
  group.lines.set(lag, line);
}

/** One row per scope, each stage's shares checked to sum to 1 and rescaled to exactly 1. */
function scopedRows(table: CsvTable, groups: readonly Group[], names: StageNames): LocatedAssumptions[] {
  const byScope = new Map<string, LocatedAssumptions>();
  for (const group of groups) {
    let total = 0;
    for (const share of group.shares.values()) total += share;
    if (Math.abs(total - 1) > SHARE_TOLERANCE) {
      throw new InputError({
        code: "value.invalid",
        file: table.file,
        line: group.line,
        column: "share",
        expected: `the shares of ${describeScope(group.rep, group.product)}, ${group.stage} to sum to 1`,
        found: String(Math.round(total * 1e6) / 1e6),
      });
    }
    const lag: LagDistribution = [...group.shares]
      .filter(([, share]) => share > 0)
      .sort(([a], [b]) => a - b)
      .map(([lagMonths, share]) => ({ lagMonths, share: share / total }));
    const key = `${group.rep}\u0000${group.product}`;
    const row = byScope.get(key) ?? { rep: group.rep, product: group.product, values: {} as AssumptionValues, file: table.file, line: group.line };
    byScope.set(key, row);
    const name = names.stages.get(group.stage);
    if (name !== undefined) row.values[name] = lag;
  }
  return [...byScope.values()];
}
