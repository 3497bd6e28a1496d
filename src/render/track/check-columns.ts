import type { Column } from "../document.js";

/** A row of a per-period check against a target (follow-up, pipeline coverage). */
interface CheckRow {
  period: string;
  below: boolean;
}

/** The time column of a check's rows: `period` by half-month (`2027-01-H1`), else `month`. */
export function periodColumn<Row extends CheckRow>(time: "period" | "month", text?: (row: Row) => string): Column<Row> {
  return { key: time, title: time === "period" ? "Period" : "Month", kind: "month", value: (row) => row.period, ...(text === undefined ? {} : { text }) };
}

/** A check's verdict: `below_target` (marked bad) or `met`; in text, `nothing` for a row with no figure to judge. */
export function statusColumn<Row extends CheckRow>(judged: (row: Row) => boolean, nothing: string): Column<Row> {
  return {
    key: "status",
    title: "Status",
    kind: "code",
    value: (row) => (row.below ? "below_target" : "met"),
    text: (row) => (!judged(row) ? nothing : row.below ? "below target" : "met"),
    tone: (row) => (row.below ? "bad" : undefined),
  };
}
