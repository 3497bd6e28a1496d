/** What the CLI may touch of the outside world; tests pass their own. */
export interface CliEnvironment {
  /** Arguments after `leadplan`. */
  args: readonly string[];
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The bytes of standard input, decoded as the files are (see `--encoding`). */
  readStdin: () => Uint8Array;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  stdoutIsTTY: boolean;
  /** A progress bar goes to stderr only when it is a terminal (absent: not one). */
  stderrIsTTY?: boolean;
  /**
   * Runs the writing of output files so that an interrupt removes their temporary files (the real
   * process: see signals.ts); absent, as in tests, they are written without that guard.
   */
  guardInterrupts?: <T>(work: () => Promise<T>) => Promise<T>;
}

/**
 * Colour only for a person at a terminal: stdout is a TTY, `NO_COLOR` is unset or empty and
 * TERM is not `dumb`; `FORCE_COLOR` (not 0) turns it on regardless.
 */
export function wantsColor(environment: CliEnvironment): boolean {
  const { env } = environment;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false") return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return environment.stdoutIsTTY && env.TERM !== "dumb";
}
