import { closeSync, constants, openSync, rmSync, writeSync } from "node:fs";
import { type FileHandle, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { InputError } from "./input-issue.js";
import { type Destination, type NamedOutput, resolveDestinations } from "./output-destination.js";

/** One file a run writes: the flag that named it (for messages before writing), its path, its text. */
export interface OutputFile extends NamedOutput {
  /** The text whole, or in chunks made while they are written (an output too large to hold). */
  content: string | Iterable<string>;
}

const REASONS: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "it is a directory",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOTDIR: "a folder on the path is a file",
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is used up",
  EROFS: "a read-only file system",
  EFBIG: "the file is too large",
  EIO: "an input/output error",
  EPIPE: "the reader closed the pipe",
  ENAMETOOLONG: "the file name is too long",
};

/** Temporary files written and not yet renamed: what an interrupt must remove. */
const pending = new Set<string>();

/**
 * Removes every temporary file not yet renamed over its target. Synchronous, for a signal
 * handler that exits right after (see src/cli/signals.ts).
 */
export function removePendingTemporaries(): void {
  for (const temporary of pending) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Exiting anyway: a file that cannot be removed is left, as after `kill -9`.
    }
  }
  pending.clear();
}

/**
 * Writes every output of one run, or none of them. Each path is checked again (and no two end at
 * one file, and at most one is written in place: see resolveDestinations), then each regular
 * file (or new path) is written to a temporary file beside it, then each device or FIFO is written
 * in place, and only then are the temporary files renamed over their targets. A failure before the
 * renames removes every temporary file and leaves every target as it was; the message names the
 * path and the reason, in one line. `-` (standard output) is the caller's: it is skipped here.
 *
 * TODO: a rename that fails after another succeeded (the folder changed under the run) leaves the
 * earlier file written; renames in one checked folder do not fail in practice.
 */
export async function commitOutputs(outputs: readonly OutputFile[], cwd: string): Promise<void> {
  const planned = resolveDestinations(outputs, cwd);
  const written: { output: OutputFile; temporary: string; target: string }[] = [];
  try {
    for (const { output, destination } of planned) {
      if (destination.kind !== "replace") continue;
      const temporary = temporaryPath(destination.target);
      written.push({ output, temporary, target: destination.target });
      await attempt(output, () => writeTemporary(temporary, destination, output.content));
    }
    for (const { output, destination } of planned) {
      if (destination.kind === "direct") await attempt(output, () => writeInPlace(destination.path, destination.append, output.content));
    }
    for (const { output, temporary, target } of written) {
      await attempt(output, () => rename(temporary, target));
      pending.delete(temporary);
    }
  } finally {
    // Normal failures leave no `.tmp-PID` file behind; after success nothing is left to remove.
    // A temporary file that cannot be removed (its folder changed) must not hide the run's error.
    await Promise.all(written.filter(({ temporary }) => pending.delete(temporary)).map(({ temporary }) => rm(temporary, { force: true }).catch(() => undefined)));
  }
}

/** The longest file name most file systems take, in bytes (NAME_MAX). */
const LONGEST_NAME = 255;

/**
 * `.NAME.tmp-PID` beside `target`; when that is longer than a file name may be, NAME is cut and a
 * hash of the whole target added (`.NAME-CUT~1a2b3c4d.tmp-PID`), so it stays unique per output.
 */
export function temporaryPath(target: string): string {
  const name = basename(target);
  const suffix = `.tmp-${process.pid}`;
  if (Buffer.byteLength(`.${name}${suffix}`) <= LONGEST_NAME) return join(dirname(target), `.${name}${suffix}`);
  const mark = `~${fnv1a(target)}${suffix}`;
  let cut = "";
  for (const character of name) {
    if (Buffer.byteLength(`.${cut}${character}${mark}`) > LONGEST_NAME) break;
    cut += character;
  }
  return join(dirname(target), `.${cut}${mark}`);
}

/** A 32-bit FNV-1a hash of `text`'s UTF-16 units, as 8 hex digits: short, stable, no crypto load. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/** Runs one step of writing `output`; a failure becomes the one-line input error naming its path. */
async function attempt(output: OutputFile, step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    throw new InputError({ code: "file.unwritable", file: output.path, expected: `cannot write the output: ${REASONS[code] ?? (code || String(error))}` });
  }
}

async function writeTemporary(temporary: string, destination: Extract<Destination, { kind: "replace" }>, content: OutputFile["content"]): Promise<void> {
  pending.add(temporary);
  let handle: FileHandle;
  try {
    // `wx`: never follow a link someone left at the temporary name. A file there is one an earlier
    // process with this id left when it was killed outright: it is ours to replace.
    handle = await open(temporary, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    await rm(temporary, { force: true });
    handle = await open(temporary, "wx");
  }
  try {
    const { existing } = destination;
    if (existing !== undefined) {
      // The new file takes the old one's place, so it keeps its permission bits (not the umask's);
      // run as root, its owner too, so a user's plan stays theirs.
      // chown first: it clears the setuid and setgid bits, which chmod then sets again.
      if (process.getuid?.() === 0) await handle.chown(existing.uid, existing.gid).catch(() => undefined);
      await handle.chmod(existing.mode);
    }
    if (typeof content === "string") await handle.writeFile(content);
    else for (const chunk of content) await handle.write(chunk);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * A device or FIFO is written as it is: errors (a full device: ENOSPC) are reported, not lost.
 * Opened non-blocking and waited on here, never in a worker thread: a FIFO with no reader yet, or
 * a terminal paused with Ctrl-S, would hold that thread, and Node cannot exit (on an interrupt)
 * while one of its threads is held.
 */
async function writeInPlace(path: string, append: boolean, content: OutputFile["content"]): Promise<void> {
  const flags = constants.O_WRONLY | constants.O_NONBLOCK | (append ? constants.O_APPEND : 0);
  let descriptor: number | undefined;
  while (descriptor === undefined) {
    try {
      descriptor = openSync(path, flags);
    } catch (error) {
      // ENXIO: a FIFO that no one reads yet. Wait for its reader, as a blocking open would.
      if ((error as NodeJS.ErrnoException).code !== "ENXIO") throw error;
      await pause(50);
    }
  }
  try {
    for (const text of typeof content === "string" ? [content] : content) {
      const bytes = Buffer.from(text, "utf8");
      for (let offset = 0; offset < bytes.length; ) {
        try {
          offset += writeSync(descriptor, bytes, offset, Math.min(bytes.length - offset, CHUNK));
        } catch (error) {
          // EAGAIN: the reader is behind (the pipe is full); let it catch up.
          if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
          await pause(5);
        }
      }
    }
  } finally {
    closeSync(descriptor);
  }
}

/** Bytes per write to a device or FIFO: a pipe's buffer, so a slow reader is waited on in steps. */
const CHUNK = 65_536;

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));
