import type { AssumptionValues } from "../core/resolve.js";
import type { ReadOptions } from "./decimal-mark.js";
import { type ScopedFile, readScopedTable } from "./scoped-table.js";
import { parseCost, parsePositiveAmount, parseRate } from "./values.js";

export const RATIO_COLUMNS = ["avg_deal_size", "qualified_to_won", "inquiry_to_qualified", "units_per_deal", "cost_per_inquiry"] as const;

/**
 * Reads a closing-ratio file: optional `rep`, `product` scope columns, then any of
 * `avg_deal_size`, `qualified_to_won`, `inquiry_to_qualified`, `units_per_deal`,
 * `cost_per_inquiry`. An empty cell gives nothing, so a less specific row (or a flag) supplies it.
 */
export function readRatios(content: string, file: string, options: ReadOptions = {}): ScopedFile {
  return readScopedTable(content, file, RATIO_COLUMNS, RATIO_COLUMNS, (field) => {
    const values: AssumptionValues = {};
    const avgDealSize = field("avg_deal_size", parsePositiveAmount);
    const closeRate = field("qualified_to_won", parseRate);
    const qualifyRate = field("inquiry_to_qualified", parseRate);
    const unitsPerDeal = field("units_per_deal", parsePositiveAmount);
    const costPerInquiry = field("cost_per_inquiry", parseCost);
    if (avgDealSize !== undefined) values.avgDealSize = avgDealSize;
    if (closeRate !== undefined) values.closeRate = closeRate;
    if (qualifyRate !== undefined) values.qualifyRate = qualifyRate;
    if (unitsPerDeal !== undefined) values.unitsPerDeal = unitsPerDeal;
    if (costPerInquiry !== undefined) values.costPerInquiry = costPerInquiry;
    return values;
  }, options);
}
