import { describe, expect, it } from "vitest";
import { monthIndex } from "../../src/core/month.js";
import { readQuotas } from "../../src/io/quotas.js";
import { anonymousTeam, checkTeamCoversQuotas, parseShare, readReps } from "../../src/io/reps.js";
import { issueOf } from "./issue-of.js";

const read = (content: string) => readReps(content, "reps.csv");

describe("readReps", () => {
  it("reads capacity, inquiry capacity and availability by month", () => {
    const file = read('rep,capacity,inquiry_capacity,2027-01,2027-02\nAna,30,"1,200",0.5,\nBen,22.5,,25%,1\n');
    expect(file).toStrictEqual({
      file: "reps.csv",
      reps: [
        { name: "Ana", capacity: 30, inquiryCapacity: 1200, availability: new Map([[monthIndex(2027, 1), 0.5]]) },
        {
          name: "Ben",
          capacity: 22.5,
          inquiryCapacity: null,
          availability: new Map([
            [monthIndex(2027, 1), 0.25],
            [monthIndex(2027, 2), 1],
          ]),
        },
      ],
      lines: [2, 3],
      warnings: [],
      otherStages: [],
    });
  });

  it("reads a file with only rep and capacity, in any case and with a semicolon", () => {
    expect(read("Rep;Capacity\nAna;30\n").reps).toStrictEqual([{ name: "Ana", capacity: 30, inquiryCapacity: null, availability: new Map() }]);
  });

  it("warns about an unknown column and reads on", () => {
    expect(read("rep,capacity,team\nAna,30,East\n").warnings).toStrictEqual([
      { code: "column.unknown", file: "reps.csv", line: 1, column: "team", expected: "unknown column, ignored" },
    ]);
  });
});

describe("readReps errors", () => {
  it.each([
    ["a missing capacity column", "rep,inquiry_capacity\nAna,300\n", "column.missing", "reps.csv:1: capacity: missing column: expected a capacity column (qualified leads a rep can work in a month) (found rep,inquiry_capacity)"],
    ["a missing rep column", "capacity\n30\n", "column.missing", "reps.csv:1: rep: missing column: expected a rep column (found capacity)"],
    ["no rows", "rep,capacity\n", "file.empty", "reps.csv:2: no reps: expected at least one row after the header"],
    ["an empty rep name", "rep,capacity\nAna,30\n,20\n", "value.invalid", 'reps.csv:3: rep: expected a rep name, found ""'],
    ["a rep named twice", "rep,capacity\nAna,30\nBen,20\nAna,25\n", "row.duplicate", 'reps.csv:4: a second row for rep "Ana": expected one row per rep (first on line 2)'],
    ["an empty capacity", "rep,capacity\nAna,\n", "value.invalid", 'reps.csv:2: capacity: expected a number of qualified leads above 0, like 30, found ""'],
    ["a capacity of 0", "rep,capacity\nAna,0\n", "value.invalid", 'reps.csv:2: capacity: expected a number of qualified leads above 0, like 30, found "0"'],
    ["a capacity in words", "rep,capacity\nAna,thirty\n", "value.invalid", 'reps.csv:2: capacity: expected a number of qualified leads above 0, like 30, found "thirty"'],
    ["a capacity that reads two ways", 'rep;capacity\nAna;1.200\n', "value.invalid", 'reps.csv:2: capacity: expected a number of qualified leads above 0, like 30, found "1.200" (it reads as 1200 with a decimal comma or 1.2 with a decimal point: give --decimal-comma or --decimal-point, or write it without a thousands separator)'],
    ["a negative inquiry capacity", "rep,capacity,inquiry_capacity\nAna,30,-5\n", "value.invalid", 'reps.csv:2: inquiry_capacity: expected a number of inquiries above 0, like 400, found "-5"'],
    ["an availability above 1", "rep,capacity,2027-01\nAna,30,1.5\n", "value.invalid", 'reps.csv:2: 2027-01: expected a share of the month from 0 to 1, like 0.5 or 50%, found "1.5"'],
    ["an availability written as a bare percentage", "rep,capacity,2027-01\nAna,30,50\n", "value.invalid", 'reps.csv:2: 2027-01: expected a share of the month from 0 to 1, like 0.5 or 50%, found "50" (for a percentage write 50%)'],
    ["an availability in words", "rep,capacity,2027-01\nAna,30,half\n", "value.invalid", 'reps.csv:2: 2027-01: expected a share of the month from 0 to 1, like 0.5 or 50%, found "half"'],
    ["a month column that is no month", "rep,capacity,2027-13\nAna,30,1\n", "value.invalid", 'reps.csv:1: 2027-13: expected a month column as YYYY-MM, found "2027-13"'],
    ["a month column named twice", "rep,capacity,2027-01,2027-01\nAna,30,1,1\n", "column.duplicate", "reps.csv:1: 2027-01: a column named twice: expected each column once"],
  ])("refuses %s", (_, content, code, message) => {
    expect(issueOf(() => read(content))).toStrictEqual({ code, message });
  });
});

describe("parseShare", () => {
  it.each([
    ["1", 1],
    ["0", 0],
    [".25", 0.25],
    ["0.5", 0.5],
    ["75%", 0.75],
    ["100%", 1],
  ])("reads %s as %d", (text, value) => {
    expect(parseShare(text)).toStrictEqual({ ok: true, value });
  });
});

describe("checkTeamCoversQuotas", () => {
  const quotas = readQuotas("month,rep,product,quota\n2027-01,Ana,X,100\n2027-01,,X,100\n2027-02,Cara,X,100\n", "quotas.csv");

  it("accepts a team with every rep the quotas name, and reps without quota", () => {
    expect(() => checkTeamCoversQuotas(quotas, [...anonymousTeam(1, 5), { name: "Ana", capacity: 1, inquiryCapacity: null, availability: new Map() }, { name: "Cara", capacity: 1, inquiryCapacity: null, availability: new Map() }], { kind: "file", file: "reps.csv" })).not.toThrow();
  });

  it("names the first quota line of a rep missing from the reps file", () => {
    const team = [{ name: "Ana", capacity: 30, inquiryCapacity: null, availability: new Map() }];
    expect(issueOf(() => checkTeamCoversQuotas(quotas, team, { kind: "file", file: "reps.csv" }))).toStrictEqual({
      code: "segment.unmatched",
      message: 'quotas.csv:4: rep: expected a rep listed in reps.csv, found "Cara" (add a row for "Cara" to reps.csv)',
    });
  });

  it("refuses named reps with anonymous ones", () => {
    expect(issueOf(() => checkTeamCoversQuotas(quotas, anonymousTeam(3, 30), { kind: "count" }))).toStrictEqual({
      code: "segment.unmatched",
      message: 'quotas.csv:2: rep: expected no rep name with --reps-count (its reps are anonymous), found "Ana" (name the reps in --reps FILE instead)',
    });
  });

  it("makes anonymous reps rep 1 to rep N, there every month", () => {
    expect(anonymousTeam(2, 40)).toStrictEqual([
      { name: "rep 1", capacity: 40, inquiryCapacity: null, availability: new Map() },
      { name: "rep 2", capacity: 40, inquiryCapacity: null, availability: new Map() },
    ]);
  });
});
