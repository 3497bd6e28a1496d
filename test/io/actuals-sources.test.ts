import { describe, expect, it } from "vitest";
import { readActuals } from "../../src/io/actuals.js";
import { issueOf } from "./issue-of.js";

const read = (content: string) => readActuals(content, "actuals.csv");
const JAN = 2027 * 12;

describe("readActuals: the source and cost columns", () => {
  it("reads each row's source and the money spent on its leads", () => {
    const file = read('month,source,inquiries,qualified,cost\n2027-01,Trade show,220,9,"33,000"\n2027-01,Web form,420,34,8400.50\n');
    expect(file).toMatchObject({ bySource: true, hasCost: true, warnings: [] });
    expect(file.entries).toStrictEqual([
      { month: JAN, rep: "", product: "", source: "Trade show", cost: 33000, values: { inquiries: 220, qualified: 9 } },
      { month: JAN, rep: "", product: "", source: "Web form", cost: 8400.5, values: { inquiries: 420, qualified: 34 } },
    ]);
  });

  it("takes one row per month, rep, product and source: two sources in a month are two rows", () => {
    expect(read("month,source,inquiries\n2027-01,Web,1\n2027-01,Events,2\n").entries).toHaveLength(2);
    expect(issueOf(() => read("month,source,inquiries\n2027-01,Web,1\n2027-01,Web,2\n")).message).toBe(
      'actuals.csv:3: a second row for month 2027-01, rep "", product "", source "Web": expected one row per month, rep, product and source (first on line 2)',
    );
  });

  it("refuses a blank or negative cost: a blank would read as free leads", () => {
    expect(issueOf(() => read("month,source,inquiries,cost\n2027-01,Web,1,\n")).message).toBe('actuals.csv:2: cost: expected an amount, found "" (write 0 for none)');
    expect(issueOf(() => read("month,source,inquiries,cost\n2027-01,Web,1,-5\n")).message).toBe('actuals.csv:2: cost: expected an amount of 0 or more, found "-5"');
  });

  it("reads a blank source as none given", () => {
    expect(read("month,source,inquiries\n2027-01,,3\n").entries[0]?.source).toBe("");
  });
});
