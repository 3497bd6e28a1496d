import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { funnelModel, funnelTruthOf, historyText } from "../../bench/generate-history.mjs";
import { folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

// Issue 12, item 3: calibrate reads a date column per stage and writes the step columns that
// `compute --funnel` reads back; the generator's known truth is recovered step by step.

const root = join(import.meta.dirname, "..", "..");
const example = (name: string) => readFileSync(join(root, "examples", name), "utf8");
const STAGES = ["inquiry", "mql", "sql", "won"];
const FUNNEL = ["--funnel", STAGES.join(",")];

/** The rows of a small CSV as records by header. */
function records(text: string): Record<string, string>[] {
  const [header = "", ...lines] = text.trim().split("\n");
  const names = header.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((cell, at) => [names[at] ?? "", cell])));
}

describe("calibrate --funnel on a generated four-stage history (40,000 leads, seed 12)", () => {
  const history = historyText({ leads: 40_000, seed: 12, stages: STAGES });
  const truth = funnelTruthOf(funnelModel(STAGES));

  it("recovers every step's rate within 1.5 points and its mean time within a tenth", async () => {
    const dir = folderWith({ "history.csv": history });
    const run = await runIn(dir, ["calibrate", "history.csv", ...FUNNEL, "--format", "json", "--ratios-out", "ratios.csv"]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    const all = records(readFileSync(join(dir, "ratios.csv"), "utf8")).find((row) => row.rep === "" && row.product === "");
    const json = JSON.parse(run.stdout) as { funnel: string[]; scopes: { steps: { step: string; rate: number; mean_days: number }[] }[] };
    expect(json.funnel).toEqual(STAGES);
    for (const step of truth) {
      const key = `${step.from}_to_${step.to}`;
      expect(Math.abs(Number(all?.[key]) - step.rate), key).toBeLessThan(0.015);
      const measured = json.scopes[0]?.steps.find((own) => own.step === key);
      expect(Math.abs((measured?.mean_days ?? 0) / step.meanDays - 1), `${key} days`).toBeLessThan(0.1);
    }
  });

  it("writes ratio and cycle files that compute --funnel plans with", async () => {
    const dir = folderWith({ "history.csv": history, "quotas.csv": example("funnel-quotas.csv") });
    const calibrated = await runIn(dir, ["calibrate", "history.csv", ...FUNNEL, "--ratios-out", "ratios.csv", "--cycles-out", "cycles.csv", "--out", "report.txt"]);
    expect(calibrated.code).toBe(0);
    expect(readFileSync(join(dir, "ratios.csv"), "utf8").split("\n")[0]).toBe("rep,product,avg_deal_size,sql_to_won,mql_to_sql,inquiry_to_mql,cost_per_inquiry");
    const stages = new Set(records(readFileSync(join(dir, "cycles.csv"), "utf8")).map((row) => row.stage));
    expect([...stages]).toEqual(["sql_to_won", "mql_to_sql", "inquiry_to_mql"]);
    const planned = await runIn(dir, ["compute", "quotas.csv", ...FUNNEL, "--ratios", "ratios.csv", "--cycles", "cycles.csv", "--format", "csv"]);
    const refusals = planned.stderr.split("\n").filter((line) => line !== "" && !line.startsWith("warning: "));
    expect([planned.code, refusals]).toEqual([0, []]);
    expect(planned.stdout.split("\n")[0]).toContain("deals,sql,mql,inquiry");
  });

  it.each(["table", "markdown", "csv", "html"])("reports each step's rate and time in %s", async (format) => {
    const dir = folderWith({ "history.csv": historyText({ leads: 3_000, seed: 5, stages: STAGES }) });
    const run = await runIn(dir, ["calibrate", "history.csv", ...FUNNEL, "--format", format]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    for (const text of format === "csv" ? ["inquiry_to_mql", "mql_to_sql_mean_days", "sql_to_won"] : ["inquiry → mql", "mql → sql", "sql → won"]) expect(run.stdout).toContain(text);
  });
});

describe("calibrate --funnel reads its stage columns", () => {
  const HEADER = "created,mql_on,sql_on,closed_on,outcome,amount\n";

  it("renames a stage's column with --map", async () => {
    const dir = folderWith({ "h.csv": "created,MQL Date,sql_on,closed_on,outcome,amount\n2026-01-05,2026-01-10,2026-01-20,2026-02-20,won,1000\n" });
    const run = await runIn(dir, ["calibrate", "h.csv", ...FUNNEL, "--map", 'mql_on="MQL Date"', "--format", "json"]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { scopes: { steps: { step: string; reached: number }[] }[] }).scopes[0]?.steps.map((step) => [step.step, step.reached])).toEqual([
      ["sql_to_won", 1],
      ["mql_to_sql", 1],
      ["inquiry_to_mql", 1],
    ]);
  });

  it.each([
    ["a missing stage column", "created,sql_on,closed_on,outcome,amount\n2026-01-05,,,open,\n", "h.csv:1: missing column: expected mql_on in a lead-level export of the funnel"],
    ["a later stage without an earlier one", `${HEADER}2026-01-05,,2026-01-20,,open,\n`, 'h.csv:2: mql_on: expected the date the lead reached mql, as it has a sql_on date, found ""'],
    ["a stage before the one above", `${HEADER}2026-01-05,2026-01-10,2026-01-08,,open,\n`, 'h.csv:2: sql_on: expected a date on or after mql_on (2026-01-10), found "2026-01-08"'],
    ["a won lead that never reached the stage before won", `${HEADER}2026-01-05,2026-01-10,,2026-02-20,won,1000\n`, "h.csv:2: sql_on: expected the date a won lead reached sql"],
    ["a close before the last stage reached", `${HEADER}2026-01-05,2026-01-10,2026-01-20,2026-01-15,lost,\n`, 'h.csv:2: closed_on: expected a date on or after sql_on (2026-01-20), found "2026-01-15"'],
  ])("refuses %s in one line", async (_, history, message) => {
    const dir = folderWith({ "h.csv": history });
    const run = await runIn(dir, ["calibrate", "h.csv", ...FUNNEL]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it("refuses --map of a column the funnel does not read", async () => {
    const run = await runIn(folderWith({}), ["calibrate", "h.csv", ...FUNNEL, "--map", "qualified_on=Q"]);
    expect([run.code, run.stderr]).toMatchObject([2, expect.stringContaining("--map")]);
  });

  it("refuses a stage named closed", async () => {
    const run = await runIn(folderWith({}), ["calibrate", "h.csv", "--funnel", "lead,closed,won"]);
    expect([run.code, run.stderr]).toMatchObject([2, expect.stringContaining("no stage named closed")]);
  });

  it("reads the default funnel written out exactly as without --funnel", async () => {
    const dir = folderWith({ "history.csv": example("history.csv") });
    const plain = await runIn(dir, ["calibrate", "history.csv", "--format", "json"]);
    const written = await runIn(dir, ["calibrate", "history.csv", "--funnel", "inquiry,qualified,won", "--format", "json"]);
    expect(written).toEqual(plain);
  });
});
