import { closeSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { decodeText } from "./chunk-decoder.js";
import { InputError, type InputIssue } from "./input-issue.js";
import type { Encoding } from "./text-encoding.js";

/** How the message names standard input. */
export const STDIN_NAME = "<stdin>";

const REASONS: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "it is a directory",
  EACCES: "permission denied",
  ENOTDIR: "a folder on the path is a file",
};

/** A text file read and decoded; `warnings` says when it was not UTF-8 (see ChunkDecoder). */
export interface TextInput {
  name: string;
  content: string;
  warnings: InputIssue[];
}

/**
 * Reads a whole text file (or standard input for `-`) and decodes it as `encoding` says (`auto`:
 * UTF-8, UTF-16 with a BOM, or Windows-1252 with a warning); a failure is an input error.
 */
export function readTextFile(path: string, cwd: string, readStdin: () => Uint8Array, encoding: Encoding = "auto"): TextInput {
  const name = path === "-" ? STDIN_NAME : path;
  const decoded = decodeText(path === "-" ? readStdin() : readBytes(path, cwd), name, encoding);
  return { name, content: decoded.text, warnings: decoded.warnings };
}

function readBytes(path: string, cwd: string): Buffer {
  try {
    return readFileSync(resolve(cwd, path));
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
 * `content` may come in chunks: text too large to hold whole.
 */
export function writeFileAtomically(path: string, cwd: string, content: string | Iterable<string>): void {
  const target = resolve(cwd, path);
  const temporary = join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
  try {
    const handle = openSync(temporary, "w");
    try {
      // Chunks (a streamed CSV) are written as they are made; the rename still makes them appear at once.
      if (typeof content === "string") writeSync(handle, content);
      else for (const chunk of content) writeSync(handle, chunk);
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
