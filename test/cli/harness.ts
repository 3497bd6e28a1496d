import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { CliEnvironment } from "../../src/cli/environment.js";
import { runCli } from "../../src/cli/main.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** The temporary folder the run had as its working directory. */
  dir: string;
}

const folders: string[] = [];

/** A fresh temporary folder holding `files` (names may include subfolders). */
export function folderWith(files: Readonly<Record<string, string | Uint8Array>>): string {
  const dir = mkdtempSync(join(tmpdir(), "leadplan-test-"));
  folders.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** Every file under `dir`, as sorted relative paths: what a run left behind. */
export function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

/** What a run may see of its terminal and environment; by default a pipe and no variables. */
export type Outside = Partial<Pick<CliEnvironment, "env" | "stdoutIsTTY" | "stdoutColumns">>;

/** Runs `leadplan <args>` in-process with `dir` as the working directory, colour off (unless `outside` says otherwise). */
export async function runIn(dir: string, args: readonly string[], stdin?: () => string | Uint8Array, outside: Outside = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const environment: CliEnvironment = {
    args,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readStdin: () => {
      if (stdin === undefined) throw new Error("this run should not read standard input");
      const input = stdin();
      return typeof input === "string" ? Buffer.from(input) : input;
    },
    env: {},
    cwd: dir,
    stdoutIsTTY: false,
    ...outside,
  };
  const code = await runCli(environment);
  return { code, stdout, stderr, dir };
}

/** Runs `leadplan compute <args>` in a fresh folder holding `files`. */
export async function compute(files: Readonly<Record<string, string | Uint8Array>>, args: readonly string[], stdin?: () => string | Uint8Array): Promise<CliRun> {
  return runIn(folderWith(files), ["compute", ...args], stdin);
}

/** Removes every folder made so far: call it in `afterAll`. */
export function removeFolders(): void {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
}
