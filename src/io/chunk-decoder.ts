import { isAscii, isUtf8 } from "node:buffer";
import { TextDecoder } from "node:util";
import { InputError, type InputIssue } from "./input-issue.js";
import {
  type BytePlace,
  type ConcreteEncoding,
  type Encoding,
  badBytesIssue,
  bomContradictsIssue,
  mixedEncodingIssue,
  utf16WithoutBomIssue,
  windows1252Warning,
} from "./text-encoding.js";

/** Finds the line and byte of the byte at an offset (read again only when a message needs it). */
export type LocateByte = (offset: number, encoding: ConcreteEncoding) => BytePlace;

const EMPTY = Buffer.alloc(0);
const BOMS: readonly [ConcreteEncoding, readonly number[]][] = [
  ["utf-8", [0xef, 0xbb, 0xbf]],
  ["utf-16le", [0xff, 0xfe]],
  ["utf-16be", [0xfe, 0xff]],
];

const startsWith = (bytes: Buffer, prefix: readonly number[]) => bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);

/**
 * Decodes a file's bytes to text, whole or chunk by chunk (the history streams), the same way:
 * a BOM says the encoding; without one, UTF-8, unless a byte is not UTF-8 while every byte
 * before it is ASCII: then the whole file is Windows-1252 (read exactly, since ASCII is the same
 * in both) with a warning. A bad byte after UTF-8 text, or one the stated encoding does not allow,
 * is refused naming its line and byte: nothing is ever replaced by U+FFFD.
 *
 * Per chunk it costs one `isUtf8` (and `isAscii` while the text is still all ASCII): both are
 * SIMD scans, a few milliseconds per 100 MB.
 */
export class ChunkDecoder {
  readonly warnings: InputIssue[] = [];
  private mode: ConcreteEncoding | null = null;
  /** What chose the mode: the flag, a BOM, or the default (which may fall back to Windows-1252). */
  private how: "stated" | "bom" | "auto" = "auto";
  /** Bytes of a character the last chunk cut in two. */
  private held: Buffer = EMPTY;
  /** The file offset of the next byte to decode (the first held one). */
  private position = 0;
  private asciiSoFar = true;
  private decoder: TextDecoder | null = null;

  constructor(
    private readonly file: string,
    private readonly stated: Encoding,
    private readonly locate: LocateByte,
  ) {}

  write(chunk: Uint8Array): string {
    let bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.held.length > 0) bytes = Buffer.concat([this.held, bytes]);
    this.held = EMPTY;
    if (this.mode === null) {
      // Too few bytes to tell a BOM (or UTF-16) yet: wait for the next chunk.
      if (bytes.length < 4) {
        this.held = Buffer.from(bytes);
        return "";
      }
      bytes = this.start(bytes);
    }
    return this.decode(bytes, false);
  }

  end(): string {
    const rest = this.held;
    this.held = EMPTY;
    if (this.mode === null) return rest.length === 0 ? "" : this.decode(this.start(rest), true);
    return rest.length === 0 ? "" : this.decode(rest, true);
  }

  /** Chooses the encoding from the flag or the first bytes; returns the bytes after a BOM. */
  private start(bytes: Buffer): Buffer {
    const bom = BOMS.find(([, prefix]) => startsWith(bytes, prefix));
    if (this.stated === "auto") {
      if (bom) {
        this.mode = bom[0];
        this.how = "bom";
      } else {
        const likely = utf16Likely(bytes);
        if (likely !== null) throw new InputError(utf16WithoutBomIssue(this.file, likely));
        this.mode = "utf-8";
      }
    } else {
      this.mode = this.stated;
      this.how = "stated";
      // A BOM that names another encoding than the one stated: one of the two is wrong, and
      // decoding on would put the BOM's bytes into the first column's name, or garble every byte.
      if (bom && bom[0] !== this.stated) throw new InputError(bomContradictsIssue(this.file, bom[0], this.stated));
    }
    if (bom && bom[0] === this.mode) {
      this.position = bom[1].length;
      return bytes.subarray(bom[1].length);
    }
    return bytes;
  }

  private decode(bytes: Buffer, final: boolean): string {
    switch (this.mode) {
      case "windows-1252":
        this.decoder ??= new TextDecoder("windows-1252");
        this.checkWindows1252(bytes);
        this.position += bytes.length;
        // `stream: true` on purpose: Node 20's one-shot decode takes a Latin-1 shortcut for
        // windows-1252 that reads 0x80-0x9F wrongly (0x80 as U+0080, not €); the streaming
        // path uses ICU's table. A single-byte encoding holds nothing back between calls.
        return this.decoder.decode(bytes, { stream: true });
      case "utf-16le":
      case "utf-16be":
        return this.decodeUtf16(bytes, this.mode, final);
      default:
        return this.decodeUtf8(bytes, final);
    }
  }

  /**
   * Windows-1252 leaves five bytes undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D): a decoder would
   * turn them into invisible control characters in a name. And a file that fell back to it (no
   * flag) but holds a UTF-8 sequence further on (`Ã©` for é) mixes two encodings: both refused.
   */
  private checkWindows1252(bytes: Buffer): void {
    for (let at = 0; at < bytes.length; at++) {
      const byte = bytes[at] ?? 0;
      if (byte < 0x80) continue;
      if (byte === 0x81 || byte === 0x8d || byte === 0x8f || byte === 0x90 || byte === 0x9d) {
        const place = this.locate(this.position + at, "windows-1252");
        throw new InputError(badBytesIssue(this.file, place, "windows-1252", this.how === "stated" ? "stated" : "fallback"));
      }
      if (this.how === "auto" && byte >= 0xc2 && byte <= 0xf4 && utf8SequenceAt(bytes, at)) {
        throw new InputError(mixedEncodingIssue(this.file, this.locate(this.position + at, "windows-1252"), "windows-1252"));
      }
    }
  }

  private decodeUtf8(bytes: Buffer, final: boolean): string {
    const complete = final ? bytes.length : completeUtf8Length(bytes);
    const piece = bytes.subarray(0, complete);
    if (isUtf8(piece)) {
      if (complete < bytes.length) this.held = Buffer.from(bytes.subarray(complete));
      if (this.asciiSoFar && this.how === "auto") this.asciiSoFar = isAscii(piece);
      this.position += complete;
      return piece.toString("utf8");
    }
    const bad = firstBadOffset(piece, "utf-8");
    const place = this.locate(this.position + bad, "utf-8");
    if (this.how !== "auto") throw new InputError(badBytesIssue(this.file, place, "utf-8", this.how));
    if (!this.asciiSoFar || !isAscii(piece.subarray(0, bad))) throw new InputError(mixedEncodingIssue(this.file, place));
    // Every byte so far was ASCII, which Windows-1252 reads the same: switch for the whole rest.
    this.warnings.push(windows1252Warning(this.file, place));
    this.mode = "windows-1252";
    return this.decode(bytes, final);
  }

  private decodeUtf16(bytes: Buffer, encoding: "utf-16le" | "utf-16be", final: boolean): string {
    let complete = final ? bytes.length : bytes.length - (bytes.length % 2);
    // A high surrogate at the end waits for its partner in the next chunk.
    const last = encoding === "utf-16le" ? bytes[complete - 1] : bytes[complete - 2];
    if (!final && complete >= 2 && last !== undefined && last >= 0xd8 && last <= 0xdb) complete -= 2;
    const piece = bytes.subarray(0, complete);
    if (complete < bytes.length) this.held = Buffer.from(bytes.subarray(complete));
    this.decoder ??= new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    try {
      const text = this.decoder.decode(piece);
      this.position += complete;
      return text;
    } catch {
      const place = this.locate(this.position + firstBadOffset(piece, encoding), encoding);
      throw new InputError(badBytesIssue(this.file, place, encoding, this.how === "stated" ? "stated" : "bom"));
    }
  }
}

/** Whether a whole UTF-8 multi-byte character starts at `at` (a lead byte and its continuations). */
function utf8SequenceAt(bytes: Buffer, at: number): boolean {
  const lead = bytes[at] ?? 0;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  if (at + length > bytes.length) return false;
  for (let next = at + 1; next < at + length; next++) {
    const byte = bytes[next] ?? 0;
    if (byte < 0x80 || byte > 0xbf) return false;
  }
  return true;
}

/** The length of `bytes` without a UTF-8 character cut off at its end (its lead byte says how long it is). */
function completeUtf8Length(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] ?? 0;
    if (byte < 0x80) return bytes.length;
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return length > back ? bytes.length - back : bytes.length;
    }
  }
  return bytes.length;
}

/**
 * The offset of the first byte the encoding does not allow: where a lenient decode first puts a
 * U+FFFD that the bytes do not spell out themselves. Only called once a strict check has failed.
 */
function firstBadOffset(bytes: Buffer, encoding: "utf-8" | "utf-16le" | "utf-16be"): number {
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  const spelled = Buffer.from("\uFFFD", encoding === "utf-8" ? "utf8" : "utf16le");
  if (encoding === "utf-16be") spelled.swap16();
  for (let at = text.indexOf("\uFFFD"); at !== -1; at = text.indexOf("\uFFFD", at + 1)) {
    const offset = encoding === "utf-8" ? Buffer.byteLength(text.slice(0, at)) : 2 * at;
    if (!bytes.subarray(offset, offset + spelled.length).equals(spelled)) return offset;
  }
  return bytes.length;
}

/** UTF-16 without a BOM: in the first bytes, a NUL every other byte (ASCII text in UTF-16). */
function utf16Likely(bytes: Buffer): "utf-16le" | "utf-16be" | null {
  const length = Math.min(bytes.length, 1024) & ~1;
  if (length < 4) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index < length; index += 2) {
    if (bytes[index] === 0) evenNuls++;
    if (bytes[index + 1] === 0) oddNuls++;
  }
  const pairs = length / 2;
  if (evenNuls === 0 && oddNuls * 2 >= pairs) return "utf-16le";
  if (oddNuls === 0 && evenNuls * 2 >= pairs) return "utf-16be";
  return null;
}

const LOCATE_BLOCK = 1024 * 1024;

/**
 * The line and the byte within it of the byte at `offset`, counting line feeds in the bytes
 * before it, read block by block (`read` may come from a buffer or a file).
 */
export function placeOf(read: (position: number, length: number) => Uint8Array, offset: number, encoding: ConcreteEncoding): BytePlace {
  const wide = encoding === "utf-16le" || encoding === "utf-16be";
  // In UTF-16 a line feed is 0x0A beside a NUL, low byte first (LE) or second (BE).
  const feedAt = encoding === "utf-16be" ? 1 : 0;
  let line = 1;
  let lineStart = 0;
  for (let position = 0; position < offset; position += LOCATE_BLOCK) {
    const block = Buffer.from(read(position, Math.min(LOCATE_BLOCK, offset - position)));
    if (block.length === 0) break;
    for (let at = block.indexOf(0x0a); at !== -1; at = block.indexOf(0x0a, at + 1)) {
      const absolute = position + at;
      if (wide && (absolute % 2 !== feedAt || block[feedAt === 1 ? at - 1 : at + 1] !== 0)) continue;
      line++;
      lineStart = absolute + (wide ? 2 - feedAt : 1);
    }
  }
  return { line, byteInLine: offset - lineStart + 1, byte: read(offset, 1)[0] ?? 0 };
}

/** Decodes a whole file's bytes (standard input, or a file read at once). */
export function decodeText(bytes: Uint8Array, file: string, encoding: Encoding): { text: string; warnings: InputIssue[] } {
  const locate: LocateByte = (offset, concrete) => placeOf((position, length) => bytes.subarray(position, position + length), offset, concrete);
  const decoder = new ChunkDecoder(file, encoding, locate);
  const text = decoder.write(bytes) + decoder.end();
  return { text, warnings: decoder.warnings };
}
