import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { afterAll, describe, expect, it } from "vitest";
import { calibrateCommand } from "../../src/cli/calibrate.js";
import { completionCommand } from "../../src/cli/completion.js";
import { computeCommand } from "../../src/cli/compute.js";
import type { CliEnvironment } from "../../src/cli/environment.js";
import { initCommand } from "../../src/cli/init.js";
import { scenariosCommand } from "../../src/cli/scenarios.js";
import { trackCommand } from "../../src/cli/track.js";
import { CONFIG_KEYS, FLAG_KEYS } from "../../src/schemas/config.js";
import { folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

const environment = { args: [], cwd: "/", env: {}, stdout: () => true, stderr: () => true } as unknown as CliEnvironment;
const PLANNING = [computeCommand, trackCommand, scenariosCommand, calibrateCommand].map((make) => make(environment));
/** init writes the config (it runs where there is none yet); completion prints a script: neither reads one. */
const READING_NONE = [initCommand, completionCommand].map((make) => make(environment));

/** A run's own inputs and outputs, and the config switch itself: flags only (README, "Config file"). */
const FLAGS_ONLY = ["--out", "--config", "--no-config"];
/** Flags whose key is named otherwise: the decimal mark is one key for two switches. */
const KEY_OF: Readonly<Record<string, string>> = { decimalComma: "decimalMark", decimalPoint: "decimalMark" };

const keyOf = (attribute: string) => KEY_OF[attribute] ?? attribute;
const optionsOf = (command: Command) => command.options.filter((option) => option.long !== undefined && !FLAGS_ONLY.includes(option.long));

describe("every flag is a config key, and the reverse", () => {
  it.each(PLANNING.flatMap((command) => optionsOf(command).map((option) => [`${command.name()} ${option.long ?? ""}`, option.attributeName()] as const)))(
    "%s has a config key",
    (_flag, attribute) => {
      expect(CONFIG_KEYS).toContain(keyOf(attribute));
    },
  );

  it.each(CONFIG_KEYS.map((key) => [key]))("the config key %s is a flag of some command", (key) => {
    const attributes = new Set(PLANNING.flatMap((command) => optionsOf(command).map((option) => keyOf(option.attributeName()))));
    expect(attributes).toContain(key);
  });

  it("every planning command reads a config, and the others none", () => {
    expect(PLANNING.map((command) => command.options.some((option) => option.long === "--config"))).toEqual([true, true, true, true]);
    expect(READING_NONE.map((command) => command.options.some((option) => option.long === "--config"))).toEqual([false, false]);
  });

  it("the shipped config schema lists every key", () => {
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "schemas", "config.json"), "utf8")) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties).filter((key) => key !== "$schema").sort()).toEqual([...CONFIG_KEYS].sort());
  });
});

const examples = join(import.meta.dirname, "..", "..", "examples");
const example = (name: string) => readFileSync(join(examples, name), "utf8");
const PLAN_FILES = { "quotas.csv": example("quotas.csv"), "plan/ratios.csv": example("ratios.csv"), "plan/cycles.csv": example("cycles.csv"), "plan/reps.csv": example("reps.csv"), "actuals.csv": example("actuals.csv") };
const PLAN_CONFIG = { ratios: "ratios.csv", cycles: "cycles.csv" };

/** A run in a folder with `plan/config.json` holding `config` (its paths relative to plan/). */
async function withConfig(config: object, args: readonly string[]) {
  const dir = folderWith({ ...PLAN_FILES, "plan/config.json": JSON.stringify({ ...PLAN_CONFIG, ...config }), "history.csv": example("history.csv") });
  return runIn(dir, [...args, "--config", "plan/config.json"]);
}

describe("a config key stands for its flag", () => {
  it("takes reps and strict (refused before issue 14), the reps file relative to the config", async () => {
    const run = await withConfig({ reps: "reps.csv", strict: true, format: "csv" }, ["compute", "quotas.csv"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/capacity warnings; exit 1 \(--strict\)\n$/);
  });

  it("gives way to a flag, and to a flag that excludes it (--fail-on over the config's strict)", async () => {
    const run = await withConfig({ reps: "reps.csv", strict: true, format: "csv" }, ["compute", "quotas.csv", "--fail-on", "inquiry-capacity"]);
    expect(run.stderr).toMatch(/inquiry-capacity warnings; exit 1 \(--fail-on inquiry-capacity\)\n$/);
  });

  it("takes the track options: tolerance, catch-up, bank surplus, as-of", async () => {
    const config = { tolerance: 25, catchUp: "quarter", bankSurplus: true, asOf: "2027-01", format: "json", failOn: "none" };
    const run = await withConfig(config, ["track", "quotas.csv", "actuals.csv"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { tolerance: number; as_of: string; catch_up: { window: string; bank_surplus: boolean } };
    expect([report.tolerance, report.as_of, report.catch_up.window, report.catch_up.bank_surplus]).toEqual([0.25, "2027-01", "quarter", true]);
    const flagged = await withConfig(config, ["track", "quotas.csv", "actuals.csv", "--tolerance", "5"]);
    expect((JSON.parse(flagged.stdout) as { tolerance: number }).tolerance).toBe(0.05);
  });

  it("names the config file and key when a value is wrong, checked as the flag is, before any file is read", async () => {
    const run = await withConfig({ repsCount: "x", repCapacity: 30 }, ["compute", "missing.csv"]);
    expect(run).toMatchObject({ code: 2, stderr: 'leadplan: plan/config.json: repsCount: expected a whole number from 1 to 100,000, found "x"\n' });
    const typed = await withConfig({ strict: "yes" }, ["compute", "missing.csv"]);
    expect(typed.stderr).toBe('leadplan: plan/config.json: strict: expected true or false, found "yes"\n');
    const choice = await withConfig({ catchUp: "month" }, ["track", "missing.csv", "actuals.csv"]);
    expect(choice.stderr).toBe('leadplan: plan/config.json: catchUp: expected one of quarter, year, none, found "month"\n');
  });

  it("is left alone by a command without the flag, or that refuses it (view on track)", async () => {
    const run = await withConfig({ minLeads: 10, view: "team", sensitivity: "10%", format: "csv" }, ["track", "quotas.csv", "actuals.csv", "--fail-on", "none"]);
    expect(run.code).toBe(0);
  });

  it("reaches calibrate, which read no config before", async () => {
    const run = await withConfig({ minLeads: 3, byRep: true, format: "json" }, ["calibrate", "history.csv"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { scopes: { rep: string }[] };
    expect(report.scopes.some((scope) => scope.rep !== "")).toBe(true);
  });

  it("takes a repeatable flag's values as a list, and a JSON number with the run's decimal mark", async () => {
    const run = await withConfig({ vary: ["qualified_to_won=20%;25%"], sensitivity: 12.5, decimalMark: "comma", format: "json" }, ["scenarios", "quotas.csv"]);
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout) as { scenarios: unknown[]; sensitivity: { share: number } };
    expect([report.scenarios.length, report.sensitivity.share]).toEqual([2, 0.125]);
  });
});

describe("the flag keys", () => {
  it("are each a flag's commander name", () => {
    const attributes = new Set(PLANNING.flatMap((command) => command.options.map((option) => option.attributeName())));
    expect(Object.keys(FLAG_KEYS).filter((key) => !attributes.has(key))).toEqual([]);
  });
});
