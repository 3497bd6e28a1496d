import { statSync } from "node:fs";
import { resolve } from "node:path";
import { Readable } from "node:stream";
import { HistoryAccumulator } from "../core/calibrate-accumulator.js";
import type { HistoryNames, HistoryShape } from "../core/calibrate.js";
import type { DayNumber } from "../core/calibrate-days.js";
import { ChunkDecoder, decodeText, placeOf } from "./chunk-decoder.js";
import { STDIN_NAME } from "./files.js";
import { type ColumnMap, historyLayout, stageDateColumns } from "./history-columns.js";
import { streamCsv } from "./history-csv.js";
import { fileBytes, overlappedTextStream } from "./history-stream.js";
import type { DateFormat } from "./history-day.js";
import { LeadRowReader } from "./history-leads.js";
import { MonthRowReader } from "./history-monthly.js";
import { InputError, type InputIssue } from "./input-issue.js";
import { COMMA_GROUPS, type DecimalMark, type MarkInForce } from "./number-text.js";
import type { Encoding } from "./text-encoding.js";

/** How to read a history, validated before the file is opened. */
export interface HistoryOptions {
  map: ColumnMap;
  dateFormat: DateFormat;
  /** Go on past bad rows (counting them) instead of stopping at the first. */
  skipBadRows: boolean;
  byRep: boolean;
  /** The export's date; null: the latest date in the file. */
  asOf: DayNumber | null;
  /** The decimal mark stated (`--decimal-comma`, `--decimal-point`); else the file reveals it. */
  decimalMark?: DecimalMark | undefined;
  /** A configured funnel's stages, top first: a date column per stage between the top and won. Absent: the default funnel. */
  funnel?: readonly string[] | undefined;
  /** Keep each scope's won amounts (`compute --history`, for the confidence plan to resample). */
  keepWonAmounts?: boolean;
}

/** A history to read: its name for messages, its size when known, and how to stream it. */
export interface HistorySource {
  name: string;
  /** Bytes, for a progress bar; null for standard input. */
  size: number | null;
  /** The text, decoded as the encoding says (see ChunkDecoder). */
  open(): Readable;
  /** Decoding warnings (a file read as Windows-1252), complete once the stream has ended. */
  readonly warnings?: InputIssue[];
}

/** How many bad rows were skipped, and the first five with their reasons. */
export interface SkippedRows {
  count: number;
  first: InputIssue[];
}

export interface HistoryRead {
  file: string;
  shape: HistoryShape;
  history: HistoryAccumulator;
  names: HistoryNames;
  /** The line each product and rep name was first seen on, indexed like `names`. */
  nameLines: { products: readonly number[]; reps: readonly number[] };
  /** Data rows read, bad ones included. */
  rows: number;
  skipped: SkippedRows;
  warnings: InputIssue[];
}

// Measured on the 100 MB history: 128 KiB reads beat 64 KiB (fewer waits for the disk) and
// 256 KiB or more (each chunk's rows then outlive the young generation: more garbage collection).
const READ_CHUNK = 128 * 1024;

const REASONS: Record<string, string> = { ENOENT: "no such file", EISDIR: "it is a directory", EACCES: "permission denied" };

/**
 * A history file (or standard input for `-`, read whole since it cannot be reopened). A missing
 * or unreadable file is an input error now, before anything is read.
 */
export function historySource(path: string, cwd: string, readStdin: () => Uint8Array, encoding: Encoding = "auto"): HistorySource {
  if (path === "-") {
    const warnings: InputIssue[] = [];
    const open = () => {
      const decoded = decodeText(readStdin(), STDIN_NAME, encoding);
      for (const item of decoded.warnings) warnings.push(item);
      return Readable.from([decoded.text]);
    };
    return { name: STDIN_NAME, size: null, open, warnings };
  }
  const full = resolve(cwd, path);
  try {
    const stat = statSync(full);
    if (stat.isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
    let decoder: ChunkDecoder | undefined;
    const read = fileBytes(full);
    const open = () => {
      decoder = new ChunkDecoder(path, encoding, (offset, concrete) => placeOf(read, offset, concrete));
      return overlappedTextStream(full, READ_CHUNK, decoder);
    };
    return {
      name: path,
      size: stat.size,
      open,
      get warnings() {
        return decoder?.warnings ?? [];
      },
    };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    throw new InputError({ code: "file.unreadable", file: path, expected: `cannot read the file: ${REASONS[code] ?? code}` });
  }
}

const KEPT_SKIPPED = 5;

/**
 * Streams a history once, in memory that does not grow with its length: each row is checked and
 * added to small accumulators, then dropped. A bad row stops the read with its message, or with
 * `skipBadRows` is counted (the first five kept) and left out.
 */
export async function readHistory(source: HistorySource, options: HistoryOptions, progress?: (bytesRead: number) => void): Promise<HistoryRead> {
  const file = source.name;
  const stageColumns = options.funnel === undefined ? undefined : stageDateColumns(options.funnel);
  const history = new HistoryAccumulator({ byRep: options.byRep, chainSteps: stageColumns?.length ?? 0, keepWonAmounts: options.keepWonAmounts === true });
  const skipped: SkippedRows = { count: 0, first: [] };
  const warnings: InputIssue[] = [];
  let shape: HistoryShape | null = null;
  let reader: LeadRowReader | MonthRowReader | null = null;
  let addRow: (fields: string[], line: number) => void = () => undefined;
  let rows = 0;
  const bad = (issue: InputIssue) => {
    if (!options.skipBadRows) throw new InputError(issue);
    skipped.count++;
    if (skipped.first.length < KEPT_SKIPPED) skipped.first.push(issue);
  };
  await streamCsv(source.open(), file, {
    header(fields, delimiter) {
      // As in every comma-separated file, `$60,000` is 60000 unless the file shows a decimal comma.
      const numbers: MarkInForce = options.decimalMark ?? (delimiter === "," ? COMMA_GROUPS : undefined);
      const layout = historyLayout(fields, options.map, file, stageColumns);
      for (const item of layout.warnings) warnings.push(item);
      shape = layout.shape;
      // The row function is chosen once here, not per row.
      if (shape === "leads") {
        const leads = new LeadRowReader(layout, fields, file, options.dateFormat, options.asOf, numbers);
        reader = leads;
        addRow = (row, line) => {
          const issue = leads.read(row, line);
          if (issue === null) history.addLead(leads.lead);
          else bad(issue);
        };
      } else {
        const months = new MonthRowReader(layout, fields, file, options.asOf, numbers, options.dateFormat);
        reader = months;
        addRow = (row, line) => {
          const issue = months.read(row, line);
          if (issue === null) history.addMonth(months.month);
          else bad(issue);
        };
      }
    },
    row(fields, line) {
      rows++;
      addRow(fields, line);
    },
    ...(progress ? { progress } : {}),
  });
  const done = reader as LeadRowReader | MonthRowReader | null;
  if (shape === null || done === null) {
    throw new InputError({ code: "file.empty", file, expected: "the file is empty: expected a header row and data rows" });
  }
  if (rows - skipped.count === 0) {
    throw new InputError({ code: "file.empty", file, line: 2, expected: rows === 0 ? "no rows: expected at least one row after the header" : "no good rows: every row was bad" });
  }
  if (shape === "monthly" && options.byRep) {
    warnings.push({ code: "column.unknown", file, line: 1, column: "rep", expected: "a monthly aggregate has no rep column: --by-rep gives no rows" });
  }
  const names: HistoryNames = {
    products: done.products.names,
    sources: done.sources.names,
    reps: done instanceof LeadRowReader ? done.reps.names : [],
  };
  const nameLines = { products: done.products.lines, reps: done instanceof LeadRowReader ? done.reps.lines : [] };
  return { file, shape, history, names, nameLines, rows, skipped, warnings: [...(source.warnings ?? []), ...warnings] };
}
