import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { InputError, type Report, calibrate, plan, scenarios, track } from "../../src/index.js";
import type { Format } from "../../src/io/settings.js";
import { FORMATS } from "../../src/io/settings.js";
import { folderWith, runIn } from "../cli/harness.js";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const files = { ratios: "examples/ratios.csv", cycles: "examples/cycles.csv" };
const fileFlags = ["--ratios", files.ratios, "--cycles", files.cycles];

/** The CLI's stderr as the report's warnings and closing line split it. */
function stderrOf(report: Report<{ schema: string }>): string {
  return [...report.warnings.map((line) => `warning: ${line}\n`), ...(report.failed ? [`leadplan: ${report.summary}\n`] : [])].join("");
}

const cases: { name: string; args: string[]; run: () => Promise<Report<{ schema: string }>> }[] = [
  { name: "compute", args: ["compute", "examples/quotas.csv", ...fileFlags], run: () => plan("examples/quotas.csv", { ...files, cwd: repo }) },
  {
    name: "compute with a team and --fail-on capacity",
    args: ["compute", "examples/quotas.csv", ...fileFlags, "--reps", "examples/reps.csv", "--fail-on", "capacity", "--by", "quarter"],
    run: () => plan("examples/quotas.csv", { ...files, reps: "examples/reps.csv", failOn: ["capacity"], by: "quarter", cwd: repo }),
  },
  {
    name: "track",
    args: ["track", "examples/quotas.csv", "examples/actuals.csv", ...fileFlags, "--tolerance", "5"],
    run: () => track("examples/quotas.csv", "examples/actuals.csv", { ...files, tolerance: 5, cwd: repo }),
  },
  {
    name: "scenarios",
    args: ["scenarios", "examples/quotas.csv", ...fileFlags, "--scenarios", "examples/scenarios.csv", "--sensitivity", "10%", "--sources", "examples/sources.csv"],
    run: () => scenarios("examples/quotas.csv", { ...files, scenarios: "examples/scenarios.csv", sensitivity: "10%", sources: "examples/sources.csv", cwd: repo }),
  },
  {
    name: "compute --confidence",
    args: ["compute", "examples/quotas.csv", ...fileFlags, "--confidence", "90", "--confidence-by", "year", "--trials", "500", "--seed", "5"],
    run: () => plan("examples/quotas.csv", { ...files, confidence: 90, confidenceBy: "year", trials: 500, seed: "5", cwd: repo }),
  },
  {
    name: "track --forecast --fail-below",
    args: ["track", "examples/quotas.csv", "examples/actuals.csv", ...fileFlags, "--fail-below", "80", "--trials", "500", "--seed", "7", "--as-of", "2027-02-20"],
    run: () => track("examples/quotas.csv", "examples/actuals.csv", { ...files, failBelow: 80, trials: 500, seed: 7, asOf: "2027-02-20", cwd: repo }),
  },
  {
    name: "scenarios --vary confidence=",
    args: ["scenarios", "examples/quotas.csv", ...fileFlags, "--vary", "confidence=average,90", "--trials", "500"],
    run: () => scenarios("examples/quotas.csv", { ...files, vary: ["confidence=average,90"], trials: 500, cwd: repo }),
  },
  {
    name: "compute --fail-on vacation with a commission",
    args: ["compute", "examples/quotas.csv", ...fileFlags, "--reps", "examples/reps.csv", "--fail-on", "vacation", "--commission-rate", "10%"],
    run: () => plan("examples/quotas.csv", { ...files, reps: "examples/reps.csv", failOn: ["vacation"], commissionRate: "10%", cwd: repo }),
  },
  {
    name: "track --coverage-target",
    args: ["track", "examples/quotas.csv", "examples/coverage-actuals.csv", ...fileFlags, "--coverage-target", "2.5x"],
    run: () => track("examples/quotas.csv", "examples/coverage-actuals.csv", { ...files, coverageTarget: "2.5x", cwd: repo }),
  },
  {
    name: "track --by source --sources --fail-on source",
    args: ["track", "examples/quotas.csv", "examples/source-actuals.csv", ...fileFlags, "--by", "source", "--sources", "examples/sources.csv", "--fail-on", "source"],
    run: () => track("examples/quotas.csv", "examples/source-actuals.csv", { ...files, by: "source", sources: "examples/sources.csv", failOn: ["source"], cwd: repo }),
  },
  { name: "calibrate", args: ["calibrate", "examples/history.csv", "--min-leads", "5"], run: () => calibrate("examples/history.csv", { minLeads: 5, cwd: repo }) },
];

describe("the library prints what the CLI prints", () => {
  describe.each(cases)("$name", ({ args, run }) => {
    it.each(FORMATS)("renders %s byte for byte as the CLI writes it, with its warnings and exit", async (format: Format) => {
      const cli = await runIn(repo, [...args, "--format", format]);
      const report = await run();
      expect(await report.render(format)).toBe(cli.stdout);
      // The CSV of scenarios adds a note on stderr naming the sections left out: the CLI's own line.
      expect(cli.stderr.replace(/^note: .*\n/m, "")).toBe(stderrOf(report));
      expect(cli.code).toBe(report.failed ? 1 : 0);
    });

    it("gives the JSON document as an object", async () => {
      const cli = await runIn(repo, [...args, "--format", "json"]);
      const report = await run();
      expect(report.document).toEqual(JSON.parse(cli.stdout));
      expect(JSON.parse(JSON.stringify(report))).toEqual(JSON.parse(cli.stdout));
    });
  });

  it("renders with the run's format by default, and the CSV switches at render time", async () => {
    const report = await plan("examples/quotas.csv", { ...files, format: "markdown", cwd: repo });
    expect(await report.render()).toBe((await runIn(repo, ["compute", "examples/quotas.csv", ...fileFlags, "--format", "markdown"])).stdout);
    expect(await report.render("csv", { excel: "eu" })).toBe((await runIn(repo, ["compute", "examples/quotas.csv", ...fileFlags, "--excel", "eu"])).stdout);
  });

  it.each(["ratios", "cycles", "sources"] as const)("writes calibrate's %s file as --%s-out does", async (name) => {
    const dir = folderWith({ "history.csv": readFileSync(join(repo, "examples/history.csv")) });
    const cli = await runIn(dir, ["calibrate", "history.csv", "--out", "report.txt", `--${name}-out`, "-"]);
    const report = await calibrate("history.csv", { cwd: dir });
    expect(report.file(name)).toBe(cli.stdout);
  });
});

describe("inputs held in memory", () => {
  const quotas = [
    { month: "2027-01", quota: 300000 },
    { month: "2027-02", quota: "250,000" },
  ];
  const options = { dealSize: 75000, closeRate: "20%", qualifyRate: 0.1, cycleMonths: 2, surge: 0 };

  it("reads rows as the same file would be read", async () => {
    const dir = folderWith({ "quotas.csv": 'month,quota\n2027-01,300000\n2027-02,"250,000"\n' });
    const fromFile = await plan("quotas.csv", { ...options, cwd: dir });
    const fromRows = await plan(quotas, options);
    expect(await fromRows.render("csv")).toBe(await fromFile.render("csv"));
    expect(await plan({ csv: 'month,quota\n2027-01,300000\n2027-02,"250,000"\n' }, options).then((report) => report.render("csv"))).toBe(await fromFile.render("csv"));
  });

  it("names a bad row's line, column and input in a thrown InputError", async () => {
    const error = await plan([...quotas, { month: "2027-03", quota: "lots" }], options).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe('<quotas>:4: quota: expected an amount, found "lots"');
    expect([(error as InputError).file, (error as InputError).line, (error as InputError).column, (error as InputError).code]).toEqual(["<quotas>", 4, "quota", "value.invalid"]);
  });
});

describe("options", () => {
  it("refuses a key no command takes, before any file is read", async () => {
    const error = await plan("no-such-file.csv", { closeRte: "20%" } as never).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/^options: closeRte: unknown option: expected one of dealSize, /);
  });

  it("names a bad value as the CLI names its flag", async () => {
    const error = await plan("examples/quotas.csv", { closeRate: "125%", cwd: repo }).catch((thrown: unknown) => thrown);
    const cli = await runIn(repo, ["compute", "examples/quotas.csv", "--close-rate", "125%"]);
    expect(`leadplan: ${(error as InputError).message}\n`).toBe(cli.stderr);
  });

  it.each([
    [null, 'options: sources: expected a path, rows or { csv: text }, found "null"'],
    [42, 'options: sources: expected a path, rows or { csv: text }, found "42"'],
    [{ csv: 5 }, 'options: sources: expected a path, rows or { csv: text }, found "{\\"csv\\":5}"'],
  ])("refuses an input that is no path, rows or CSV text (%j) with an InputError, not a TypeError", async (sources, message) => {
    const error = await track("a.csv", "b.csv", { by: "source", sources: sources as never }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(message);
  });

  it("refuses a choice commander would refuse", async () => {
    await expect(track("a.csv", "b.csv", { catchUp: "month" as never })).rejects.toThrow("options: catchUp: expected one of quarter, year, none, found \"month\"");
  });

  it("takes every config key of the commands' flags, each in the functions whose command has the flag", async () => {
    const { FLAG_KEYS, SETTINGS_KEYS } = await import("../../src/schemas/config.js");
    const refused = async (call: Promise<unknown>) => String(await call.then(() => "", (error: unknown) => (error as Error).message)).includes("unknown option");
    for (const key of [...Object.keys(FLAG_KEYS), ...Object.keys(SETTINGS_KEYS)]) {
      if (["wide", "ratiosOut", "cyclesOut", "sourcesOut"].includes(key)) continue;
      const anywhere = await Promise.all([plan("none.csv", { [key]: "?" }), track("none.csv", "none.csv", { [key]: "?" }), scenarios("none.csv", { [key]: "?" }), calibrate("none.csv", { [key]: "?" })].map((call) => refused(call)));
      expect(anywhere, key).toContain(false);
    }
    expect(await refused(scenarios("none.csv", { confidence: 90 } as never))).toBe(true);
    expect(await refused(plan("none.csv", { every: "half-month" } as never))).toBe(true);
  });
});

describe("the library stays quiet", () => {
  afterEach(() => vi.restoreAllMocks());

  it("writes nothing to stdout or stderr and never exits, even for a failed check or bad input", async () => {
    const writes = [vi.spyOn(process.stdout, "write"), vi.spyOn(process.stderr, "write"), vi.spyOn(console, "log"), vi.spyOn(console, "error"), vi.spyOn(console, "warn")];
    const exit = vi.spyOn(process, "exit");
    const grid = Array.from({ length: 40 }, (_, index) => String(20 + index)).join(";");
    const report = await scenarios("examples/quotas.csv", { ...files, reps: "examples/reps.csv", strict: true, vary: [`cost_per_inquiry=${grid.replaceAll(";", ",")}`, "qualified_to_won=20%,25%,30%,35%,40%,45%,50%,55%,60%,65%,70%,75%,80%,85%,90%,95%,99%,15%,10%,5%,4%,3%,2%,1%,50.5%,51%,52%,53%,54%"], cwd: repo });
    expect(report.failed).toBe(true);
    await expect(plan("no-such-file.csv", { cwd: repo })).rejects.toBeInstanceOf(InputError);
    for (const spy of [...writes, exit]) expect(spy).not.toHaveBeenCalled();
  });
});
