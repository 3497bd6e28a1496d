import type { SegmentInput } from "../core/plan.js";
import { type AssumptionName, type ScopedAssumptions, assumptionResolver } from "../core/resolve.js";
import { InputError, type InputIssue } from "./input-issue.js";
import type { QuotaFile } from "./quotas.js";
import { type LocatedAssumptions, describeScope } from "./scoped-table.js";
import type { ComputeSettings } from "./settings.js";

const SOURCES: Record<AssumptionName, { column: string; flag: string; file: "ratios" | "cycles" }> = {
  avgDealSize: { column: "avg_deal_size", flag: "--deal-size", file: "ratios" },
  unitsPerDeal: { column: "units_per_deal", flag: "--units-per-deal", file: "ratios" },
  closeRate: { column: "qualified_to_won", flag: "--close-rate", file: "ratios" },
  qualifyRate: { column: "inquiry_to_qualified", flag: "--qualify-rate", file: "ratios" },
  costPerInquiry: { column: "cost_per_inquiry", flag: "--cost-per-inquiry", file: "ratios" },
  salesCycle: { column: "sales_cycle_days", flag: "--cycle-days", file: "cycles" },
  qualification: { column: "qualification_days", flag: "--qualify-days", file: "cycles" },
};

export interface PlanSegments {
  segments: SegmentInput[];
  warnings: InputIssue[];
}

/**
 * Gives every quota segment its assumptions (`learned`: rows derived from history, used after the
 * files). A segment nothing applies to is an error at its first quota line, naming what is
 * missing and where it could come from.
 */
export function assignAssumptions(
  quotas: QuotaFile,
  scoped: readonly LocatedAssumptions[],
  settings: ComputeSettings,
  learned: readonly ScopedAssumptions[] = [],
): PlanSegments {
  const resolve = assumptionResolver({ overrides: settings.overrides, scoped, learned, defaults: settings.defaults });
  const withoutCost: string[] = [];
  const segments = quotas.segments.map((segment): SegmentInput => {
    const needsDealSize = segment.quotas.some((entry) => entry.quota !== null);
    const resolution = resolve(segment.rep, segment.product, needsDealSize);
    if (!resolution.ok) throw new InputError(unmatched(quotas, segment.firstRecord, segment.rep, segment.product, resolution.missing, settings));
    if (resolution.assumptions.costPerInquiry === null) withoutCost.push(describeScope(segment.rep, segment.product));
    return { rep: segment.rep, product: segment.product, assumptions: resolution.assumptions, quotas: segment.quotas };
  });
  const warnings: InputIssue[] = [];
  if (withoutCost.length > 0) {
    const which = withoutCost.length === segments.length ? "any segment" : `${withoutCost.length} of ${segments.length} segments (first: ${withoutCost[0]})`;
    warnings.push({
      code: "segment.no-cost",
      file: settings.ratios ?? quotas.file,
      expected: `no cost_per_inquiry for ${which}: the budget has no value`,
      hint: "give --cost-per-inquiry or a cost_per_inquiry column",
    });
  }
  return { segments, warnings };
}

function unmatched(
  quotas: QuotaFile,
  recordIndex: number,
  rep: string,
  product: string,
  missing: readonly AssumptionName[],
  settings: ComputeSettings,
): InputIssue {
  const columns = missing.map((name) => SOURCES[name].column).join(", ");
  const flags = missing.map((name) => SOURCES[name].flag).join(", ");
  const kinds = [...new Set(missing.map((name) => SOURCES[name].file))];
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
