import { describe, expect, it } from "vitest";
import { ChunkDecoder, decodeText } from "../../src/io/chunk-decoder.js";
import { InputError, type IssueCode, formatIssue } from "../../src/io/input-issue.js";
import { LfLineEnds, normaliseLineEnds } from "../../src/io/line-ends.js";
import { type Encoding, parseEncoding } from "../../src/io/text-encoding.js";

const TEXT = "month,rep,quota\n2027-01,Zoë,100\n2027-02,Zoé,200\n2027-03,Łukasz 🚀,300\n";
const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "latin1") : Buffer.from(part))));
const utf16be = (text: string) => Buffer.from(text, "utf16le").swap16();

function refusal(input: Uint8Array, encoding: Encoding = "auto"): { code: IssueCode; message: string } {
  try {
    decodeText(input, "quotas.csv", encoding);
  } catch (error) {
    if (error instanceof InputError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected the bytes to be refused");
}

describe("decodeText: the encodings spreadsheets and CRMs save", () => {
  it.each([
    ["UTF-8", Buffer.from(TEXT)],
    ["UTF-8 with a BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)])],
    ["UTF-16LE with a BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, "utf16le")])],
    ["UTF-16BE with a BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)])],
  ])("reads %s without a warning", (_name, input) => {
    expect(decodeText(input, "quotas.csv", "auto")).toStrictEqual({ text: TEXT, warnings: [] });
  });

  it("reads bytes that are not UTF-8 as Windows-1252, with one warning naming the file, the line and the encoding", () => {
    const decoded = decodeText(bytes("month,rep,quota\r\n2027-01,Zo", [0xeb], ",100\r\n2027-02,Zo", [0xe9], ",200 ", [0x80], "\r\n"), "quotas.csv", "auto");
    expect(decoded.text).toBe("month,rep,quota\r\n2027-01,Zoë,100\r\n2027-02,Zoé,200 €\r\n");
    expect(decoded.warnings.map(formatIssue)).toStrictEqual([
      "quotas.csv:2: not UTF-8 (byte 11 of the line is 0xEB): read as Windows-1252 (--encoding NAME states the encoding)",
    ]);
  });

  it("reads Windows-1252 without a warning when --encoding says so", () => {
    expect(decodeText(bytes("rep\nZo", [0xeb], "\n"), "quotas.csv", "windows-1252")).toStrictEqual({ text: "rep\nZoë\n", warnings: [] });
  });

  it("refuses UTF-16 without a BOM, with a hint to give the encoding", () => {
    expect(refusal(Buffer.from(TEXT, "utf16le"))).toStrictEqual({
      code: "file.encoding",
      message:
        "quotas.csv: UTF-16 without a byte-order mark (a NUL byte every other byte): expected UTF-8, or UTF-16 with a byte-order mark (give --encoding utf-16le)",
    });
    expect(refusal(utf16be(TEXT)).message).toMatch(/\(give --encoding utf-16be\)$/);
  });

  it("reads UTF-16 without a BOM when --encoding names it", () => {
    expect(decodeText(Buffer.from(TEXT, "utf16le"), "quotas.csv", "utf-16le").text).toBe(TEXT);
    expect(decodeText(utf16be(TEXT), "quotas.csv", "utf-16be").text).toBe(TEXT);
  });

  it("refuses a byte that is not UTF-8 under --encoding utf-8, naming the line and the byte", () => {
    expect(refusal(bytes("month,rep,quota\n2027-01,Zo", [0xeb], ",100\n"), "utf-8")).toStrictEqual({
      code: "file.encoding",
      message: 'quotas.csv:2: byte 11: expected UTF-8 text (--encoding utf-8), found "0xEB" (if the file is from Excel on Windows, give --encoding windows-1252)',
    });
  });

  it("refuses a byte that is not UTF-8 in a file with a UTF-8 BOM", () => {
    expect(refusal(bytes([0xef, 0xbb, 0xbf], "rep\nAna\nZo", [0xeb], "\n")).message).toBe(
      'quotas.csv:3: byte 3: expected UTF-8 text (its byte-order mark says so), found "0xEB" (if the file is from Excel on Windows, give --encoding windows-1252)',
    );
  });

  it("refuses a file that is UTF-8 up to a byte that is not (two encodings in one file)", () => {
    expect(refusal(Buffer.concat([Buffer.from("rep\nZoë\n"), bytes("Zo", [0xe9], "\n")]))).toStrictEqual({
      code: "file.encoding",
      message: 'quotas.csv:3: byte 3: expected UTF-8 as in the lines before, found "0xE9" (the file mixes encodings: save it again as UTF-8, or give --encoding windows-1252)',
    });
  });

  it("refuses an unpaired surrogate in UTF-16, naming the line and the byte", () => {
    const input = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("rep\nAna\n", "utf16le"), Buffer.from([0x00, 0xd8, 0x41, 0x00])]);
    expect(refusal(input).message).toBe('quotas.csv:3: byte 1: expected UTF-16LE text (its byte-order mark says so), found "0x00"');
  });

  it("keeps a U+FFFD the file itself holds, and finds the bad byte after it", () => {
    expect(refusal(Buffer.concat([Buffer.from("rep\n\uFFFD,"), bytes([0xff], "\n")]), "utf-8").message).toMatch(/^quotas\.csv:2: byte 5: /);
  });
});

describe("ChunkDecoder: the same text however the bytes are cut", () => {
  const cases: [string, Buffer, Encoding][] = [
    ["UTF-8", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), "auto"],
    ["UTF-16LE", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, "utf16le")]), "auto"],
    ["UTF-16BE", Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]), "auto"],
    ["Windows-1252 after ASCII", bytes("rep\nAna\nZo", [0xeb], "\n"), "auto"],
  ];
  it.each(cases)("%s, cut at every byte", (_name, input, encoding) => {
    const whole = decodeText(input, "h.csv", encoding);
    for (let cut = 1; cut < input.length; cut++) {
      const decoder = new ChunkDecoder("h.csv", encoding, (offset) => ({ line: 0, byteInLine: offset, byte: 0 }));
      const text = decoder.write(input.subarray(0, cut)) + decoder.write(input.subarray(cut)) + decoder.end();
      expect({ cut, text, warnings: decoder.warnings.length }).toStrictEqual({ cut, text: whole.text, warnings: whole.warnings.length });
    }
  });
});

describe("--encoding names", () => {
  it.each([
    ["utf-8", "utf-8"],
    ["UTF8", "utf-8"],
    ["utf16le", "utf-16le"],
    ["UTF-16BE", "utf-16be"],
    ["cp1252", "windows-1252"],
    ["Windows-1252", "windows-1252"],
    ["auto", "auto"],
  ])("accepts %s as %s", (name, encoding) => {
    expect(parseEncoding(name)).toStrictEqual({ ok: true, value: encoding });
  });

  it("refuses an unknown name, listing the accepted ones", () => {
    expect(parseEncoding("latin9")).toStrictEqual({ ok: false, expected: "one of auto, utf-8, utf-16le, utf-16be, windows-1252" });
  });
});

describe("line ends", () => {
  it.each([
    ["LF", "a,b\n1,2\n"],
    ["CRLF", "a,b\r\n1,2\r\n"],
  ])("leaves a file that keeps to %s as it is", (_name, text) => {
    expect(normaliseLineEnds(text)).toBe(text);
  });

  it("makes every line end LF in a file that mixes them", () => {
    expect(normaliseLineEnds('a,b\r\n1,2\n3,"x\r\ny"\r4,5\r\n')).toBe('a,b\n1,2\n3,"x\ny"\n4,5\n');
  });

  it("makes every line end LF in chunks, a CRLF cut between two chunks counting once", () => {
    const text = "a,b\r\n1,2\n3,4\r5,6\r\n";
    for (let cut = 0; cut <= text.length; cut++) {
      const lineEnds = new LfLineEnds();
      expect(lineEnds.write(text.slice(0, cut)) + lineEnds.write(text.slice(cut)) + lineEnds.end()).toBe("a,b\n1,2\n3,4\n5,6\n");
    }
  });
});

describe("decodeText refuses what would put wrong text into names", () => {
  it("refuses a Windows-1252 file (by fallback) that holds a UTF-8 character further on: two encodings", () => {
    expect(refusal(bytes("rep\nZo", [0xeb], "\nZo", [0xc3, 0xa9], "\n"))).toStrictEqual({
      code: "file.encoding",
      message: 'quotas.csv:3: byte 3: expected Windows-1252 as in the lines before, not a UTF-8 character, found "0xC3" (the file mixes encodings: save it again as UTF-8)',
    });
  });

  it.each([[0x81], [0x8d], [0x8f], [0x90], [0x9d]])("refuses byte %d, which Windows-1252 leaves undefined", (byte) => {
    const hex = `0x${byte.toString(16).toUpperCase()}`;
    expect(refusal(bytes("rep\nZo", [byte], "\n"), "windows-1252")).toStrictEqual({
      code: "file.encoding",
      message: `quotas.csv:2: byte 3: expected Windows-1252 text (--encoding windows-1252), found "${hex}" (a byte Windows-1252 leaves undefined: the file is in another encoding; save it again as UTF-8)`,
    });
  });

  it.each([
    ["a UTF-8 BOM under --encoding windows-1252", bytes([0xef, 0xbb, 0xbf], "rep\nAna\n"), "windows-1252", "quotas.csv:1: Windows-1252 text (--encoding windows-1252), found a UTF-8 byte-order mark (drop --encoding, or give --encoding utf-8)"],
    ["a UTF-16LE BOM under --encoding utf-16be", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("rep\n", "utf16le")]), "utf-16be", "quotas.csv:1: UTF-16BE text (--encoding utf-16be), found a UTF-16LE byte-order mark (drop --encoding, or give --encoding utf-16le)"],
  ] as const)("refuses %s", (_name, input, encoding, message) => {
    expect(refusal(input, encoding)).toStrictEqual({ code: "file.encoding", message });
  });
});
