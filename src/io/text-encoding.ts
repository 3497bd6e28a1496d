import type { InputIssue } from "./input-issue.js";
import type { Parsed } from "./values.js";

/**
 * The encodings `--encoding` accepts. `auto` (the default) reads UTF-8, with or without a BOM,
 * and UTF-16 with a BOM; bytes that are not UTF-8 are read as Windows-1252 (what Excel on Windows
 * saves as "CSV") with a warning.
 */
export const ENCODINGS = ["auto", "utf-8", "utf-16le", "utf-16be", "windows-1252"] as const;
export type Encoding = (typeof ENCODINGS)[number];
/** An encoding the bytes are actually decoded with. */
export type ConcreteEncoding = Exclude<Encoding, "auto">;

// The spellings people type for the same encodings (Node's, Python's, Windows').
const ALIASES: Record<string, Encoding> = { utf8: "utf-8", utf16le: "utf-16le", utf16be: "utf-16be", cp1252: "windows-1252" };

/** `--encoding NAME`: one of ENCODINGS, any case, or a common alias of one. */
export function parseEncoding(text: string): Parsed<Encoding> {
  const name = text.trim().toLowerCase();
  const known = (ENCODINGS as readonly string[]).includes(name) ? (name as Encoding) : ALIASES[name];
  return known === undefined ? { ok: false, expected: `one of ${ENCODINGS.join(", ")}` } : { ok: true, value: known };
}

/** How messages name an encoding. */
export const ENCODING_TITLES: Record<ConcreteEncoding, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16LE",
  "utf-16be": "UTF-16BE",
  "windows-1252": "Windows-1252",
};

/** Where a doubtful byte is: the line, and the byte within that line (both from 1). */
export interface BytePlace {
  line: number;
  byteInLine: number;
  byte: number;
}

const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`;

/** The warning for a file read as Windows-1252 because it is not UTF-8. */
export function windows1252Warning(file: string, place: BytePlace): InputIssue {
  return {
    code: "file.encoding",
    file,
    line: place.line,
    expected: `not UTF-8 (byte ${place.byteInLine} of the line is ${hex(place.byte)}): read as Windows-1252`,
    hint: "--encoding NAME states the encoding",
  };
}

/** The refusal of bytes that the stated (or BOM-announced) encoding does not allow. */
export function badBytesIssue(file: string, place: BytePlace, encoding: ConcreteEncoding, how: "stated" | "bom" | "fallback"): InputIssue {
  const said = how === "stated" ? `--encoding ${encoding}` : how === "bom" ? "its byte-order mark says so" : "read so as it is not UTF-8";
  const issue: InputIssue = { code: "file.encoding", file, line: place.line, column: `byte ${place.byteInLine}`, expected: `${ENCODING_TITLES[encoding]} text (${said})`, found: hex(place.byte) };
  if (encoding === "utf-8") issue.hint = "if the file is from Excel on Windows, give --encoding windows-1252";
  if (encoding === "windows-1252") issue.hint = "a byte Windows-1252 leaves undefined: the file is in another encoding; save it again as UTF-8";
  return issue;
}

/** The refusal of a byte-order mark that names another encoding than `--encoding`. */
export function bomContradictsIssue(file: string, bom: ConcreteEncoding, stated: ConcreteEncoding): InputIssue {
  return {
    code: "file.encoding",
    file,
    line: 1,
    expected: `${ENCODING_TITLES[stated]} text (--encoding ${stated}), found a ${ENCODING_TITLES[bom]} byte-order mark`,
    hint: `drop --encoding, or give --encoding ${bom}`,
  };
}

/**
 * The refusal of two encodings in one file: UTF-8 up to a byte that is not, or Windows-1252 (by
 * fallback) up to a UTF-8 character.
 */
export function mixedEncodingIssue(file: string, place: BytePlace, before: "utf-8" | "windows-1252" = "utf-8"): InputIssue {
  return {
    code: "file.encoding",
    file,
    line: place.line,
    column: `byte ${place.byteInLine}`,
    expected: before === "utf-8" ? "UTF-8 as in the lines before" : "Windows-1252 as in the lines before, not a UTF-8 character",
    found: hex(place.byte),
    hint: before === "utf-8" ? "the file mixes encodings: save it again as UTF-8, or give --encoding windows-1252" : "the file mixes encodings: save it again as UTF-8",
  };
}

/** The refusal of UTF-16 without a byte-order mark, which cannot be told from text otherwise. */
export function utf16WithoutBomIssue(file: string, likely: "utf-16le" | "utf-16be"): InputIssue {
  return {
    code: "file.encoding",
    file,
    expected: "UTF-16 without a byte-order mark (a NUL byte every other byte): expected UTF-8, or UTF-16 with a byte-order mark",
    hint: `give --encoding ${likely}`,
  };
}
