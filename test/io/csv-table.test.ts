import { describe, expect, it } from "vitest";
import { normaliseColumnName, readCsvTable } from "../../src/io/csv-table.js";
import { issueOf } from "./issue-of.js";

const read = (content: string) => readCsvTable(content, "q.csv");
const shape = (content: string) => {
  const table = read(content);
  return { header: table.header, records: table.records };
};

describe("readCsvTable", () => {
  it("reads a comma-separated file", () => {
    expect(shape("month,quota\n2027-01,5\n")).toStrictEqual({ header: ["month", "quota"], records: [["2027-01", "5"]] });
  });

  it("drops a UTF-8 byte order mark before the first header name", () => {
    expect(shape("\uFEFFmonth,quota\n2027-01,5\n").header).toStrictEqual(["month", "quota"]);
  });

  it("reads CRLF line ends", () => {
    expect(shape("month,quota\r\n2027-01,5\r\n2027-02,6\r\n")).toStrictEqual({
      header: ["month", "quota"],
      records: [
        ["2027-01", "5"],
        ["2027-02", "6"],
      ],
    });
  });

  it("reads a semicolon-separated file, keeping commas inside fields", () => {
    expect(shape("month;quota\n2027-01;$1,200,000\n")).toStrictEqual({ header: ["month", "quota"], records: [["2027-01", "$1,200,000"]] });
  });

  it("reads a tab-separated file", () => {
    expect(shape("month\tquota\n2027-01\t5\n")).toStrictEqual({ header: ["month", "quota"], records: [["2027-01", "5"]] });
  });

  it("reads a semicolon-separated file with a byte order mark and CRLF line ends", () => {
    expect(shape("\uFEFFmonth;quota\r\n2027-01;5\r\n")).toStrictEqual({ header: ["month", "quota"], records: [["2027-01", "5"]] });
  });

  it("keeps commas and line breaks inside quoted fields", () => {
    expect(shape('rep,quota\n"Smith, Ana","$1,200,000"\n"Ben\nB",5\n').records).toStrictEqual([
      ["Smith, Ana", "$1,200,000"],
      ["Ben\nB", "5"],
    ]);
  });

  it("normalises header names to lower case with underscores for spaces", () => {
    expect(shape(" Avg Deal Size ,Qualified To Won,COST_PER_INQUIRY,2027-01\n1,2,3,4\n").header).toStrictEqual([
      "avg_deal_size",
      "qualified_to_won",
      "cost_per_inquiry",
      "2027-01",
    ]);
  });

  it("reads hyphens in header names as underscores, but keeps month names as they are", () => {
    expect(shape("Avg-Deal-Size,qualified - to - won,2027-01,2027-12\n1,2,3,4\n").header).toStrictEqual([
      "avg_deal_size",
      "qualified_to_won",
      "2027-01",
      "2027-12",
    ]);
  });

  it("skips empty lines", () => {
    expect(shape("month,quota\n\n2027-01,5\n\n\n2027-02,6\n").records).toStrictEqual([
      ["2027-01", "5"],
      ["2027-02", "6"],
    ]);
  });

  it("skips rows whose fields are all empty, as spreadsheets export blank rows", () => {
    const table = read("month,quota\n2027-01,5\n,\n , \n2027-02,6\n,,,\n2027-03,7\n");
    expect(table.records).toStrictEqual([
      ["2027-01", "5"],
      ["2027-02", "6"],
      ["2027-03", "7"],
    ]);
    expect(table.records.map((_record, index) => table.lineOf(index))).toStrictEqual([2, 5, 7]);
  });

  it("skips blank rows in a semicolon-separated CRLF file, counting their lines", () => {
    const table = read("month;quota\r\n;\r\n\r\n2027-01;5\r\n");
    expect(table.records).toStrictEqual([["2027-01", "5"]]);
    expect(table.lineOf(0)).toBe(4);
  });

  it("reads a file of only blank rows as a header without records", () => {
    expect(shape("month,quota\n,\n,\n")).toStrictEqual({ header: ["month", "quota"], records: [] });
  });

  it("pads a short record with empty fields", () => {
    expect(shape("a,b,c\n1\n").records).toStrictEqual([["1", "", ""]]);
  });

  it("accepts extra fields when they are all empty", () => {
    expect(shape("a,b\n1,2,,\n").records).toStrictEqual([["1", "2", "", ""]]);
  });

  it("refuses extra fields that hold values, at their line", () => {
    expect(issueOf(() => read("a,b\n1,2\n\n3,4,5\n"))).toStrictEqual({
      code: "row.width",
      message: "q.csv:4: a row of 3 fields: expected 2 as in the header",
    });
  });

  it("refuses a column named twice", () => {
    expect(issueOf(() => read("quota,month,Quota\n1,2027-01,2\n"))).toStrictEqual({
      code: "column.duplicate",
      message: "q.csv:1: quota: a column named twice: expected each column once",
    });
  });

  it("refuses two header names that normalise to the same column", () => {
    expect(issueOf(() => read("Avg Deal Size,avg-deal-size\n1,2\n"))).toStrictEqual({
      code: "column.duplicate",
      message: "q.csv:1: avg_deal_size: a column named twice: expected each column once",
    });
  });

  it("refuses a column named twice even in a file without data rows", () => {
    expect(issueOf(() => read("month,month\n"))).toStrictEqual({
      code: "column.duplicate",
      message: "q.csv:1: month: a column named twice: expected each column once",
    });
  });

  it("accepts more than one column without a name", () => {
    expect(shape("a,,\n1,,\n").header).toStrictEqual(["a", "", ""]);
  });

  it("refuses an empty file", () => {
    expect(issueOf(() => read(""))).toStrictEqual({
      code: "file.empty",
      message: "q.csv: the file is empty: expected a header row and data rows",
    });
  });

  it("refuses a file of blank lines and a byte order mark as empty", () => {
    expect(issueOf(() => read("\uFEFF\n  \r\n"))).toStrictEqual({
      code: "file.empty",
      message: "q.csv: the file is empty: expected a header row and data rows",
    });
  });

  it.each([
    ["a quote opened mid-file", 'a,b\n1,"2\n3,4\n', 2],
    ["after closed quotes with doubled quotes and line breaks", 'a,b\n"x ""y""\nz",1\n3,"4\n5,6\n', 4],
    ["in the header", '"a,b\n1,2\n', 1],
    ["after a CRLF file's lines", 'a;b\r\n1;2\r\n3;"4\r\n', 3],
  ])("refuses a quote that is never closed at the line where it opens: %s", (_name, content, line) => {
    expect(issueOf(() => read(content))).toStrictEqual({
      code: "csv.malformed",
      message: `q.csv:${line}: a quote is opened and never closed: expected a closing quote`,
    });
  });

  it("refuses text after a closing quote", () => {
    expect(issueOf(() => read('a,b\n1,"2"x\n'))).toStrictEqual({
      code: "csv.malformed",
      message: "q.csv:2: text after a closing quote: expected a separator or a line end, with inner quotes doubled",
    });
  });

  // csv-parse 7 raises this one as INVALID_OPENING_QUOTE, without the CSV_ prefix of the others.
  it("refuses a quote inside an unquoted field", () => {
    expect(issueOf(() => read('a,b\n1,2"x\n'))).toStrictEqual({
      code: "csv.malformed",
      message: "q.csv:2: a quote inside an unquoted field: expected the whole field in quotes, with inner quotes doubled",
    });
  });
});

describe("lineOf", () => {
  it("gives the file line of a record after blank lines and a quoted line break", () => {
    const table = read('month,rep,quota\n2027-01,"Ana\nMaria",1\n\n2027-02,Ben,2\n');
    expect([table.lineOf(0), table.lineOf(1)]).toStrictEqual([2, 5]);
  });

  it("gives the file line of a record after a quoted LF line break in a CRLF file", () => {
    const table = read('month,rep,quota\r\n2027-01,"Ana\nMaria",1\r\n2027-02,Ben,2\r\n');
    expect(table.lineOf(1)).toBe(4);
  });

  it("gives the file line of a record after a quoted CRLF line break in a CRLF file", () => {
    const table = read('month,rep,quota\r\n2027-01,"Ana\r\nMaria",1\r\n2027-02,Ben,2\r\n');
    expect([table.lineOf(0), table.lineOf(1)]).toStrictEqual([2, 4]);
  });

  it("gives the line a record spanning two lines starts on", () => {
    const table = read('month,quota,rep\n2027-01,5,"Ben\nB"\n');
    expect(table.lineOf(0)).toBe(2);
  });

  it("counts blank lines, blank rows and quoted CRLF breaks together in a CRLF file", () => {
    const table = read('a,b\r\n\r\n\r\n,,\r\n"x\r\ny",1\r\n\r\n,\r\n2,3\r\n');
    expect(table.records).toStrictEqual([
      ["x\r\ny", "1"],
      ["2", "3"],
    ]);
    expect([table.lineOf(0), table.lineOf(1)]).toStrictEqual([5, 9]);
  });

  it("gives the start line of a too-wide record that spans lines", () => {
    expect(issueOf(() => read('a,b\n"x\r\ny",1,2\n'))).toStrictEqual({
      code: "row.width",
      message: "q.csv:2: a row of 3 fields: expected 2 as in the header",
    });
  });
});

describe("a plain file (read without csv-parse) and the same file quoted (read by csv-parse)", () => {
  // The quote in the second text sends it to csv-parse; the cells are the same.
  const plain = "\n\nmonth,rep,quota\n2027-01,ana,5\n\n2027-02,ana,6\n2027-01,ben,7\n";
  const quoted = '\n\nmonth,rep,quota\n2027-01,"ana",5\n\n2027-02,ana,6\n2027-01,ben,7\n';
  const view = (content: string) => {
    const table = read(content);
    return {
      header: table.header,
      count: table.recordCount,
      columns: table.header.map((_name, at) => [...table.column(at)]),
      lines: Array.from({ length: table.recordCount }, (_unused, index) => table.lineOf(index)),
      records: table.records,
    };
  };

  it("give the same header, columns, lines and records", () => {
    expect(view(plain)).toStrictEqual(view(quoted));
    expect(view(plain)).toMatchObject({ count: 3, columns: [["2027-01", "2027-02", "2027-01"], ["ana", "ana", "ben"], ["5", "6", "7"]], lines: [4, 6, 7] });
  });

  it("give the same records and lines when a blank row is dropped", () => {
    const blank = (content: string) => content.replace("2027-02,ana,6", ",,\n2027-02,ana,6");
    expect(view(blank(plain))).toStrictEqual(view(blank(quoted)));
    expect(view(blank(plain)).lines).toStrictEqual([4, 7, 8]);
  });
});

describe("normaliseColumnName", () => {
  it.each([
    ["Avg Deal Size", "avg_deal_size"],
    ["2027-01", "2027-01"],
    ["  Rep ", "rep"],
    ["sales  cycle\tdays", "sales_cycle_days"],
    ["avg-deal-size", "avg_deal_size"],
    ["Sales-Cycle - Days", "sales_cycle_days"],
    [" 2027-01 ", "2027-01"],
  ])("names %j %j", (name, expected) => {
    expect(normaliseColumnName(name)).toBe(expected);
  });
});
