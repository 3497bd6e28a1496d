import { stringify } from "csv-stringify/sync";
import { repMonthRecords, teamMonthRecords } from "./capacity-json.js";
import type { CapacitySection } from "./capacity-text.js";

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

const text = (value: string | number | boolean | null) => (value === null ? "" : String(value));

/**
 * `--view capacity` (one line per month × rep) or `--view team` (one line per month) as CSV for
 * scripts: the same columns whatever the flags (without --respect-capacity the pre-build columns
 * repeat the plan: placed = qualified_leads, nothing moved or at risk), plain numbers,
 * utilisation as a ratio (1.733333 is 173%), empty where a value is missing.
 */
export function renderCapacityCsv(section: CapacitySection): string {
  const rows: string[][] =
    section.view === "team"
      ? [[...TEAM_COLUMNS], ...teamMonthRecords(section).map((record) => TEAM_COLUMNS.map((name) => text(record[name])))]
      : [[...REP_COLUMNS], ...repMonthRecords(section).map((record) => REP_COLUMNS.map((name) => text(record[name])))];
  return stringify(rows, { record_delimiter: "\n" });
}
