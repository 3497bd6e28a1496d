import { describe, expect, it } from "vitest";
import { readActuals } from "../../src/io/actuals.js";
import { issueOf } from "./issue-of.js";

const FUNNEL = ["inquiry", "mql", "sql", "won"];
const read = (content: string, funnel: readonly string[] = FUNNEL) => readActuals(content, "actuals.csv", {}, funnel);
const JAN = 2027 * 12;

describe("readActuals with a configured funnel", () => {
  it("reads a column per stage, named after it, and revenue, in funnel order", () => {
    const file = read("month,revenue,won,SQL,MQL,Inquiry\n2027-01,\"$300,000\",30,120,240,\"1,200\"\n");
    expect(file).toMatchObject({ measures: ["inquiry", "mql", "sql", "won", "revenue"], order: ["inquiry", "mql", "sql", "won", "revenue"], warnings: [] });
    expect(file.entries).toStrictEqual([{ month: JAN, rep: "", product: "", values: { inquiry: 1200, mql: 240, sql: 120, won: 30, revenue: 300000 } }]);
  });

  it("takes revenue as optional (quotas in units only)", () => {
    expect(read("month,inquiry,mql,sql,won\n2027-01,10,5,2,1\n").measures).toStrictEqual(["inquiry", "mql", "sql", "won"]);
  });

  it("needs a column for every stage", () => {
    expect(issueOf(() => read("month,inquiry,sql,won,revenue\n2027-01,10,2,1,100\n"))).toMatchObject({
      code: "column.missing",
      message:
        "actuals.csv:1: mql: missing column: expected a column for every stage of --funnel inquiry,mql,sql,won (revenue optional) (found month,inquiry,sql,won,revenue)",
    });
    expect(issueOf(() => read("month,revenue\n2027-01,100\n"))).toMatchObject({
      message: "actuals.csv:1: inquiry, mql, sql, won: missing column: expected a column for every stage of --funnel inquiry,mql,sql,won (revenue optional) (found month,revenue)",
    });
  });

  it.each(["inquiries", "qualified", "qualified_leads", "deals"])("refuses the default funnel's column %s", (column) => {
    expect(issueOf(() => read(`month,inquiry,mql,sql,won,${column}\n2027-01,10,5,2,1,1\n`))).toMatchObject({
      code: "column.unknown",
      message: `actuals.csv:1: ${column}: a column of the default funnel: expected the stages of --funnel inquiry,mql,sql,won (inquiry,mql,sql,won,revenue)`,
    });
  });

  it("warns about a column naming a stage the funnel does not have, and reads the rest", () => {
    const file = read("month,inquiry,mql,sal,sql,won\n2027-01,10,5,4,2,1\n");
    expect(file.measures).toStrictEqual(["inquiry", "mql", "sql", "won"]);
    expect(file.warnings).toStrictEqual([{ code: "column.unknown", file: "actuals.csv", line: 1, column: "sal", expected: "unknown column, ignored (not a stage of --funnel inquiry,mql,sql,won)" }]);
  });

  it("refuses a stage named revenue (the actuals' money column)", () => {
    expect(issueOf(() => read("month,lead,revenue\n2027-01,10,100\n", ["lead", "revenue"]))).toMatchObject({
      code: "option.invalid",
      message: '--funnel: expected stage names other than revenue for track (revenue is the actuals\' money column), found "lead,revenue"',
    });
  });

  it("reads the default funnel written out as today, aliases included", () => {
    const file = read("month,qualified_leads,deals\n2027-01,20,4\n", ["inquiry", "qualified", "won"]);
    expect(file.measures).toStrictEqual(["qualified", "won"]);
    expect(file).not.toHaveProperty("order");
  });
});

describe("an empty stage cell with a configured funnel", () => {
  it("asks for 0: leaving the column out is refused there, so the hint does not offer it", async () => {
    const { readActuals } = await import("../../src/io/actuals.js");
    expect(() => readActuals("month,inquiry,mql,sql,won\n2027-03,4000,800,,0\n", "a.csv", {}, ["inquiry", "mql", "sql", "won"])).toThrow(
      'a.csv:2: sql: expected a whole number of 0 or more, found "" (write 0 for none)',
    );
  });
});
