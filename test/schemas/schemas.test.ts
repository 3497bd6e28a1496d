import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import { describe, expect, it } from "vitest";
import { DOCUMENT_SCHEMA_FILES, schemaFiles } from "../../src/schemas/files.js";
import { runIn } from "../cli/harness.js";

const root = join(import.meta.dirname, "..", "..");
const shipped = (name: string): object => JSON.parse(readFileSync(join(root, "schemas", name), "utf8")) as object;

/** A validator of a shipped schema file, and its errors as one readable line. */
function validatorOf(name: string): (document: unknown) => string | undefined {
  const validate: ValidateFunction = new Ajv({ allErrors: true, strict: false }).compile(shipped(name));
  return (document) => (validate(document) ? undefined : (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? ""} ${JSON.stringify(error.params)}`).join("; "));
}

/** The stdout a golden case recorded (see test/golden/golden.test.ts). */
function goldenStdout(name: string): string {
  const text = readFileSync(join(root, "test/golden/cases", name, "expected.txt"), "utf8");
  const start = text.indexOf("--- stdout\n") + "--- stdout\n".length;
  return text.slice(start, text.lastIndexOf("\n--- stderr\n"));
}

describe("the shipped schemas", () => {
  it.each(Object.entries(schemaFiles()))("schemas/%s is what npm run schemas writes from src/schemas", (name, text) => {
    expect(readFileSync(join(root, "schemas", name), "utf8"), "stale: run npm run schemas").toBe(text);
  });

  it("ship in the package", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { files: string[] };
    expect(pkg.files).toContain("schemas");
  });
});

describe("every JSON output of the golden cases", () => {
  const cases = readdirSync(join(root, "test/golden/cases"))
    .filter((name) => {
      const { args } = JSON.parse(readFileSync(join(root, "test/golden/cases", name, "command.json"), "utf8")) as { args: string[] };
      return args.some((arg, at) => arg === "json" && args[at - 1] === "--format");
    })
    .sort();

  it("includes a case of each document", () => {
    const schemas = new Set(cases.map((name) => (JSON.parse(goldenStdout(name)) as { schema: string }).schema));
    expect([...schemas].sort()).toEqual(Object.keys(DOCUMENT_SCHEMA_FILES).sort());
  });

  it.each(cases)("%s is valid against its shipped schema", (name) => {
    const document = JSON.parse(goldenStdout(name)) as { schema: string };
    const file = DOCUMENT_SCHEMA_FILES[document.schema];
    expect(file, `a schema file for ${document.schema}`).toBeDefined();
    expect(validatorOf(file ?? "")(document)).toBeUndefined();
  });
});

describe("the schemas are contracts, not descriptions of anything", () => {
  it("refuse a compute document whose row lost a field", () => {
    const document = JSON.parse(goldenStdout("04-examples-json")) as { rows: Record<string, unknown>[] };
    delete document.rows[0]?.budget;
    expect(validatorOf("compute.json")(document)).toMatch(/budget/);
  });

  it("refuse a track document with a field the schema does not name inside a row", () => {
    const document = JSON.parse(goldenStdout("31-track-as-of-january-json")) as { rows: Record<string, unknown>[] };
    if (document.rows[0]) document.rows[0].surprise = 1;
    expect(validatorOf("track.json")(document)).toMatch(/additional propert/);
  });

  it("take new fields at a document's top level, as other additive changes bring them", () => {
    const document = { ...(JSON.parse(goldenStdout("04-examples-json")) as object), confidence: { level: 0.8 } };
    expect(validatorOf("compute.json")(document)).toBeUndefined();
  });
});

describe("the config examples", () => {
  const config = validatorOf("config.json");

  it("examples/leadplan.config.json is valid", () => {
    expect(config(JSON.parse(readFileSync(join(root, "examples/leadplan.config.json"), "utf8")))).toBeUndefined();
  });

  it("every JSON block of README's config section is valid", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("### Config file"), readme.indexOf("\n### ", readme.indexOf("### Config file") + 1));
    const blocks = [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(config(JSON.parse(block))).toBeUndefined();
  });

  it("refuses a key no flag has", () => {
    expect(config({ closeRate: "25%", tolerence: 5 })).toMatch(/additional propert/);
  });
});

// The sections golden cases leave out: capacity, the history baseline, sensitivity, a configured funnel's scenarios, a fixed mix.
const PLAN = ["examples/quotas.csv", "--ratios", "examples/ratios.csv", "--cycles", "examples/cycles.csv"];
const FUNNEL = ["examples/funnel-quotas.csv", "--funnel", "inquiry,mql,sql,won", "--ratios", "examples/funnel-ratios.csv", "--cycles", "examples/funnel-cycles.csv"];
const MORE_RUNS: readonly (readonly string[])[] = [
  ["compute", ...PLAN, "--reps", "examples/reps.csv", "--respect-capacity"],
  ["compute", ...PLAN, "--history", "examples/history.csv"],
  ["compute", ...FUNNEL, "--reps", "examples/funnel-reps.csv"],
  ["track", "examples/quotas.csv", "examples/actuals.csv", ...PLAN.slice(1), "--reps", "examples/reps.csv", "--by", "rep", "--catch-up", "quarter", "--fail-on", "none"],
  ["scenarios", ...PLAN, "--scenarios", "examples/scenarios.csv", "--sensitivity", "10%", "--sources", "examples/sources.csv", "--reps", "examples/reps.csv"],
  ["scenarios", ...FUNNEL, "--vary", "mql_to_sql=40%,50%", "--sensitivity", "10%"],
  ["calibrate", "examples/history.csv", "--by-rep", "--funnel", "inquiry,qualified,won"],
];

describe("JSON outputs beyond the golden cases", () => {
  it.each(MORE_RUNS.map((args) => [args.join(" "), args] as const))("leadplan %s --format json is valid against its shipped schema", async (_, args) => {
    const run = await runIn(root, [...args, "--format", "json"]);
    expect(run.stderr.startsWith("leadplan: ") ? run.stderr : "").toBe("");
    const document = JSON.parse(run.stdout) as { schema: string };
    expect(validatorOf(DOCUMENT_SCHEMA_FILES[document.schema] ?? "")(document)).toBeUndefined();
  });
});
