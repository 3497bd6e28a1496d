import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { random } from "../../bench/generate-history.mjs";
import { folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

// Issue 10: the contract under mutated input. Every command runs on its example files with one
// file mutated (a line deleted or duplicated, two cells swapped, junk injected, the encoding or
// line ends changed), for a fixed seed and a bounded count, in-process. Whatever the input:
// exit 0, 1 or 2; on 2 exactly one line on stderr and no output file; on 0 no NaN, Infinity,
// `undefined` or exponent notation in the output that the input did not itself contain.

const SEED = 20_261_202;
const RUNS_PER_COMMAND = 60;

const root = join(import.meta.dirname, "..", "..");
const example = (name: string) => readFileSync(join(root, "examples", name));

interface CommandCase {
  name: string;
  files: string[];
  args: string[];
  /** Files the run writes on success, besides `--out`. */
  outputs: string[];
}

const OUT = "result.out";
const COMMANDS: CommandCase[] = [
  { name: "compute", files: ["quotas.csv", "ratios.csv", "cycles.csv"], args: ["compute", "quotas.csv", "--ratios", "ratios.csv", "--cycles", "cycles.csv", "--no-config"], outputs: [] },
  { name: "compute --reps --respect-capacity --format json", files: ["quotas.csv", "ratios.csv", "cycles.csv", "reps.csv"], args: ["compute", "quotas.csv", "--ratios", "ratios.csv", "--cycles", "cycles.csv", "--reps", "reps.csv", "--respect-capacity", "--format", "json", "--no-config"], outputs: [] },
  { name: "compute --config --by quarter --format csv", files: ["quotas.csv", "ratios.csv", "cycles.csv", "leadplan.config.json"], args: ["compute", "quotas.csv", "--config", "leadplan.config.json", "--by", "quarter", "--format", "csv"], outputs: [] },
  { name: "compute --history", files: ["quotas.csv", "history.csv"], args: ["compute", "quotas.csv", "--history", "history.csv", "--no-config", "--format", "markdown"], outputs: [] },
  { name: "track", files: ["quotas.csv", "actuals.csv", "ratios.csv", "cycles.csv"], args: ["track", "quotas.csv", "actuals.csv", "--ratios", "ratios.csv", "--cycles", "cycles.csv", "--no-config"], outputs: [] },
  { name: "track --format json", files: ["quotas.csv", "actuals.csv", "ratios.csv", "cycles.csv"], args: ["track", "quotas.csv", "actuals.csv", "--ratios", "ratios.csv", "--cycles", "cycles.csv", "--format", "json", "--no-config"], outputs: [] },
  { name: "scenarios --sources", files: ["quotas.csv", "ratios.csv", "cycles.csv", "scenarios.csv", "sources.csv"], args: ["scenarios", "quotas.csv", "--ratios", "ratios.csv", "--cycles", "cycles.csv", "--scenarios", "scenarios.csv", "--sources", "sources.csv", "--no-config"], outputs: [] },
  { name: "scenarios --optimize-mix --format json", files: ["quotas.csv", "ratios.csv", "cycles.csv", "sources.csv"], args: ["scenarios", "quotas.csv", "--ratios", "ratios.csv", "--cycles", "cycles.csv", "--sources", "sources.csv", "--optimize-mix", "--vary", "cost_per_inquiry=40,60", "--format", "json", "--no-config"], outputs: [] },
  { name: "calibrate", files: ["history.csv"], args: ["calibrate", "history.csv", "--min-leads", "5", "--ratios-out", "r.csv", "--cycles-out", "c.csv", "--sources-out", "s.csv", "--format", "csv"], outputs: ["r.csv", "c.csv", "s.csv"] },
];

const JUNK = ["", " ", "-1", "0", "1e308", "1e-301", "NaN", "Infinity", "-0", "99999999999999999999", "0.0000000001", "abc", '"', '""', "\u0000", "\u001b[31m", "=cmd|' /C calc'!A0", "1,5", "1.234,56", "12%", "150%", "2027-13", "0000-01", "\r", "\n", "x".repeat(300), "Zoë", "\ufeff", ";", "\t"];

type Mutation = (text: string, pick: <T>(items: readonly T[]) => T, next: () => number) => string | Uint8Array;

const lines = (text: string) => text.split("\n");
const MUTATIONS: Record<string, Mutation> = {
  "delete a line": (text, pick) => {
    const all = lines(text);
    const at = pick(all.map((_, index) => index));
    return all.filter((_, index) => index !== at).join("\n");
  },
  "duplicate a line": (text, pick) => {
    const all = lines(text);
    const at = pick(all.map((_, index) => index));
    return [...all.slice(0, at + 1), ...all.slice(at)].join("\n");
  },
  "swap two cells": (text, pick) => {
    const all = lines(text);
    const at = pick(all.map((_, index) => index));
    const cells = (all[at] ?? "").split(",");
    const a = pick(cells.map((_, index) => index));
    const b = pick(cells.map((_, index) => index));
    [cells[a], cells[b]] = [cells[b] ?? "", cells[a] ?? ""];
    all[at] = cells.join(",");
    return all.join("\n");
  },
  "inject junk into a cell": (text, pick) => {
    const all = lines(text);
    const at = pick(all.map((_, index) => index));
    const cells = (all[at] ?? "").split(",");
    cells[pick(cells.map((_, index) => index))] = pick(JUNK);
    all[at] = cells.join(",");
    return all.join("\n");
  },
  "cut the file short": (text, _, next) => text.slice(0, Math.floor(next() * text.length)),
  "UTF-16 with a BOM": (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
  "Windows-1252 bytes": (text) => Buffer.from(`${text.replace(/\n[^\n]*$/, "")}\nCafé,€,ü\n`, "latin1"),
  "invalid UTF-8 bytes": (text, _, next) => {
    const bytes = Buffer.from(text);
    const at = Math.floor(next() * bytes.length);
    return Buffer.concat([bytes.subarray(0, at), Buffer.from([0xc3, 0x28, 0xff]), bytes.subarray(at)]);
  },
  "CRLF and CR line ends": (text, _, next) => (next() < 0.5 ? text.replace(/\n/g, "\r\n") : text.replace(/\n/g, "\r")),
  "a UTF-8 BOM": (text) => `\ufeff${text}`,
};

// An exponent, NaN, Infinity or undefined where a number is printed.
const BAD_NUMBER = /(?<![\w.])-?\d+(?:\.\d+)?[eE][+-]?\d+(?![\w.])|\bNaN\b|\bInfinity\b|\bundefined\b/g;

describe("the contract holds under mutated example files", () => {
  const next = random(SEED);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const cases = COMMANDS.flatMap((command) =>
    Array.from({ length: RUNS_PER_COMMAND }, (_, index) => {
      const file = pick(command.files);
      const mutation = pick(Object.keys(MUTATIONS));
      const original = example(file).toString("utf8");
      const mutated = (MUTATIONS[mutation] as Mutation)(original, pick, next);
      return { label: `${command.name} #${index + 1}: ${mutation} in ${file}`, command, file, mutated };
    }),
  );

  it.each(cases.map((entry) => [entry.label, entry] as const))("%s", (_, entry) => holds(entry));

  async function holds({ command, file, mutated }: (typeof cases)[number]): Promise<void> {
    const files: Record<string, string | Uint8Array> = Object.fromEntries(command.files.map((name) => [name, example(name)]));
    files[file] = mutated;
    const dir = folderWith(files);
    const run = await runIn(dir, [...command.args, "--out", OUT]);
    const written = [OUT, ...command.outputs].filter((name) => existsSync(join(dir, name)));
    expect([0, 1, 2]).toContain(run.code);
    if (run.code === 2) {
      expect({ lines: run.stderr.split("\n").length - 1, ends: run.stderr.endsWith("\n"), written, stderr: run.stderr }).toEqual({ lines: 1, ends: true, written: [], stderr: run.stderr });
      return;
    }
    const input = Object.values(files).map((content) => Buffer.from(content).toString("latin1") + Buffer.from(content).toString("utf8")).join("\n");
    for (const name of written) {
      const output = readFileSync(join(dir, name), "utf8");
      const bad = [...output.matchAll(BAD_NUMBER)].map((match) => match[0]).filter((token) => !input.includes(token));
      expect({ file: name, bad }).toEqual({ file: name, bad: [] });
    }
    expect(written).toContain(OUT);
  }
});
