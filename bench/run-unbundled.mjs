// The CLI from tsc's per-file output, for comparison with the bundled bin.
const { runProcess } = await import("../dist/cli/run.js");
process.exitCode = await runProcess();
