import { repMonthRecords, teamMonthRecords } from "./capacity-json.js";
import type { CapacitySection } from "./capacity-text.js";
import { type ColumnKind, type CsvOptions, PLAIN_CSV, writeCsv } from "./csv-writer.js";
import { plainNumber } from "./plain-number.js";

type RepRecord = ReturnType<typeof repMonthRecords>[number];
type TeamRecord = ReturnType<typeof teamMonthRecords>[number];

// Fixed headers: a script reads the same columns whatever the flags.
const REP_COLUMNS = [
  "month", "rep", "availability", "qualified_leads", "capacity", "utilisation", "over", "placed", "moved_in", "moved_out",
  "at_risk", "at_risk_deals", "at_risk_quota", "inquiries", "placed_inquiries", "inquiry_capacity", "inquiry_utilisation", "inquiry_over",
] as const satisfies readonly (keyof RepRecord)[];
const TEAM_COLUMNS = [
  "month", "qualified_leads", "capacity", "utilisation", "excess", "extra_reps", "placed", "moved", "at_risk", "at_risk_deals",
  "at_risk_quota", "inquiries", "placed_inquiries", "inquiry_capacity", "inquiry_utilisation", "inquiry_excess", "extra_follow_up",
] as const satisfies readonly (keyof TeamRecord)[];

const text = (value: string | number | boolean | null) => (value === null ? "" : typeof value === "number" ? plainNumber(value) : String(value));

/** The rep is a name from the reps file; the month is leadplan's; every other column a figure. */
function kindOf(key: string): ColumnKind {
  if (key === "rep") return "name";
  if (key === "month") return "month";
  if (key === "at_risk_quota") return "money";
  return key.includes("utilisation") ? "ratio" : "count";
}

/**
 * `--view capacity` (one line per month × rep) or `--view team` (one line per month) as CSV for
 * scripts: the same columns whatever the flags (without --respect-capacity the pre-build columns
 * repeat the plan: placed = qualified_leads, nothing moved or at risk), plain numbers,
 * utilisation as a ratio (1.733333 is 173%), empty where a value is missing.
 */
export function renderCapacityCsv(section: CapacitySection, options: CsvOptions = PLAIN_CSV): string {
  const keys: readonly string[] = section.view === "team" ? TEAM_COLUMNS : REP_COLUMNS;
  const records =
    section.view === "team"
      ? teamMonthRecords(section).map((record) => TEAM_COLUMNS.map((name) => text(record[name])))
      : repMonthRecords(section).map((record) => REP_COLUMNS.map((name) => text(record[name])));
  return writeCsv(keys.map((key) => ({ key, kind: kindOf(key) })), records, options);
}
