// Bundles the CLI for a fast start (issue 16, measured in BENCHMARKS.md):
// - dist/cli.cjs: every command in one CommonJS file. One file read instead of the 44-45 ES module
//   chunks a compute run resolved, read and linked one by one; code a run does not need stays in lazy
//   initialisers (esbuild wraps each dynamically imported module), so it is compiled but never run.
// - dist/html-charts.cjs: ECharts (606 kB minified) and the chart specs, require()d by the HTML writer alone,
//   so no other run reads it.
// - dist/cli.cjs.cache: V8's code cache of dist/cli.cjs after compute runs on examples/
//   (scripts/code-cache.mjs); bin/leadplan.js compiles the bundle with it.
// CommonJS because Node 20 caches compiled code only for a vm.Script (module.enableCompileCache()
// for ES modules arrives in Node 22).
import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

// Earlier layouts (dist/cli.js and its hashed dist/chunks/) must not linger beside this one.
rmSync("dist/chunks", { recursive: true, force: true });
rmSync("dist/cli.js", { force: true });
// A code cache belongs to one bundle text, but V8 checks only the text's length: an old cache must
// never sit beside a new bundle, so it goes before the bundle changes and returns only when
// scripts/code-cache.mjs has made it from this one.
rmSync("dist/cli.cjs.cache", { force: true });

const common = {
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  minify: true,
  // ECharts (the HTML report) drops its development checks: 25 kB less to load.
  define: { "process.env.NODE_ENV": "\"production\"" },
  legalComments: "none",
  logLevel: "warning",
};

/** The HTML writer's charts stay out of dist/cli.cjs: it require()s them from dist/html-charts.cjs. */
const chartsApart = {
  name: "charts-apart",
  setup(context) {
    context.onResolve({ filter: /\/html-charts\.js$/ }, () => ({ path: "./html-charts.cjs", external: true }));
  },
};

/**
 * Two Node built-ins a run never uses, kept from loading at start (each pulls in node:net):
 * - commander require()s node:child_process for executable subcommands, which leadplan has none
 *   of: it now loads on first use, if ever;
 * - chalk's terminal detection (supports-color: node:tty, node:os) at import, though the table
 *   writer sets chalk's level itself (`new Chalk({ level })`, colour decided in src/cli/environment.ts).
 */
const unusedBuiltinsLazy = {
  name: "unused-builtins-lazy",
  setup(context) {
    context.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: "child_process", namespace: "lazy-builtin" } : undefined,
    );
    context.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, () => ({
      contents: 'module.exports = new Proxy({}, { get: (_, name) => require("node:child_process")[name] });',
      loader: "js",
    }));
    context.onResolve({ filter: /^#supports-color$/ }, () => ({ path: "supports-color", namespace: "no-color-detection" }));
    context.onLoad({ filter: /.*/, namespace: "no-color-detection" }, () => ({ contents: "export default { stdout: false, stderr: false };", loader: "js" }));
  },
};

await build({ ...common, entryPoints: ["src/cli/run.ts"], outfile: "dist/cli.cjs", plugins: [chartsApart, unusedBuiltinsLazy] });
await build({ ...common, entryPoints: ["src/render/writers/html-charts.ts"], outfile: "dist/html-charts.cjs" });

// The bundle's first line names its text (a SHA-256 of the rest): the code cache file starts with
// the same line, and bin/leadplan.js uses a cache only beside the bundle it was made from.
const built = readFileSync("dist/cli.cjs", "utf8");
writeFileSync("dist/cli.cjs", `// leadplan bundle ${createHash("sha256").update(built).digest("hex")}\n${built}`);

// The bundle runs in a vm.Script (bin/leadplan.js), where import() has no loader to call: every
// dynamic import must have been bundled (esbuild turns those into lazy initialisers).
const bundled = readFileSync("dist/cli.cjs", "utf8");
if (/\bimport\(/.test(bundled)) throw new Error("dist/cli.cjs keeps an import(): bundle the module it loads, or require() a .cjs");
// One non-ASCII character makes V8 hold the whole source two bytes a character, and reading it
// costs ~10 ms instead of ~2: esbuild escapes strings, not regular expressions, so write \u escapes there.
const nonAscii = /[^\x00-\x7f]/.exec(bundled);
if (nonAscii) throw new Error(`dist/cli.cjs holds non-ASCII text near ${JSON.stringify(bundled.slice(nonAscii.index - 40, nonAscii.index + 10))}: use a \\u escape in the source`);
