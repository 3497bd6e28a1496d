import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { historyText } from "../../bench/generate-history.mjs";
import { compute, folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

const root = join(import.meta.dirname, "..", "..");
const example = (name: string) => readFileSync(join(root, "examples", name), "utf8");
const ASSUME = ["--deal-size", "10000", "--close-rate", "25%", "--qualify-rate", "10%", "--cycle-months", "1", "--cost-per-inquiry", "40"];
const BY_REP = [...ASSUME, "--by", "rep", "--format", "csv"];

// Excel on Windows saves "CSV" in Windows-1252: ë is 0xEB, é is 0xE9, € is 0x80.
const windows1252 = (text: string) => Buffer.from(text.replaceAll("€", "\x80"), "latin1");
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
const utf16be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]);
const utf8Bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
/** Every third line end CRLF, the others LF: a file edited in two programs. */
const mixLineEnds = (text: string) => text.replace(/\n/g, (_, at: number) => (text.slice(0, at).split("\n").length % 3 === 1 ? "\r\n" : "\n"));

const ZOES = "month,rep,product,quota\r\n2027-01,Zoë,Platform,300000\r\n2027-02,Zoé,Platform,200000\r\n";
const ZOES_PLAN = "rep,quota,deals,qualified_leads,inquiries,surge_inquiries,budget\nZoé,200000,20,104,1040,240,41600\nZoë,300000,30,156,1560,360,62400\n";

describe("compute reads the encodings spreadsheets save", () => {
  it("reads a Windows-1252 file as two reps Zoë and Zoé, with one warning naming the file and the encoding", async () => {
    const run = await compute({ "quotas.csv": windows1252(ZOES) }, ["quotas.csv", ...BY_REP]);
    expect(run).toMatchObject({
      code: 0,
      stdout: ZOES_PLAN,
      stderr: "warning: quotas.csv:2: not UTF-8 (byte 11 of the line is 0xEB): read as Windows-1252 (--encoding NAME states the encoding)\n",
    });
  });

  it.each([
    ["UTF-8", Buffer.from(ZOES)],
    ["UTF-8 with a BOM", utf8Bom(ZOES)],
    ["UTF-16LE with a BOM", utf16le(ZOES)],
    ["UTF-16BE with a BOM", utf16be(ZOES)],
  ])("reads %s without a warning", async (_name, bytes) => {
    const run = await compute({ "quotas.csv": bytes }, ["quotas.csv", ...BY_REP]);
    expect(run).toMatchObject({ code: 0, stdout: ZOES_PLAN, stderr: "" });
  });

  it("reads Windows-1252 without a warning when --encoding says so", async () => {
    const run = await compute({ "quotas.csv": windows1252(ZOES) }, ["quotas.csv", ...BY_REP, "--encoding", "windows-1252"]);
    expect(run).toMatchObject({ code: 0, stdout: ZOES_PLAN, stderr: "" });
  });

  it("decodes standard input the same way", async () => {
    const run = await compute({}, ["-", ...BY_REP], () => windows1252(ZOES));
    expect(run).toMatchObject({
      code: 0,
      stdout: ZOES_PLAN,
      stderr: "warning: <stdin>:2: not UTF-8 (byte 11 of the line is 0xEB): read as Windows-1252 (--encoding NAME states the encoding)\n",
    });
  });

  it("applies --encoding to the ratio file too", async () => {
    const quotas = "month,product,quota\n2027-01,Café,100000\n";
    const ratios = "product,avg_deal_size,qualified_to_won,inquiry_to_qualified,cost_per_inquiry\nCafé,50000,50%,10%,10\n";
    const run = await compute({ "quotas.csv": windows1252(quotas), "ratios.csv": windows1252(ratios) }, ["quotas.csv", "--ratios", "ratios.csv", "--cycle-months", "1", "--by", "product", "--format", "csv", "--encoding", "cp1252"]);
    expect(run).toMatchObject({ code: 0, stdout: "product,quota,deals,qualified_leads,inquiries,surge_inquiries,budget\nCafé,100000,2,6,52,12,520\n", stderr: "" });
  });

  it("refuses UTF-16 without a BOM, with a hint to give --encoding utf-16le", async () => {
    const run = await compute({ "quotas.csv": Buffer.from(ZOES, "utf16le") }, ["quotas.csv", ...BY_REP]);
    expect(run).toMatchObject({
      code: 2,
      stdout: "",
      stderr:
        "leadplan: quotas.csv: UTF-16 without a byte-order mark (a NUL byte every other byte): expected UTF-8, or UTF-16 with a byte-order mark (give --encoding utf-16le)\n",
    });
  });

  it("reads UTF-16 without a BOM when --encoding names it", async () => {
    const run = await compute({ "quotas.csv": Buffer.from(ZOES, "utf16le") }, ["quotas.csv", ...BY_REP, "--encoding", "utf-16le"]);
    expect(run).toMatchObject({ code: 0, stdout: ZOES_PLAN, stderr: "" });
  });

  it("refuses a byte that is not UTF-8 under --encoding utf-8, naming the line and the byte", async () => {
    const run = await compute({ "quotas.csv": windows1252(ZOES) }, ["quotas.csv", ...BY_REP, "--encoding", "utf-8"]);
    expect(run).toMatchObject({
      code: 2,
      stdout: "",
      stderr: 'leadplan: quotas.csv:2: byte 11: expected UTF-8 text (--encoding utf-8), found "0xEB" (if the file is from Excel on Windows, give --encoding windows-1252)\n',
    });
  });

  it("refuses an unknown --encoding in one line listing the accepted names", async () => {
    const run = await compute({ "quotas.csv": ZOES }, ["quotas.csv", ...BY_REP, "--encoding", "latin9"]);
    expect(run).toMatchObject({
      code: 2,
      stdout: "",
      stderr:
        "leadplan: option '--encoding <NAME>' argument 'latin9' is invalid. expected one of auto, utf-8, utf-16le, utf-16be, windows-1252 (see 'leadplan compute --help')\n",
    });
  });
});

describe("files that mix LF and CRLF line ends", () => {
  it("plans mixed quota, ratio and cycle files as the LF ones", async () => {
    const files = ["quotas.csv", "ratios.csv", "cycles.csv"];
    const args = ["quotas.csv", "--ratios", "ratios.csv", "--cycles", "cycles.csv", "--by", "segment", "--format", "csv"];
    const lf = await compute(Object.fromEntries(files.map((name) => [name, example(name)])), args);
    const mixed = await compute(Object.fromEntries(files.map((name) => [name, mixLineEnds(example(name))])), args);
    expect(mixed.stderr).toBe(lf.stderr);
    expect(mixed.code).toBe(0);
    expect(mixed.stdout).toBe(lf.stdout);
  });
});

describe("track and the capacity check decode their files too", () => {
  it("warns about an actuals file in Windows-1252", async () => {
    const files = { "quotas.csv": example("quotas.csv"), "ratios.csv": example("ratios.csv"), "cycles.csv": example("cycles.csv"), "actuals.csv": windows1252(`${example("actuals.csv")}2027-06,Ana,1,1,0,0,€ promo\n`.replace("revenue", "revenue,note")) };
    const run = await runIn(folderWith(files), ["track", "quotas.csv", "actuals.csv", "--ratios", "ratios.csv", "--cycles", "cycles.csv", "--as-of", "2027-02"]);
    expect(run.stderr.split("\n")).toContain(
      `warning: actuals.csv:${example("actuals.csv").split("\n").length}: not UTF-8 (byte 21 of the line is 0x80): read as Windows-1252 (--encoding NAME states the encoding)`,
    );
  });

  it("warns about a reps file in Windows-1252", async () => {
    const quotas = "month,rep,quota\n2027-01,Zoë,100000\n";
    const reps = "rep,capacity\nZoë,500\n";
    const run = await compute({ "quotas.csv": quotas, "reps.csv": windows1252(reps) }, ["quotas.csv", "--reps", "reps.csv", ...ASSUME]);
    expect(run.stderr).toBe("warning: reps.csv:2: not UTF-8 (byte 3 of the line is 0xEB): read as Windows-1252 (--encoding NAME states the encoding)\n");
    expect(run.code).toBe(0);
  });
});

describe("calibrate decodes the history as it streams", () => {
  // Over two read chunks (128 KiB), ASCII only, then one Windows-1252 row at the end.
  const ascii = historyText({ leads: 3000, seed: 3 }).replaceAll("é", "e");
  const lines = ascii.trimEnd().split("\n");
  const last = `${lines[1]?.split(",").slice(0, 4).join(",")},Zoë,,,open,,1`;
  const text = `${ascii}${last}\n`;
  const args = ["calibrate", "h.csv", "--by-rep", "--format", "json"];

  it("switches to Windows-1252 at the first byte that is not UTF-8, warning with its line", async () => {
    const utf8 = await runIn(folderWith({ "h.csv": text }), args);
    const run = await runIn(folderWith({ "h.csv": windows1252(text) }), args);
    expect(run.stderr).toBe(`warning: h.csv:${lines.length + 1}: not UTF-8 (byte ${last.indexOf("ë") + 1} of the line is 0xEB): read as Windows-1252 (--encoding NAME states the encoding)\n`);
    expect(utf8.stdout).toContain('"Zoë"');
    expect(JSON.parse(run.stdout)).toStrictEqual({ ...JSON.parse(utf8.stdout), warnings: [run.stderr.slice("warning: ".length, -1)] });
  });

  it("refuses the byte under --encoding utf-8, naming its line", async () => {
    const run = await runIn(folderWith({ "h.csv": windows1252(text) }), [...args, "--encoding", "utf-8"]);
    expect(run).toMatchObject({
      code: 2,
      stdout: "",
      stderr: `leadplan: h.csv:${lines.length + 1}: byte ${last.indexOf("ë") + 1}: expected UTF-8 text (--encoding utf-8), found "0xEB" (if the file is from Excel on Windows, give --encoding windows-1252)\n`,
    });
  });

  it.each([
    ["mixed LF and CRLF line ends", (history: string) => Buffer.from(mixLineEnds(history))],
    ["CRLF line ends", (history: string) => Buffer.from(history.replaceAll("\n", "\r\n"))],
    ["UTF-16LE with a BOM", utf16le],
    ["UTF-16BE with a BOM and CRLF", (history: string) => utf16be(history.replaceAll("\n", "\r\n"))],
  ])("reads a history with %s as the plain one", async (_name, encode) => {
    const plain = await runIn(folderWith({ "h.csv": text }), args);
    const run = await runIn(folderWith({ "h.csv": encode(text) }), args);
    expect({ code: run.code, stderr: run.stderr }).toStrictEqual({ code: 0, stderr: "" });
    expect(run.stdout).toBe(plain.stdout);
  });

  it("reads a history on standard input with mixed line ends in Windows-1252", async () => {
    const plain = await runIn(folderWith({}), ["calibrate", "-", "--by-rep", "--format", "csv"], () => text);
    const run = await runIn(folderWith({}), ["calibrate", "-", "--by-rep", "--format", "csv", "--encoding", "windows-1252"], () => windows1252(mixLineEnds(text)));
    expect({ code: run.code, stderr: run.stderr }).toStrictEqual({ code: 0, stderr: "" });
    expect(run.stdout).toBe(plain.stdout);
  });

  it("decodes compute --history with --encoding", async () => {
    // The flag states the encoding of every file the run reads.
    const files = { "quotas.csv": Buffer.from(example("quotas.csv"), "utf16le"), "h.csv": Buffer.from(text, "utf16le") };
    const run = await compute(files, ["quotas.csv", "--history", "h.csv", "--encoding", "utf-16le"]);
    expect({ code: run.code, stderr: run.stderr }).toStrictEqual({ code: 0, stderr: "" });
  });
});
