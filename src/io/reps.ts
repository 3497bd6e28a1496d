import type { RepCapacity } from "../core/capacity-lanes.js";
import { DEFAULT_FUNNEL, type FunnelStages, isDefaultFunnel, stageEntries } from "../core/funnel.js";
import { type MonthIndex, formatMonth } from "../core/month.js";
import { readCsvTable } from "./csv-table.js";
import { type ReadOptions, fileDecimalMark } from "./decimal-mark.js";
import { readName } from "./formula-guard.js";
import { InputError, type InputIssue } from "./input-issue.js";
import { looksLikeMonthColumn, monthColumnIssue } from "./month-text.js";
import { matchNames, nameList, quotaNames } from "./name-match.js";
import type { MarkInForce } from "./number-text.js";
import type { QuotaFile } from "./quotas.js";
import { type Parsed, parseAmount, parseMonth, readPercentText } from "./values.js";

export interface RepsFile {
  file: string;
  reps: RepCapacity[];
  /** The file line of each rep, in the same order. */
  lines: number[];
  warnings: InputIssue[];
  /** With `checkEvery`: the other stages before won with a `<stage>_capacity` column, nearest won first (the top's is the follow-up). */
  otherStages: string[];
}

/** Where the team came from, for messages: a reps file, or `--reps-count` anonymous reps. */
export type TeamOrigin = { kind: "file"; file: string } | { kind: "count" };

/**
 * The stages a reps file gives capacities of: `checked`, the stage the reps work (`capacity`, or
 * `<checked>_capacity`; the default the stage before won), and the funnel's top stage, their
 * follow-up (`<top>_capacity`: the default funnel's `inquiry_capacity`).
 */
export interface CapacityStages {
  funnel: FunnelStages;
  checked: string;
  /**
   * Every stage with a `<stage>_capacity` column is checked in this run (no `--capacity-stage`):
   * the others are listed in `RepsFile.otherStages`, not warned about as ignored.
   */
  checkEvery?: boolean;
  /** Only `<checked>_capacity` gives the capacity: a plain `capacity` is the stage before won's, read apart. */
  named?: boolean;
}

/** The default funnel's: qualified leads worked, inquiries followed up. */
export const DEFAULT_CAPACITY_STAGES: CapacityStages = { funnel: DEFAULT_FUNNEL, checked: "qualified" };

/** The stage a `<stage>_capacity` column names, or undefined for another column. */
const capacityStageOf = (column: string): string | undefined => (column.endsWith("_capacity") ? column.slice(0, -"_capacity".length) : undefined);

/**
 * The header against the stages: which column gives the checked stage's capacity and which the
 * follow-up's. A `<stage>_capacity` of a stage the funnel does not have before won is an error;
 * one of another stage of the funnel is warned about (one stage is checked per run).
 */
function capacityColumns(header: readonly string[], file: string, stages: CapacityStages, warnings: InputIssue[]): { checked: string; followUp: string | undefined; others: string[] } {
  const { funnel, checked } = stages;
  const beforeWon = funnel.slice(0, -1);
  const top = funnel[0] ?? "";
  const followUp = top === checked ? undefined : `${top}_capacity`;
  const others: string[] = [];
  for (const name of header) {
    const stage = capacityStageOf(name);
    if (stage === undefined || stage === checked || stage === top) continue;
    if (!beforeWon.includes(stage)) {
      throw new InputError({ code: "column.unknown", file, line: 1, column: name, expected: `not a stage of the funnel ${funnel.join(",")} before won: expected one of ${beforeWon.map((one) => `${one}_capacity`).join(", ")}` });
    }
    if (stages.checkEvery === true) others.push(stage);
    else warnings.push({ code: "column.unknown", file, line: 1, column: name, expected: `not checked in this run (--capacity-stage ${stage} checks it), ignored` });
  }
  const named = `${checked}_capacity`;
  if (stages.named === true) return { checked: named, followUp, others };
  if (header.includes("capacity") && header.includes(named)) {
    throw new InputError({ code: "column.conflict", file, line: 1, column: named, expected: `expected one of capacity and ${named}, which give the same stage's capacity, found both` });
  }
  // Nearest won first, as a segment's stages are: the order the checks are reported in.
  others.sort((a, b) => beforeWon.indexOf(b) - beforeWon.indexOf(a));
  return { checked: header.includes(named) ? named : "capacity", followUp, others };
}

/** A count of leads a person can work in a month: above 0, fractions allowed (a thousands comma too). */
function positiveCount(what: string, example: string, mark: () => MarkInForce) {
  return (text: string): Parsed<number> => {
    const expected = `a number of ${what} above 0, like ${example}`;
    const amount = parseAmount(text, mark());
    if (!amount.ok) return amount.hint === undefined ? { ok: false, expected } : { ok: false, expected, hint: amount.hint };
    return amount.value > 0 ? amount : { ok: false, expected };
  };
}

/** A share of a month from 0 to 1: `0.5`, `.25` or `50%`. */
export function parseShare(text: string, mark?: MarkInForce): Parsed<number> {
  const trimmed = text.trim();
  const expected = "a share of the month from 0 to 1, like 0.5 or 50%";
  const read = readPercentText(text, mark);
  if (read !== undefined && !read.ok) return read.hint === undefined ? { ok: false, expected } : { ok: false, expected, hint: read.hint };
  const percent = read?.percent === true;
  const value = read === undefined ? Number.NaN : percent ? read.value / 100 : read.value;
  if (value >= 0 && value <= 1) return { ok: true, value };
  // "50" is most likely 50%; "1.5" is not a percentage anyone means.
  return !percent && Number.isInteger(value) && value > 1 && value <= 100 ? { ok: false, expected, hint: `for a percentage write ${trimmed}%` } : { ok: false, expected };
}

/**
 * Reads a reps file: `rep`, `capacity` (qualified leads a rep can work in a full month), optional
 * `inquiry_capacity` (inquiries their follow-up can touch in a month), and optional availability
 * columns named by month (`2027-01`, `Jan-27`, as parseMonth reads it with `dateFormat`) holding
 * the share of that month the rep works (1 full, 0.5 half on holiday, 0.25 a ramping hire). An
 * empty availability cell, or a month with no column, is 1. `stages` says which stage `capacity`
 * is for (`sql_capacity` names it; `<top>_capacity` is the follow-up's, the default funnel's
 * `inquiry_capacity`): see {@link CapacityStages}.
 */
export function readReps(content: string, file: string, options: ReadOptions = {}, stages: CapacityStages = DEFAULT_CAPACITY_STAGES): RepsFile {
  const dateFormat = options.dateFormat ?? "auto";
  const table = readCsvTable(content, file);
  const warnings: InputIssue[] = [];
  const columns = capacityColumns(table.header, file, stages, warnings);
  const known = ["rep", columns.checked, ...(columns.followUp === undefined ? [] : [columns.followUp])];
  const mark = fileDecimalMark(table, (name) => (name !== "rep" && known.includes(name)) || looksLikeMonthColumn(name), options.decimalMark, warnings);
  table.header.forEach((name, index) => {
    if (!known.includes(name) && capacityStageOf(name) === undefined && !looksLikeMonthColumn(name)) {
      warnings.push({ code: "column.unknown", file, line: 1, column: name || `column ${index + 1}`, expected: "unknown column, ignored" });
    }
  });
  const worked = stageEntries(stages.checked, stages.funnel);
  const capacityColumn = columns.checked === "capacity" && !isDefaultFunnel(stages.funnel) ? `a capacity or ${stages.checked}_capacity column` : "a capacity column";
  for (const [name, what] of [["rep", "a rep column"], [columns.checked, `${capacityColumn} (${worked} a rep can work in a month)`]] as const) {
    if (!table.header.includes(name)) {
      throw new InputError({ code: "column.missing", file, line: 1, column: name, expected: `missing column: expected ${what}`, hint: `found ${table.header.join(",")}` });
    }
  }
  if (table.records.length === 0) {
    throw new InputError({ code: "file.empty", file, line: 2, expected: "no reps: expected at least one row after the header" });
  }
  const months: { at: number; name: string; month: MonthIndex }[] = [];
  table.header.forEach((name, at) => {
    if (!looksLikeMonthColumn(name)) return;
    const parsed = parseMonth(name, dateFormat);
    if (!parsed.ok) throw new InputError(monthColumnIssue(file, name, parsed));
    const first = months.find((column) => column.month === parsed.value);
    if (first) {
      throw new InputError({ code: "column.duplicate", file, line: 1, column: name, expected: "a month column named twice: expected each month once", hint: `${first.name} is ${formatMonth(parsed.value)} too` });
    }
    months.push({ at, name, month: parsed.value });
  });
  const column = (name: string) => table.header.indexOf(name);
  const capacity = positiveCount(worked, "30", mark);
  const inquiryCapacity = positiveCount(stageEntries(stages.funnel[0] ?? "", stages.funnel), "400", mark);
  const firstLine = new Map<string, number>();
  const reps = table.records.map((record, recordIndex): RepCapacity => {
    const line = table.lineOf(recordIndex);
    const value = <T>(name: string, text: string, parsed: Parsed<T>): T => {
      if (parsed.ok) return parsed.value;
      const issue: InputIssue = { code: "value.invalid", file, line, column: name, expected: parsed.expected, found: text };
      throw new InputError(parsed.hint === undefined ? issue : { ...issue, hint: parsed.hint });
    };
    const text = (at: number) => (at < 0 ? "" : (record[at] ?? "").trim());
    const name = readName(text(column("rep")));
    if (name === "") value("rep", name, { ok: false, expected: "a rep name" });
    const earlier = firstLine.get(name);
    if (earlier !== undefined) {
      throw new InputError({ code: "row.duplicate", file, line, expected: `a second row for rep "${name}": expected one row per rep`, hint: `first on line ${earlier}` });
    }
    firstLine.set(name, line);
    const capacityText = text(column(columns.checked));
    const inquiryText = columns.followUp === undefined ? "" : text(column(columns.followUp));
    const availability = new Map<MonthIndex, number>();
    for (const { at, name: monthName, month } of months) {
      const share = text(at);
      if (share !== "") availability.set(month, value(monthName, share, parseShare(share, mark())));
    }
    return {
      name,
      capacity: value(columns.checked, capacityText, capacity(capacityText)),
      inquiryCapacity: inquiryText === "" ? null : value(columns.followUp ?? "", inquiryText, inquiryCapacity(inquiryText)),
      availability,
    };
  });
  return { file, reps, lines: reps.map((rep) => firstLine.get(rep.name) ?? 0), warnings, otherStages: columns.others };
}

/** `--reps-count N --rep-capacity C`: N anonymous reps, `rep 1` to `rep N`, all there every month. */
export function anonymousTeam(count: number, capacity: number): RepCapacity[] {
  return Array.from({ length: count }, (_, index) => ({ name: `rep ${index + 1}`, capacity, inquiryCapacity: null, availability: new Map() }));
}

/**
 * The reps file's names against the quotas' ({@link matchNames}): a near-miss (`Chloe` against the
 * quotas' `Chloé`) is an error, and names differing only in case a warning. A rep without quota is
 * fine: they take a share of unassigned leads, or are on the team without leads of this plan.
 */
export function checkRepNames(quotas: QuotaFile, reps: RepsFile): InputIssue[] {
  const listed = nameList(reps.file, "rep", reps.reps.map((rep, index) => [rep.name, reps.lines[index] ?? 0] as const));
  return matchNames(quotaNames(quotas, "rep"), listed).warnings;
}

/**
 * Every rep the quotas name must be in the team: an error at the first quota line of the first
 * rep that is not (a rep of the team without quota is fine: they take shared leads).
 */
export function checkTeamCoversQuotas(quotas: QuotaFile, team: readonly RepCapacity[], origin: TeamOrigin): void {
  const names = new Set(team.map((rep) => rep.name));
  const missing = quotas.segments.find((segment) => segment.rep !== "" && !names.has(segment.rep));
  if (missing === undefined) return;
  const issue = { code: "segment.unmatched" as const, file: quotas.file, line: quotas.lineOf(missing.firstRecord), column: "rep", found: missing.rep };
  throw new InputError(
    origin.kind === "file"
      ? { ...issue, expected: `a rep listed in ${origin.file}`, hint: `add a row for "${missing.rep}" to ${origin.file}` }
      : { ...issue, expected: "no rep name with --reps-count (its reps are anonymous)", hint: "name the reps in --reps FILE instead" },
  );
}
