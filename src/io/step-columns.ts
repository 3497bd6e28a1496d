import type { AssumptionEntry } from "../core/assumptions.js";
import type { FunnelStages } from "../core/funnel.js";

/** A column shaped like a step's (`mql_to_sql`, `sql_to_won_days`), or a stage's cost (`cost_per_lead`). */
const STEP_SHAPED = /^[a-z][a-z0-9_]*_to_[a-z][a-z0-9_]*$|^cost_per_[a-z][a-z0-9_]*$/;
/** The default funnel's own step columns: meaningful in a file written for it, so never ignored. */
const DEFAULT_STEP_COLUMNS = /^(qualified_to_won|inquiry_to_qualified|sales_cycle_(days|months)|qualification_(days|months))$/;

/**
 * The refusal of a ratio or cycle column that names a step (or a stage's cost) the funnel does
 * not have: a column written for another funnel would otherwise be ignored as unknown, and its
 * values silently lost. Undefined for any other column (which stays a warning).
 */
export function foreignStepColumn(entries: readonly AssumptionEntry[], stages: FunnelStages, file: "ratios" | "cycles"): (column: string) => string | undefined {
  const own = entries.filter((entry) => entry.file === file && (entry.step !== undefined || entry.kind === "cost"));
  const columns = own.flatMap((entry) => entry.spellings.map((spelling) => spelling.column));
  return (column) => {
    if (columns.includes(column) || !(STEP_SHAPED.test(column) || DEFAULT_STEP_COLUMNS.test(column))) return undefined;
    const what = column.startsWith("cost_per_") ? "the cost of a stage" : "a step";
    return `not ${what} of the funnel ${stages.join(",")}: expected one of ${columns.join(", ")}`;
  };
}
