import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBin } from "./run-bin.js";

// Golden files: each case folder holds `command.json` (the arguments after `leadplan`, run from
// the repository root, optionally `stdin` and `env`) and `expected.txt` recording the exit
// code, stdout and stderr of the built bin. `UPDATE_GOLDEN=1 npm test` rewrites them.
const root = join(import.meta.dirname, "..", "..");
const casesDir = join(import.meta.dirname, "cases");

interface GoldenCase {
  args: string[];
  stdin?: string;
  env?: Record<string, string>;
}

function record(golden: GoldenCase, outcome: ReturnType<typeof runBin>): string {
  return [`$ leadplan ${golden.args.join(" ")}`, `--- exit ${outcome.status}`, "--- stdout", outcome.stdout, "--- stderr", outcome.stderr].join("\n");
}

describe("the built bin against golden files", () => {
  const names = readdirSync(casesDir).sort();
  it("has cases to check", () => {
    expect(names.length).toBeGreaterThan(5);
  });
  it.each(names)("%s", (name) => {
    const dir = join(casesDir, name);
    const golden = JSON.parse(readFileSync(join(dir, "command.json"), "utf8")) as GoldenCase;
    const options: { stdin?: string; env?: Record<string, string> } = {};
    if (golden.stdin !== undefined) options.stdin = readFileSync(join(root, golden.stdin), "utf8");
    if (golden.env !== undefined) options.env = golden.env;
    const actual = record(golden, runBin(golden.args, options));
    const expectedPath = join(dir, "expected.txt");
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(expectedPath, actual);
    // A new case with nothing to compare is a failure, not a pass: the first run must be read.
    if (!existsSync(expectedPath)) expect.fail(`${name}: no expected.txt; run UPDATE_GOLDEN=1 npm test and read what it wrote`);
    expect(actual).toBe(readFileSync(expectedPath, "utf8"));
  });
});
