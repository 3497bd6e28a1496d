import { FILE_ASSUMPTIONS, assumptionEntry, fileColumns } from "../core/assumptions.js";
import { assumptionRowReader } from "./assumption-values.js";
import { readCycleDistribution } from "./cycle-distribution.js";
import type { ReadOptions } from "./decimal-mark.js";
import { type ScopedFile, readScopedTable } from "./scoped-table.js";

/** The cycle file's value columns, from the registry: `sales_cycle_days`, `sales_cycle_months`, …. */
export const CYCLE_COLUMNS: readonly string[] = fileColumns("cycles");

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
  // Every row needs a sales cycle somewhere: a cycle file without its column is a mistake.
  const required = assumptionEntry("salesCycle").spellings.map((spelling) => spelling.column);
  const entries = FILE_ASSUMPTIONS.filter((entry) => entry.file === "cycles");
  return readScopedTable(content, file, CYCLE_COLUMNS, required, assumptionRowReader(entries), options);
}
