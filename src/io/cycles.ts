import { fileColumns } from "../core/assumptions.js";
import { funnelAssumptions, stepIntoWon } from "../core/funnel-assumptions.js";
import { DEFAULT_FUNNEL, type FunnelStages } from "../core/funnel.js";
import { assumptionRowReader } from "./assumption-values.js";
import { readCycleDistribution } from "./cycle-distribution.js";
import type { ReadOptions } from "./decimal-mark.js";
import { type ScopedFile, readScopedTable } from "./scoped-table.js";
import { foreignStepColumn } from "./step-columns.js";

/** The cycle file's value columns, from the registry: `sales_cycle_days`, `sales_cycle_months`, …. */
export const CYCLE_COLUMNS: readonly string[] = fileColumns("cycles");

/**
 * Reads a sales-cycle file: optional `rep`, `product` scope columns, then `sales_cycle_days` or
 * `sales_cycle_months` (qualified lead to close) and optionally `qualification_days` or
 * `qualification_months` (inquiry to qualified lead; empty means none); a configured funnel's
 * are `<from>_to_<to>_days` or `_months`, its step into won required. A row gives each
 * duration in one unit only. Or, with a `lag_months` column, the distribution form
 * ({@link readCycleDistribution}).
 */
export function readCycles(content: string, file: string, options: ReadOptions = {}, stages: FunnelStages = DEFAULT_FUNNEL): ScopedFile {
  const all = funnelAssumptions(stages);
  // The distribution form (`lag_months,share` rows, as calibrate writes) is told by its header.
  const distribution = readCycleDistribution(content, file, options, stages);
  if (distribution !== undefined) return distribution;
  // Every row needs the time of the step into won somewhere: a cycle file without its column is a mistake.
  const required = stepIntoWon(all, stages).spellings.map((spelling) => spelling.column);
  const entries = all.filter((entry) => entry.file === "cycles");
  const columns = entries.flatMap((entry) => entry.spellings.map((spelling) => spelling.column));
  return readScopedTable(content, file, columns, required, assumptionRowReader(entries), options, foreignStepColumn(entries, stages, "cycles"));
}
