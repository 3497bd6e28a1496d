// Writes dist/cli.cjs.cache: V8's code cache of the bundle, taken after it has run compute on
// examples/ (as a table and as CSV), so it holds the bytecode of every function those runs
// compiled, not just the top level. bin/leadplan.js compiles the bundle with it (issue 16:
// BENCHMARKS.md has the figures). Run by `npm run build`, after scripts/bundle.mjs; the cache
// belongs to this Node version and is rebuilt with the bundle (dist/ is not in git).
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const { bundle, cacheFile, compileCli } = createRequire(import.meta.url)("../bin/leadplan.js");

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
// The file starts with the bundle's first line, which names its text (see bin/leadplan.js).
const header = `${readFileSync(bundle, "utf8").split("\n", 1)[0]}\n`;
writeFileSync(cacheFile, Buffer.concat([Buffer.from(header, "latin1"), script.createCachedData()]));

// A cache that is not used falls back silently to a normal compile: fail the build instead.
if (!compileCli(readFileSync(cacheFile)).cacheUsed) throw new Error(`the code cache just written is not used (${cacheFile})`);
