// Writes dist/cli.cjs.cache: V8's code cache of the bundle, taken after it has run compute on
// examples/ (as a table and as CSV), so it holds the bytecode of every function those runs
// compiled, not just the top level. bin/leadplan.js compiles the bundle with it (issue 16:
// BENCHMARKS.md has the figures). Run by `npm run build`, after scripts/bundle.mjs; the cache
// belongs to this Node version and is rebuilt with the bundle (dist/ is not in git).
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const { cacheFile, compileCli } = createRequire(import.meta.url)("../bin/leadplan.js");

const EXAMPLES = ["compute", "examples/quotas.csv", "--ratios", "examples/ratios.csv", "--cycles", "examples/cycles.csv"];
const WARM_UPS = [EXAMPLES, [...EXAMPLES, "--format", "csv"]];

const { cli, script } = compileCli(undefined);
for (const args of WARM_UPS) {
  let written = "";
  const code = await cli.runCli({
    args,
    stdout: (text) => (written += text),
    stderr: (text) => (written += text),
    readStdin: () => new Uint8Array(),
    env: {},
    cwd: process.cwd(),
    stdoutIsTTY: false,
  });
  if (code !== 0) throw new Error(`leadplan ${args.join(" ")} exited ${code} while warming the code cache:\n${written}`);
}
const cache = script.createCachedData();
writeFileSync(cacheFile, cache);

// A cache V8 would reject falls back silently to a normal compile: fail the build instead.
if (compileCli(cache).script.cachedDataRejected) throw new Error(`V8 rejected the code cache it just wrote (${cacheFile})`);
