import { accessSync, constants, lstatSync, readlinkSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "./input-issue.js";

/**
 * Where one output goes, decided before anything is written:
 * - `stdout`: `-`, written by the CLI;
 * - `direct`: a character device or a FIFO (`/dev/null`, a pipe), written in place, as a rename
 *   would replace the device itself with a regular file; and one of the run's own descriptors
 *   (`/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`), appended to (`append`), so a shell's `>>`
 *   keeps what the file held and its `>` (which emptied it) still gives just the report;
 * - `replace`: a regular file or a new path, written to a temporary file beside `target` and
 *   renamed over it. `target` is the file at the end of any symbolic links, so the link stays a
 *   link; `existing` holds the permission bits (and owner) the new file keeps.
 */
export type Destination =
  | { kind: "stdout" }
  | { kind: "direct"; path: string; append: boolean }
  | { kind: "replace"; target: string; existing?: { mode: number; uid: number; gid: number } };

/** A chain of symbolic links longer than this is a loop, as the kernel counts (ELOOP). */
const MOST_LINKS = 40;

/** Paths that name an open descriptor of the process rather than a file of their own. */
const DESCRIPTOR = /^\/(?:dev\/(?:stdin|stdout|stderr|fd\/(\d+))|proc\/(?:self|thread-self|\d+)(?:\/task\/\d+)?\/fd\/(\d+))$/;
const NAMED_DESCRIPTORS: Record<string, number> = { "/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2 };
/** A folder of descriptors, as /dev/fd resolves: `/proc/123/fd`. */
const DESCRIPTOR_FOLDER = /^\/proc\/(?:self|thread-self|\d+)(?:\/task\/\d+)?\/fd$/;

/**
 * Resolves an output path and checks that it can be written: not a folder, in a folder that
 * exists and may be written to, not a block device or socket, not a descriptor other than
 * standard output or standard error. A problem is an input error naming `flag` and the path as
 * given; so is any file-system error met on the way (a name too long, say), never a crash.
 */
export function resolveDestination(path: string, cwd: string, flag: string): Destination {
  if (path === "-") return { kind: "stdout" };
  const refuse = (expected: string, hint?: string): never => {
    throw new InputError({ code: "file.unwritable", file: flag, expected, found: path, ...(hint === undefined ? {} : { hint }) });
  };
  try {
    return destinationOf(path, cwd, refuse);
  } catch (error) {
    if (error instanceof InputError) throw error;
    return refuse(...statFailure(error));
  }
}

function destinationOf(path: string, cwd: string, refuse: (expected: string, hint?: string) => never): Destination {
  // `newdir/` names a folder: writing a file called `newdir` would be a guess.
  const name = basename(path);
  if (path === "" || /[/\\]$/.test(path) || name === "." || name === "..") refuse("a file name, not a folder");
  const absolute = resolve(cwd, path);
  // Descriptors 0 and 3 up are the input, or Node's own pipes: writing there loses the report or
  // crashes the process. Only standard output and standard error are the run's to write.
  const descriptor = descriptorOf(absolute);
  if (descriptor !== undefined && descriptor !== 1 && descriptor !== 2) {
    refuse("a file, standard output (/dev/stdout) or standard error (/dev/stderr)", `descriptor ${descriptor} is not an output of the run`);
  }
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(absolute, { throwIfNoEntry: false });
  } catch (error) {
    return refuse(...statFailure(error));
  }
  if (stats === undefined) return { kind: "replace", target: canonical(writableFolder(danglingTarget(absolute, refuse), refuse)) };
  if (stats.isDirectory()) refuse("a file, not a folder");
  if (stats.isCharacterDevice() || stats.isFIFO()) return { kind: "direct", path: absolute, append: false };
  if (!stats.isFile()) refuse("a regular file, a character device or a FIFO");
  if (descriptor !== undefined) return { kind: "direct", path: absolute, append: true };
  const target = writableFolder(realpathSync(absolute), refuse);
  return { kind: "replace", target, existing: { mode: stats.mode & 0o7777, uid: stats.uid, gid: stats.gid } };
}

function statFailure(error: unknown): [string, string?] {
  switch ((error as NodeJS.ErrnoException).code) {
    case "ENOTDIR":
      return ["a file in a folder that exists", "a folder on the path is a file"];
    case "ELOOP":
      return ["a file", "a loop of symbolic links"];
    case "EACCES":
      return ["a file in a folder leadplan may read and write", "permission denied"];
    case "ENAMETOOLONG":
      return ["a file name of at most 255 bytes", "the name is too long"];
    default:
      return ["a file leadplan can write", (error as NodeJS.ErrnoException).code ?? String(error)];
  }
}

/**
 * The descriptor `absolute` names (`/dev/fd/3`, `/proc/self/fd/1`, `/dev/stdout`), itself or
 * through a link on its way to a file; undefined for a file of its own.
 */
function descriptorOf(absolute: string): number | undefined {
  let current = absolute;
  for (let hops = 0; hops <= MOST_LINKS; hops += 1) {
    const named = NAMED_DESCRIPTORS[current];
    if (named !== undefined) return named;
    const match = DESCRIPTOR.exec(current);
    if (match !== null) return Number(match[1] ?? match[2]);
    // `/dev/fd` itself is a link: a path through it, or any other link to the folder, is caught here.
    if (/^\d+$/.test(basename(current)) && DESCRIPTOR_FOLDER.test(realFolder(current))) return Number(basename(current));
    const stats = lstatSync(current, { throwIfNoEntry: false });
    if (stats === undefined || !stats.isSymbolicLink()) return undefined;
    current = resolve(dirname(current), readlinkSync(current));
  }
  return undefined;
}

/** The folder of `path` with its links resolved, or "" when it does not exist. */
function realFolder(path: string): string {
  try {
    return realpathSync(dirname(path));
  } catch {
    return "";
  }
}

/** `target` with its folder's links resolved, so two spellings of one new file compare equal. */
function canonical(target: string): string {
  return join(realpathSync(dirname(target)), basename(target));
}

/** The file a missing path names: itself, or the end of a chain of links to nothing yet. */
function danglingTarget(absolute: string, refuse: (expected: string, hint?: string) => never): string {
  let current = absolute;
  for (let hops = 0; hops <= MOST_LINKS; hops += 1) {
    const stats = lstatSync(current, { throwIfNoEntry: false });
    if (stats === undefined || !stats.isSymbolicLink()) return current;
    current = resolve(dirname(current), readlinkSync(current));
  }
  return refuse("a file", "a loop of symbolic links");
}

/** `target` when its folder exists and may be written to (the temporary file goes there). */
function writableFolder(target: string, refuse: (expected: string, hint?: string) => never): string {
  const folder = dirname(target);
  const stats = statSync(folder, { throwIfNoEntry: false });
  if (stats === undefined || !stats.isDirectory()) refuse("a file in a folder that exists");
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    refuse("a file in a folder leadplan may write to");
  }
  return target;
}

/** One output of a run as the user named it: the flag, the path, and how a message names it. */
export interface NamedOutput {
  flag: string;
  path: string;
  /** How another output's message names this one (default: its flag). */
  name?: string;
}

/**
 * Resolves every output of one run (see resolveDestination) and refuses, before anything is
 * written, two that end at the same file (through links, to a file not there yet too: they would
 * share one temporary file and the last would win) and more than one device, FIFO or standard
 * output other than `-` (written in place, they cannot be taken back when a later one fails).
 */
export function resolveDestinations<T extends NamedOutput>(outputs: readonly T[], cwd: string): { output: T; destination: Destination }[] {
  const seen: { output: NamedOutput; identity: string; inPlace: boolean }[] = [];
  return outputs.map((output) => {
    const destination = resolveDestination(output.path, cwd, output.flag);
    const refuse = (expected: string): never => {
      throw new InputError({ code: "option.invalid", file: output.flag, expected, found: output.path });
    };
    const identity = identityOf(destination);
    const same = seen.find((earlier) => earlier.identity === identity);
    if (same !== undefined) refuse(`a different file from ${same.output.name ?? same.output.flag}`);
    // Standard output (`-`) is written by the CLI after every file is committed: only devices and
    // FIFOs are written in place among the files, where a later failure could not take them back.
    const inPlace = destination.kind === "direct";
    const earlier = inPlace ? seen.find((other) => other.inPlace) : undefined;
    if (earlier !== undefined) {
      refuse(`a regular file, as only one output may be a device or a FIFO (already ${earlier.output.name ?? earlier.output.flag})`);
    }
    seen.push({ output, identity, inPlace });
    return { output, destination };
  });
}

/** What a destination writes in the end: the file's device and inode when it exists, else its path. */
function identityOf(destination: Destination): string {
  if (destination.kind === "stdout") return "stdout";
  const path = destination.kind === "direct" ? destination.path : destination.target;
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats === undefined ? `path:${path}` : `file:${stats.dev}:${stats.ino}`;
}
