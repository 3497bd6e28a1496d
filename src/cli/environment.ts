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
  /** The terminal's columns when stdout is one (absent: not a terminal, or it did not say). */
  stdoutColumns?: number;
  /** A progress bar goes to stderr only when it is a terminal (absent: not one). */
  stderrIsTTY?: boolean;
  /**
   * Runs the writing of output files so that an interrupt removes their temporary files (the real
   * process: see signals.ts); absent, as in tests, they are written without that guard.
   */
  guardInterrupts?: <T>(work: () => Promise<T>) => Promise<T>;
}

/**
 * What reading the inputs needs of the outside world: the CLI's environment, or the library's
 * (`src/api`), which may also hand over inputs held in memory.
 */
export interface ReadEnvironment {
  cwd: string;
  readStdin: () => Uint8Array;
  stderrIsTTY?: boolean;
  /** Inputs given as rows or text (the library), by the name that stands for them; read before any file. */
  inMemory?: ReadonlyMap<string, string>;
}

/**
 * Colour only for a person at a terminal: stdout is a TTY, `NO_COLOR` is unset or empty and
 * TERM is not `dumb`. `FORCE_COLOR=0` (or `false`) turns it off like NO_COLOR, even on a terminal;
 * any other `FORCE_COLOR` turns it on regardless.
 */
export function wantsColor(environment: CliEnvironment): boolean {
  const { env } = environment;
  if (env.FORCE_COLOR === "0" || env.FORCE_COLOR === "false") return false;
  if (env.FORCE_COLOR !== undefined) return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return environment.stdoutIsTTY && env.TERM !== "dumb";
}

/** `--wide`, in the words of every command that has it (compute, track, scenarios, calibrate). */
export const WIDE_HELP = "tables at their full width (default: fit the terminal, or COLUMNS when set; piped without COLUMNS: full width)";

/**
 * The columns a table report must fit, or undefined for its natural width: `COLUMNS` when it is a
 * positive whole number (anything else is ignored), else the terminal's width when stdout is one.
 * A report to a file (`--out`) or with `--wide` keeps its natural width; so does a pipe without
 * COLUMNS, so what scripts and files get stays the same.
 */
export function terminalWidth(environment: CliEnvironment, flags: { wide?: boolean | undefined; out?: string | undefined }): number | undefined {
  if (flags.wide === true || (flags.out !== undefined && flags.out !== "-")) return undefined;
  const columns = environment.env.COLUMNS?.trim();
  if (columns !== undefined && /^[0-9]+$/.test(columns) && Number(columns) > 0 && Number.isSafeInteger(Number(columns))) return Number(columns);
  const { stdoutColumns } = environment;
  return environment.stdoutIsTTY && stdoutColumns !== undefined && Number.isInteger(stdoutColumns) && stdoutColumns > 0 ? stdoutColumns : undefined;
}
