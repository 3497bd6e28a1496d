import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { calibrate } from "../../src/core/calibrate.js";
import { dayNumber } from "../../src/core/calibrate-days.js";
import { parseColumnMap } from "../../src/io/history-columns.js";
import { type HistoryOptions, readHistory } from "../../src/io/history-reader.js";
import { InputError, type IssueCode } from "../../src/io/input-issue.js";

const HEADER = "lead_id,created,source,product,rep,qualified_on,closed_on,outcome,amount,cost";

/** Reads CSV text as a history, fed in chunks of `chunk` characters (to cross every boundary). */
function read(text: string, options: Partial<HistoryOptions> = {}, chunk = 0) {
  const chunks = chunk > 0 ? Array.from({ length: Math.ceil(text.length / chunk) }, (_, at) => text.slice(at * chunk, (at + 1) * chunk)) : [text];
  return readHistory(
    { name: "h.csv", size: null, open: () => Readable.from(chunks) },
    { map: new Map(), dateFormat: "auto", skipBadRows: false, byRep: false, asOf: null, ...options },
  );
}

async function issueOf(text: string, options: Partial<HistoryOptions> = {}): Promise<{ code: IssueCode; message: string }> {
  try {
    await read(text, options);
  } catch (error) {
    if (error instanceof InputError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected an input error, but the read succeeded");
}

const GOOD = [
  HEADER,
  "1,2026-01-05,Web,Widgets,Ana,2026-01-10,2026-02-20,won,1000,10",
  "2,2026-01-07,Web,Widgets,Ana,,2026-01-20,lost,,10",
].join("\n");

describe("readHistory: CSV the way exports write it", () => {
  const tricky = [
    `\ufeff${HEADER},notes`,
    `1,2026-01-05,"Trade show, Berlin",Zoë's "Über" Widgets,Ana,2026-01-10,2026-02-20,won,1000,10,"first line`,
    `second line, with a comma`,
    `third ""quoted"" line"`,
    `2,2026-01-07,日本 🚀,Widgets,Ana,,2026-01-20,lost,,10,`,
    `3,2026-01-08,Web,Widgets,Ana,,2026-01-20,maybe,,10,`,
  ].join("\r\n");

  it("keeps quoted commas, doubled quotes, line breaks and UTF-8 intact", async () => {
    const history = await read(tricky.replace(",maybe,", ",lost,"));
    expect(history.names.sources).toStrictEqual(["Trade show, Berlin", "日本 🚀", "Web"]);
    expect(history.names.products).toStrictEqual(["Zoë's \"Über\" Widgets", "Widgets"]);
    expect(history.rows).toBe(3);
    expect(history.warnings.map((warning) => warning.column)).toStrictEqual(["notes"]);
  });

  it("numbers lines past a quoted field with line breaks", async () => {
    expect(await issueOf(tricky)).toStrictEqual({ code: "value.invalid", message: 'h.csv:6: outcome: expected won, lost, open or empty, found "maybe"' });
  });

  it.each([1, 2, 3, 5, 7, 11, 64])("reads the same whatever the chunk size (%i characters)", async (chunk) => {
    const whole = await read(tricky.replace(",maybe,", ",lost,"));
    const chunked = await read(tricky.replace(",maybe,", ",lost,"), {}, chunk);
    expect(chunked.names).toStrictEqual(whole.names);
    expect(chunked.history.all).toStrictEqual(whole.history.all);
  });

  it("reads `;` separated files and skips blank lines, still counting them", async () => {
    const text = `${HEADER.replaceAll(",", ";")}\n\n1;2026-01-05;Web;Widgets;Ana;;;open;;\n\n2;2026-01-05;Web;Widgets;Ana;;;shut;;\n`;
    expect((await issueOf(text)).message).toBe('h.csv:5: outcome: expected won, lost, open or empty, found "shut"');
  });
});

describe("readHistory: dates", () => {
  const one = (created: string) => `${HEADER}\n1,${created},Web,Widgets,Ana,,,open,,\n`;
  it.each([
    ["2026-03-14", "auto"],
    ["2026-03-14T09:12:00Z", "auto"],
    ["2026-03-14T23:30:00.123-05:00", "auto"],
    ["2026-03-14 09:12:00", "auto"],
    ["14.03.2026", "auto"],
    ["14.3.2026 9:12", "auto"],
    ["03/14/2026", "MM/dd/yyyy"],
    ["14/03/2026", "dd/MM/yyyy"],
    ["3/14/2026 09:12 PM", "M/d/yyyy"],
  ])("reads %s (%s) as 2026-03-14, the day as written", async (created, format) => {
    const history = await read(one(created), { dateFormat: format === "auto" ? "auto" : { pattern: format } });
    expect(history.history.latestDay).toBe(dayNumber(2026, 3, 14));
  });

  it.each([
    ["03/14/2026", "auto", 'h.csv:2: created: expected a date as YYYY-MM-DD (a time may follow) or DD.MM.YYYY, found "03/14/2026" (give --date-format MM/dd/yyyy or dd/MM/yyyy)'],
    ["2026-02-30", "auto", 'h.csv:2: created: expected a date as YYYY-MM-DD (a time may follow) or DD.MM.YYYY, found "2026-02-30"'],
    ["2026-03-14T25:00", "auto", 'h.csv:2: created: expected a date as YYYY-MM-DD (a time may follow) or DD.MM.YYYY, found "2026-03-14T25:00"'],
    ["14/03/2026", "MM/dd/yyyy", 'h.csv:2: created: expected a date as MM/dd/yyyy or YYYY-MM-DD, found "14/03/2026"'],
    ["", "auto", 'h.csv:2: created: expected a date as YYYY-MM-DD (a time may follow) or DD.MM.YYYY, found ""'],
  ])("refuses %s (%s)", async (created, format, message) => {
    expect(await issueOf(one(created), { dateFormat: format === "auto" ? "auto" : { pattern: format } })).toStrictEqual({ code: "value.invalid", message });
  });
});

describe("readHistory: bad rows", () => {
  const row = (fields: string) => `${HEADER}\n${fields}\n`;
  it.each([
    ["a lead closed before it was created", "1,2026-03-14,Web,W,Ana,,2026-03-01,lost,,", 'h.csv:2: closed_on: expected a date on or after created (2026-03-14), found "2026-03-01"'],
    ["a lead qualified before it was created", "1,2026-03-14,Web,W,Ana,2026-03-10,,open,,", 'h.csv:2: qualified_on: expected a date on or after created (2026-03-14), found "2026-03-10"'],
    ["a lead closed before it qualified", "1,2026-03-01,Web,W,Ana,2026-03-14,2026-03-10,lost,,", 'h.csv:2: closed_on: expected a date on or after qualified_on (2026-03-14), found "2026-03-10"'],
    ["a won lead with no amount", "1,2026-03-01,Web,W,Ana,2026-03-05,2026-04-10,won,,", 'h.csv:2: amount: expected the amount of a won lead, above 0, found ""'],
    ["a won lead with amount 0", "1,2026-03-01,Web,W,Ana,2026-03-05,2026-04-10,won,0,", 'h.csv:2: amount: expected the amount of a won lead, above 0, found "0"'],
    // Its average would be written as a deal size of 0 in --ratios-out, which compute refuses.
    ["a won lead below a cent", "1,2026-03-01,Web,W,Ana,2026-03-05,2026-04-10,won,0.004,", 'h.csv:2: amount: expected the amount of a won lead, from 0.01, found "0.004"'],
    ["a won lead never closed", "1,2026-03-01,Web,W,Ana,2026-03-05,,won,100,", 'h.csv:2: closed_on: expected the date a won lead closed, found ""'],
    ["a won lead never qualified", "1,2026-03-01,Web,W,Ana,,2026-04-10,won,100,", 'h.csv:2: qualified_on: expected the date a won lead qualified, found ""'],
    ["an open lead with a close date", "1,2026-03-01,Web,W,Ana,,2026-04-10,open,,", 'h.csv:2: outcome: expected won or lost for a lead with a closed_on date, found "open"'],
    ["an unknown outcome", "1,2026-03-01,Web,W,Ana,,,pending,,", 'h.csv:2: outcome: expected won, lost, open or empty, found "pending"'],
    ["a cost that is no amount", "1,2026-03-01,Web,W,Ana,,,open,,12,5", "h.csv:2: a row of 11 fields: expected 10 as in the header"],
    ["a negative cost", "1,2026-03-01,Web,W,Ana,,,open,,-5", 'h.csv:2: cost: expected an amount of 0 or more, found "-5"'],
    ["a short row", "1,2026-03-01,Web,W,Ana,,,open", "h.csv:2: a row of 8 fields: expected 10 as in the header"],
    ["a cycle over ten years", "1,2010-03-01,Web,W,Ana,2010-03-05,2026-04-10,lost,,", 'h.csv:2: closed_on: expected a date at most ten years after created (2010-03-01), found "2026-04-10"'],
  ])("%s", async (_, fields, message) => {
    expect((await issueOf(row(fields))).message).toBe(message);
  });

  it("stops at a quote never closed", async () => {
    expect(await issueOf(`${GOOD}\n3,2026-01-05,"Web,Widgets,Ana,,,open,,\n4,2026-01-05,Web,Widgets,Ana,,,open,,\n`)).toStrictEqual({
      code: "csv.malformed",
      message: "h.csv:4: a quote is opened and never closed: expected a closing quote",
    });
  });

  it("refuses dates after --as-of", async () => {
    expect((await issueOf(GOOD, { asOf: dayNumber(2026, 2, 1) })).message).toBe('h.csv:2: closed_on: expected a date on or before --as-of 2026-02-01, found "2026-02-20"');
  });

  it("with skipBadRows goes on, counting them and keeping the first five", async () => {
    const bad = Array.from({ length: 7 }, (_, at) => `${at + 3},2026-01-0${at + 1},Web,W,Ana,,,maybe,,`);
    const history = await read([GOOD, ...bad].join("\n"), { skipBadRows: true });
    expect(history.rows).toBe(9);
    expect(history.skipped.count).toBe(7);
    expect(history.skipped.first.map((issue) => issue.line)).toStrictEqual([4, 5, 6, 7, 8]);
    expect(history.history.all.leads).toBe(2);
  });
});

describe("readHistory: columns", () => {
  it("renames columns with --map", async () => {
    const map = parseColumnMap(['created="Created Date",source=Lead Source']);
    expect(map.ok).toBe(true);
    const text = GOOD.replace("created,source", "Created Date,Lead Source");
    const history = await read(text, { map: map.ok ? map.value : new Map() });
    expect(history.names.sources).toStrictEqual(["Web"]);
  });

  it.each([
    [["created"], 'NAME=HEADER pairs separated by commas, like created="Created Date",source="Lead Source"'],
    [["made=Created"], "a column name of leadplan's (lead_id, created, source, product, rep, qualified_on, closed_on, outcome, amount, cost, month, inquiries, qualified, won, revenue, spend) before ="],
  ])("refuses the map %j", (values, expected) => {
    expect(parseColumnMap(values)).toMatchObject({ ok: false, expected });
  });

  it.each([
    ["a mapped column the header lacks", `${HEADER}\n`, { map: new Map([["created", "created_date"]]) }, 'h.csv:1: missing column: --map created="created_date" names no column of the header (found lead_id,created,source,product,rep,qualified_on,closed_on,outcome,amount,cost)'],
    ["neither shape", "a,b\n1,2\n", {}, 'h.csv:1: missing column: expected a lead-level export (lead_id,created,source,product,rep,qualified_on,closed_on,outcome,amount,cost) or a monthly aggregate (month,source,product,inquiries,qualified,won,revenue,spend) (found a,b; rename columns with --map created="Created Date")'],
    ["a required column", "created,outcome\n2026-01-01,open\n", {}, 'h.csv:1: missing column: expected qualified_on, closed_on, amount in a lead-level export (found created,outcome; rename columns with --map qualified_on="Your Header")'],
    ["an empty file", "", {}, "h.csv: the file is empty: expected a header row and data rows"],
    ["a header alone", `${HEADER}\n`, {}, "h.csv:2: no rows: expected at least one row after the header"],
  ])("refuses %s", async (_, text, options, message) => {
    expect((await issueOf(text, options)).message).toBe(message);
  });
});

describe("readHistory: monthly aggregates", () => {
  const monthly = "month,source,product,inquiries,qualified,won,revenue,spend\n2026-01,Web,Widgets,100,20,5,50000,1500\n2026-02,Web,Widgets,100,30,7,70000,\n2026-02,Fair,Widgets,50,25,8,80000,4000\n";

  it("takes the rates as totals over the months, with no cycle", async () => {
    const history = await read(monthly);
    expect(history.shape).toBe("monthly");
    const calibration = calibrate(history.history, history.names, { asOf: null, shape: "monthly" });
    const all = calibration.scopes[0];
    expect(all?.qualifyRate).toBeCloseTo(75 / 250, 12);
    expect(all?.closeRate).toBeCloseTo(20 / 75, 12);
    expect(all?.avgDealSize).toBe(10000);
    expect(all?.costPerInquiry).toBeCloseTo(5500 / 150, 12);
    expect(all?.salesCycle).toBeNull();
    expect(calibration.baseline.months.map((month) => month.inquiries)).toStrictEqual([100, 150]);
  });

  it("refuses a month, source and product given twice", async () => {
    expect((await issueOf(`${monthly}2026-01,Web,Widgets,1,1,1,1,1\n`)).message).toBe(
      'h.csv:5: a second row for month 2026-01, source "Web", product "Widgets": expected one row per month, source and product (first on line 2)',
    );
  });

  it("refuses a count that is not a whole number", async () => {
    expect((await issueOf("month,inquiries,qualified,won\n2026-01,12.5,1,1\n")).message).toBe('h.csv:2: inquiries: expected a whole number of 0 or more, found "12.5"');
  });
});

