import { afterAll, describe, expect, it } from "vitest";
import { folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

const ASSUME = ["--deal-size", "10000", "--close-rate", "25%", "--qualify-rate", "10%", "--cycle-months", "1", "--cost-per-inquiry", "40"];

async function compute(quotas: string, extra: string[] = []) {
  return runIn(folderWith({ "quotas.csv": quotas }), ["compute", "quotas.csv", ...ASSUME, ...extra]);
}

describe("errors are one line and safe to print, whatever the input holds", () => {
  it("a rep named with an embedded newline stays on one line of the message", async () => {
    const run = await compute('month,rep,quota\n2027-01,"Ana\nBen",100\n2027-01,"Ana\nBen",200\n');
    expect({ code: run.code, stderr: run.stderr }).toStrictEqual({
      code: 2,
      stderr: 'leadplan: quotas.csv:4: a second row for month 2027-01, rep "Ana\\nBen", product "": expected one row per month, rep and product (first on line 2)\n',
    });
  });

  it("an ESC sequence in a header reaches the terminal escaped, in a warning", async () => {
    const run = await compute("month,quota,\u001b[2Jnote\n2027-01,100000,x\n", ["--format", "csv"]);
    expect({ code: run.code, stderr: run.stderr }).toStrictEqual({ code: 0, stderr: "warning: quotas.csv:1: \\x1b[2jnote: unknown column, ignored\n" });
  });

  it("an ESC sequence in a header is escaped in the hint of an error", async () => {
    const run = await compute("mon\u001b[31mth,quota\n2027-01,100000\n");
    expect(run.stderr).toBe("leadplan: quotas.csv:1: month: missing column: expected a month column (or month columns like 2027-01 in the wide form) (found mon\\x1b[31mth,quota)\n");
  });

  it("a bad field of a megabyte is cut at 60 characters", async () => {
    const run = await compute(`month,quota\n2027-01,${"9x".repeat(500_000)}\n`);
    expect({ code: run.code, stderr: run.stderr }).toStrictEqual({ code: 2, stderr: `leadplan: quotas.csv:2: quota: expected an amount, found "${"9x".repeat(30)}…"\n` });
  });

  it("an unknown option with control characters is escaped in the usage error", async () => {
    const run = await compute("month,quota\n2027-01,100000\n", ["--\u001b[31mred"]);
    expect({ code: run.code, lines: run.stderr.split("\n").length, raw: /\u001b/.test(run.stderr) }).toStrictEqual({ code: 2, lines: 2, raw: false });
  });
});
