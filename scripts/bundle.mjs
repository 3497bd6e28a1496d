// Bundles the CLI into dist/cli.js plus lazily loaded chunks. Measured (BENCHMARKS.md): loading
// the packages from node_modules costs more than Node's own start; one minified bundle with the
// renderers and zod split off roughly halves it.
import { build } from "esbuild";

await build({
  entryPoints: { cli: "src/cli/run.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify: true,
  legalComments: "none",
  chunkNames: "chunks/[name]-[hash]",
  // commander and cli-table3 are CommonJS and require() Node built-ins; ESM output needs a real require.
  banner: { js: "import { createRequire as __leadplanCreateRequire } from 'node:module'; const require = __leadplanCreateRequire(import.meta.url);" },
  logLevel: "warning",
});
