import { fstatSync, readFileSync, realpathSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { decodeText } from "./chunk-decoder.js";
import { InputError, type InputIssue } from "./input-issue.js";
import { resolveDestination } from "./output-destination.js";
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
  if (real(left) === real(right)) return true;
  // A hard link is one file under two names: the same device and inode.
  const statOf = (path: string) => {
    try {
      return statSync(path, { throwIfNoEntry: false });
    } catch {
      // A path that cannot be looked at (too long, a loop) is no input's: its own check says why.
      return undefined;
    }
  };
  const leftStats = statOf(left);
  const rightStats = statOf(right);
  return leftStats !== undefined && rightStats !== undefined && leftStats.dev === rightStats.dev && leftStats.ino === rightStats.ino;
}

/**
 * True when `path` is the file standard input reads (`- < plan.csv` with `--out plan.csv` or
 * `--out /dev/stdin`): the same device and inode as descriptor 0, when that is a regular file.
 */
function isStandardInput(path: string): boolean {
  try {
    const input = fstatSync(0);
    const output = statSync(path, { throwIfNoEntry: false });
    return input.isFile() && output !== undefined && output.dev === input.dev && output.ino === input.ino;
  } catch {
    return false;
  }
}

/**
 * Refuses an output path that is one of the input files (the plan would replace its own source),
 * the file behind standard input included when `-` is one, or that cannot be written (see
 * resolveDestination), before any input is read.
 */
export function checkOutputPath(path: string, cwd: string, inputs: readonly string[], flag = "--out"): void {
  if (path === "-") return;
  const clash = inputs.find((input) => (input === "-" ? isStandardInput(resolve(cwd, path)) : samePath(resolve(cwd, input), resolve(cwd, path))));
  if (clash !== undefined) {
    throw new InputError({ code: "file.is-input", file: flag, expected: "an output file that is not one of the inputs", found: path });
  }
  resolveDestination(path, cwd, flag);
}
