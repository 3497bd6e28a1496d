import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldCase, foldName } from "../../src/io/name-fold.js";
import { matchNames, nameList, sameFileSpellings } from "../../src/io/name-match.js";
import { issueOf } from "./issue-of.js";

const list = (file: string, names: readonly string[]) => nameList(file, "rep", names.map((name, index) => [name, index + 2] as const));

describe("foldName", () => {
  it.each([
    ["Services", "services"],
    ["Chloé", "chloe"],
    ["Chloe\u0301", "chloe"],
    ["Ana  Lopez", "ana lopez"],
    ["Ana\u00a0Lopez", "ana lopez"],
    ["ZOË", "zoe"],
  ])("folds %j to %j", (name, folded) => {
    expect(foldName(name)).toBe(folded);
  });

  it("keeps accents when only case and spaces are folded", () => {
    expect([foldCase("Zoë"), foldCase("Zoé"), foldCase("ANA  Lopez")]).toStrictEqual(["zoë", "zoé", "ana lopez"]);
  });

  it("is idempotent", () => {
    fc.assert(fc.property(fc.string(), (name) => foldName(foldName(name)) === foldName(name)));
  });
});

describe("matchNames", () => {
  it("finds no near-miss for a name the quotas write exactly, though another quota name folds alike", () => {
    expect(matchNames(list("quotas.csv", ["Zoë", "Zoé"]), list("ratios.csv", ["Zoë"]))).toStrictEqual({ unmatched: [], warnings: [] });
  });

  it("never refuses names that are all in the quotas", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 1 }), fc.nat(), (names, pick) => {
        const chosen = names.filter((_, index) => index % ((pick % 3) + 1) === 0);
        expect(matchNames(list("quotas.csv", names), list("other.csv", chosen)).unmatched).toStrictEqual([]);
      }),
    );
  });

  it("returns the names that match nothing and are no near-miss", () => {
    expect(matchNames(list("quotas.csv", ["Ana"]), list("reps.csv", ["Ana", "Dana"])).unmatched).toStrictEqual(["Dana"]);
  });

  it("names the first near-miss of the other file, at its line", () => {
    expect(issueOf(() => matchNames(list("quotas.csv", ["Ana", "Zoë"]), list("reps.csv", ["Ana", "Dana", "zoe", "ANA"])))).toStrictEqual({
      code: "name.near-miss",
      message: 'reps.csv:4: rep "zoe": no quota segment has this spelling, but quotas.csv:3 has "Zoë": expected the same spelling in both files',
    });
  });
});

describe("sameFileSpellings", () => {
  it("names a spelling that differs only in Unicode form, and lets Zoë and Zoé be", () => {
    const warnings = sameFileSpellings(list("quotas.csv", ["Zoë", "Zoé", "Zoe\u0308"]));
    expect(warnings.map((warning) => [warning.line, warning.expected])).toStrictEqual([
      [4, 'rep "Zoe\u0308" differs from "Zoë" (line 2) only in Unicode form: read as two reps'],
    ]);
  });


  it("warns about the first five spellings that differ only in case or spaces, then counts the rest", () => {
    const names = ["Ana", "Ben", ...["ana", "ANA", "aNa", "Ana ", "ben", "BEN", "aNA"]];
    const warnings = sameFileSpellings(nameList("quotas.csv", "rep", names.map((name, index) => [name.trim(), index + 2] as const)));
    expect(warnings.map((warning) => [warning.line, warning.expected])).toStrictEqual([
      [4, 'rep "ana" differs from "Ana" (line 2) only in case or spaces: read as two reps'],
      [5, 'rep "ANA" differs from "Ana" (line 2) only in case or spaces: read as two reps'],
      [6, 'rep "aNa" differs from "Ana" (line 2) only in case or spaces: read as two reps'],
      [8, 'rep "ben" differs from "Ben" (line 3) only in case or spaces: read as two reps'],
      [9, 'rep "BEN" differs from "Ben" (line 3) only in case or spaces: read as two reps'],
      [undefined, "1 more rep names that differ from another only in case or spaces"],
    ]);
  });
});
