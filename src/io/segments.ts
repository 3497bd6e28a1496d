import type { AssumptionEntry } from "../core/assumptions.js";
import { funnelAssumptions } from "../core/funnel-assumptions.js";
import type { SegmentInput } from "../core/plan.js";
import { type AssumptionName, type ScopedAssumptions, assumptionResolver } from "../core/resolve.js";
import { InputError, type InputIssue } from "./input-issue.js";
import { type NameKind, matchNames, nameList, quotaNames } from "./name-match.js";
import type { QuotaFile } from "./quotas.js";
import { type LocatedAssumptions, describeScope } from "./scoped-table.js";
import type { ComputeSettings } from "./settings.js";

/** Where a missing assumption could come from: its first spelling's column and flag, and its file. */
function sourceOf(entries: readonly AssumptionEntry[], name: AssumptionName): { column: string; flag: string; file: "ratios" | "cycles" } {
  const entry = entries.find((candidate) => candidate.name === name);
  if (entry === undefined) throw new Error(`no assumption named ${name}`);
  const [spelling] = entry.spellings;
  // A step's flag takes its key: `--rate sql_to_won=…`.
  const flag = spelling.key === undefined ? spelling.flag : `${spelling.flag} ${spelling.key}=…`;
  return { column: spelling.column, flag, file: entry.file ?? "ratios" };
}

export interface PlanSegments {
  segments: SegmentInput[];
  warnings: InputIssue[];
}

/**
 * Gives every quota segment its assumptions (`learned`: rows derived from history, used after the
 * files). A segment nothing applies to is an error at its first quota line, naming what is
 * missing and where it could come from. The names of the file rows are checked first
 * ({@link checkScopeNames}).
 */
export function assignAssumptions(
  quotas: QuotaFile,
  scoped: readonly LocatedAssumptions[],
  settings: ComputeSettings,
  learned: readonly ScopedAssumptions[] = [],
): PlanSegments {
  const warnings = checkScopeNames(quotas, scoped);
  const resolve = assumptionResolver({ overrides: settings.overrides, scoped, learned, defaults: settings.defaults, funnel: settings.funnel });
  const withoutCost: string[] = [];
  const segments = quotas.segments.map((segment): SegmentInput => {
    const needsDealSize = segment.quotas.some((entry) => entry.quota !== null);
    const resolution = resolve(segment.rep, segment.product, needsDealSize);
    if (!resolution.ok) throw new InputError(unmatched(quotas, segment.firstRecord, segment.rep, segment.product, resolution.missing, settings));
    if (resolution.assumptions.costPerInquiry === null) withoutCost.push(describeScope(segment.rep, segment.product));
    return { rep: segment.rep, product: segment.product, assumptions: resolution.assumptions, quotas: segment.quotas };
  });
  if (withoutCost.length > 0) {
    const cost = sourceOf(funnelAssumptions(settings.funnel), "costPerInquiry");
    const which = withoutCost.length === segments.length ? "any segment" : `${withoutCost.length} of ${segments.length} segments (first: ${withoutCost[0]})`;
    warnings.push({
      code: "segment.no-cost",
      file: settings.ratios ?? quotas.file,
      expected: `no ${cost.column} for ${which}: the budget has no value`,
      hint: `give ${cost.flag} or a ${cost.column} column`,
    });
  }
  return { segments, warnings };
}

/** How many rows that apply to nothing are warned about one by one, per file; the rest are counted. */
const UNUSED_SHOWN = 5;

/**
 * The rep and product of every ratio and cycle row against the quotas' ({@link matchNames}): a
 * near-miss (`services` against the quotas' `Services`) is an error, since the segment would
 * silently fall to a less specific row. A row that applies to no quota segment is a warning
 * naming its line: a misspelt product (`Servcies`) would otherwise never be mentioned.
 */
export function checkScopeNames(quotas: QuotaFile, scoped: readonly LocatedAssumptions[]): InputIssue[] {
  const warnings: InputIssue[] = [];
  const files = [...new Set(scoped.map((row) => row.file))];
  if (files.length === 0) return warnings;
  const quota = { rep: quotaNames(quotas, "rep"), product: quotaNames(quotas, "product") };
  const has = (kind: NameKind, name: string) => name === "" || quota[kind].first.has(name);
  for (const file of files) {
    const rows = scoped.filter((row) => row.file === file);
    for (const kind of ["rep", "product"] as const satisfies readonly NameKind[]) {
      for (const item of matchNames(quota[kind], nameList(file, kind, rows.map((row) => [row[kind], row.line] as const))).warnings) warnings.push(item);
    }
    // A rep and a product the quotas both name, on a row of their own, are no misspelling: a
    // file calibrate learned from history holds such pairs, and warning of each would bury the
    // warnings that matter.
    const unused = rows.filter(({ rep, product }) => !has("rep", rep) || !has("product", product));
    for (const { rep, product, line } of unused.slice(0, UNUSED_SHOWN)) {
      const what = !has("rep", rep) ? "rep" : "product";
      warnings.push({ code: "row.unused", file, line, expected: `${describeScope(rep, product)}: no quota segment has this ${what}: the row applies to nothing` });
    }
    if (unused.length > UNUSED_SHOWN) {
      warnings.push({ code: "row.unused", file, expected: `${unused.length - UNUSED_SHOWN} more rows apply to no quota segment` });
    }
  }
  return warnings;
}

function unmatched(
  quotas: QuotaFile,
  recordIndex: number,
  rep: string,
  product: string,
  missing: readonly AssumptionName[],
  settings: ComputeSettings,
): InputIssue {
  const entries = funnelAssumptions(settings.funnel);
  const columns = missing.map((name) => sourceOf(entries, name).column).join(", ");
  const flags = missing.map((name) => sourceOf(entries, name).flag).join(", ");
  const kinds = [...new Set(missing.map((name) => sourceOf(entries, name).file))];
  const given = kinds.map((kind) => settings[kind]).filter((file): file is string => file !== undefined);
  const missingFiles = kinds.filter((kind) => settings[kind] === undefined).map((kind) => `--${kind} FILE`);
  const where = [
    given.length > 0 ? `a row for it or a default row in ${given.join(" or ")}` : "",
    missingFiles.length > 0 ? missingFiles.join(" and ") : "",
    flags,
  ].filter(Boolean);
  const scope = rep === "" && product === "" ? "unassigned quota" : describeScope(rep, product);
  return {
    code: "segment.unmatched",
    file: quotas.file,
    line: quotas.lineOf(recordIndex),
    expected: `${scope}: no value applies for ${columns}`,
    hint: `give ${where.join(", or ")}`,
  };
}
