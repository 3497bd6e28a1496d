// Bundles the CLI into dist/cli.js plus lazily loaded chunks (renderers, the config reader).
// Measured in BENCHMARKS.md: the bundle starts faster than the same code loaded from dist/ and
// node_modules file by file.
import { rmSync } from "node:fs";
import { build } from "esbuild";

// Chunk names carry content hashes: clear the old ones so dist/ holds only this build.
rmSync("dist/chunks", { recursive: true, force: true });

await build({
  entryPoints: { cli: "src/cli/run.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify: true,
  // ECharts (the HTML report) drops its development checks: 25 kB less to load.
  define: { "process.env.NODE_ENV": "\"production\"" },
  legalComments: "none",
  chunkNames: "chunks/[name]-[hash]",
  // commander and cli-table3 are CommonJS and require() Node built-ins; ESM output needs a real require.
  banner: { js: "import { createRequire as __leadplanCreateRequire } from 'node:module'; const require = __leadplanCreateRequire(import.meta.url);" },
  logLevel: "warning",
});
