import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type CliEnvironment, terminalWidth, wantsColor } from "../../src/cli/environment.js";
import { type Outside, folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

// The examples, run from the repository root as README shows them.
const root = join(import.meta.dirname, "..", "..");
const E = "examples";
const PLAN = [`${E}/quotas.csv`, "--ratios", `${E}/ratios.csv`, "--cycles", `${E}/cycles.csv`];
const COMMANDS: Readonly<Record<string, readonly string[]>> = {
  "compute with capacity": ["compute", ...PLAN, "--reps", `${E}/reps.csv`],
  "compute by segment, against the history": ["compute", ...PLAN, "--by", "segment", "--history", `${E}/history.csv`],
  "compute --view team, respecting capacity": ["compute", ...PLAN, "--reps", `${E}/reps.csv`, "--view", "team", "--respect-capacity"],
  "track with capacity ahead": ["track", `${E}/quotas.csv`, `${E}/actuals.csv`, ...PLAN.slice(1), "--as-of", "2027-01", "--reps", `${E}/reps.csv`],
  "scenarios with sensitivity and sources": ["scenarios", ...PLAN, "--scenarios", `${E}/scenarios.csv`, "--sensitivity", "10", "--sources", `${E}/sources.csv`, "--reps", `${E}/reps.csv`],
  calibrate: ["calibrate", `${E}/history.csv`, "--as-of", "2026-06-30", "--min-leads", "5", "--by-rep"],
};
const CASES = Object.entries(COMMANDS);

const visible = (line: string): string => line.replace(/\u001b\[[0-9;]*m/g, "");
const widest = (text: string): number => Math.max(...text.split("\n").map((line) => [...visible(line)].length));
const figures = (text: string): Set<string> => new Set(visible(text).match(/[-+]?\d[\d,.]*%?/g) ?? []);
const run = (args: readonly string[], outside: Outside) => runIn(root, args, undefined, outside);

describe("every command's table report fits the terminal", () => {
  it.each(CASES.flatMap(([name, args]) => [80, 60, 40].map((width) => [name, width, args] as const)))("%s in COLUMNS=%i", async (_, width, args) => {
    const natural = await run(args, {});
    const fitted = await run(args, { env: { COLUMNS: String(width) } });
    expect(fitted.code).toBe(natural.code);
    expect(widest(natural.stdout)).toBeGreaterThan(width);
    expect(widest(fitted.stdout)).toBeLessThanOrEqual(width);
    // No figure is cut: the same figures, whole, and the width it was narrowed to.
    expect(figures(fitted.stdout)).toEqual(new Set([...figures(natural.stdout), String(width)]));
    // Said once, at the end: the line wraps too where the terminal is narrower than it.
    expect(fitted.stdout.match(/Narrowed to/g)).toHaveLength(1);
    expect(fitted.stdout.split("\n\n").at(-1)?.replace(/\n/g, " ")).toBe(`Narrowed to ${width} columns: --wide for full width, --format csv for every column. `);
    expect(fitted.stderr).toBe(natural.stderr);
  });

  it.each(CASES.flatMap(([name, args]) => [80, 40].map((width) => [name, width, args] as const)))("%s on a terminal %i columns wide, in colour", async (_, width, args) => {
    const fitted = await run(args, { stdoutIsTTY: true, stdoutColumns: width });
    expect(fitted.stdout).toContain("\u001b[1m");
    expect(widest(fitted.stdout)).toBeLessThanOrEqual(width);
  });

  it.each(CASES)("%s piped without COLUMNS, with --wide, or with a COLUMNS that is no width: its natural width", async (_, args) => {
    const natural = await run(args, {});
    expect(natural.stdout).not.toContain("Narrowed");
    expect((await run([...args, "--wide"], { env: { COLUMNS: "60" } })).stdout).toBe(natural.stdout);
    expect((await run([...args, "--wide"], { stdoutIsTTY: true, stdoutColumns: 60, env: { NO_COLOR: "1" } })).stdout).toBe(natural.stdout);
    for (const columns of ["", "0", "-80", "80x", "8.5", "abc"]) expect((await run(args, { env: { COLUMNS: columns } })).stdout).toBe(natural.stdout);
  });
});

describe("the width applies to the table format on standard output only", () => {
  const compute = COMMANDS["compute with capacity"] ?? [];

  it("writes --out at its natural width, however narrow COLUMNS or the terminal", async () => {
    const natural = await run(compute, {});
    const dir = folderWith({});
    const out = join(dir, "plan.txt");
    const written = await run([...compute, "--out", out], { env: { COLUMNS: "40" }, stdoutIsTTY: true, stdoutColumns: 40 });
    expect(written.code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(natural.stdout);
  });

  it("fits `--out -`, which is standard output", async () => {
    expect(widest((await run([...compute, "--out", "-"], { env: { COLUMNS: "60" } })).stdout)).toBeLessThanOrEqual(60);
  });

  it.each(["csv", "markdown", "json"])("leaves --format %s as it is", async (format) => {
    const natural = await run([...compute, "--format", format], {});
    expect((await run([...compute, "--format", format], { env: { COLUMNS: "40" } })).stdout).toBe(natural.stdout);
  });

  it("takes COLUMNS over the terminal's own width", async () => {
    expect(widest((await run(compute, { env: { COLUMNS: "60" }, stdoutIsTTY: true, stdoutColumns: 200 })).stdout)).toBeLessThanOrEqual(60);
  });
});

describe("the terminal width and colour the CLI reads from its environment", () => {
  const environment = (outside: Outside): CliEnvironment => ({
    args: [],
    stdout: () => undefined,
    stderr: () => undefined,
    readStdin: () => new Uint8Array(),
    env: {},
    cwd: root,
    stdoutIsTTY: false,
    ...outside,
  });

  it.each([
    [{}, {}, undefined],
    [{ env: { COLUMNS: "100" } }, {}, 100],
    [{ env: { COLUMNS: " 100 " } }, {}, 100],
    [{ env: { COLUMNS: "0" } }, {}, undefined],
    [{ env: { COLUMNS: "wide" } }, {}, undefined],
    [{ stdoutIsTTY: true, stdoutColumns: 120 }, {}, 120],
    [{ stdoutIsTTY: false, stdoutColumns: 120 }, {}, undefined],
    [{ stdoutIsTTY: true, stdoutColumns: 0 }, {}, undefined],
    [{ stdoutIsTTY: true, stdoutColumns: 120, env: { COLUMNS: "90" } }, {}, 90],
    [{ stdoutIsTTY: true, stdoutColumns: 120, env: { COLUMNS: "x" } }, {}, 120],
    [{ stdoutIsTTY: true, stdoutColumns: 120 }, { wide: true }, undefined],
    [{ env: { COLUMNS: "90" } }, { out: "plan.txt" }, undefined],
    [{ env: { COLUMNS: "90" } }, { out: "-" }, 90],
  ] satisfies [Outside, { wide?: boolean; out?: string }, number | undefined][])("%j with flags %j: %s", (outside, flags, expected) => {
    expect(terminalWidth(environment(outside), flags)).toBe(expected);
  });

  it.each([
    [{ stdoutIsTTY: true }, true],
    [{ stdoutIsTTY: false }, false],
    [{ stdoutIsTTY: true, env: { NO_COLOR: "1" } }, false],
    [{ stdoutIsTTY: true, env: { FORCE_COLOR: "0" } }, false],
    [{ stdoutIsTTY: true, env: { FORCE_COLOR: "false" } }, false],
    [{ stdoutIsTTY: false, env: { FORCE_COLOR: "1" } }, true],
    [{ stdoutIsTTY: false, env: { FORCE_COLOR: "" } }, true],
    [{ stdoutIsTTY: true, env: { TERM: "dumb" } }, false],
  ] satisfies [Outside, boolean][])("colour with %j: %s", (outside, expected) => {
    expect(wantsColor(environment(outside))).toBe(expected);
  });

  it("turns colour off with FORCE_COLOR=0 on a terminal, as NO_COLOR does", async () => {
    const args = COMMANDS["compute with capacity"] ?? [];
    const coloured = await run(args, { stdoutIsTTY: true });
    expect(coloured.stdout).toContain("\u001b[");
    for (const env of [{ FORCE_COLOR: "0" }, { FORCE_COLOR: "false" }, { NO_COLOR: "1" }]) {
      expect((await run(args, { stdoutIsTTY: true, env })).stdout).toBe((await run(args, {})).stdout);
    }
  });
});
