import { stringify } from "csv-stringify/sync";
import type { CheckpointRow } from "../core/track.js";
import { STATUS_CODE, type TrackReport, trackKeyColumns } from "./track-report.js";

/** Percent of plan to two decimals: enough to read, free of binary noise. */
export const percentFigure = (percent: number | null): number | null => (percent === null ? null : Math.round(percent * 100) / 100);

/**
 * The checkpoints as CSV, one line per row and measure (long form, as spreadsheets pivot it):
 * `<key columns>,measure,plan,actual,variance,percent_of_plan,status`; the cumulative lines have
 * `total` in the first key column. The diagnosis and the catch-up are in the other formats.
 */
export function renderTrackCsv(report: TrackReport): string {
  const keys = trackKeyColumns(report.checkpoints);
  const header = [...keys, "measure", "plan", "actual", "variance", "percent_of_plan", "status"];
  const records: string[][] = [];
  const add = (row: CheckpointRow, total: boolean) => {
    for (const check of row.checks) {
      const percent = percentFigure(check.percentOfPlan);
      records.push([
        ...keys.map((key, at) => (total ? (at === 0 ? "total" : "") : (row.key[key] ?? ""))),
        check.measure,
        String(check.plan),
        String(check.actual),
        String(check.variance),
        percent === null ? "" : String(percent),
        STATUS_CODE[check.status],
      ]);
    }
  };
  for (const row of report.checkpoints.rows) add(row, false);
  add(report.checkpoints.cumulative, true);
  return stringify([header, ...records], { record_delimiter: "\n" });
}
