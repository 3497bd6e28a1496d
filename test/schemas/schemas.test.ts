import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import { afterAll, describe, expect, it } from "vitest";
import { historyText } from "../../bench/generate-history.mjs";
import { DOCUMENT_SCHEMA_FILES, schemaFiles } from "../../src/schemas/files.js";
import { folderWith, removeFolders, runIn } from "../cli/harness.js";

afterAll(removeFolders);

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
    const document = { ...(JSON.parse(goldenStdout("04-examples-json")) as object), later_section: { level: 0.8 } };
    expect(validatorOf("compute.json")(document)).toBeUndefined();
  });

  it("refuse a confidence period that lost its budget, and a thin scope of a figure no history vouches for", () => {
    const document = JSON.parse(goldenStdout("147-confidence-history-json")) as { confidence: { periods: Record<string, unknown>[]; thin_scopes: Record<string, unknown>[] } };
    delete document.confidence.periods[0]?.budget;
    if (document.confidence.thin_scopes[0]) document.confidence.thin_scopes[0].figure = "surprise";
    const errors = validatorOf("compute.json")(document) ?? "";
    expect(errors).toMatch(/confidence\/periods\/0 must have required property 'budget'/);
    expect(errors).toMatch(/confidence\/thin_scopes\/0\/figure must be equal to one of the allowed values/);
  });

  it("refuse a half-month track row with a field the schema does not name, and a forecast without its seed", () => {
    const half = JSON.parse(goldenStdout("111-track-half-month-as-of-day-json")) as { rows: Record<string, unknown>[]; period: Record<string, unknown> };
    expect(half.rows[0]?.period).toBe("2027-01-H1");
    if (half.rows[0]) half.rows[0].half = "H1";
    half.period.days = 10;
    const errors = validatorOf("track.json")(half) ?? "";
    expect(errors).toMatch(/\/rows\/0 must NOT have additional properties \{"additionalProperty":"half"\}/);
    expect(errors).toMatch(/\/period must NOT have additional properties \{"additionalProperty":"days"\}/);
    const forecast = JSON.parse(goldenStdout("93-track-forecast-json")) as { forecast: Record<string, unknown> };
    delete forecast.forecast.seed;
    expect(validatorOf("track.json")(forecast)).toMatch(/forecast must have required property 'seed'/);
  });

  it("refuse a source mix summary line that lost a field", () => {
    const document = JSON.parse(goldenStdout("53-scenarios-optimize-mix-json")) as { sources: { plan: Record<string, unknown> } };
    delete document.sources.plan.cost_per_won_deal;
    expect(validatorOf("scenarios.json")(document)).toMatch(/sources\/plan must have required property 'cost_per_won_deal'/);
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

  it("a configured funnel's capacity by stage (sql_capacity, mql_capacity) is checked as capacity is", async () => {
    const run = await runIn(root, ["compute", ...FUNNEL, "--reps", "examples/funnel-reps.csv", "--format", "json"]);
    const document = JSON.parse(run.stdout) as Record<string, Record<string, unknown>>;
    expect(Object.keys(document).filter((key) => key.endsWith("capacity")).sort()).toEqual(["mql_capacity", "sql_capacity"]);
    expect(validatorOf("compute.json")(document)).toBeUndefined();
    delete document.sql_capacity?.reps;
    expect(validatorOf("compute.json")(document)).toMatch(/sql_capacity must have required property 'reps'/);
  });

  it("a configured funnel's track by stage capacity, compute baseline and confidence, and source mix are valid", async () => {
    const funnel = ["--funnel", "inquiry,mql,sql,won"];
    const worked = [...funnel, "--deal-size", "10000", "--rate", "sql_to_won=25%", "--lag", "sql_to_won=2m", "--rate", "mql_to_sql=50%", "--lag", "mql_to_sql=1m", "--rate", "inquiry_to_mql=20%", "--cost", "inquiry=10", "--surge", "0"];
    const dir = folderWith({
      "quotas.csv": readFileSync(join(root, "examples/funnel-quotas.csv"), "utf8"),
      "history.csv": historyText({ leads: 4_000, seed: 3, stages: ["inquiry", "mql", "sql", "won"] }),
      "sources.csv": "source,share,sql_to_won,mql_to_sql,inquiry_to_mql,cost_per_inquiry\nWeb,50%,25%,50%,20%,10\nEvents,50%,25%,25%,20%,30\n",
    });
    const track = await runIn(root, ["track", "examples/funnel-quotas.csv", "examples/funnel-actuals.csv", ...FUNNEL.slice(1), "--reps", "examples/funnel-reps.csv", "--fail-on", "none", "--format", "json"]);
    const runs = [
      track,
      await runIn(dir, ["compute", "quotas.csv", ...funnel, "--history", "history.csv", "--confidence", "90", "--trials", "500", "--format", "json"]),
      await runIn(dir, ["scenarios", "quotas.csv", ...worked, "--sources", "sources.csv", "--format", "json"]),
    ];
    expect(Object.keys(JSON.parse(track.stdout) as object)).toContain("sql_capacity");
    for (const run of runs) {
      expect(run.stderr.startsWith("leadplan: ") ? run.stderr : "").toBe("");
      const document = JSON.parse(run.stdout) as { schema: string };
      expect(validatorOf(DOCUMENT_SCHEMA_FILES[document.schema] ?? "")(document)).toBeUndefined();
    }
    const compute = JSON.parse(runs[1]?.stdout ?? "{}") as { baseline?: { rows: object[] }; confidence?: object };
    expect([Object.keys(compute.baseline?.rows[0] ?? {}), compute.confidence !== undefined]).toEqual([["month", "inquiry", "baseline_inquiry", "inquiry_vs_baseline", "sql", "baseline_sql", "sql_vs_baseline"], true]);
  });
});

describe("issue 15's JSON fields", () => {
  // Commission (compute totals and assumptions, a scenarios column) and pipeline coverage (track).
  const ASSUME = ["--deal-size", "10000", "--close-rate", "50%", "--qualify-rate", "25%", "--cycle-months", "2", "--surge", "0", "--cost-per-inquiry", "10"];
  const FILES = {
    "quotas.csv": "month,quota\n2027-02,300000\n2027-03,300000\n2027-04,300000\n2027-05,300000\n",
    "actuals.csv": "month,inquiries,open_pipeline\n2027-01,240,900000\n2027-02,240,1800000\n",
    "funnel-quotas.csv": "month,quota\n2027-02,300000\n",
  };
  const FUNNEL = ["--funnel", "inquiry,mql,sql,won", "--deal-size", "10000", "--rate", "sql_to_won=25%", "--lag", "sql_to_won=2m", "--rate", "mql_to_sql=50%", "--rate", "inquiry_to_mql=20%", "--cost", "inquiry=10", "--surge", "0"];

  it("are valid against the shipped schemas", async () => {
    const dir = folderWith(FILES);
    const runs = [
      await runIn(dir, ["compute", "quotas.csv", ...ASSUME, "--commission-rate", "10%", "--format", "json"]),
      await runIn(dir, ["compute", "funnel-quotas.csv", ...FUNNEL, "--commission-per-deal", "500", "--format", "json"]),
      await runIn(dir, ["scenarios", "quotas.csv", ...ASSUME, "--vary", "commission_rate=5%,10%", "--format", "json"]),
      await runIn(dir, ["track", "quotas.csv", "actuals.csv", ...ASSUME, "--fail-on", "none", "--format", "json"]),
    ];
    for (const run of runs) {
      expect(run.stderr.startsWith("leadplan: ") ? run.stderr : "").toBe("");
      expect(run.stdout).toMatch(/"commission|"coverage"/);
      const document = JSON.parse(run.stdout) as { schema: string };
      expect(validatorOf(DOCUMENT_SCHEMA_FILES[document.schema] ?? "")(document)).toBeUndefined();
    }
  });

  it("refuse a coverage row with a field the schema does not name, and compute totals with a stray commission key", async () => {
    const dir = folderWith(FILES);
    const track = JSON.parse((await runIn(dir, ["track", "quotas.csv", "actuals.csv", ...ASSUME, "--fail-on", "none", "--format", "json"])).stdout) as { coverage: { rows: Record<string, unknown>[] } };
    if (track.coverage.rows[0]) track.coverage.rows[0].pipeline = 1;
    expect(validatorOf("track.json")(track)).toMatch(/coverage\/rows\/0 must NOT have additional properties/);
    const compute = JSON.parse((await runIn(dir, ["compute", "quotas.csv", ...ASSUME, "--commission-rate", "10%", "--format", "json"])).stdout) as { totals: Record<string, unknown> };
    expect(compute.totals.commission_per_deal).toBe(1000);
    compute.totals.commission_share = 0.1;
    expect(validatorOf("compute.json")(compute)).toMatch(/totals must NOT have additional properties/);
  });
});
