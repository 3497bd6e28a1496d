import type { CheckpointRow } from "../core/track.js";
import { type CsvColumn, type CsvOptions, PLAIN_CSV, writeCsv } from "./csv-writer.js";
import { KEY_KIND } from "./plan/build.js";
import { STATUS_CODE, type TrackReport, trackKeyColumns } from "./track-report.js";
import { plainNumber } from "./plain-number.js";

/** Percent of plan to two decimals: enough to read, free of binary noise. */
export const percentFigure = (percent: number | null): number | null => (percent === null ? null : Math.round(percent * 100) / 100);

// Plan, actual and variance are counts or revenue by measure: figures all the same (a variance of -262000 is never guarded).
const FIGURES: readonly CsvColumn[] = [
  { key: "measure", kind: "code" },
  { key: "plan", kind: "count" },
  { key: "actual", kind: "count" },
  { key: "variance", kind: "count" },
  { key: "percent_of_plan", kind: "percent" },
  { key: "status", kind: "code" },
];

/**
 * The checkpoints as CSV, one line per row and measure (long form, as spreadsheets pivot it):
 * `<key columns>,measure,plan,actual,variance,percent_of_plan,status`; the cumulative lines have
 * `total` in the first key column. The diagnosis and the catch-up are in the other formats.
 */
export function renderTrackCsv(report: TrackReport, options: CsvOptions = PLAIN_CSV): string {
  const keys = trackKeyColumns(report.checkpoints);
  const columns: CsvColumn[] = [...keys.map((key) => ({ key, kind: KEY_KIND[key] })), ...FIGURES];
  const records: string[][] = [];
  const add = (row: CheckpointRow, total: boolean) => {
    for (const check of row.checks) {
      const percent = percentFigure(check.percentOfPlan);
      records.push([
        ...keys.map((key, at) => (total ? (at === 0 ? "total" : "") : (row.key[key] ?? ""))),
        check.measure,
        plainNumber(check.plan),
        plainNumber(check.actual),
        plainNumber(check.variance),
        percent === null ? "" : plainNumber(percent),
        STATUS_CODE[check.status],
      ]);
    }
  };
  for (const row of report.checkpoints.rows) add(row, false);
  add(report.checkpoints.cumulative, true);
  return writeCsv(columns, records, options);
}
