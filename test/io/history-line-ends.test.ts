import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { type HistoryOptions, readHistory } from "../../src/io/history-reader.js";
import { InputError } from "../../src/io/input-issue.js";

const OPTIONS: HistoryOptions = { map: new Map(), dateFormat: "auto", skipBadRows: false, byRep: true, asOf: null };
const LF = [
  "lead_id,created,source,product,rep,qualified_on,closed_on,outcome,amount,cost",
  '1,2026-01-05,Web,Widgets,Ana,2026-01-10,2026-02-20,won,1000,10',
  '2,2026-01-07,"Trade show\nBerlin",Widgets,Zoë,,2026-01-20,lost,,10',
  "3,2026-01-09,Web,Widgets,Ben,2026-01-12,,open,,10",
  "4,2026-01-11,Web,Widgets,Ana,2026-01-15,2026-03-01,won,2000,10",
  "5,2026-01-11,Web,Gadgets,Ana,2026-01-15,2026-03-01,won,2000,",
].join("\n");

/** CRLF on the first lines (so a parser guessing from them picks CRLF), LF on the others. */
const MIXED = LF.split("\n").map((line, index) => (index < 4 ? `${line}\r\n` : `${line}\n`)).join("");

function read(text: string, chunk: number) {
  const chunks = Array.from({ length: Math.ceil(text.length / chunk) }, (_, at) => text.slice(at * chunk, (at + 1) * chunk));
  return readHistory({ name: "h.csv", size: null, open: () => Readable.from(chunks) }, OPTIONS);
}

describe("readHistory: line ends", () => {
  it("reads a history that mixes LF and CRLF as the LF one, however the text is cut", async () => {
    const expected = await read(`${LF}\n`, 1000);
    for (const chunk of [1, 2, 3, 7, 64, 1000]) {
      const mixed = await read(MIXED, chunk);
      expect({ chunk, rows: mixed.rows, names: mixed.names, history: mixed.history }).toStrictEqual({ chunk, rows: expected.rows, names: expected.names, history: expected.history });
    }
  });

  it("counts lines the same in a mixed file: a bad row is named by its line", async () => {
    const bad = `${MIXED}6,2026-13-01,Web,Widgets,Ana,,,open,,10\r\n`;
    const error = await read(bad, 1000).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe('h.csv:8: created: expected a date as YYYY-MM-DD (a time may follow) or DD.MM.YYYY, found "2026-13-01"');
  });
});
