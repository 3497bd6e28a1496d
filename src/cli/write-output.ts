import { type OutputFile, commitOutputs } from "../io/output-commit.js";
import { printable } from "../io/input-issue.js";
import type { CliEnvironment } from "./environment.js";

/** How a message names the report when no --out sends it elsewhere. */
export const STDOUT_REPORT = "the report, which goes to standard output without --out";

/**
 * Writes what a run produced: the report to stdout (no `--out`, or `--out -`) or to `out`, and
 * any other `files` of the run (calibrate's `--ratios-out` and so on), all of them or none (see
 * commitOutputs); then the warnings, one line each on stderr, then the report on stdout. A
 * failure to write is the run's one error line, with no warning before it. A report that grows
 * with the input comes as chunks made while they are written (see `csvChunks`), never held whole.
 */
export async function writeOutput(
  text: OutputFile["content"],
  warnings: readonly string[],
  out: string | undefined,
  environment: CliEnvironment,
  files: readonly OutputFile[] = [],
): Promise<void> {
  const report: OutputFile = { flag: "--out", path: out ?? "-", content: text, ...(out === undefined ? { name: STDOUT_REPORT } : {}) };
  const outputs = [...files, report];
  if (outputs.some((output) => output.path !== "-")) {
    // Standard output too: it counts among the outputs written in place (commitOutputs skips it).
    const commit = () => commitOutputs(outputs, environment.cwd);
    await (environment.guardInterrupts === undefined ? commit() : environment.guardInterrupts(commit));
  }
  for (const warning of warnings) environment.stderr(`warning: ${printable(warning, 2000)}\n`);
  for (const { path, content } of outputs) {
    if (path !== "-") continue;
    if (typeof content === "string") environment.stdout(content);
    else for (const chunk of content) environment.stdout(chunk);
  }
}
