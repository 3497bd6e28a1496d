import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBin } from "./run-bin.js";

// bin/leadplan.js compiles the bundle (dist/cli.cjs) with the V8 code cache the build wrote
// (scripts/code-cache.mjs). These tests read the built dist/, like the golden files.
const root = join(import.meta.dirname, "..", "..");
type Compiled = { cli: { runCli: (environment: object) => Promise<number> }; script: { cachedDataRejected?: boolean } };
const { cacheFile, compileCli } = createRequire(import.meta.url)(join(root, "bin", "leadplan.js")) as {
  cacheFile: string;
  compileCli: (cachedData: Buffer | undefined) => Compiled;
};

const EXAMPLES = ["compute", "examples/quotas.csv", "--ratios", "examples/ratios.csv", "--cycles", "examples/cycles.csv", "--format", "csv"];

async function runInProcess(compiled: Compiled, args: readonly string[]) {
  let stdout = "";
  let stderr = "";
  const status = await compiled.cli.runCli({
    args,
    stdout: (text: string) => (stdout += text),
    stderr: (text: string) => (stderr += text),
    readStdin: () => new Uint8Array(),
    env: { NO_COLOR: "1" },
    cwd: root,
    stdoutIsTTY: false,
  });
  return { status, stdout, stderr };
}

describe("the CLI bundle's V8 code cache", () => {
  it("is accepted by the Node that built it", () => {
    const { script } = compileCli(readFileSync(cacheFile));
    expect(script.cachedDataRejected).toBe(false);
  });

  it("when rejected (another Node, a stale file), costs a normal compile and prints the same plan", async () => {
    const rejected = compileCli(Buffer.from("not a code cache"));
    expect(rejected.script.cachedDataRejected).toBe(true);
    const bin = runBin(EXAMPLES);
    expect(bin.status).toBe(0);
    expect(bin.stdout).toMatch(/^month,/);
    expect(await runInProcess(rejected, EXAMPLES)).toEqual(bin);
  });

  it("ships in the package beside the bundle and the charts", () => {
    const [packed] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, encoding: "utf8" })) as [{ files: { path: string }[] }];
    const paths = packed.files.map((file) => file.path);
    expect(paths).toEqual(expect.arrayContaining(["bin/leadplan.js", "bin/package.json", "dist/cli.cjs", "dist/cli.cjs.cache", "dist/html-charts.cjs"]));
  });
});
