#!/usr/bin/env node
// Starts the CLI: dist/cli.cjs (one bundle, scripts/bundle.mjs) compiled with the V8 code cache the
// build wrote beside it, so a run skips parsing and compiling most of its code. CommonJS (see
// bin/package.json): an ES module entry would start Node's ESM loader, ~10 ms before any of our code.
"use strict";
const { existsSync, readFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { dirname, join } = require("node:path");
const { Script } = require("node:vm");

const bundle = join(__dirname, "..", "dist", "cli.cjs");
const cacheFile = `${bundle}.cache`;

/**
 * The bundle compiled (with V8's code cache when given) and run: its exports, and the Script, whose
 * `cachedDataRejected` says whether the cache was used. A cache V8 rejects (another Node version,
 * other V8 flags, a rebuilt bundle) costs a normal compile and changes nothing else.
 */
function compileCli(cachedData) {
  const source = readFileSync(bundle, "utf8");
  // The same wrapper Node gives a CommonJS file; the cache belongs to exactly this text.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return { cli: module.exports, script };
}

module.exports = { bundle, cacheFile, compileCli };

if (require.main === module) {
  if (!existsSync(bundle)) {
    process.stderr.write("leadplan: the CLI is not built yet: run `npm run build` in the leadplan folder\n");
    process.exit(70);
  }
  const { cli } = compileCli(existsSync(cacheFile) ? readFileSync(cacheFile) : undefined);
  cli.runProcess().then((code) => {
    process.exitCode = code;
  });
}
