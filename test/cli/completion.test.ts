import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Help } from "commander";
import { afterAll, describe, expect, it } from "vitest";
import { calibrateCommand } from "../../src/cli/calibrate.js";
import { computeCommand } from "../../src/cli/compute.js";
import type { CliEnvironment } from "../../src/cli/environment.js";
import { scenariosCommand } from "../../src/cli/scenarios.js";
import { trackCommand } from "../../src/cli/track.js";
import { folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

const environment = { args: [], stdout: () => {}, stderr: () => {}, readStdin: () => new Uint8Array(), env: {}, cwd: "/", stdoutIsTTY: false } satisfies CliEnvironment;
const COMMANDS = { compute: computeCommand, track: trackCommand, calibrate: calibrateCommand, scenarios: scenariosCommand };
const script = async (shell: string) => (await runIn(folderWith({}), ["completion", shell])).stdout;

/** Runs the bash script's completion function for a command line typed so far; returns the words offered. */
function complete(bashScript: string, words: readonly string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), "leadplan-completion-"));
  try {
    writeFileSync(join(dir, "quotas.csv"), "");
    const file = join(dir, "completion.bash");
    writeFileSync(file, bashScript);
    const line = `source ${file}; COMP_WORDS=(${words.map((word) => `'${word}'`).join(" ")}); COMP_CWORD=${words.length - 1}; _leadplan; printf '%s\\n' "\${COMPREPLY[@]}"`;
    return execFileSync("bash", ["-c", line], { cwd: dir, encoding: "utf8" }).split("\n").filter((word) => word !== "");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("leadplan completion", () => {
  it("prints a bash script bash reads without a syntax error", async () => {
    const text = await script("bash");
    expect(() => execFileSync("bash", ["-n"], { input: text })).not.toThrow();
  });

  it.each(Object.keys(COMMANDS))("offers every flag %s's help lists, and none it hides", async (name) => {
    const text = await script("bash");
    const command = COMMANDS[name as keyof typeof COMMANDS](environment);
    const longs = new Help().visibleOptions(command).flatMap((option) => (option.long === undefined ? [] : [option.long]));
    const offered = complete(text, ["leadplan", name, "--"]);
    expect(offered).toEqual(expect.arrayContaining(longs));
    expect(offered).toHaveLength(longs.length);
    if (name === "track" || name === "scenarios") expect(offered).not.toContain("--view");
  });

  it("offers the commands, the choices of --format and --by, and file names for files", async () => {
    const text = await script("bash");
    expect(complete(text, ["leadplan", "c"])).toEqual(["compute", "calibrate", "completion"]);
    expect(complete(text, ["leadplan", "compute", "--by", ""])).toEqual(["month", "quarter", "rep", "product", "segment", "month,rep", "month,product", "quarter,rep", "quarter,product"]);
    expect(complete(text, ["leadplan", "compute", "--format", "j"])).toEqual(["json"]);
    expect(complete(text, ["leadplan", "compute", "--ratios", "quo"])).toEqual(["quotas.csv"]);
    expect(complete(text, ["leadplan", "compute", "quo"])).toEqual(["quotas.csv"]);
    expect(complete(text, ["leadplan", "completion", ""])).toEqual(["bash", "zsh", "fish"]);
  });

  it("prints zsh and fish scripts with every command and flag", async () => {
    const zsh = await script("zsh");
    const fish = await script("fish");
    expect(zsh).toMatch(/^#compdef leadplan\n/);
    expect(zsh).toContain("'--fail-on[");
    expect(zsh).toContain(":(month quarter rep product segment month,rep month,product quarter,rep quarter,product)'");
    expect(fish).toContain("complete -c leadplan -n '__fish_seen_subcommand_from track' -l tolerance -x");
    expect(fish).toContain("-l ratios -r -F");
    for (const name of [...Object.keys(COMMANDS), "init", "completion"]) {
      expect(zsh).toContain(`    ${name})`);
      expect(fish).toContain(`-n __fish_use_subcommand -a ${name} `);
    }
  });

  it("refuses a shell it has no script for, in one line", async () => {
    const run = await runIn(folderWith({}), ["completion", "tcsh"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^leadplan: .*tcsh.*bash, zsh, fish.*\n$/);
  });
});
