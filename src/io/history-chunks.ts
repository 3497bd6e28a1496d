import { isUtf8 } from "node:buffer";
import { closeSync, openSync, readSync } from "node:fs";
import { LineFields } from "./csv-bytes.js";
import { LeadsFromBytes, type NamesFromBytes, READ_SIZE } from "./history-bytes.js";
import { LeadRowReader } from "./history-leads.js";
import type { LeadFacts } from "../core/calibrate-accumulator.js";
import { FULL } from "./history-names.js";
import type { HistoryOptions } from "./history-reader.js";
import { HistoryRows } from "./history-rows.js";

// The worker's half of the parallel history read (history-parallel.ts has the main thread's): a
// worker reads its chunks of the file (chunk w, w + workers, ...) and sends each one's rows to the
// main thread as columns of numbers, which adds them to the history in file order.

/** What a worker is given. */
export interface ChunkWork {
  path: string;
  file: string;
  headerFields: string[];
  options: HistoryOptions;
  /** The offset of the first data line (after the header line), the file's size, the chunks' nominal size. */
  dataStart: number;
  size: number;
  chunkBytes: number;
  worker: number;
  workers: number;
  /** SIGNALS: [POINT_KNOWN, STOP, then per worker the messages the main thread has taken]. */
  signals: SharedArrayBuffer;
  /** A worker waits while this many of its messages are not yet taken (memory stays flat). */
  maxQueued: number;
  batchRows: number;
}

export const POINT_KNOWN = 0;
export const STOP = 1;
export const TAKEN = 2;

/** Per row: its values are read (else only its text is); it carries its text; an amount or cost has a dot; dates present. */
export const SURE = 1;
export const HAS_TEXT = 2;
export const DOTTED = 4;
export const QUALIFIED = 8;
export const CLOSED = 16;
/** Int32 columns per row. */
export const INTS = 10;
export const OUTCOMES = ["open", "won", "lost"] as const;

/** A batch of rows, in file order. `ints`: created, its month, qualified, its month, closed, its month, product, rep, source (the worker's spelling ids), line in the chunk. */
export interface RowBatch {
  kind: "rows";
  count: number;
  ints: Int32Array;
  /** Amount and cost, NaN for none. */
  floats: Float64Array;
  /** Flags and outcome (an index into OUTCOMES). */
  bytes: Uint8Array;
  /** The fields of rows flagged HAS_TEXT, in order. */
  texts: string[][];
  /** Spellings first seen by this worker since its last batch: the next spelling ids, in order. */
  products: string[];
  reps: string[];
  sources: string[];
  /** Bytes of the file this batch covers, for the progress bar. */
  read: number;
}

export type ChunkMessage = RowBatch | { kind: "chunk"; lines: number } | { kind: "fallback" };

const LF = 10;
const KEPT_KEYS = 64;
/** Past this many spellings in a column (an id column mapped as a name), a row's names go as text. */
const MAX_SPELLINGS = 100_000;

/** A worker's ids for a column's spellings, in the order it first saw them. */
class SpellingIds implements NamesFromBytes {
  private readonly keys: Uint8Array[] = [];
  private readonly ids = new Map<string, number>();
  fresh: string[] = [];

  constructor(private readonly emptyIsNone: boolean) {}

  indexOf(bytes: Buffer, start: number, end: number): number {
    const length = end - start;
    if (length === 0 && this.emptyIsNone) return -1;
    const keys = this.keys;
    for (let id = 0; id < keys.length; id++) {
      const key = keys[id] as Uint8Array;
      if (key.length !== length) continue;
      let same = true;
      for (let at = 0; at < length; at++) {
        if (key[at] !== bytes[start + at]) {
          same = false;
          break;
        }
      }
      if (same) return id;
    }
    const text = bytes.toString("utf8", start, end);
    const known = this.ids.get(text);
    if (known !== undefined) return known;
    if (this.ids.size >= MAX_SPELLINGS) return FULL;
    const id = this.ids.size;
    this.ids.set(text, id);
    this.fresh.push(text);
    if (keys.length < KEPT_KEYS) keys.push(Uint8Array.prototype.slice.call(bytes, start, end));
    return id;
  }

  take(): string[] {
    const fresh = this.fresh;
    this.fresh = [];
    return fresh;
  }
}

/** The rows of one batch as columns, filled by the worker's read loop. */
class BatchColumns {
  ints: Int32Array;
  floats: Float64Array;
  flags: Uint8Array;
  texts: string[][] = [];
  count = 0;

  constructor(readonly rows: number) {
    this.ints = new Int32Array(rows * INTS);
    this.floats = new Float64Array(rows * 2);
    this.flags = new Uint8Array(rows * 2);
  }

  /** A row whose lead the byte reader filled. */
  sure(lead: LeadFacts, line: number, dotted: boolean, pointKnown: boolean, fields: LineFields, bytes: Buffer): void {
    const row = this.count++;
    const ints = this.ints;
    const i = row * INTS;
    let flag = SURE;
    ints[i] = lead.created;
    ints[i + 1] = lead.createdMonth;
    if (lead.qualified !== null) {
      flag |= QUALIFIED;
      ints[i + 2] = lead.qualified;
      ints[i + 3] = lead.qualifiedMonth;
    }
    if (lead.closed !== null) {
      flag |= CLOSED;
      ints[i + 4] = lead.closed;
      ints[i + 5] = lead.closedMonth;
    }
    ints[i + 6] = lead.product;
    ints[i + 7] = lead.rep;
    ints[i + 8] = lead.source;
    ints[i + 9] = line;
    this.floats[row * 2] = lead.amount ?? Number.NaN;
    this.floats[row * 2 + 1] = lead.cost ?? Number.NaN;
    this.flags[row * 2 + 1] = lead.outcome === "won" ? 1 : lead.outcome === "lost" ? 2 : 0;
    // Until the main thread knows the file's mark is a point, a dotted amount is read from its text there.
    if (dotted) {
      flag |= DOTTED;
      if (!pointKnown) {
        flag |= HAS_TEXT;
        this.texts.push(fields.texts(bytes));
      }
    }
    this.flags[row * 2] = flag;
  }

  /** A row for the main thread to read from its text. */
  text(fields: string[], line: number): void {
    const row = this.count++;
    this.ints[row * INTS + 9] = line;
    this.flags[row * 2] = HAS_TEXT;
    this.texts.push(fields);
  }
}

/** Reads a worker's chunks and hands each message to `post` (which transfers the batch's buffers). */
export function readChunks(work: ChunkWork, post: (message: ChunkMessage) => void): void {
  const handle = openSync(work.path, "r");
  try {
    new ChunkReader(work, handle, post).readAll();
  } catch (error) {
    if (!(error instanceof Stopped)) throw error;
  } finally {
    closeSync(handle);
  }
}

class ChunkReader {
  private readonly signals: Int32Array;
  private readonly names = { products: new SpellingIds(true), reps: new SpellingIds(true), sources: new SpellingIds(false) };
  private readonly leads: LeadsFromBytes | null;
  private readonly fields = new LineFields();
  private batch: BatchColumns;
  private posted = 0;
  private reported = 0;
  // The read buffer: `bytes[0]` is the file's byte `base`; `filled` bytes read, the next from `next`.
  private bytes = Buffer.allocUnsafe(READ_SIZE);
  private base = 0;
  private next = 0;
  private filled = 0;
  private at = 0;
  private ended = false;

  constructor(
    private readonly work: ChunkWork,
    private readonly handle: number,
    private readonly post: (message: ChunkMessage) => void,
  ) {
    this.signals = new Int32Array(work.signals);
    this.batch = new BatchColumns(work.batchRows);
    const rows = new HistoryRows(work.file, work.options);
    rows.header(work.headerFields, ",");
    const reader = rows.reader;
    this.leads = reader instanceof LeadRowReader ? new LeadsFromBytes(reader, this.names, true) : null;
  }

  readAll(): void {
    const { work } = this;
    for (let chunk = work.worker; work.dataStart + chunk * work.chunkBytes < work.size; chunk += work.workers) {
      const from = work.dataStart + chunk * work.chunkBytes;
      const lines = this.readChunk(from, Math.min(from + work.chunkBytes, work.size), chunk === 0);
      if (lines < 0) return this.send({ kind: "fallback" });
      this.send({ kind: "chunk", lines });
    }
  }

  /** Waits while the main thread has enough of this worker's messages to go on with, then posts. */
  private send(message: ChunkMessage): void {
    const { signals, work } = this;
    for (;;) {
      if (Atomics.load(signals, STOP) !== 0) throw new Stopped();
      const taken = Atomics.load(signals, TAKEN + work.worker);
      if (this.posted - taken < work.maxQueued) break;
      Atomics.wait(signals, TAKEN + work.worker, taken, 1000);
    }
    this.posted++;
    this.post(message);
  }

  private flush(upTo: number): void {
    const { batch, names } = this;
    this.send({
      kind: "rows", count: batch.count, ints: batch.ints, floats: batch.floats, bytes: batch.flags, texts: batch.texts,
      products: names.products.take(), reps: names.reps.take(), sources: names.sources.take(), read: upTo - this.reported,
    });
    this.reported = upTo;
    this.batch = new BatchColumns(this.work.batchRows);
  }

  private fill(): void {
    if (this.at > 0) {
      this.bytes.copyWithin(0, this.at, this.filled);
      this.filled -= this.at;
      this.base += this.at;
      this.at = 0;
    }
    if (this.filled === this.bytes.length) {
      const longer = Buffer.allocUnsafe(this.bytes.length * 2);
      this.bytes.copy(longer, 0, 0, this.filled);
      this.bytes = longer;
    }
    const read = readSync(this.handle, this.bytes, this.filled, this.bytes.length - this.filled, this.next);
    if (read === 0) this.ended = true;
    this.filled += read;
    this.next += read;
  }

  /** The chunk's lines are those that start in [from, to): the first is after the line end at or past from - 1. The lines read, or -1: not sure. */
  private readChunk(from: number, to: number, first: boolean): number {
    this.base = first ? from : from - 1;
    this.next = this.base;
    this.filled = 0;
    this.at = 0;
    this.ended = false;
    if (!first) {
      for (;;) {
        this.fill();
        const end = this.bytes.indexOf(LF, this.at);
        if (end >= 0 && end < this.filled) {
          this.at = end + 1;
          break;
        }
        this.at = this.filled;
        if (this.ended) break;
      }
    }
    this.reported = this.base + this.at;
    let line = 0;
    for (;;) {
      // Whole lines only (lastIndexOf from -1 would search the whole buffer from its end: stale bytes).
      const limit = this.ended ? this.filled : this.filled === 0 ? 0 : this.bytes.lastIndexOf(LF, this.filled - 1) + 1;
      if (limit > this.at && this.base + this.at < to) {
        if (!isUtf8(this.bytes.subarray(this.at, limit))) return -1;
        const read = this.readLines(limit, to - this.base, line);
        if (read < 0) return -1;
        line = read;
      }
      if (this.ended || this.base + this.at >= to) break;
      this.fill();
    }
    if (this.batch.count > 0) this.flush(this.base + this.at);
    return line;
  }

  /** The lines from `at` that start before `end` (an offset in the buffer), up to `limit`; the line count after them, or -1. */
  private readLines(limit: number, end: number, line: number): number {
    const { bytes, fields, leads, signals } = this;
    let at = this.at;
    while (at < limit && at < end) {
      at = fields.split(bytes, at, limit);
      if (at < 0) return -1;
      if (fields.count > 1 || fields.starts[0] !== fields.ends[0]) {
        const batch = this.batch;
        if (leads !== null && leads.read(bytes, fields, line)) batch.sure(leads.lead, line, leads.dotted, leads.dotted && Atomics.load(signals, POINT_KNOWN) !== 0, fields, bytes);
        else batch.text(fields.texts(bytes), line);
        if (batch.count === batch.rows) {
          this.at = at;
          this.flush(this.base + at);
        }
      }
      line++;
    }
    this.at = at;
    return line;
  }
}

/** The main thread has what it needs (a result, or a reason to read the file another way). */
class Stopped extends Error {}
