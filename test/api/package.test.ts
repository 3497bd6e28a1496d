import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { runIn } from "../cli/harness.js";

const run = promisify(execFile);
const repo = fileURLToPath(new URL("../..", import.meta.url));
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});
const temporary = () => {
  const folder = mkdtempSync(join(tmpdir(), "leadplan-package-"));
  folders.push(folder);
  return folder;
};

/** The README's CI script: the one `js` block of the Library section that imports from "leadplan" and starts with its file name. */
function readmeScript(): string {
  const readme = readFileSync(join(repo, "README.md"), "utf8");
  const library = readme.slice(readme.indexOf("\n## Library\n"), readme.indexOf("\n## ", readme.indexOf("\n## Library\n") + 1));
  const blocks = [...library.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1] ?? "").filter((code) => code.startsWith("// plan-check.mjs"));
  expect(blocks).toHaveLength(1);
  return blocks[0] ?? "";
}

describe("the package as a user installs it", () => {
  it("runs the README's CI script as written, against the built package, printing what the CLI prints", async () => {
    // `leadplan` resolves to this repository, as an installed package would (its exports, dist/index.js).
    const folder = temporary();
    mkdirSync(join(folder, "node_modules"));
    symlinkSync(repo, join(folder, "node_modules", "leadplan"), "dir");
    writeFileSync(join(folder, "plan-check.mjs"), readmeScript());
    const outcome = await run(process.execPath, [join(folder, "plan-check.mjs")], { cwd: repo, env: { PATH: process.env.PATH ?? "" } }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );
    const flags = ["--ratios", "examples/ratios.csv", "--cycles", "examples/cycles.csv", "--reps", "examples/reps.csv", "--fail-on", "capacity"];
    const markdown = await runIn(repo, ["compute", "examples/quotas.csv", ...flags, "--format", "markdown"]);
    const json = JSON.parse((await runIn(repo, ["compute", "examples/quotas.csv", ...flags, "--format", "json"])).stdout) as { totals: { budget: number; inquiries: number } };
    expect(outcome.stdout).toBe(`Budget ${json.totals.budget} for ${json.totals.inquiries} inquiries\n\n${markdown.stdout}\n`);
    expect(outcome.stderr).toBe(markdown.stderr);
    expect(outcome.code).toBe(1);
  });

  it("passes arethetypeswrong on the packed package (ESM only)", { timeout: 120_000 }, async () => {
    const folder = temporary();
    // Built already (npm test builds first): packing again would build again.
    await run("npm", ["pack", "--ignore-scripts", "--pack-destination", folder, "--silent"], { cwd: repo });
    const [tarball] = readdirSync(folder).filter((name) => name.endsWith(".tgz"));
    const attw = join(repo, "node_modules", ".bin", "attw");
    const { stdout } = await run(attw, [join(folder, tarball ?? ""), "--profile", "esm-only", "--format", "json"], { cwd: repo, maxBuffer: 64 * 1024 * 1024 }).catch(
      (error: { stdout: string; code: number }) => ({ stdout: error.stdout, code: error.code }),
    );
    const report = JSON.parse(stdout) as { analysis: { entrypoints: Record<string, unknown> }; problems: Record<string, { kind: string; resolutionKind?: string }[]> };
    expect(Object.keys(report.analysis.entrypoints)).toEqual(["."]);
    // The esm-only profile ignores node10 and CommonJS resolution; nothing else may be wrong.
    const counted = Object.values(report.problems).flat().filter((problem) => problem.resolutionKind !== "node10" && problem.resolutionKind !== "node16-cjs");
    expect(counted).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(repo, "package.json"), "utf8")) as { exports: Record<string, Record<string, string>> };
    expect(manifest.exports["."]).toEqual({ types: "./dist/index.d.ts", import: "./dist/index.js" });
  });
});
