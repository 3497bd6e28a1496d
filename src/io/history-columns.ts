import type { HistoryShape } from "../core/calibrate.js";
import { normaliseColumnName } from "./csv-table.js";
import { InputError, type InputIssue } from "./input-issue.js";
import type { Parsed } from "./values.js";

/** Columns of a lead-level export, one row per lead. */
export const LEAD_COLUMNS = ["lead_id", "created", "source", "product", "rep", "qualified_on", "closed_on", "outcome", "amount", "cost"] as const;
/** Columns of a monthly aggregate, one row per month, source and product. */
export const MONTHLY_COLUMNS = ["month", "source", "product", "inquiries", "qualified", "won", "revenue", "spend"] as const;

export type LeadColumn = (typeof LEAD_COLUMNS)[number];
export type MonthlyColumn = (typeof MONTHLY_COLUMNS)[number];

const REQUIRED: Record<HistoryShape, readonly string[]> = {
  leads: ["created", "qualified_on", "closed_on", "outcome", "amount"],
  monthly: ["month", "inquiries", "qualified", "won"],
};
const KNOWN = new Set<string>([...LEAD_COLUMNS, ...MONTHLY_COLUMNS]);

/**
 * The date columns of a configured funnel's stages between the top and won, top first:
 * `inquiry,mql,sql,won` reads `mql_on,sql_on` (the top stage's date is `created`, won's is
 * `closed_on` with `outcome` won). Empty for the default funnel, which reads `qualified_on`.
 */
export function stageDateColumns(stages: readonly string[] | undefined): string[] {
  return stages === undefined ? [] : stages.slice(1, -1).map((stage) => `${stage}_on`);
}

/** The columns `--map` may name: today's, or a configured funnel's (its stage dates for `qualified_on`, no aggregate). */
function knownColumns(stageColumns: readonly string[] | undefined): Set<string> {
  if (stageColumns === undefined) return KNOWN;
  return new Set([...LEAD_COLUMNS.filter((name) => name !== "qualified_on"), ...stageColumns]);
}

/** `--map`: our column name → the header the export uses (normalised like every header). */
export type ColumnMap = ReadonlyMap<string, string>;

/**
 * `--map created="Created Date",source="Lead Source"` (repeatable): renames an export's columns
 * without editing it. Keys are leadplan's names; values the export's headers, matched like every
 * header (any case, spaces or `-` as `_`).
 */
export function parseColumnMap(values: readonly string[], stageColumns?: readonly string[]): Parsed<ColumnMap> {
  const known = knownColumns(stageColumns);
  const map = new Map<string, string>();
  const expected = 'NAME=HEADER pairs separated by commas, like created="Created Date",source="Lead Source"';
  for (const value of values) {
    for (const pair of value.split(",")) {
      if (pair.trim() === "") continue;
      const equals = pair.indexOf("=");
      if (equals < 0) return { ok: false, expected };
      const name = normaliseColumnName(pair.slice(0, equals));
      const header = pair.slice(equals + 1).trim().replace(/^"(.*)"$/, "$1").replace(/^'(.*)'$/, "$1");
      if (!known.has(name)) {
        return { ok: false, expected: `a column name of leadplan's (${[...known].join(", ")}) before =`, hint: `found "${name}"` };
      }
      if (header === "") return { ok: false, expected };
      // `--map created=A --map created=B` would quietly read B: which one was meant is not said.
      if (map.has(name)) return { ok: false, expected: "each column mapped once", hint: `${name} is mapped twice` };
      map.set(name, normaliseColumnName(header));
    }
  }
  return { ok: true, value: map };
}

/** Where each known column is in a file's rows (-1 when absent), and what shape the file is. */
export interface HistoryLayout {
  shape: HistoryShape;
  /** Our column name → field index. */
  at: Record<string, number>;
  /** Fields in the header: a row must have as many (or only empty ones beyond). */
  width: number;
  warnings: InputIssue[];
  /** A configured funnel's stage date columns (see {@link stageDateColumns}); undefined for the default funnel. */
  stageColumns?: readonly string[];
}

/**
 * Tells a lead-level export from a monthly aggregate by its header (an `inquiries` column makes an
 * aggregate), applies `--map`, and checks the required columns, before any row is read.
 */
export function historyLayout(rawHeader: readonly string[], map: ColumnMap, file: string, stageColumns?: readonly string[]): HistoryLayout {
  const header = rawHeader.map(normaliseColumnName);
  header.forEach((name, index) => {
    if (name !== "" && header.indexOf(name) !== index) {
      throw new InputError({ code: "column.duplicate", file, line: 1, column: name, expected: "a column named twice: expected each column once" });
    }
  });
  const at: Record<string, number> = {};
  for (const name of knownColumns(stageColumns)) {
    const mapped = map.get(name);
    const index = header.indexOf(mapped ?? name);
    if (mapped !== undefined && index < 0) {
      throw new InputError({
        code: "column.missing",
        file,
        line: 1,
        expected: `missing column: --map ${name}="${mapped}" names no column of the header`,
        hint: `found ${header.join(",")}`,
      });
    }
    at[name] = index;
  }
  const shape: HistoryShape | null = (at.inquiries ?? -1) >= 0 ? "monthly" : (at.created ?? -1) >= 0 ? "leads" : null;
  if (stageColumns !== undefined) return funnelLayout(header, at, file, stageColumns);
  if (shape === null) {
    throw new InputError({
      code: "column.missing",
      file,
      line: 1,
      expected: `missing column: expected a lead-level export (${LEAD_COLUMNS.join(",")}) or a monthly aggregate (${MONTHLY_COLUMNS.join(",")})`,
      hint: `found ${header.join(",")}; rename columns with --map created="Created Date"`,
    });
  }
  const missing = REQUIRED[shape].filter((name) => (at[name] ?? -1) < 0);
  if (missing.length > 0) {
    throw new InputError({
      code: "column.missing",
      file,
      line: 1,
      expected: `missing column: expected ${missing.join(", ")} in a ${shape === "leads" ? "lead-level export" : "monthly aggregate"}`,
      hint: `found ${header.join(",")}; rename columns with --map ${missing[0]}="Your Header"`,
    });
  }
  const used = new Set((shape === "leads" ? LEAD_COLUMNS : MONTHLY_COLUMNS).map((name) => at[name] ?? -1));
  const warnings: InputIssue[] = [];
  header.forEach((name, index) => {
    if (!used.has(index)) warnings.push({ code: "column.unknown", file, line: 1, column: name || `column ${index + 1}`, expected: "unknown column, ignored" });
  });
  return { shape, at, width: header.length, warnings };
}

/**
 * A configured funnel's layout: a lead-level export with `created`, a date column per stage
 * between the top and won, and `closed_on`, `outcome`, `amount`. A monthly aggregate counts only
 * two stages, so it cannot calibrate a longer funnel.
 */
function funnelLayout(header: readonly string[], at: Record<string, number>, file: string, stageColumns: readonly string[]): HistoryLayout {
  const columns = [...LEAD_COLUMNS.filter((name) => name !== "qualified_on"), ...stageColumns];
  const required = ["created", ...stageColumns, "closed_on", "outcome", "amount"];
  const missing = required.filter((name) => (at[name] ?? -1) < 0);
  if (missing.length > 0) {
    throw new InputError({
      code: "column.missing",
      file,
      line: 1,
      expected: `missing column: expected ${missing.join(", ")} in a lead-level export of the funnel (a date column per stage between the top and won)`,
      hint: `found ${header.join(",")}; rename columns with --map ${missing[0]}="Your Header"`,
    });
  }
  const used = new Set(columns.map((name) => at[name] ?? -1));
  const warnings: InputIssue[] = [];
  header.forEach((name, index) => {
    if (!used.has(index)) warnings.push({ code: "column.unknown", file, line: 1, column: name || `column ${index + 1}`, expected: "unknown column, ignored" });
  });
  return { shape: "leads", at, width: header.length, warnings, stageColumns };
}
