import type { FollowUpRow } from "../../core/follow-up.js";
import type { Column, Section } from "../document.js";
import { formatNumber } from "../format.js";
import { sixDecimals } from "../plain-number.js";
import { periodColumn, statusColumn } from "./check-columns.js";
import { type TrackReport, followUpMisses, percentFigure, percentText } from "./report.js";
import { isDefaultOrder, measureTitle } from "./stage-names.js";

/** The time column of the follow-up rows: `period` by half-month (`2027-01-H1`), else `month`. */
const timeKey = (report: TrackReport): "period" | "month" => (report.checkpoints.period.cut?.every === "half-month" ? "period" : "month");

const rateText = (row: FollowUpRow) => percentText(row.rate === null ? null : row.rate * 100);

/**
 * Follow-up per rep and period against the target (`--follow-up-target`, 100% by default): a
 * checkpoint of its own beside plan against actual. CSV writes it with `--section follow-up`.
 */
export function followUpSection(report: TrackReport): Section | null {
  const check = report.followUp;
  if (check === undefined) return null;
  const order = report.checkpoints.order;
  const baseTitle = measureTitle(order, check.base);
  const time = timeKey(report);
  const team = !check.rows.some((row) => row.rep !== "");
  const columns: Column<FollowUpRow>[] = [
    periodColumn(time),
    { key: "rep", title: "Rep", kind: "name", value: (row) => row.rep, text: (row) => (row.rep !== "" ? row.rep : team ? "(all reps)" : "(unassigned)") },
    { key: check.base, title: baseTitle, kind: "count", value: (row) => row.base },
    { key: "followed_up", title: "Followed up", kind: "count", value: (row) => row.followedUp },
    { key: "follow_up_rate", title: "Rate", kind: "percent", value: (row) => percentFigure(row.rate === null ? null : row.rate * 100), text: rateText },
    statusColumn((row) => row.rate !== null, "nothing to follow up"),
  ];
  const target = `${formatNumber(check.target * 100, 2)}%`;
  const what = isDefaultOrder(order) ? baseTitle.toLowerCase() : baseTitle;
  const misses = followUpMisses(report);
  const verdict = misses.length === 0 ? `Every rep followed up at least ${target} of their ${what} in every period.` : `${misses.length} of ${check.rows.length} below ${target}: ${misses.join("; ")}.`;
  return {
    title: { text: `Follow-up against ${target} of ${what}, per rep and ${time === "period" ? "half-month" : "month"}`, style: "heading" },
    table: { columns, rows: check.rows },
    notes: [verdict],
    name: "follow-up",
    csv: false,
  };
}

/** The follow-up in track's JSON (`follow_up`, additive to leadplan.track/1); undefined without a followed_up column. */
export function followUpJson(report: TrackReport) {
  const check = report.followUp;
  if (check === undefined) return undefined;
  const time = timeKey(report);
  return {
    target: check.target,
    base: check.base,
    rows: check.rows.map((row) => ({
      [time]: row.period,
      rep: row.rep,
      [check.base]: row.base,
      followed_up: row.followedUp,
      rate: row.rate === null ? null : sixDecimals(row.rate),
      status: row.below ? ("below_target" as const) : ("met" as const),
    })),
    below: followUpMisses(report),
  };
}
