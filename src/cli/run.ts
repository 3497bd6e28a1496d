import { readFileSync } from "node:fs";
import type { CliEnvironment } from "./environment.js";
import { runCli } from "./main.js";
import { removingTemporariesOnInterrupt } from "./signals.js";

// The build runs the bundle in-process to warm its code cache (scripts/code-cache.mjs).
export { runCli };

/** The CLI against the real process: what `bin/leadplan.js` calls. */
export async function runProcess(): Promise<number> {
  // A reader that stops early (`leadplan … | head`) closes the pipe: that is the reader's choice,
  // not an error, so stop quietly as other command-line tools do.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  const environment: CliEnvironment = {
    args: process.argv.slice(2),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: () => readFileSync(0),
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: process.stdout.isTTY === true,
    // A terminal says how wide it is; a pipe or a file does not.
    ...(process.stdout.isTTY === true && process.stdout.columns > 0 ? { stdoutColumns: process.stdout.columns } : {}),
    stderrIsTTY: process.stderr.isTTY === true,
    guardInterrupts: removingTemporariesOnInterrupt,
  };
  try {
    return await runCli(environment);
  } catch (error) {
    // A bug, not bad input: say so plainly, with the stack for the report, and exit 70 (EX_SOFTWARE).
    process.stderr.write(`leadplan: internal error, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 70;
  }
}
