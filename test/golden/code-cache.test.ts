import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runBin } from "./run-bin.js";

// bin/leadplan.js compiles the bundle (dist/cli.cjs) with the V8 code cache the build wrote
// (scripts/code-cache.mjs). These tests read the built dist/, like the golden files.
const root = join(import.meta.dirname, "..", "..");
const bin = join(root, "bin", "leadplan.js");
const cacheFile = join(root, "dist", "cli.cjs.cache");
const scratch = mkdtempSync(join(tmpdir(), "leadplan-code-cache-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const EXAMPLES = ["compute", "examples/quotas.csv", "--ratios", "examples/ratios.csv", "--cycles", "examples/cycles.csv", "--format", "csv"];

// Each compile runs in a fresh process: within one, V8 reuses what it compiled of the same text
// and never reads the cache it is given.
const CHILD = `
const [bin, cachePath, ...args] = process.argv.slice(1);
const { compileCli } = require(bin);
const { cli, script, cacheUsed } = compileCli(require("node:fs").readFileSync(cachePath));
let stdout = "";
cli.runCli({ args, stdout: (text) => (stdout += text), stderr: () => {}, readStdin: () => new Uint8Array(), env: {}, cwd: process.cwd(), stdoutIsTTY: false })
  .then((status) => process.stdout.write(JSON.stringify({ cacheUsed, rejected: script.cachedDataRejected ?? null, status, stdout })));
`;

/** Compiles the bundle with these cache file contents in a fresh Node and runs compute on examples/ as CSV. */
function compileWith(cache: Buffer): { cacheUsed: boolean; rejected: boolean | null; status: number; stdout: string } {
  const cachePath = join(scratch, `cache-${Math.random().toString(36).slice(2)}`);
  writeFileSync(cachePath, cache);
  return JSON.parse(execFileSync(process.execPath, ["-e", CHILD, bin, cachePath, ...EXAMPLES], { cwd: root, encoding: "utf8" })) as never;
}

/** The cache file as the build wrote it: the bundle's first line, then V8's data. */
function cacheParts(): { header: string; data: Buffer } {
  const file = readFileSync(cacheFile);
  const lineEnd = file.indexOf(10);
  return { header: file.subarray(0, lineEnd + 1).toString("latin1"), data: file.subarray(lineEnd + 1) };
}

describe("the CLI bundle's V8 code cache", () => {
  const bare = runBin(EXAMPLES);

  it("is used by the Node that built it, and the plan is the bin's", () => {
    expect(cacheParts().header).toMatch(/^\/\/ leadplan bundle [0-9a-f]{64}\n$/);
    expect(bare.status).toBe(0);
    expect(bare.stdout).toMatch(/^month,/);
    expect(compileWith(readFileSync(cacheFile))).toEqual({ cacheUsed: true, rejected: false, status: 0, stdout: bare.stdout });
  });

  it("is not used beside another bundle, though V8 would take it (it checks only the text's length), and the plan is the same", () => {
    const { header, data } = cacheParts();
    const otherBundle = header.replace(/([0-9a-f])\n$/, (_line, digit: string) => `${digit === "0" ? "1" : "0"}\n`);
    expect(otherBundle).not.toBe(header);
    expect(compileWith(Buffer.concat([Buffer.from(otherBundle, "latin1"), data]))).toEqual({ cacheUsed: false, rejected: null, status: 0, stdout: bare.stdout });
  });

  it("when V8 rejects it (another Node, other V8 flags), costs a normal compile and prints the same plan", () => {
    const garbage = Buffer.concat([Buffer.from(cacheParts().header, "latin1"), Buffer.from("not a code cache")]);
    expect(compileWith(garbage)).toEqual({ cacheUsed: false, rejected: true, status: 0, stdout: bare.stdout });
  });

  it("ships in the package beside the bundle and the charts", () => {
    const [packed] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, encoding: "utf8" })) as [{ files: { path: string }[] }];
    const paths = packed.files.map((file) => file.path);
    expect(paths).toEqual(expect.arrayContaining(["bin/leadplan.js", "bin/package.json", "dist/cli.cjs", "dist/cli.cjs.cache", "dist/html-charts.cjs"]));
  });
});
