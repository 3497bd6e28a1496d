import { writeFileAtomically } from "../io/files.js";
import { printable } from "../io/input-issue.js";
import type { CliEnvironment } from "./environment.js";

/** Prints warnings (one line each, on stderr), then writes the output once: stdout or `--out`. */
export function writeOutput(text: string, warnings: readonly string[], out: string | undefined, environment: CliEnvironment): void {
  for (const warning of warnings) environment.stderr(`warning: ${printable(warning, 2000)}\n`);
  if (out === undefined) environment.stdout(text);
  else writeFileAtomically(out, environment.cwd, text);
}
