import { FILE_ASSUMPTIONS, fileColumns } from "../core/assumptions.js";
import { assumptionRowReader } from "./assumption-values.js";
import type { ReadOptions } from "./decimal-mark.js";
import { type ScopedFile, readScopedTable } from "./scoped-table.js";

/** The ratio file's value columns, from the registry: `avg_deal_size`, `qualified_to_won`, …. */
export const RATIO_COLUMNS: readonly string[] = fileColumns("ratios");

/**
 * Reads a closing-ratio file: optional `rep`, `product` scope columns, then any of
 * {@link RATIO_COLUMNS} (`avg_deal_size`, `qualified_to_won`, `inquiry_to_qualified`,
 * `units_per_deal`, `cost_per_inquiry`). An empty cell gives nothing, so a less specific row (or a
 * flag) supplies it.
 */
export function readRatios(content: string, file: string, options: ReadOptions = {}): ScopedFile {
  const entries = FILE_ASSUMPTIONS.filter((entry) => entry.file === "ratios");
  return readScopedTable(content, file, RATIO_COLUMNS, RATIO_COLUMNS, assumptionRowReader(entries), options);
}
