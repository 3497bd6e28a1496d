import { closeSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "./input-issue.js";

/** How the message names standard input. */
export const STDIN_NAME = "<stdin>";

const REASONS: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "it is a directory",
  EACCES: "permission denied",
  ENOTDIR: "a folder on the path is a file",
};

/** Reads a whole UTF-8 text file (or standard input for `-`); a failure is an input error. */
export function readTextFile(path: string, cwd: string, readStdin: () => string): { name: string; content: string } {
  if (path === "-") return { name: STDIN_NAME, content: readStdin() };
  try {
    return { name: path, content: readFileSync(resolve(cwd, path), "utf8") };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    throw new InputError({ code: "file.unreadable", file: path, expected: `cannot read the file: ${REASONS[code] ?? code}` });
  }
}

function samePath(left: string, right: string): boolean {
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return resolve(path);
    }
  };
  return real(left) === real(right);
}

/** Refuses an output path that is one of the input files: the plan would replace its own source. */
export function checkOutputPath(path: string, cwd: string, inputs: readonly string[]): void {
  const clash = inputs.find((input) => input !== "-" && samePath(resolve(cwd, input), resolve(cwd, path)));
  if (clash !== undefined) {
    throw new InputError({ code: "file.is-input", file: "--out", expected: "an output file that is not one of the inputs", found: path });
  }
}

/**
 * Writes the whole output or nothing: to a temporary file beside the target, then renamed over
 * it, so a reader never sees a half-written plan and a failed run leaves the old file as it was.
 */
export function writeFileAtomically(path: string, cwd: string, content: string): void {
  const target = resolve(cwd, path);
  const temporary = join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
  try {
    const handle = openSync(temporary, "w");
    try {
      writeSync(handle, content);
      fsyncSync(handle);
    } finally {
      closeSync(handle);
    }
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? "";
    throw new InputError({ code: "file.unwritable", file: path, expected: `cannot write the output: ${REASONS[code] ?? code}` });
  }
}
