import { type LagDistribution, lagFromDays, lagFromMonths } from "../core/lag.js";
import type { AssumptionValues } from "../core/resolve.js";
import { readCycleDistribution } from "./cycle-distribution.js";
import type { ReadOptions } from "./decimal-mark.js";
import type { MarkInForce } from "./number-text.js";
import { type ScopedFile, readScopedTable } from "./scoped-table.js";
import { parseDuration } from "./values.js";

const CYCLE_COLUMNS = ["sales_cycle_days", "sales_cycle_months", "qualification_days", "qualification_months"] as const;

/**
 * Reads a sales-cycle file: optional `rep`, `product` scope columns, then `sales_cycle_days` or
 * `sales_cycle_months` (qualified lead to close) and optionally `qualification_days` or
 * `qualification_months` (inquiry to qualified lead; empty means none). A row gives each
 * duration in one unit only. Or, with a `lag_months` column, the distribution form
 * ({@link readCycleDistribution}).
 */
export function readCycles(content: string, file: string, options: ReadOptions = {}): ScopedFile {
  // The distribution form (`lag_months,share` rows, as calibrate writes) is told by its header.
  const distribution = readCycleDistribution(content, file, options);
  if (distribution !== undefined) return distribution;
  return readScopedTable(content, file, CYCLE_COLUMNS, ["sales_cycle_days", "sales_cycle_months"], (field, reject) => {
    const values: AssumptionValues = {};
    const lagOf = (stage: "sales_cycle" | "qualification"): LagDistribution | undefined => {
      const inDays = field(`${stage}_days`, days);
      const inMonths = field(`${stage}_months`, months);
      if (inDays !== undefined && inMonths !== undefined) {
        reject(`${stage}_months`, `both ${stage}_days and ${stage}_months: expected one of them per row`);
      }
      if (inDays !== undefined) return lagFromDays(inDays);
      return inMonths === undefined ? undefined : lagFromMonths(inMonths);
    };
    const salesCycle = lagOf("sales_cycle");
    const qualification = lagOf("qualification");
    if (salesCycle !== undefined) values.salesCycle = salesCycle;
    if (qualification !== undefined) values.qualification = qualification;
    return values;
  }, options);
}

const days = (text: string, mark: MarkInForce) => parseDuration(text, "days", mark);
const months = (text: string, mark: MarkInForce) => parseDuration(text, "months", mark);
