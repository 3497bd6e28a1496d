import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { historyText } from "../../bench/generate-history.mjs";
import { folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

// Issue 12, item 3: compute --history with a configured funnel learns each step from the stage
// date columns, as calibrate --funnel does, and compares its top stage and the stage before won
// with the history's baseline.

const root = join(import.meta.dirname, "..", "..");
const FUNNEL = ["--funnel", "inquiry,mql,sql,won"];
const history = historyText({ leads: 8_000, seed: 12, stages: ["inquiry", "mql", "sql", "won"] });
const quotas = readFileSync(join(root, "examples", "funnel-quotas.csv"), "utf8");

/** The CSV's rows as cells, the budget (last column) apart: the files round the cost per inquiry to cents. */
const split = (csv: string) => csv.trim().split("\n").map((line) => line.split(","));

describe("compute --history with a configured funnel", () => {
  it("plans what calibrate --funnel's files plan: the same counts, the budget within a cent an inquiry", async () => {
    const dir = folderWith({ "history.csv": history, "quotas.csv": quotas });
    const calibrated = await runIn(dir, ["calibrate", "history.csv", ...FUNNEL, "--ratios-out", "ratios.csv", "--cycles-out", "cycles.csv", "--out", "report.txt"]);
    expect(calibrated.code).toBe(0);
    const byFiles = await runIn(dir, ["compute", "quotas.csv", ...FUNNEL, "--ratios", "ratios.csv", "--cycles", "cycles.csv", "--format", "csv"]);
    const byHistory = await runIn(dir, ["compute", "quotas.csv", ...FUNNEL, "--history", "history.csv", "--format", "csv"]);
    expect([byHistory.code, byHistory.stderr]).toEqual([0, ""]);
    const [header, ...rows] = split(byHistory.stdout);
    expect(header).toEqual(["month", "quota", "deals", "sql", "mql", "inquiry", "surge_inquiry", "budget"]);
    const expected = split(byFiles.stdout).slice(1);
    expect(rows.map((row) => row.slice(0, -1))).toEqual(expected.map((row) => row.slice(0, -1)));
    rows.forEach((row, at) => {
      const inquiries = Number(row[5]);
      expect(Math.abs(Number(row[7]) - Number(expected[at]?.[7]))).toBeLessThanOrEqual(0.005 * inquiries + 1e-9);
    });
    expect(Number(rows.at(-1)?.[2])).toBeGreaterThan(0);
  });

  it("names the compared stages in the baseline, in the table and in JSON", async () => {
    const dir = folderWith({ "history.csv": history, "quotas.csv": quotas });
    const table = await runIn(dir, ["compute", "quotas.csv", ...FUNNEL, "--history", "history.csv"]);
    expect([table.code, table.stderr]).toEqual([0, ""]);
    expect(table.stdout).toMatch(/│ Month +│ Inquiry │ Last year │ × inquiry │ SQL │ Last year │ × SQL │/);
    expect(table.stdout).toMatch(/needs [0-9.]+× last year's inquiry entries \([0-9,]+ against [0-9,]+\); baseline: the same calendar month in 2025-07 to 2026-06 of history.csv\./);
    const json = await runIn(dir, ["compute", "quotas.csv", ...FUNNEL, "--history", "history.csv", "--format", "json"]);
    const baseline = (JSON.parse(json.stdout) as { baseline: { rows: Record<string, unknown>[]; peak: string } }).baseline;
    expect(Object.keys(baseline.rows[0] ?? {})).toEqual(["month", "inquiry", "baseline_inquiry", "inquiry_vs_baseline", "sql", "baseline_sql", "sql_vs_baseline"]);
    expect(baseline.peak).toMatch(/^2027-\d\d$/);
  });
});
