import { isUtf8 } from "node:buffer";
import type { LeadFacts } from "../core/calibrate-accumulator.js";
import { delimiterOf } from "./delimiter.js";
import { LineFields, bytesAre, plainDecimalBytes } from "./csv-bytes.js";
import { type DaySlot, readIsoDayBytes } from "./history-day.js";
import { LeadRowReader } from "./history-leads.js";
import { FULL, type NameIndex } from "./history-names.js";
import type { HistoryOptions } from "./history-reader.js";
import { HistoryRows } from "./history-rows.js";
import { InputError } from "./input-issue.js";
import { MAX_AMOUNT } from "./values.js";

/** A file's bytes in order: `read` fills `into` from `offset` with up to `length` bytes and returns how many (0 at the end). */
export interface ByteReader {
  read(into: Uint8Array, offset: number, length: number): number;
  close(): void;
}

// 1 MiB reads into one buffer, reused: only a name, on first sight, and a row handed back become
// strings. (Not tuned: the reads are a few percent of the time.)
const READ_SIZE = 1024 * 1024;

const LF = 10;

/**
 * A name column's indices by the name's bytes: a name seen before is found without decoding it
 * again (a scan of the few known spellings, first byte and length first); a new one is decoded
 * once and given to the column's {@link NameIndex}, as a row read from text would (so the index
 * and the line that first wrote it are the same).
 */
class NamesByBytes {
  private readonly keys: Uint8Array[] = [];
  private readonly indices: number[] = [];

  constructor(
    private readonly names: NameIndex,
    /** Products and reps: an empty cell names none (-1) without asking the index. */
    private readonly emptyIsNone: boolean,
  ) {}

  indexOf(bytes: Buffer, start: number, end: number, line: number): number {
    const length = end - start;
    if (length === 0 && this.emptyIsNone) return -1;
    const keys = this.keys;
    const first = bytes[start];
    for (let at = 0; at < keys.length; at++) {
      const key = keys[at] as Uint8Array;
      if (key.length === length && (length === 0 || key[0] === first) && sameBytes(key, bytes, start)) return this.indices[at] as number;
    }
    const index = this.names.indexOf(bytes.toString("utf8", start, end), line);
    // Past a few hundred spellings (an id column mapped as a name), the scan would cost more than the text.
    if (index === FULL || keys.length >= KNOWN_SPELLINGS) return index;
    keys.push(Uint8Array.prototype.slice.call(bytes, start, end));
    this.indices.push(index);
    return index;
  }
}

const KNOWN_SPELLINGS = 64;

function sameBytes(key: Uint8Array, bytes: Uint8Array, start: number): boolean {
  for (let at = 1; at < key.length; at++) if (key[at] !== bytes[start + at]) return false;
  return true;
}

/**
 * Fills the reader's lead straight from a row's bytes when the row is plain: the default
 * funnel, as many fields as the header, ISO dates, `won`/`lost`/`open`/empty outcomes, plain
 * amounts, and passing {@link LeadRowReader.accepts}. False: the row goes through
 * {@link LeadRowReader.read} from its text instead (which also says what is wrong).
 */
class LeadsFromBytes {
  private readonly slot: DaySlot = { day: 0, month: 0 };
  private readonly products: NamesByBytes;
  private readonly reps: NamesByBytes;
  private readonly sources: NamesByBytes;

  readonly lead: LeadFacts;

  constructor(private readonly reader: LeadRowReader) {
    this.lead = reader.lead;
    this.products = new NamesByBytes(reader.products, true);
    this.reps = new NamesByBytes(reader.reps, true);
    this.sources = new NamesByBytes(reader.sources, false);
  }

  read(bytes: Buffer, fields: LineFields, line: number): boolean {
    const reader = this.reader;
    if (fields.count !== reader.width || fields.doubledQuote || reader.createdAt < 0) return false;
    const { starts, ends } = fields;
    const { lead, slot } = this;
    if (!readIsoDayBytes(bytes, starts[reader.createdAt] as number, ends[reader.createdAt] as number, slot)) return false;
    lead.created = slot.day;
    lead.createdMonth = slot.month;
    lead.qualified = null;
    const qualifiedAt = reader.qualifiedAt;
    if (qualifiedAt >= 0 && starts[qualifiedAt] !== ends[qualifiedAt]) {
      if (!readIsoDayBytes(bytes, starts[qualifiedAt] as number, ends[qualifiedAt] as number, slot)) return false;
      lead.qualified = slot.day;
      lead.qualifiedMonth = slot.month;
    }
    lead.closed = null;
    const closedAt = reader.closedAt;
    if (closedAt >= 0 && starts[closedAt] !== ends[closedAt]) {
      if (!readIsoDayBytes(bytes, starts[closedAt] as number, ends[closedAt] as number, slot)) return false;
      lead.closed = slot.day;
      lead.closedMonth = slot.month;
    }
    const outcomeAt = reader.outcomeAt;
    if (outcomeAt < 0 || starts[outcomeAt] === ends[outcomeAt]) lead.outcome = "open";
    else {
      const start = starts[outcomeAt] as number;
      const end = ends[outcomeAt] as number;
      if (bytesAre(bytes, start, end, "won")) lead.outcome = "won";
      else if (bytesAre(bytes, start, end, "lost")) lead.outcome = "lost";
      else if (bytesAre(bytes, start, end, "open")) lead.outcome = "open";
      else return false;
    }
    lead.amount = null;
    if (lead.outcome === "won") {
      const amountAt = reader.amountAt;
      if (amountAt < 0) return false;
      const amount = plainDecimalBytes(bytes, starts[amountAt] as number, ends[amountAt] as number, reader.pointIsMark);
      if (!(amount <= MAX_AMOUNT)) return false;
      lead.amount = amount;
    }
    lead.cost = null;
    const costAt = reader.costAt;
    if (costAt >= 0 && starts[costAt] !== ends[costAt]) {
      const cost = plainDecimalBytes(bytes, starts[costAt] as number, ends[costAt] as number, reader.pointIsMark);
      if (!(cost <= MAX_AMOUNT)) return false;
      lead.cost = cost;
    }
    if (!reader.accepts()) return false;
    // Names last, as read() looks them up last: a row refused above names nothing.
    lead.product = reader.productAt < 0 ? -1 : this.products.indexOf(bytes, starts[reader.productAt] as number, ends[reader.productAt] as number, line);
    if (lead.product === FULL) return false;
    lead.rep = reader.repAt < 0 ? -1 : this.reps.indexOf(bytes, starts[reader.repAt] as number, ends[reader.repAt] as number, line);
    if (lead.rep === FULL) return false;
    lead.source = reader.sourceAt < 0 ? this.sources.indexOf(bytes, 0, 0, line) : this.sources.indexOf(bytes, starts[reader.sourceAt] as number, ends[reader.sourceAt] as number, line);
    return lead.source !== FULL;
  }
}

/**
 * Reads a lead-level history from its bytes without turning the file into text: fields are
 * split in the buffer, dates and amounts read from bytes, names decoded once each. Rows the
 * reader is not sure of are decoded and read as the Papa Parse path reads them.
 *
 * Null (the caller then reads the whole file with Papa Parse, which gives every message and
 * warning): a file that is not UTF-8 (a byte that is not, a UTF-16 BOM, a NUL in the first
 * bytes), not comma-separated, a monthly aggregate or a configured funnel, a line it is not
 * sure how Papa Parse splits (see {@link LineFields}), any bad row without `skipBadRows`, any
 * input error. Memory: one read buffer (longer only for a longer line) and the names.
 */
export function readHistoryBytes(open: () => ByteReader, file: string, options: HistoryOptions, progress?: (bytesRead: number) => void): HistoryRows | null {
  let input: ByteReader | undefined;
  try {
    input = open();
    return readLeads(input, new HistoryRows(file, options), progress);
  } catch (error) {
    // A bad row, a bad header, an unreadable file: the stream path finds it again and words it.
    if (error instanceof InputError || (error as NodeJS.ErrnoException).code !== undefined) return null;
    throw error;
  } finally {
    input?.close();
  }
}

function readLeads(input: ByteReader, rows: HistoryRows, progress: ((bytesRead: number) => void) | undefined): HistoryRows | null {
  let bytes = Buffer.allocUnsafe(READ_SIZE);
  let filled = 0;
  let at = 0;
  let bytesRead = 0;
  let ended = false;
  const fill = () => {
    // Keep the unfinished line, at the start of the buffer (a longer buffer for a line longer than it).
    if (at > 0) {
      bytes.copyWithin(0, at, filled);
      filled -= at;
      at = 0;
    }
    if (filled === bytes.length) {
      const longer = Buffer.allocUnsafe(bytes.length * 2);
      bytes.copy(longer, 0, 0, filled);
      bytes = longer;
    }
    const count = input.read(bytes, filled, bytes.length - filled);
    if (count === 0) ended = true;
    filled += count;
    bytesRead += count;
    progress?.(bytesRead);
  };
  while (!ended && filled < 1024) fill();
  if (!startsPlainUtf8(bytes.subarray(0, filled))) return null;
  // The UTF-8 BOM, as the decoder drops it (a second one would be a name's first character).
  const bomAt = (offset: number) => bytes[offset] === 0xef && bytes[offset + 1] === 0xbb && bytes[offset + 2] === 0xbf;
  if (bomAt(0)) at = 3;
  if (bomAt(at)) return null;

  const fields = new LineFields();
  let leads: LeadsFromBytes | null = null;
  let line = 1;
  for (;;) {
    // Whole lines only: up to the last line feed, or the rest once the file has ended.
    const limit = ended ? filled : bytes.lastIndexOf(LF, filled - 1) + 1;
    if (limit > at) {
      // A line feed never falls inside a UTF-8 character, so whole lines are whole characters.
      if (!isUtf8(bytes.subarray(at, limit))) return null;
      while (at < limit) {
        const lineStart = at;
        at = fields.split(bytes, at, limit);
        if (at < 0) return null;
        if (leads === null) {
          leads = header(bytes.toString("utf8", lineStart, at), fields.texts(bytes), rows);
          if (leads === null) return null;
        } else if (fields.count > 1 || fields.starts[0] !== fields.ends[0]) {
          if (leads.read(bytes, fields, line)) {
            rows.rows++;
            rows.history.addLead(leads.lead);
          } else {
            rows.row(fields.texts(bytes), line);
          }
        }
        line++;
      }
    }
    if (ended) break;
    fill();
  }
  return leads === null ? null : rows;
}

/** Not UTF-16 (no UTF-16 BOM, no NUL in the first bytes, as the decoder would suspect), and long enough to tell. */
function startsPlainUtf8(first: Buffer): boolean {
  if (first.length < 4) return false;
  if ((first[0] === 0xff && first[1] === 0xfe) || (first[0] === 0xfe && first[1] === 0xff)) return false;
  return first.subarray(0, 1024).indexOf(0) === -1;
}

// Papa Parse picks the separator from its first chunk of text (128 KiB): a header line longer than that is left to it.
const LONGEST_HEADER = 64 * 1024;

/** The header line, read as the stream path reads it; null when the file is not one the byte reader reads. */
function header(text: string, names: string[], rows: HistoryRows): LeadsFromBytes | null {
  // The separator is chosen as the stream path chooses it, from the raw line (quotes and all).
  if (text.length > LONGEST_HEADER || delimiterOf(text) !== ",") return null;
  rows.header(names, ",");
  const reader = rows.reader;
  return reader instanceof LeadRowReader && reader.defaultFunnel ? new LeadsFromBytes(reader) : null;
}
