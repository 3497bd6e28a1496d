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
 * The V8 code cache in a cache file, if the file was made from this very bundle text. V8 checks
 * only the length of the text a cache belongs to, and would run the bytecode of an older bundle of
 * the same length, so the file starts with the bundle's first line (`// leadplan bundle <sha-256>`,
 * written by the build) and a cache for any other bundle is not used.
 */
function cacheFor(source, cache) {
  const lineEnd = source.indexOf("\n");
  if (lineEnd < 0) return undefined;
  const header = Buffer.from(source.slice(0, lineEnd + 1), "latin1");
  return cache !== undefined && cache.length > header.length && header.equals(cache.subarray(0, header.length)) ? cache.subarray(header.length) : undefined;
}

/**
 * The bundle compiled and run, with the cache file's contents when given: its exports, the Script,
 * and whether the cache was used. A cache that is not used (none, another bundle's, or one V8
 * rejects: another Node version, other V8 flags) costs a normal compile and changes nothing else.
 */
function compileCli(cache) {
  const source = readFileSync(bundle, "utf8");
  const cachedData = cacheFor(source, cache);
  // The same wrapper Node gives a CommonJS file; the cache belongs to exactly this text.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return { cli: module.exports, script, cacheUsed: cachedData !== undefined && script.cachedDataRejected === false };
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
