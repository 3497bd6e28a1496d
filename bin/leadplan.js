#!/usr/bin/env node
let cli;
try {
  cli = await import("../dist/cli.js");
} catch (error) {
  if (error?.code !== "ERR_MODULE_NOT_FOUND") throw error;
  process.stderr.write("leadplan: the CLI is not built yet: run `npm run build` in the leadplan folder\n");
  process.exit(70);
}
process.exitCode = await cli.runProcess();
