import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TEMPLATES } from "../../src/io/templates.js";
import { filesIn, folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

const NAMES = ["actuals.csv", "cycles.csv", "leadplan.config.json", "quotas.csv", "ratios.csv", "reps.csv"];

describe("leadplan init", () => {
  it("writes every template into a new folder, and says what to run next", async () => {
    const dir = folderWith({});
    const run = await runIn(dir, ["init", "plan"]);
    expect(run.code).toBe(0);
    expect(filesIn(dir)).toEqual(NAMES.map((name) => `plan/${name}`));
    expect(run.stdout).toContain("next: cd plan && leadplan compute quotas.csv\n");
  });

  it("writes each CSV template as a header and two example rows", () => {
    for (const { file, content } of TEMPLATES.filter((template) => template.file.endsWith(".csv"))) {
      expect(content.trimEnd().split("\n"), file).toHaveLength(3);
    }
  });

  it("gives templates that compute, track (with the reps) and scenarios run on as written", async () => {
    const dir = folderWith({});
    await runIn(dir, ["init", "plan"]);
    const plan = join(dir, "plan");
    const computed = await runIn(plan, ["compute", "quotas.csv"]);
    expect([computed.code, computed.stderr]).toEqual([0, ""]);
    expect(computed.stdout).toContain("Total");
    const tracked = await runIn(plan, ["track", "quotas.csv", "actuals.csv", "--reps", "reps.csv"]);
    expect([tracked.code, tracked.stderr]).toEqual([0, ""]);
    const compared = await runIn(plan, ["scenarios", "quotas.csv", "--vary", "qualified_to_won=20%,25%", "--reps", "reps.csv", "--strict"]);
    expect([compared.code, compared.stderr]).toEqual([0, ""]);
  });

  it("writes a config whose $schema is the shipped schema, as installed in node_modules", async () => {
    const config = JSON.parse(TEMPLATES.find((template) => template.file === "leadplan.config.json")?.content ?? "") as Record<string, unknown>;
    expect(config).toHaveProperty("$schema", "./node_modules/leadplan/schemas/config.json");
    expect(existsSync(join("schemas", "config.json"))).toBe(true);
    expect(config).toMatchObject({ ratios: "ratios.csv", cycles: "cycles.csv" });
  });

  it("refuses to overwrite a file that is there, in one line, writing nothing", async () => {
    const dir = folderWith({ "reps.csv": "rep,capacity\nMine,1\n" });
    const run = await runIn(dir, ["init"]);
    expect(run).toMatchObject({ code: 2, stdout: "", stderr: "leadplan: reps.csv: already there: expected a folder without these files (--force overwrites them)\n" });
    expect(filesIn(dir)).toEqual(["reps.csv"]);
    expect(readFileSync(join(dir, "reps.csv"), "utf8")).toBe("rep,capacity\nMine,1\n");
  });

  it("overwrites with --force", async () => {
    const dir = folderWith({ "reps.csv": "rep,capacity\nMine,1\n" });
    const run = await runIn(dir, ["init", ".", "--force"]);
    expect(run.code).toBe(0);
    expect(filesIn(dir)).toEqual(NAMES);
    expect(readFileSync(join(dir, "reps.csv"), "utf8")).toBe(TEMPLATES.find((template) => template.file === "reps.csv")?.content);
  });

  it("refuses a DIR that is a file", async () => {
    const dir = folderWith({});
    writeFileSync(join(dir, "plan"), "");
    const run = await runIn(dir, ["init", "plan"]);
    expect(run).toMatchObject({ code: 2, stderr: "leadplan: plan: a folder to write the templates into, found a file\n" });
    expect(existsSync(join(dir, "quotas.csv"))).toBe(false);
  });
});

describe("the config's $schema key", () => {
  const QUOTAS = "month,quota\n2027-03,100000\n";
  const ASSUME = ["--deal-size", "10000", "--close-rate", "50%", "--qualify-rate", "25%", "--cycle-months", "1", "--cost-per-inquiry", "10"];

  it("is read as text and ignored, so an editor can point at a schema", async () => {
    const config = JSON.stringify({ $schema: "./schemas/config.json", surge: 0 });
    const run = await runIn(folderWith({ "quotas.csv": QUOTAS, "leadplan.config.json": config }), ["compute", "quotas.csv", ...ASSUME]);
    const plain = await runIn(folderWith({ "quotas.csv": QUOTAS }), ["compute", "quotas.csv", ...ASSUME, "--surge", "0"]);
    expect([run.code, run.stderr, run.stdout]).toEqual([0, "", plain.stdout]);
  });

  it("is refused when it is not text, naming the key", async () => {
    const run = await runIn(folderWith({ "quotas.csv": QUOTAS, "leadplan.config.json": '{"$schema": 5}' }), ["compute", "quotas.csv", ...ASSUME]);
    expect(run).toMatchObject({ code: 2, stderr: "leadplan: leadplan.config.json: $schema: expected text, found 5\n" });
  });
});
