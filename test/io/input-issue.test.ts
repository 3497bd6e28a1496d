import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/io/input-issue.js";

const issue = (found: string) => formatIssue({ code: "value.invalid", file: "quotas.csv", line: 2, column: "quota", expected: "an amount", found });

describe("messages are one line and safe to print: echoed values escaped and cut", () => {
  it.each([
    ["a newline", "12\n5", 'quotas.csv:2: quota: expected an amount, found "12\\n5"'],
    ["a carriage return and a tab", "1\r2\t3", 'quotas.csv:2: quota: expected an amount, found "1\\r2\\t3"'],
    ["an ESC sequence", "\u001b[31mred\u001b[0m", 'quotas.csv:2: quota: expected an amount, found "\\x1b[31mred\\x1b[0m"'],
    ["a NUL and a DEL", "a\u0000b\u007f", 'quotas.csv:2: quota: expected an amount, found "a\\x00b\\x7f"'],
    ["a C1 control", "a\u009bb", 'quotas.csv:2: quota: expected an amount, found "a\\x9bb"'],
    ["a line separator and a bidi override", "a\u2028b\u202ec", 'quotas.csv:2: quota: expected an amount, found "a\\u2028b\\u202ec"'],
    ["quotes and backslashes", 'a"b\\c', 'quotas.csv:2: quota: expected an amount, found "a\\"b\\\\c"'],
    ["a megabyte", "x".repeat(1_000_000), `quotas.csv:2: quota: expected an amount, found "${"x".repeat(60)}…"`],
    ["accents, kept", "Zoë", 'quotas.csv:2: quota: expected an amount, found "Zoë"'],
  ])("a found value with %s", (_name, found, message) => {
    expect(issue(found)).toBe(message);
  });

  it("cuts a long value without splitting an emoji", () => {
    expect(issue(`${"x".repeat(59)}😀`)).toBe(`quotas.csv:2: quota: expected an amount, found "${"x".repeat(59)}…"`);
  });

  it("escapes names inside the expected text, the column and the hint, and bounds them", () => {
    const message = formatIssue({ code: "row.duplicate", file: "q\n.csv", line: 3, column: "\u001b]0;pwned\u0007", expected: 'a second row for rep "A\nB"', hint: `found ${"h".repeat(1000)}` });
    expect(message).toBe(`q\\n.csv:3: \\x1b]0;pwned\\x07: a second row for rep "A\\nB" (found ${"h".repeat(394)}…)`);
    expect(message).not.toMatch(/[\u0000-\u001f]/);
  });
});

describe("a huge name quoted inside a message", () => {
  it("is cut at 60 characters, and the rest of the message stays whole", () => {
    const name = "N".repeat(1_000_000);
    const message = formatIssue({
      code: "row.duplicate",
      file: "quotas.csv",
      line: 3,
      expected: `a second row for month 2027-03, rep "${name}", product "": expected one row per month, rep and product`,
      hint: "first on line 2",
    });
    expect(message).toBe(`quotas.csv:3: a second row for month 2027-03, rep "${"N".repeat(60)}…", product "": expected one row per month, rep and product (first on line 2)`);
  });
});
