import { fileColumns } from "../core/assumptions.js";
import { funnelAssumptions } from "../core/funnel-assumptions.js";
import { DEFAULT_FUNNEL, type FunnelStages } from "../core/funnel.js";
import { assumptionRowReader } from "./assumption-values.js";
import type { ReadOptions } from "./decimal-mark.js";
import { type ScopedFile, readScopedTable } from "./scoped-table.js";
import { foreignStepColumn } from "./step-columns.js";

/** The ratio file's value columns, from the registry: `avg_deal_size`, `qualified_to_won`, …. */
export const RATIO_COLUMNS: readonly string[] = fileColumns("ratios");

/**
 * Reads a closing-ratio file: optional `rep`, `product` scope columns, then any of
 * {@link RATIO_COLUMNS} (`avg_deal_size`, `qualified_to_won`, `inquiry_to_qualified`,
 * `units_per_deal`, `cost_per_inquiry`), or a configured funnel's (`sql_to_won`, `mql_to_sql`,
 * …, `cost_per_<top stage>`). An empty cell gives nothing, so a less specific row (or a flag)
 * supplies it. A column of a step the funnel lacks is refused.
 */
export function readRatios(content: string, file: string, options: ReadOptions = {}, stages: FunnelStages = DEFAULT_FUNNEL): ScopedFile {
  const entries = funnelAssumptions(stages).filter((entry) => entry.file === "ratios");
  const columns = entries.flatMap((entry) => entry.spellings.map((spelling) => spelling.column));
  return readScopedTable(content, file, columns, columns, assumptionRowReader(entries), options, foreignStepColumn(entries, stages, "ratios"));
}
