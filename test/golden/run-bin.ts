import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..");
const bin = join(root, "bin", "leadplan.js");

/** Runs the built bin from the repository root with a clean, colourless environment. */
export function runBin(args: readonly string[], options: { stdin?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    input: options.stdin ?? "",
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", TZ: "UTC", LANG: "C", ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
