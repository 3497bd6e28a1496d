import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { generateHistory } from "../../bench/generate-history.mjs";
import { dayNumber } from "../../src/core/calibrate-days.js";
import { plainDecimalBytes } from "../../src/io/csv-bytes.js";
import { type ByteReader, readHistoryBytes } from "../../src/io/history-bytes.js";
import { parseColumnMap } from "../../src/io/history-columns.js";
import { type DaySlot, readIsoDay, readIsoDayBytes } from "../../src/io/history-day.js";
import { plainAmount } from "../../src/io/history-leads.js";
import { type HistoryOptions, historySource, readHistory } from "../../src/io/history-reader.js";

// The byte reader (src/io/history-bytes.ts) must read every history exactly as the Papa Parse
// path does: the same rows, names, counts, warnings and, for a bad file, the same message. Each
// input here is read both ways and the two results compared whole; where the byte reader is
// expected to read the file itself (not hand it back), the test says so, so a reader that always
// gave up could not pass.

const dir = mkdtempSync(join(tmpdir(), "leadplan-history-bytes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BASE: HistoryOptions = { map: new Map(), dateFormat: "auto", skipBadRows: false, byRep: true, asOf: null };
const HEADER = "lead_id,created,source,product,rep,qualified_on,closed_on,outcome,amount,cost";

let written = 0;
function fileOf(bytes: Uint8Array): string {
  const name = `h${written++}.csv`;
  writeFileSync(join(dir, name), bytes);
  return name;
}

/** What a read gives, or the error it stops with (code and message), for comparing whole. */
async function outcomeOf(read: () => Promise<unknown>): Promise<unknown> {
  try {
    return { read: await read() };
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    return { code, message };
  }
}

/** A file's bytes handed out at most `step` bytes a read, to cut lines and characters anywhere. */
function bytesBy(bytes: Uint8Array, step: number): () => ByteReader {
  return () => {
    let at = 0;
    return {
      read(into, offset, length) {
        const count = Math.min(step, length, bytes.length - at);
        into.set(bytes.subarray(at, at + count), offset);
        at += count;
        return count;
      },
      close() {},
    };
  };
}

/**
 * Reads `bytes` as a history file through the stream path alone and through readHistory as the
 * CLI calls it (the byte reader first); expects the same outcome, and the same again from the
 * byte reader fed a few bytes at a time. Returns whether the byte reader read the file itself.
 */
async function bothWays(bytes: Uint8Array, options: HistoryOptions = BASE, steps: readonly number[] = [7]): Promise<boolean> {
  const name = fileOf(bytes);
  const streamOnly = historySource(name, dir, () => new Uint8Array());
  delete streamOnly.bytes;
  const expected = await outcomeOf(() => readHistory(streamOnly, options));
  const source = historySource(name, dir, () => new Uint8Array());
  expect(source.bytes).toBeDefined();
  expect(await outcomeOf(() => readHistory(source, options))).toStrictEqual(expected);
  const fast = readHistoryBytes(source.bytes ?? (() => ({ read: () => 0, close() {} })), name, options);
  for (const step of steps) {
    const cut = readHistoryBytes(bytesBy(bytes, step), name, options);
    expect(cut === null, `step ${step}`).toBe(fast === null);
    if (cut !== null) expect(await outcomeOf(async () => cut.result([])), `step ${step}`).toStrictEqual(expected);
  }
  return fast !== null;
}

const text = (lines: readonly string[], end = "\n") => Buffer.from(lines.join(end) + end, "utf8");
const ROWS = [
  "1,2026-01-05,Web,Widgets,Ana,2026-01-10,2026-02-20,won,1000,10",
  '2,2026-01-07T09:14:00.000Z,"Trade show, Berlin",Widgets,Zoë,,2026-01-20,lost,,10.50',
  "3,2026-01-09 08:00,Web,Gadgets,Ben,2026-01-12,,open,,0.00",
  "4,2026-01-11,Referral,Widgets,Ana,2026-01-15,2026-03-01,won,2000.25,",
  '"5","2026-01-12","Web","Gadgets","Zoë","2026-01-20","2026-02-01","lost","",""',
];

describe("readHistoryBytes: the same history as the Papa Parse path", () => {
  it.each([
    ["LF", text([HEADER, ...ROWS])],
    ["CRLF", text([HEADER, ...ROWS], "\r\n")],
    ["a UTF-8 BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text([HEADER, ...ROWS])])],
    ["no final line end", Buffer.from([HEADER, ...ROWS].join("\n"))],
    ["blank lines (still counted as lines)", text([HEADER, ROWS[0] ?? "", "", ROWS[1] ?? "", "\r", ROWS[2] ?? ""])],
    ["LF and CRLF mixed", Buffer.from(`${HEADER}\r\n${ROWS[0]}\n${ROWS[1]}\r\n${ROWS[2]}\n`)],
    ["a doubled quote in a name", text([HEADER, '6,2026-01-05,"Web ""form""",Widgets,Ana,,,open,,1'])],
    ["a quoted empty line", text([HEADER, ROWS[0] ?? "", '""', ROWS[1] ?? ""])],
    ["a quoted header", text(['"lead_id","created","source","product","rep","qualified_on","closed_on","outcome","amount","cost"', ...ROWS])],
    ["Closed Won and dotted dates (rows read from their text)", text([HEADER, "7,05.01.2026,Web,Widgets,Ana,10.01.2026,20.02.2026,Closed Won,1000,1", ...ROWS])],
    ["an amount with a dollar sign, and blank trailing fields (rows read from their text)", text([HEADER, '8,2026-01-05,Web,Widgets,Ana,2026-01-10,2026-02-20,won,"$1,000",1,,', ...ROWS])],
    ["a header and nothing else (the same error)", text([HEADER])],
    ["a decimal comma revealed by a cost", text([HEADER, '9,2026-01-05,Web,Widgets,Ana,,,open,,"12,5"', "10,2026-01-05,Web,Widgets,Ana,2026-01-10,2026-02-20,won,1000,3"])],
  ])("%s: read by the byte reader", async (_, bytes) => {
    expect(await bothWays(bytes, BASE, [1, 2, 3, 7, 64, 1 << 20])).toBe(true);
  });

  it.each([
    ["a line break inside quotes", text([HEADER, ROWS[0] ?? "", '2,2026-01-07,"Trade show\nBerlin",Widgets,Ana,,,open,,1', ROWS[2] ?? ""])],
    ["a lone CR as a line end", Buffer.from(`${HEADER}\n${ROWS[0]}\r${ROWS[1]}\n`)],
    ["a quote inside a field", text([HEADER, '2,2026-01-07,Web "form",Widgets,Ana,,,open,,1'])],
    ["text after a closing quote", text([HEADER, '2,2026-01-07,"Web" form,Widgets,Ana,,,open,,1'])],
    ["an unclosed quote", text([HEADER, '2,2026-01-07,"Web,Widgets,Ana,,,open,,1'])],
    ["Windows-1252 (é as 0xE9)", Buffer.concat([text([HEADER, ROWS[0] ?? ""]), Buffer.from("2,2026-01-07,Web,Widgets,Ren"), Buffer.from([0xe9]), Buffer.from(",,,open,,1\n")])],
    ["UTF-8, then a byte that is not", Buffer.concat([text([HEADER, ROWS[1] ?? ""]), Buffer.from([0xff, 0x0a])])],
    ["UTF-16LE with a BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\n${ROWS[0]}\n`, "utf16le")])],
    ["semicolons", text([HEADER.replaceAll(",", ";"), "1;2026-01-05;Web;Widgets;Ana;2026-01-10;2026-02-20;won;1000;10"])],
    ["a monthly aggregate", text(["month,source,product,inquiries,qualified,won,revenue,spend", "2026-01,Web,Widgets,100,10,2,2000,500"])],
    ["a bad date (the message comes from the stream path)", text([HEADER, ROWS[0] ?? "", "2,2026-13-01,Web,Widgets,Ana,,,open,,1"])],
    ["a row too short", text([HEADER, ROWS[0] ?? "", "2,2026-01-05,Web"])],
    ["two BOMs", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), text([HEADER, ...ROWS])])],
    ["three bytes", Buffer.from("a,b")],
  ])("%s: handed back to the Papa Parse path", async (_, bytes) => {
    expect(await bothWays(bytes, BASE, [1, 5, 1 << 20])).toBe(false);
  });

  it("with --skip-bad-rows reads bad rows from their text and counts them as the stream path does", async () => {
    const bytes = text([HEADER, ROWS[0] ?? "", "2,2026-13-01,Web,Widgets,Ana,,,open,,1", "3,2026-01-05,Web", ROWS[1] ?? "", "4,2026-01-05,Web,Widgets,Ana,2026-01-01,,open,,1"]);
    expect(await bothWays(bytes, { ...BASE, skipBadRows: true }, [1, 9])).toBe(true);
  });

  it("applies --as-of, by-rep off, a column map and a date format as the stream path does", async () => {
    const bytes = text([HEADER.replace("created", "Created Date"), ...ROWS, "11,03/01/2026,Web,Widgets,Ana,,,open,,1"]);
    const map = parseColumnMap(['created="Created Date"']);
    if (!map.ok) throw new Error("map");
    const options: HistoryOptions = { ...BASE, map: map.value, byRep: false, asOf: dayNumber(2026, 2, 25), skipBadRows: true, dateFormat: { pattern: "MM/dd/yyyy" } };
    expect(await bothWays(bytes, options, [3])).toBe(true);
  });

  it("a configured funnel is left to the stream path", async () => {
    const bytes = text(["lead_id,created,mql_on,source,product,rep,closed_on,outcome,amount,cost", "1,2026-01-05,2026-01-06,Web,Widgets,Ana,2026-02-01,won,100,1"]);
    expect(await bothWays(bytes, { ...BASE, funnel: ["inquiry", "mql", "won"] })).toBe(false);
  });

  it("a generated 3,000-lead history (the bench's shape) is read by the byte reader, the same at any cut", async () => {
    const file = join(dir, "generated.csv");
    await generateHistory(file, { leads: 3000, seed: 7 });
    expect(await bothWays(readFileSync(file), BASE, [1000, 4096, 65536])).toBe(true);
    expect(await bothWays(readFileSync(file), { ...BASE, byRep: false, asOf: dayNumber(2026, 3, 31), skipBadRows: true })).toBe(true);
  });

  it("every file of the input corpus (test/corpus) reads the same both ways, with and without the CRM maps", async () => {
    const corpus = join(import.meta.dirname, "..", "corpus");
    const salesforce = parseColumnMap(['lead_id="Lead ID",created="Created Date",source="Lead Source",rep="Lead Owner",qualified_on="Converted Date",closed_on="Close Date",outcome="Stage"']);
    const hubspot = parseColumnMap(['lead_id="Record ID",created="Create Date",source="Original Source",rep="Contact owner",qualified_on="Became a Sales Qualified Lead Date",closed_on="Close Date",outcome="Deal Stage"']);
    if (!salesforce.ok || !hubspot.ok) throw new Error("map");
    const optionSets: HistoryOptions[] = [
      BASE,
      { ...BASE, map: salesforce.value, dateFormat: { pattern: "M/d/yyyy" }, asOf: dayNumber(2026, 12, 31) },
      { ...BASE, map: salesforce.value, dateFormat: { pattern: "M/d/yyyy" }, asOf: dayNumber(2026, 12, 31), skipBadRows: true },
      { ...BASE, map: hubspot.value, asOf: dayNumber(2026, 12, 31) },
    ];
    let readByBytes = 0;
    for (const folder of readdirSync(corpus)) {
      if (!statSync(join(corpus, folder)).isDirectory()) continue;
      for (const name of readdirSync(join(corpus, folder))) {
        for (const options of optionSets) if (await bothWays(readFileSync(join(corpus, folder, name)), options, [5])) readByBytes++;
      }
    }
    // Salesforce's four reports under its map, HubSpot's under its own: quoted fields, read from bytes.
    expect(readByBytes).toBeGreaterThanOrEqual(5);
  });
});

// Cells a CRM export might hold, good and bad; a cell with a separator, quote or line break is quoted.
const DATES = ["2026-01-05", "2026-01-20", "2026-02-29", "2026-03-01T10:00:00Z", "2026-01-07 09:14", "05.01.2026", "2026-13-01", "2026-01-05T25:00", "", " 2026-01-05"];
const OUTCOMES = ["won", "lost", "open", "", "Closed Won", "WON", " lost", "maybe"];
const AMOUNTS = ["", "1000", "12.27", "0", "0.001", "1,000", "$75,000.00", "12,5", "1e3", "99999999999999999", "-5"];
const NAMES = ["Widgets", "Gadgets", "", " ", "Zoë", "Trade show, Berlin", 'Web "form"', "two\nlines", "=cmd", "Ana", "Ana "];
const ONE_LINE_NAMES = NAMES.filter((name) => !name.includes("\n"));
const RAW = ['a"b', '"a"b', '"open', "x\ry"];

const cell = (value: string, quote: boolean) => (quote || /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const cellArb = (values: readonly string[]) => fc.tuple(fc.constantFrom(...values), fc.integer({ min: 0, max: 4 })).map(([value, quote]) => cell(value, quote === 0));
// A lead that is good as far as its dates and outcome go; then, in one row of three, one field
// replaced by any cell above (a bad date, `Closed Won`, `$75,000.00`, a name with a line break),
// and now and then a raw cell whose quotes Papa Parse may split its own way.
const goodRowArb = fc
  .record({
    created: cellArb(["2026-01-05", "2026-01-07T09:14:00.000Z", "2026-01-09 08:00"]),
    qualified: fc.constantFrom("", "2026-01-20"),
    closed: fc.constantFrom("", "2026-02-10"),
    won: fc.boolean(),
    amount: cellArb(["1000", "12.27", "0.5", "250000"]),
    cost: cellArb(["", "10", "0.00", "3.5"]),
    names: fc.tuple(cellArb(ONE_LINE_NAMES), cellArb(ONE_LINE_NAMES), cellArb(ONE_LINE_NAMES)),
  })
  .map(({ created, qualified, closed, won, amount, cost, names: [source, product, rep] }) => {
    const outcome = closed === "" ? "open" : won && qualified !== "" ? "won" : "lost";
    return ["L", created, source, product, rep, qualified, closed, outcome === "open" && won ? "" : outcome, outcome === "won" ? amount : "", cost];
  });
const ANY = [DATES, NAMES, NAMES, NAMES, DATES, DATES, OUTCOMES, AMOUNTS, AMOUNTS];
const rowArb = fc
  .tuple(goodRowArb, fc.integer({ min: 0, max: 26 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 50 }))
  .map(([fields, changed, value, shape]) => {
    const changedAt = 1 + (changed % 9);
    const vocabulary = ANY[changedAt - 1] ?? DATES;
    const out = [...fields];
    if (changed < 9) out[changedAt] = cell(vocabulary[value % vocabulary.length] ?? "", value % 5 === 0);
    if (shape === 0) out[changedAt] = RAW[value % RAW.length] ?? "";
    // Now and then a row with a field missing, or an extra one.
    if (shape === 1) out.pop();
    if (shape === 2) out.push("");
    return out.join(",");
  });
const fileArb = fc.record({
  rows: fc.array(fc.oneof({ weight: 12, arbitrary: rowArb }, { weight: 1, arbitrary: fc.constant("") }), { minLength: 1, maxLength: 12 }),
  ends: fc.array(fc.oneof({ weight: 150, arbitrary: fc.constantFrom("\n", "\r\n") }, { weight: 1, arbitrary: fc.constant("\r") }), { minLength: 13, maxLength: 13 }),
  bom: fc.boolean(),
  finalEnd: fc.boolean(),
  // Mostly UTF-8 and skipping bad rows, so that most files are read by the byte reader to the end.
  latin1: fc.integer({ min: 0, max: 9 }).map((draw) => draw === 0),
  skipBadRows: fc.integer({ min: 0, max: 4 }).map((draw) => draw > 0),
  byRep: fc.boolean(),
  asOf: fc.constantFrom(null, dayNumber(2026, 1, 31)),
});

describe("readHistoryBytes: generated files", () => {
  it("reads every generated file (good and bad cells, quotes, line ends, BOM, Windows-1252) as the Papa Parse path", async () => {
    let readByBytes = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fileArb, async (input) => {
        const lines = [HEADER, ...input.rows];
        const body = lines.map((line, at) => line + (at < lines.length - 1 || input.finalEnd ? (input.ends[at] ?? "\n") : "")).join("");
        let bytes = Buffer.from(body, input.latin1 ? "latin1" : "utf8");
        if (input.bom) bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
        const options = { ...BASE, skipBadRows: input.skipBadRows, byRep: input.byRep, asOf: input.asOf };
        runs++;
        if (await bothWays(bytes, options, [3])) readByBytes++;
      }),
      { numRuns: 120, seed: 16 },
    );
    // A test that the byte reader never read a file of would prove nothing.
    expect(readByBytes).toBeGreaterThan(runs / 3);
  }, 240_000);
});

describe("the byte twins of the text readers", () => {
  const ascii = fc.stringMatching(/^[0-9.:\-TZ +]{0,24}$/);

  it("readIsoDayBytes reads what readIsoDay reads, to the same day, in the middle of other bytes", () => {
    fc.assert(
      fc.property(fc.oneof(ascii, fc.constantFrom(...DATES, "2026-01-05T09:14:00.123+02:00", "2026-01-05T09:14+0200", "2024-02-29", "2023-02-29")), fc.constantFrom("", "1", "x,9"), (value, after) => {
        const fromText: DaySlot = { day: -1, month: -1 };
        const fromBytes: DaySlot = { day: -1, month: -1 };
        const bytes = Buffer.from(`9,${value}${after}`, "latin1");
        const expected = readIsoDay(value, fromText);
        expect(readIsoDayBytes(bytes, 2, 2 + value.length, fromBytes)).toBe(expected);
        expect(fromBytes).toStrictEqual(fromText);
      }),
      { numRuns: 2000 },
    );
  });

  it("plainDecimalBytes reads what plainAmount reads", () => {
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^[0-9.]{0,17}$/), fc.stringMatching(/^[0-9a ,.$-]{0,6}$/)), fc.boolean(), (value, allowDot) => {
        const bytes = Buffer.from(`7${value}7`, "latin1");
        expect(Object.is(plainDecimalBytes(bytes, 1, 1 + value.length, allowDot), plainAmount(value, allowDot))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
