import { closeSync, openSync, readSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { Readable } from "node:stream";
import type { HistoryAccumulator } from "../core/calibrate-accumulator.js";
import type { HistoryNames, HistoryShape } from "../core/calibrate.js";
import type { DayNumber } from "../core/calibrate-days.js";
import { ChunkDecoder, decodeText, placeOf } from "./chunk-decoder.js";
import { STDIN_NAME } from "./files.js";
import type { ColumnMap } from "./history-columns.js";
import { type ByteReader, readHistoryBytes } from "./history-bytes.js";
import { streamCsv } from "./history-csv.js";
import { fileBytes, overlappedTextStream } from "./history-stream.js";
import type { DateFormat } from "./history-day.js";
import { HistoryRows } from "./history-rows.js";
import { InputError, type InputIssue } from "./input-issue.js";
import type { DecimalMark } from "./number-text.js";
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
  /** The raw bytes, for the byte reader; absent when the encoding is stated as other than UTF-8 (or for standard input). */
  bytes?: () => ByteReader;
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

/** Reads a file's bytes in order; an error (the file gone meanwhile) sends the read back to the stream path, which names it. */
function fileByteReader(path: string): ByteReader {
  const handle = openSync(path, "r");
  return {
    read: (into, offset, length) => readSync(handle, into, offset, length, null),
    close: () => closeSync(handle),
  };
}

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
      ...(encoding === "auto" || encoding === "utf-8" ? { bytes: () => fileByteReader(full) } : {}),
      get warnings() {
        return decoder?.warnings ?? [];
      },
    };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    throw new InputError({ code: "file.unreadable", file: path, expected: `cannot read the file: ${REASONS[code] ?? code}` });
  }
}

/**
 * Streams a history once, in memory that does not grow with its length (see {@link HistoryRows}).
 * A file in UTF-8 with commas goes through the byte reader (history-bytes.ts), which hands
 * anything it is not sure of, and every bad row, back to this Papa Parse path for the whole
 * file: messages and warnings come from one reader.
 */
export async function readHistory(source: HistorySource, options: HistoryOptions, progress?: (bytesRead: number) => void): Promise<HistoryRead> {
  if (source.bytes !== undefined) {
    const fast = readHistoryBytes(source.bytes, source.name, options, progress);
    if (fast !== null) return fast.result([]);
  }
  const rows = new HistoryRows(source.name, options);
  await streamCsv(source.open(), source.name, {
    header: (fields, delimiter) => rows.header(fields, delimiter),
    row: (fields, line) => rows.row(fields, line),
    ...(progress ? { progress } : {}),
  });
  return rows.result(source.warnings ?? []);
}
