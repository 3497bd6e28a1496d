import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

const examples = join(import.meta.dirname, "..", "..", "examples");
const example = (name: string) => readFileSync(join(examples, name), "utf8");

// The worked example: $2,000,000 due 2027-03, $75,000 deals, 20% close over 2 months, 10% qualify, $45 an inquiry.
const WORKED = ["--deal-size", "75000", "--close-rate", "20%", "--qualify-rate", "10%", "--cycle-months", "2", "--surge", "0", "--cost-per-inquiry", "45"];
const WORKED_FILES = { "quotas.csv": example("worked-example.csv") };
const worked = (command: string, args: readonly string[], files: Readonly<Record<string, string>> = WORKED_FILES) => runIn(folderWith(files), [command, "quotas.csv", ...WORKED, ...args]);

// The examples' four segments: lags spread leads over quarters, so the chances are simulated.
const EXAMPLE_FILES = { "quotas.csv": example("quotas.csv"), "ratios.csv": example("ratios.csv"), "cycles.csv": example("cycles.csv") };
const onExamples = (command: string, args: readonly string[]) => runIn(folderWith(EXAMPLE_FILES), [command, "quotas.csv", "--ratios", "ratios.csv", "--cycles", "cycles.csv", ...args]);

interface Totals {
  inquiries: number;
  qualified_leads: number;
  budget: number;
}
interface ComputeJson {
  totals: Totals;
  confidence: { method: string; periods: { period: string; probability_at_average_plan: number | null }[] };
}
interface RowJson extends Totals {
  scenario: string;
  budget_change: { absolute: number; percent: number };
  confidence?: { level: number | null; by: string; method: string; trials: number; seed: number; probability_of_quota: number | null; periods: { period: string; quota: number; probability: number | null }[] };
}
interface ScenariosJson {
  baseline: RowJson;
  scenarios: RowJson[];
}

describe("scenarios with the confidence level as a dimension", () => {
  it("gives the 90% row the inquiries, qualified leads and budget of compute --confidence 90, and the baseline the average plan's chance per quarter", async () => {
    const [scenarios, compute] = await Promise.all([onExamples("scenarios", ["--vary", "confidence=90", "--format", "json"]), onExamples("compute", ["--confidence", "90", "--format", "json"])]);
    expect([scenarios.code, compute.code]).toEqual([0, 0]);
    const plan = JSON.parse(compute.stdout) as ComputeJson;
    const { baseline, scenarios: rows } = JSON.parse(scenarios.stdout) as ScenariosJson;
    const [at90] = rows;
    expect(plan.confidence.method).toBe("simulation");
    expect([at90?.inquiries, at90?.qualified_leads, at90?.budget]).toEqual([plan.totals.inquiries, plan.totals.qualified_leads, plan.totals.budget]);
    expect([at90?.inquiries, at90?.qualified_leads, at90?.budget]).toEqual([6_087, 599, 240_180]);
    expect(at90?.confidence?.level).toBe(0.9);
    expect(baseline.confidence?.periods.map((period) => [period.period, period.probability])).toEqual(plan.confidence.periods.map((period) => [period.period, period.probability_at_average_plan]));
  });

  it("prices certainty on the worked example: 1,688 inquiries and 166 qualified leads at 90%, +$15,930, exact", async () => {
    const run = await worked("scenarios", ["--vary", "confidence=average,90", "--format", "json"]);
    const { baseline, scenarios } = JSON.parse(run.stdout) as ScenariosJson;
    const [average, at90] = scenarios;
    expect([baseline.inquiries, baseline.qualified_leads, baseline.budget, baseline.confidence?.probability_of_quota]).toEqual([1_334, 134, 60_030, 0.501505]);
    expect(average).toEqual({ ...baseline, scenario: "confidence=average" });
    expect([at90?.inquiries, at90?.qualified_leads, at90?.budget, at90?.budget_change]).toEqual([1_688, 166, 75_960, { absolute: 15_930, percent: 26.54 }]);
    expect(at90?.confidence).toMatchObject({ level: 0.9, by: "quarter", method: "exact", trials: 10_000, seed: 13, periods: [{ period: "2027-Q1", quota: 2_000_000 }] });
    // P(Bin(1,688, 2%) ≥ 27) = 0.900068; P(Bin(1,334, 2%) ≥ 27) = 0.501505, closed form.
    expect(at90?.confidence?.probability_of_quota).toBe(0.900068);
  });

  it("reads a confidence column: a level, average, or an empty cell for the average plan", async () => {
    const files = { ...WORKED_FILES, "s.csv": "scenario,confidence,cost_per_inquiry\nsure,90%,\nsame,average,\nplain,,60\n" };
    const run = await worked("scenarios", ["--scenarios", "s.csv", "--format", "csv"], files);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toBe(
      "scenario,confidence,inquiries,qualified_leads,deals,budget,budget_change,budget_change_percent,probability_of_quota,inquiries_change,inquiries_change_percent,cost_per_qualified_lead,cost_per_deal,quota_per_dollar,budget_2027-Q1",
    );
    expect(lines.slice(1).map((line) => line.split(",").slice(0, 9).join(","))).toEqual([
      "baseline,,1334,134,27,60030,0,0,0.501505",
      "sure,0.9,1688,166,27,75960,15930,26.54,0.900068",
      "same,,1334,134,27,60030,0,0,0.501505",
      "plain,,1334,134,27,80040,20010,33.33,0.501505",
    ]);
  });

  it("shows the level and the chance in markdown and html too, with the method", async () => {
    const [markdown, html] = await Promise.all([worked("scenarios", ["--vary", "confidence=90", "--format", "markdown"]), worked("scenarios", ["--vary", "confidence=90", "--format", "html"])]);
    expect(markdown.stdout).toMatch(/\| Scenario +\| Confidence +\| Inquiries .*\| Budget change +\| Chance of quota \|/);
    expect(markdown.stdout).toMatch(/\| confidence=90 +\| +90% +\| +1,688 \|.*\| +90\.0% \|/);
    expect(markdown.stdout).toContain("Method: exact binomial quantiles, no simulation needed.");
    expect(html.stdout).toContain("Chance of quota");
    expect(html.stdout).toContain("90.0%");
  });

  it("leaves a run without a confidence dimension as it was: no column, no confidence key", async () => {
    const run = await worked("scenarios", ["--vary", "cost_per_inquiry=60", "--format", "json"]);
    expect(run.stdout).not.toContain("confidence");
    const table = await worked("scenarios", ["--vary", "cost_per_inquiry=60"]);
    expect(table.stdout).not.toContain("Chance of quota");
  });

  it("takes --trials and --seed as compute does, and says so per row", async () => {
    const run = await onExamples("scenarios", ["--vary", "confidence=75", "--trials", "500", "--seed", "7", "--confidence-by", "year", "--format", "json"]);
    const { scenarios } = JSON.parse(run.stdout) as ScenariosJson;
    expect(scenarios[0]?.confidence).toMatchObject({ level: 0.75, by: "year", method: "simulation", trials: 500, seed: 7 });
  });

  it.each([
    [["--vary", "confidence=90,90%"], 'leadplan: --vary: confidence: expected each value once, found "90%", the same as "90"\n'],
    [["--vary", "confidence=0.9"], 'leadplan: --vary: confidence: expected a confidence above 0 and below 100 percent, like 90 or 90%, or average for the average plan, found "0.9" (0.9 would mean 0.9 percent here: write 90 or 90% for 90 percent, or 0.9% for 0.9 percent)\n'],
    [["--confidence", "90"], 'leadplan: --confidence: expected --vary confidence=PCT (or a confidence column in --scenarios): scenarios compare each level with the baseline, the average plan, found "90"\n'],
    [["--vary", "cost_per_inquiry=60", "--trials", "500"], "leadplan: --trials: needs a confidence scenario (--vary confidence=90 or a confidence column): without one there is no confidence plan to apply it to\n"],
    [["--vary", "confidence=90", "--trials", "0"], 'leadplan: --trials: expected a whole number of trials from 1 to 100,000, found "0"\n'],
  ])("refuses %j in one line", async (args, message) => {
    const run = await worked("scenarios", args);
    expect([run.code, run.stdout, run.stderr]).toEqual([2, "", message]);
  });

  it("refuses a bad confidence cell at its line", async () => {
    const run = await worked("scenarios", ["--scenarios", "s.csv"], { ...WORKED_FILES, "s.csv": "scenario,confidence\nsure,100\n" });
    expect(run.stderr).toBe('leadplan: s.csv:2: confidence: expected a confidence above 0 and below 100 percent, like 90 or 90%, or average for the average plan, found "100"\n');
  });
});
