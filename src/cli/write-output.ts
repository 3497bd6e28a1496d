import { writeFileAtomically } from "../io/files.js";
import type { CliEnvironment } from "./environment.js";

/**
 * Prints warnings (one line each, on stderr), then writes the output once: stdout or `--out`.
 * An output that grows with the input comes as chunks made while they are written (see
 * `csvChunks`), so it is never held whole.
 */
export function writeOutput(text: string | Iterable<string>, warnings: readonly string[], out: string | undefined, environment: CliEnvironment): void {
  for (const warning of warnings) environment.stderr(`warning: ${warning}\n`);
  if (out !== undefined) writeFileAtomically(out, environment.cwd, text);
  else if (typeof text === "string") environment.stdout(text);
  else for (const chunk of text) environment.stdout(chunk);
}
