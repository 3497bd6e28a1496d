import { afterAll, describe, expect, it } from "vitest";
import { ASSUMPTIONS, type AssumptionEntry, type AssumptionSpelling, assumptionEntry, assumptionSpellings } from "../../src/core/assumptions.js";
import { parserOf } from "../../src/io/assumption-values.js";
import { folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

// Every registry spelling is given, with a good and a bad value, to every place that takes
// assumptions: a flag, a config key, its file's column, a scenarios column and `--vary`. An entry
// added to the registry that one of them does not accept fails here.

// $150,000 due in 2027-03 at $75,000 deals, 20% close, 10% qualify, a 1-month cycle, no surge,
// $45 an inquiry. Each value below differs from these, so a value that is read changes the plan.
const BASE: Readonly<Record<string, string>> = {
  "--deal-size": "75000",
  "--close-rate": "20%",
  "--qualify-rate": "10%",
  "--cycle-months": "1",
  "--surge": "0",
  "--cost-per-inquiry": "45",
};
const QUOTAS = { "quotas.csv": "month,quota\n2027-06,150000\n" };
const GOOD: Readonly<Record<string, string>> = { amount: "50000", cost: "60", rate: "30%", percent: "10%", days: "45", months: "2" };
const BAD = "-1";

const goodValue = (entry: AssumptionEntry, spelling: AssumptionSpelling) => GOOD[spelling.unit ?? entry.kind] ?? "";
/** The base flags without any spelling of `entry`: the value comes from the place under test. */
const baseWithout = (entry: AssumptionEntry) =>
  Object.entries(BASE)
    .filter(([flag]) => !entry.spellings.some((spelling) => spelling.flag === flag))
    .flat();
/** What the kind's parser says of the bad value: every place must say the same. */
const refusal = (entry: AssumptionEntry, spelling: AssumptionSpelling) => {
  const parsed = parserOf(entry.kind, spelling.unit)(BAD);
  if (parsed.ok) throw new Error(`${spelling.column} accepts ${BAD}`);
  return `expected ${parsed.expected}, found "${BAD}"`;
};

const cases = assumptionSpellings().map(({ entry, spelling }) => [spelling.flag, entry, spelling] as const);

describe("every assumption in the registry", () => {
  it("covers every flag, config key and column once", () => {
    const spellings = assumptionSpellings();
    for (const key of ["flag", "configKey", "column"] as const) {
      const names = spellings.map(({ spelling }) => spelling[key]);
      expect(new Set(names).size, key).toBe(names.length);
    }
    // The config key is the flag's commander attribute: both land in the same RawSettings field.
    for (const { spelling } of spellings) expect(spelling.configKey).toBe(spelling.flag.slice(2).replace(/-(.)/g, (_, letter: string) => letter.toUpperCase()));
  });

  it.each(cases)("%s is taken as a flag, a config key, a file column and a scenario, read alike", async (flag, entry, spelling) => {
    const value = goodValue(entry, spelling);
    const others = baseWithout(entry);
    const json = ["--format", "json"];

    const without = await runIn(folderWith(QUOTAS), ["compute", "quotas.csv", ...Object.entries(BASE).flat(), ...json]);
    expect(without.code, without.stderr).toBe(0);
    const byFlag = await runIn(folderWith(QUOTAS), ["compute", "quotas.csv", ...others, flag, value, ...json]);
    expect(byFlag.code, byFlag.stderr).toBe(0);
    expect(byFlag.stdout, "the flag's value is used").not.toBe(without.stdout);

    const config = JSON.stringify({ [spelling.configKey]: value });
    const byConfig = await runIn(folderWith({ ...QUOTAS, "leadplan.config.json": config }), ["compute", "quotas.csv", ...others, ...json]);
    expect(byConfig.code, byConfig.stderr).toBe(0);
    expect(byConfig.stdout).toBe(byFlag.stdout);

    if (entry.file !== undefined) {
      const file = `${entry.file}.csv`;
      const byFile = await runIn(folderWith({ ...QUOTAS, [file]: fileWith(entry, spelling, value) }), ["compute", "quotas.csv", ...others, `--${entry.file}`, file, ...json]);
      expect(byFile.code, byFile.stderr).toBe(0);
      // The same plan; only the inputs it names differ.
      const plan = (stdout: string) => ({ ...(JSON.parse(stdout) as object), inputs: undefined });
      expect(plan(byFile.stdout)).toEqual(plan(byFlag.stdout));
    }

    const scenarioFile = { ...QUOTAS, "s.csv": `scenario,${spelling.column}\nx,${value}\n` };
    const byScenario = await runIn(folderWith(scenarioFile), ["scenarios", "quotas.csv", ...Object.entries(BASE).flat(), "--scenarios", "s.csv", "--format", "csv"]);
    expect(byScenario.code, byScenario.stderr).toBe(0);
    const byVary = await runIn(folderWith(QUOTAS), ["scenarios", "quotas.csv", ...Object.entries(BASE).flat(), "--vary", `${spelling.column}=${value}`, "--format", "csv"]);
    expect(byVary.code, byVary.stderr).toBe(0);
    const figures = (csv: string) => csv.trim().split("\n").slice(1).map((row) => row.slice(row.indexOf(",")));
    expect(figures(byScenario.stdout)).toEqual(figures(byVary.stdout));
  });

  it.each(cases)("%s refuses a bad value with the parser's message in every place", async (flag, entry, spelling) => {
    const others = baseWithout(entry);
    const message = refusal(entry, spelling);
    const expectRefused = (run: { code: number; stderr: string }, where: string) => {
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toBe(`leadplan: ${where}: ${message}\n`);
    };
    expectRefused(await runIn(folderWith(QUOTAS), ["compute", "quotas.csv", ...others, flag, BAD]), flag);
    const config = JSON.stringify({ [spelling.configKey]: BAD });
    expectRefused(await runIn(folderWith({ ...QUOTAS, "leadplan.config.json": config }), ["compute", "quotas.csv", ...others]), `leadplan.config.json: ${spelling.configKey}`);
    if (entry.file !== undefined) {
      const file = `${entry.file}.csv`;
      expectRefused(await runIn(folderWith({ ...QUOTAS, [file]: fileWith(entry, spelling, BAD) }), ["compute", "quotas.csv", ...others, `--${entry.file}`, file]), `${file}:2: ${spelling.column}`);
    }
    const scenarioFile = { ...QUOTAS, "s.csv": `scenario,${spelling.column}\nx,${BAD}\n` };
    expectRefused(await runIn(folderWith(scenarioFile), ["scenarios", "quotas.csv", ...Object.entries(BASE).flat(), "--scenarios", "s.csv"]), `s.csv:2: ${spelling.column}`);
    expectRefused(await runIn(folderWith(QUOTAS), ["scenarios", "quotas.csv", ...Object.entries(BASE).flat(), "--vary", `${spelling.column}=${BAD}`]), `--vary: ${spelling.column}`);
  });

  it("moves exactly the sensitive entries in the sensitivity, by their column stem", async () => {
    const run = await runIn(folderWith(QUOTAS), ["scenarios", "quotas.csv", ...Object.entries({ ...BASE, "--surge": "30%" }).flat(), "--sensitivity", "10%", "--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    const rows = (JSON.parse(run.stdout) as { sensitivity: { rows: { assumption: string }[] } }).sensitivity.rows.map((row) => row.assumption);
    expect(rows.sort()).toEqual(ASSUMPTIONS.filter((entry) => entry.sensitive).map((entry) => entry.stem).sort());
  });
});

/** A one-row file of `entry`'s kind giving `value` in `spelling`'s column (a cycle file needs its sales cycle). */
function fileWith(entry: AssumptionEntry, spelling: AssumptionSpelling, value: string): string {
  const required = assumptionEntry("salesCycle").spellings.map((other) => other.column);
  if (entry.file === "cycles" && !required.includes(spelling.column)) return `sales_cycle_months,${spelling.column}\n1,${value}\n`;
  return `${spelling.column}\n${value}\n`;
}
