import { isUtf8 } from "node:buffer";
import type { LeadFacts } from "../core/calibrate-accumulator.js";
import { closeSync, openSync, readSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { type ChunkMessage, type ChunkWork, CLOSED, DOTTED, HAS_TEXT, INTS, OUTCOMES, POINT_KNOWN, QUALIFIED, type RowBatch, STOP, SURE, TAKEN } from "./history-chunks.js";
import { LineFields } from "./csv-bytes.js";
import { header, startsPlainUtf8 } from "./history-bytes.js";
import { LeadRowReader } from "./history-leads.js";
import { FULL, type NameIndex } from "./history-names.js";
import type { HistoryOptions } from "./history-reader.js";
import { HistoryRows } from "./history-rows.js";
import { InputError } from "./input-issue.js";

/** How the file is shared out: tests use tiny chunks, so chunk edges fall everywhere. */
export interface ParallelTuning {
  /** The bundled worker script (dist/history-worker.cjs). */
  workerFile: string;
  workers: number;
  chunkBytes: number;
  batchRows?: number;
  maxQueued?: number;
}

/** Give up on the parallel read and read the file with the one-thread byte reader. */
export const ONE_THREAD = "one thread";

// The header is read here, as the byte reader reads it; a longer first line is left to it.
const HEAD_BYTES = 128 * 1024;

/**
 * Reads a lead-level history with worker threads parsing chunks of the file (history-chunks.ts)
 * and this thread adding their rows to the history strictly in file order: names get their
 * indices and first lines in the order of the file, the decimal mark is learnt from the same row,
 * and amounts are summed in the same order, so the result is the one-thread byte reader's
 * (history-bytes.ts), bit for bit. Rows a worker is not sure of come as text and are read by
 * {@link LeadRowReader.read} here, in their place.
 *
 * Null, as from the byte reader: the Papa Parse path reads the whole file (not UTF-8, a line it
 * is not sure how to split, a bad row without `skipBadRows`, a monthly file, ...).
 * {@link ONE_THREAD}: a column with more names than it holds; the one-thread reader words that.
 */
export async function readHistoryParallel(path: string, file: string, size: number, options: HistoryOptions, tuning: ParallelTuning, progress?: (bytesRead: number) => void): Promise<HistoryRows | null | typeof ONE_THREAD> {
  const head = readHead(path, file, options);
  if (head === null) return null;
  const { rows, dataStart, headerFields } = head;
  const reader = rows.reader;
  if (!(reader instanceof LeadRowReader)) return null;
  const workers = tuning.workers;
  const signals = new SharedArrayBuffer(4 * (TAKEN + workers));
  const shared = new Int32Array(signals);
  if (reader.pointIsMark) shared[POINT_KNOWN] = 1;
  const queues: ChunkMessage[][] = [];
  const threads: Worker[] = [];
  const names: WorkerNames[] = [];
  const inOrder = new RowsInOrder(rows, reader, shared);
  let chunk = 0;
  let line = 2;
  let bytesRead = dataStart;

  const take = (worker: number, batch: RowBatch) => {
    const known = names[worker];
    if (known === undefined) return;
    known.products.learn(batch.products);
    known.reps.learn(batch.reps);
    known.sources.learn(batch.sources);
    inOrder.add(batch, known, line);
    bytesRead += batch.read;
    progress?.(bytesRead);
  };

  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (result: HistoryRows | null | typeof ONE_THREAD | Error) => {
      if (settled) return;
      settled = true;
      Atomics.store(shared, STOP, 1);
      for (let worker = 0; worker < workers; worker++) Atomics.notify(shared, TAKEN + worker);
      for (const thread of threads) void thread.terminate();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const chunks = Math.ceil((size - dataStart) / tuning.chunkBytes);
    /** Takes what has come, strictly in file order: chunk k from worker k mod workers. */
    const pump = () => {
      try {
        while (!settled) {
          if (chunk >= chunks) return finish(rows);
          const worker = chunk % workers;
          const message = queues[worker]?.shift();
          if (message === undefined) return;
          if (message.kind === "fallback") return finish(null);
          if (message.kind === "rows") take(worker, message);
          else {
            line += message.lines;
            chunk++;
          }
          Atomics.add(shared, TAKEN + worker, 1);
          Atomics.notify(shared, TAKEN + worker);
        }
      } catch (error) {
        if (error instanceof TooManyNames) return finish(ONE_THREAD);
        // A bad row, as in the one-thread reader: the Papa Parse path finds it again and words it.
        if (error instanceof InputError) return finish(null);
        return finish(error as Error);
      }
    };
    if (dataStart >= size) return finish(rows);
    for (let worker = 0; worker < Math.min(workers, chunks); worker++) {
      queues.push([]);
      names.push({ products: new SpellingIndices(reader.products), reps: new SpellingIndices(reader.reps), sources: new SpellingIndices(reader.sources) });
      const work: ChunkWork = {
        path, file, headerFields, options, dataStart, size, chunkBytes: tuning.chunkBytes, worker, workers,
        signals, maxQueued: tuning.maxQueued ?? 8, batchRows: tuning.batchRows ?? 8192,
      };
      const thread = new Worker(tuning.workerFile, { workerData: work });
      thread.on("message", (message: ChunkMessage) => {
        queues[worker]?.push(message);
        if (chunk % workers === worker) pump();
      });
      thread.on("error", (error) => finish(error));
      threads.push(thread);
    }
  });
}

class TooManyNames extends Error {}

/** A worker's spellings of one column, and the reader's index of each, looked up in file order on first use. */
class SpellingIndices {
  private readonly spellings: string[] = [];
  private readonly indices: number[] = [];

  constructor(private readonly index: NameIndex) {}

  learn(fresh: readonly string[]): void {
    for (const text of fresh) {
      this.spellings.push(text);
      this.indices.push(UNKNOWN);
    }
  }

  of(id: number, line: number): number {
    if (id < 0) return -1;
    const known = this.indices[id] as number;
    if (known !== UNKNOWN) return known;
    const index = this.index.indexOf(this.spellings[id] as string, line);
    if (index === FULL) throw new TooManyNames();
    this.indices[id] = index;
    return index;
  }
}

const UNKNOWN = -3;

interface WorkerNames {
  products: SpellingIndices;
  reps: SpellingIndices;
  sources: SpellingIndices;
}

/**
 * Adds a batch's rows to the history as the one-thread reader would have, in its order. (A
 * class of its own, its loop alone in a method: as a closure with code after the loop, V8
 * deoptimised it 50 times a run.)
 */
class RowsInOrder {
  private readonly lead: LeadFacts;

  constructor(
    private readonly rows: HistoryRows,
    private readonly reader: LeadRowReader,
    private readonly shared: Int32Array,
  ) {
    const lead = reader.lead;
    this.lead = lead;
    // Each nullable field given a whole number, a fraction and null once, before the loop: its
    // field then holds any value, and V8 does not deoptimise the loop each time one first comes
    // (58 times a run, "Smi", without this).
    for (const value of [1, 0.5, null]) {
      lead.qualified = value;
      lead.closed = value;
      lead.amount = value;
      lead.cost = value;
    }
  }

  add(batch: RowBatch, names: WorkerNames, line: number): void {
    const { rows, reader, lead } = this;
    const { ints, floats, bytes, texts } = batch;
    let text = 0;
    for (let row = 0; row < batch.count; row++) {
      const i = row * INTS;
      const flag = bytes[row * 2] as number;
      const at = line + (ints[i + 9] as number);
      const fields = flag & HAS_TEXT ? texts[text++] : undefined;
      if (!(flag & SURE) || (flag & DOTTED && !reader.pointIsMark)) {
        this.fromText(fields, at);
        continue;
      }
      lead.created = ints[i] as number;
      lead.createdMonth = ints[i + 1] as number;
      lead.qualified = flag & QUALIFIED ? (ints[i + 2] as number) : null;
      lead.qualifiedMonth = ints[i + 3] as number;
      lead.closed = flag & CLOSED ? (ints[i + 4] as number) : null;
      lead.closedMonth = ints[i + 5] as number;
      lead.outcome = OUTCOMES[bytes[row * 2 + 1] as number] ?? "open";
      const amount = floats[row * 2] as number;
      lead.amount = amount === amount ? amount : null;
      const cost = floats[row * 2 + 1] as number;
      lead.cost = cost === cost ? cost : null;
      // In the order the one-thread reader looks them up.
      lead.product = names.products.of(ints[i + 6] as number, at);
      lead.rep = names.reps.of(ints[i + 7] as number, at);
      lead.source = names.sources.of(ints[i + 8] as number, at);
      rows.rows++;
      rows.history.addLead(lead);
    }
  }

  /** A row read from its text, as the one-thread reader reads it; it may reveal the file's decimal mark to the workers. */
  private fromText(fields: string[] | undefined, line: number): void {
    this.rows.row(fields ?? [], line);
    if (this.reader.pointIsMark) Atomics.store(this.shared, POINT_KNOWN, 1);
  }
}

/** The header line and where the data starts; null when the byte reader would hand the file to Papa Parse. */
function readHead(path: string, file: string, options: HistoryOptions): { rows: HistoryRows; dataStart: number; headerFields: string[] } | null {
  const handle = openSync(path, "r");
  try {
    const bytes = Buffer.allocUnsafe(HEAD_BYTES);
    const filled = readSync(handle, bytes, 0, HEAD_BYTES, 0);
    if (!startsPlainUtf8(bytes.subarray(0, filled))) return null;
    const bomAt = (offset: number) => bytes[offset] === 0xef && bytes[offset + 1] === 0xbb && bytes[offset + 2] === 0xbf;
    const start = bomAt(0) ? 3 : 0;
    if (bomAt(start)) return null;
    const lineEnd = bytes.subarray(0, filled).indexOf(10, start);
    if (lineEnd < 0) return null;
    const fields = new LineFields();
    const dataStart = fields.split(bytes, start, lineEnd + 1);
    if (dataStart < 0 || !isUtf8(bytes.subarray(start, dataStart))) return null;
    const rows = new HistoryRows(file, options);
    const headerFields = fields.texts(bytes);
    try {
      if (header(bytes.toString("utf8", start, dataStart), headerFields, rows) === null) return null;
    } catch (error) {
      if (error instanceof InputError) return null;
      throw error;
    }
    return { rows, dataStart, headerFields };
  } finally {
    closeSync(handle);
  }
}
