import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readActuals } from "../../src/io/actuals.js";
import { readCycles } from "../../src/io/cycles.js";
import { guardName, readName } from "../../src/io/formula-guard.js";
import { readHistory } from "../../src/io/history-reader.js";
import { readQuotas } from "../../src/io/quotas.js";
import { readRatios } from "../../src/io/ratios.js";
import { readReps } from "../../src/io/reps.js";
import { readScenarios } from "../../src/io/scenario-overrides.js";
import { readSources } from "../../src/io/sources-file.js";

describe("guardName: names a spreadsheet would run as a formula get one quote in front", () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ["+1", "'+1"],
    ["-1+1", "'-1+1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tTab", "'\tTab"],
    ["\rCR", "'\rCR"],
    ["'=x", "''=x"],
    ["Connor", "Connor"],
    ["'Connor", "'Connor"],
    ["O'Brien", "O'Brien"],
    ["a=b", "a=b"],
    ["", ""],
    ["'", "'"],
  ])("%j is written as %j", (name, written) => {
    expect(guardName(name)).toBe(written);
  });
});

describe("readName: a name cell trimmed, without the guard's quote", () => {
  it.each([
    ["'=x", "=x"],
    [" '+1 ", "+1"],
    ["'-1+1", "-1+1"],
    ["'@SUM(A1)", "@SUM(A1)"],
    ["'\tTab", "\tTab"],
    ["''=x", "'=x"],
    ["'Connor", "'Connor"],
    ["'", "'"],
    ["''", "''"],
    ["=x", "=x"],
    ["  Web form ", "Web form"],
  ])("%j reads as %j", (cell, name) => {
    expect(readName(cell)).toBe(name);
  });

  it("gives back every trimmed name guardName wrote", () => {
    const text = fc.string({ unit: fc.constantFrom("'", "=", "+", "-", "@", "\t", "\r", "a", " ", "1") });
    fc.assert(
      fc.property(text, (raw) => {
        const name = raw.trim();
        expect(readName(guardName(name))).toBe(name);
      }),
    );
  });
});

// Each reader, with a guarded name and a name that merely begins with a quote.
describe("every reader takes the guard's quote off its name cells", () => {
  it("quotas, long and wide: rep and product", () => {
    const long = readQuotas("month,quota,rep,product\n2027-01,100,'+1,'=SUM(A1)\n2027-01,100,'Connor,'-1\n", "q.csv");
    expect(long.segments.map((segment) => [segment.rep, segment.product])).toStrictEqual([
      ["+1", "=SUM(A1)"],
      ["'Connor", "-1"],
    ]);
    const wide = readQuotas("rep,product,2027-01\n'@x,'-1+1,100\n", "q.csv");
    expect(wide.segments.map((segment) => [segment.rep, segment.product])).toStrictEqual([["@x", "-1+1"]]);
  });

  it("ratios and cycles: rep and product", () => {
    const ratios = readRatios("rep,product,qualified_to_won\n'+1,'=p,20%\n", "r.csv");
    expect(ratios.rows.map((row) => [row.rep, row.product])).toStrictEqual([["+1", "=p"]]);
    const cycles = readCycles("rep,product,stage,lag_months,share\n'@r,'-p,sales_cycle,1,1\n", "c.csv");
    expect(cycles.rows.map((row) => [row.rep, row.product])).toStrictEqual([["@r", "-p"]]);
  });

  it("reps: rep", () => {
    expect(readReps("rep,capacity\n'=Ana,10\n'Connor,5\n", "reps.csv").reps.map((rep) => rep.name)).toStrictEqual(["=Ana", "'Connor"]);
  });

  it("actuals: rep and product", () => {
    const actuals = readActuals("month,rep,product,won\n2027-01,'+1,'-1+1,3\n", "a.csv");
    expect(actuals.entries.map((entry) => [entry.rep, entry.product])).toStrictEqual([["+1", "-1+1"]]);
  });

  it("scenarios: scenario", () => {
    expect(readScenarios("scenario,surge\n'=cheap,0\n", "s.csv").map((scenario) => scenario.name)).toStrictEqual(["=cheap"]);
  });

  it("sources: source", () => {
    const sources = readSources("source,share,inquiry_to_qualified,qualified_to_won,cost_per_inquiry\n'@web,100%,10%,20%,30\n", "s.csv", true);
    expect(sources.map((source) => source.source)).toStrictEqual(["@web"]);
  });

  it("history: source, product and rep, one name for both spellings", async () => {
    const text = [
      "lead_id,created,source,product,rep,qualified_on,closed_on,outcome,amount,cost",
      "1,2026-01-05,'=web,'+1,'-r,2026-01-10,2026-02-20,won,1000,10",
      "2,2026-01-07,=web,+1,-r,,2026-01-20,lost,,10",
    ].join("\n");
    const read = await readHistory(
      { name: "h.csv", size: null, open: () => Readable.from([text]) },
      { map: new Map(), dateFormat: "auto", skipBadRows: false, byRep: true, asOf: null },
    );
    expect(read.names).toStrictEqual({ sources: ["=web"], products: ["+1"], reps: ["-r"] });
  });
});

describe("readName drops invisible characters, which would split one name in two", () => {
  it.each([["Ana\u200b", "Ana"], ["\ufeffAna", "Ana"], ["A\u200dna", "Ana"], ["Zoë", "Zoë"]])("reads %j as %j", (cell, name) => {
    expect(readName(cell)).toBe(name);
  });
});
