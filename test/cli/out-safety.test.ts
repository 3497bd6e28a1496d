import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmodSync, closeSync, linkSync, lstatSync, mkdirSync, openSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

const root = join(import.meta.dirname, "..", "..");
const example = (name: string) => readFileSync(join(root, "examples", name), "utf8");
const EXAMPLES = Object.fromEntries(["quotas.csv", "ratios.csv", "cycles.csv", "actuals.csv", "scenarios.csv", "history.csv"].map((name) => [name, example(name)]));
const ASSUME = ["--ratios", "ratios.csv", "--cycles", "cycles.csv"];
const COMPUTE = ["compute", "quotas.csv", ...ASSUME, "--format", "csv"];

/** Every command, as it writes one report with --out. */
const COMMANDS: [string, string[]][] = [
  ["compute", COMPUTE],
  ["track", ["track", "quotas.csv", "actuals.csv", ...ASSUME, "--format", "csv"]],
  ["scenarios", ["scenarios", "quotas.csv", ...ASSUME, "--scenarios", "scenarios.csv", "--format", "csv"]],
  ["calibrate", ["calibrate", "history.csv", "--as-of", "2026-06-30", "--format", "csv"]],
];

/** Every entry of a folder, devices, FIFOs, links and hidden temporary files included. */
const entriesIn = (dir: string) => readdirSync(dir).sort();

/** Makes a private character device node (`null` 1 3, `full` 1 7): never the real /dev. */
function mknod(path: string, minor: 3 | 7): boolean {
  return spawnSync("mknod", [path, "c", "1", String(minor)]).status === 0;
}

const canMknod = (() => {
  const dir = folderWith({});
  return mknod(join(dir, "probe"), 3);
})();
const canMkfifo = (() => {
  const dir = folderWith({});
  return spawnSync("mkfifo", [join(dir, "probe")]).status === 0;
})();

/** The report the command prints to stdout, to compare with what --out wrote. */
async function printed(args: string[]): Promise<string> {
  return (await runIn(folderWith(EXAMPLES), args)).stdout;
}

describe("--out never replaces a device, a FIFO or a symbolic link", () => {
  it.skipIf(!canMknod).each(COMMANDS)("%s writes into a character device in place and leaves it a device", async (_name, args) => {
    const dir = folderWith(EXAMPLES);
    mknod(join(dir, "null"), 3);
    const run = await runIn(dir, [...args, "--out", "null"]);
    expect({ code: run.code === 1 ? 0 : run.code, stdout: run.stdout }).toStrictEqual({ code: 0, stdout: "" });
    expect(lstatSync(join(dir, "null")).isCharacterDevice()).toBe(true);
    expect(entriesIn(dir)).toStrictEqual([...Object.keys(EXAMPLES), "null"].sort());
  });

  it.skipIf(!canMknod).each(COMMANDS)("%s reports a full device (ENOSPC) in one line with exit 2", async (_name, args) => {
    const dir = folderWith(EXAMPLES);
    mknod(join(dir, "full"), 7);
    const run = await runIn(dir, [...args, "--out", "full"]);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toStrictEqual({
      code: 2,
      stdout: "",
      stderr: "leadplan: full: cannot write the output: no space left on the device\n",
    });
    expect(lstatSync(join(dir, "full")).isCharacterDevice()).toBe(true);
    expect(entriesIn(dir)).toStrictEqual([...Object.keys(EXAMPLES), "full"].sort());
  });

  it.skipIf(!canMkfifo)("writes into a FIFO for the reader at its other end and leaves it a FIFO", async () => {
    const dir = folderWith(EXAMPLES);
    const fifo = join(dir, "plan.fifo");
    spawnSync("mkfifo", [fifo]);
    const reader = spawn("cat", [fifo]);
    const read = collect(reader);
    const run = await runIn(dir, [...COMPUTE, "--out", "plan.fifo"]);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toStrictEqual({ code: 0, stdout: "", stderr: "" });
    expect(await read).toBe(await printed(COMPUTE));
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it("follows a symbolic link and writes its target, leaving the link a link", async () => {
    const dir = folderWith({ ...EXAMPLES, "reports/plan.csv": "old plan\n" });
    symlinkSync(join("reports", "plan.csv"), join(dir, "plan.csv"));
    const run = await runIn(dir, [...COMPUTE, "--out", "plan.csv"]);
    expect({ code: run.code, stderr: run.stderr }).toStrictEqual({ code: 0, stderr: "" });
    expect(lstatSync(join(dir, "plan.csv")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "reports", "plan.csv"), "utf8")).toBe(await printed(COMPUTE));
    expect(entriesIn(join(dir, "reports"))).toStrictEqual(["plan.csv"]);
  });

  it("creates the missing file a symbolic link points to, leaving the link a link", async () => {
    const dir = folderWith(EXAMPLES);
    mkdirSync(join(dir, "reports"));
    symlinkSync(join("reports", "plan.csv"), join(dir, "plan.csv"));
    const run = await runIn(dir, [...COMPUTE, "--out", "plan.csv"]);
    expect({ code: run.code, stderr: run.stderr }).toStrictEqual({ code: 0, stderr: "" });
    expect(lstatSync(join(dir, "plan.csv")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "reports", "plan.csv"), "utf8")).toBe(await printed(COMPUTE));
  });

  it.skipIf(!canMknod)("follows a symbolic link to a device and leaves both as they were", async () => {
    const dir = folderWith(EXAMPLES);
    mknod(join(dir, "null"), 3);
    symlinkSync("null", join(dir, "out"));
    const run = await runIn(dir, [...COMPUTE, "--out", "out"]);
    expect(run.code).toBe(0);
    expect([lstatSync(join(dir, "out")).isSymbolicLink(), lstatSync(join(dir, "null")).isCharacterDevice()]).toStrictEqual([true, true]);
  });

  // Through the built bin, as the descriptor must be the run's own. /proc, never /dev: the code
  // before this rule renamed over the link it was given.
  it.each([
    ["appends to the file behind its own stdout (a shell's >>)", "/proc/self/fd/1", "a"],
    ["writes the file behind its own stdout that a shell's > emptied", "/proc/self/fd/1", "w"],
    ["appends to its own stdout through a link to it", "out", "a"],
  ] as const)("%s, never replacing it", (_case, out, flags) => {
    const dir = folderWith(EXAMPLES);
    symlinkSync("/proc/self/fd/1", join(dir, "out"));
    writeFileSync(join(dir, "log.txt"), flags === "a" ? "earlier\n" : "");
    const log = openSync(join(dir, "log.txt"), flags);
    const run = spawnSync(process.execPath, [join(root, "bin", "leadplan.js"), ...COMPUTE, "--out", out], {
      cwd: dir,
      stdio: ["ignore", log, "pipe"],
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", TZ: "UTC", LANG: "C" },
    });
    closeSync(log);
    expect({ status: run.status, stderr: run.stderr }).toStrictEqual({ status: 0, stderr: "" });
    return printed(COMPUTE).then((plan) => {
      expect(readFileSync(join(dir, "log.txt"), "utf8")).toBe(`${flags === "a" ? "earlier\n" : ""}${plan}`);
      expect(entriesIn(dir)).toStrictEqual([...Object.keys(EXAMPLES), "log.txt", "out"].sort());
    });
  });

  it("writes to standard output for --out -, not to a file named -", async () => {
    const dir = folderWith(EXAMPLES);
    const run = await runIn(dir, [...COMPUTE, "--out", "-"]);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toStrictEqual({ code: 0, stdout: await printed(COMPUTE), stderr: "" });
    expect(entriesIn(dir)).toStrictEqual(Object.keys(EXAMPLES).sort());
  });
});

describe("--out writes only standard output or standard error of the run's descriptors", () => {
  // Through the built bin: /dev/fd/4 and up are Node's own pipes there (writing 6 crashed it).
  it.each(["/dev/fd/0", "/dev/stdin", "/dev/fd/4", "/dev/fd/6", "/dev/fd/11", "/proc/self/fd/7", "fd7"])("refuses %s in one line, writing nothing", (out) => {
    const dir = folderWith(EXAMPLES);
    symlinkSync("/dev/fd/7", join(dir, "fd7"));
    const run = spawnSync(process.execPath, [join(root, "bin", "leadplan.js"), ...COMPUTE, "--out", out], {
      cwd: dir,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", TZ: "UTC", LANG: "C" },
    });
    const descriptor = out === "/dev/stdin" ? "0" : /\d+$/.exec(out)?.[0];
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toStrictEqual({
      status: 2,
      stdout: "",
      stderr: `leadplan: --out: expected a file, standard output (/dev/stdout) or standard error (/dev/stderr), found "${out}" (descriptor ${descriptor} is not an output of the run)\n`,
    });
    expect(entriesIn(dir)).toStrictEqual([...Object.keys(EXAMPLES), "fd7"].sort());
  });
});

describe("--out is never the file standard input reads", () => {
  // Through the built bin: descriptor 0 must be the file itself, as a shell's < makes it.
  it.each(["/dev/stdin", "quotas.csv", "same.csv"])("refuses %s when - reads quotas.csv, leaving it as it was", (out) => {
    const dir = folderWith(EXAMPLES);
    linkSync(join(dir, "quotas.csv"), join(dir, "same.csv"));
    const input = openSync(join(dir, "quotas.csv"), "r");
    const run = spawnSync(process.execPath, [join(root, "bin", "leadplan.js"), "compute", "-", ...ASSUME, "--format", "csv", "--out", out], {
      cwd: dir,
      stdio: [input, "pipe", "pipe"],
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", TZ: "UTC", LANG: "C" },
    });
    closeSync(input);
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toStrictEqual({
      status: 2,
      stdout: "",
      stderr: `leadplan: --out: expected an output file that is not one of the inputs, found "${out}"\n`,
    });
    expect(readFileSync(join(dir, "quotas.csv"), "utf8")).toBe(EXAMPLES["quotas.csv"]);
    expect(entriesIn(dir)).toStrictEqual([...Object.keys(EXAMPLES), "same.csv"].sort());
  });
});

describe("--out takes any legal file name", () => {
  it("writes a 254-byte name, whose temporary name would be too long, leaving no temporary file", async () => {
    const dir = folderWith(EXAMPLES);
    const name = `${"a".repeat(250)}.csv`;
    const run = await runIn(dir, [...COMPUTE, "--out", name]);
    expect({ code: run.code, stderr: run.stderr }).toStrictEqual({ code: 0, stderr: "" });
    expect(readFileSync(join(dir, name), "utf8")).toBe(await printed(COMPUTE));
    expect(entriesIn(dir)).toStrictEqual([...Object.keys(EXAMPLES), name].sort());
  });

  it("gives two long names that differ only at the end their own temporary files", async () => {
    const dir = folderWith(EXAMPLES);
    const [ratios, cycles] = [`${"r".repeat(246)}-one.csv`, `${"r".repeat(246)}-two.csv`];
    const run = await runIn(dir, ["calibrate", "history.csv", "--as-of", "2026-06-30", "--min-leads", "1", "--ratios-out", ratios, "--cycles-out", cycles, "--out", "report.txt"]);
    const apart = await runIn(folderWith(EXAMPLES), ["calibrate", "history.csv", "--as-of", "2026-06-30", "--min-leads", "1", "--ratios-out", "r.csv", "--cycles-out", "c.csv", "--out", "report.txt"]);
    expect({ code: run.code, stderr: run.stderr }).toStrictEqual({ code: 0, stderr: "" });
    expect([readFileSync(join(dir, ratios), "utf8"), readFileSync(join(dir, cycles), "utf8")]).toStrictEqual([
      readFileSync(join(apart.dir, "r.csv"), "utf8"),
      readFileSync(join(apart.dir, "c.csv"), "utf8"),
    ]);
    expect(entriesIn(dir)).toStrictEqual([...Object.keys(EXAMPLES), cycles, ratios, "report.txt"].sort());
  });

  it("refuses a name longer than 255 bytes in one line with exit 2", async () => {
    const dir = folderWith(EXAMPLES);
    const run = await runIn(dir, [...COMPUTE, "--out", `${"b".repeat(300)}.csv`]);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toStrictEqual({
      code: 2,
      stdout: "",
      stderr: `leadplan: --out: expected a file name of at most 255 bytes, found "${"b".repeat(60)}…" (the name is too long)\n`,
    });
    expect(entriesIn(dir)).toStrictEqual(Object.keys(EXAMPLES).sort());
  });
});

describe("--out keeps an existing file's permission bits", () => {
  // 4751 and 2755: run as root, the owner is set again first, as chown clears setuid and setgid.
  it.each([0o600, 0o640, 0o755, 0o4751, 0o2755])("keeps mode %o", async (mode) => {
    const dir = folderWith({ ...EXAMPLES, "plan.csv": "old plan\n" });
    chmodSync(join(dir, "plan.csv"), mode);
    const run = await runIn(dir, [...COMPUTE, "--out", "plan.csv"]);
    expect(run.code).toBe(0);
    expect(statSync(join(dir, "plan.csv")).mode & 0o7777).toBe(mode);
    expect(readFileSync(join(dir, "plan.csv"), "utf8")).toBe(await printed(COMPUTE));
  });
});

describe("--out names a file, never a folder", () => {
  it.each([
    ["a missing folder with a trailing slash", "newdir/", 'leadplan: --out: expected a file name, not a folder, found "newdir/"'],
    ["an existing folder with a trailing slash", "reports/", 'leadplan: --out: expected a file name, not a folder, found "reports/"'],
    ["an existing folder", "reports", 'leadplan: --out: expected a file, not a folder, found "reports"'],
    ["a file as a folder on the path", "quotas.csv/plan.csv", 'leadplan: --out: expected a file in a folder that exists, found "quotas.csv/plan.csv" (a folder on the path is a file)'],
    ["a loop of symbolic links", "loop", 'leadplan: --out: expected a file, found "loop" (a loop of symbolic links)'],
  ])("refuses %s before reading anything, writing nothing", async (_case, out, stderr) => {
    const dir = folderWith({ ...EXAMPLES, "reports/keep.txt": "" });
    symlinkSync("loop", join(dir, "loop"));
    const run = await runIn(dir, ["compute", "quotas.csv", "--ratios", "missing.csv", "--out", out]);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toStrictEqual({ code: 2, stdout: "", stderr: `${stderr}\n` });
    expect(entriesIn(dir)).toStrictEqual([...Object.keys(EXAMPLES), "loop", "reports"].sort());
    expect(entriesIn(join(dir, "reports"))).toStrictEqual(["keep.txt"]);
  });
});

describe("a run writes all its files or none", () => {
  const CALIBRATE = ["calibrate", "history.csv", "--as-of", "2026-06-30", "--ratios-out", "r.csv", "--cycles-out", "c.csv"];

  it("calibrate checks every destination before writing any: a missing --out folder writes no file", async () => {
    const dir = folderWith(EXAMPLES);
    const run = await runIn(dir, [...CALIBRATE, "--out", "nope/report.txt"]);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toStrictEqual({
      code: 2,
      stdout: "",
      stderr: 'leadplan: --out: expected a file in a folder that exists, found "nope/report.txt"\n',
    });
    expect(entriesIn(dir)).toStrictEqual(Object.keys(EXAMPLES).sort());
  });

  it("calibrate checks a --sources-out folder before writing any file", async () => {
    const dir = folderWith(EXAMPLES);
    const run = await runIn(dir, [...CALIBRATE, "--sources-out", "nope/", "--out", "report.txt"]);
    expect(run.stderr).toBe('leadplan: --sources-out: expected a file name, not a folder, found "nope/"\n');
    expect(entriesIn(dir)).toStrictEqual(Object.keys(EXAMPLES).sort());
  });

  it.skipIf(!canMknod)("calibrate writes neither file when the report cannot be written, and leaves no temporary file", async () => {
    const dir = folderWith({ ...EXAMPLES, "r.csv": "old ratios\n" });
    mknod(join(dir, "full"), 7);
    const run = await runIn(dir, [...CALIBRATE, "--out", "full"]);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toStrictEqual({
      code: 2,
      stdout: "",
      stderr: "leadplan: full: cannot write the output: no space left on the device\n",
    });
    expect(entriesIn(dir)).toStrictEqual([...Object.keys(EXAMPLES), "full", "r.csv"].sort());
    expect(readFileSync(join(dir, "r.csv"), "utf8")).toBe("old ratios\n");
  });

  it("calibrate refuses two outputs to standard output", async () => {
    const run = await runIn(folderWith(EXAMPLES), ["calibrate", "history.csv", "--ratios-out", "-"]);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toStrictEqual({
      code: 2,
      stdout: "",
      stderr: 'leadplan: --ratios-out: expected a file: standard output already takes the report, which goes to standard output without --out, found "-"\n',
    });
  });

  it("calibrate may send one file to standard output when the report goes to a file", async () => {
    const dir = folderWith(EXAMPLES);
    const run = await runIn(dir, ["calibrate", "history.csv", "--as-of", "2026-06-30", "--ratios-out", "-", "--out", "report.txt"]);
    const apart = await runIn(folderWith(EXAMPLES), ["calibrate", "history.csv", "--as-of", "2026-06-30", "--ratios-out", "r.csv", "--out", "report.txt"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(readFileSync(join(apart.dir, "r.csv"), "utf8"));
    expect(entriesIn(dir)).toStrictEqual([...Object.keys(EXAMPLES), "report.txt"].sort());
  });
});

describe("no two outputs of a run end at one file, and at most one is written in place", () => {
  const CALIBRATE = ["calibrate", "history.csv", "--as-of", "2026-06-30", "--min-leads", "1"];

  it("refuses a link to a missing file that another output names, writing nothing", async () => {
    const dir = folderWith(EXAMPLES);
    symlinkSync("newr.csv", join(dir, "dl.csv"));
    const run = await runIn(dir, [...CALIBRATE, "--ratios-out", "newr.csv", "--cycles-out", "dl.csv"]);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toStrictEqual({
      code: 2,
      stdout: "",
      stderr: 'leadplan: --cycles-out: expected a different file from --ratios-out, found "dl.csv"\n',
    });
    expect(entriesIn(dir)).toStrictEqual([...Object.keys(EXAMPLES), "dl.csv"].sort());
  });

  it("refuses two spellings of one new file through a linked folder", async () => {
    const dir = folderWith(EXAMPLES);
    mkdirSync(join(dir, "reports"));
    symlinkSync("reports", join(dir, "out"));
    const run = await runIn(dir, [...CALIBRATE, "--ratios-out", "reports/r.csv", "--cycles-out", "out/r.csv"]);
    expect(run.stderr).toBe('leadplan: --cycles-out: expected a different file from --ratios-out, found "out/r.csv"\n');
    expect(entriesIn(join(dir, "reports"))).toStrictEqual([]);
  });

  it.skipIf(!canMknod)("refuses a second device before writing the first", async () => {
    const dir = folderWith(EXAMPLES);
    mknod(join(dir, "null"), 3);
    mknod(join(dir, "full"), 7);
    const run = await runIn(dir, [...CALIBRATE, "--ratios-out", "null", "--cycles-out", "full", "--out", "report.txt"]);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toStrictEqual({
      code: 2,
      stdout: "",
      stderr: 'leadplan: --cycles-out: expected a regular file, as only one output may be a device or a FIFO (already --ratios-out), found "full"\n',
    });
    expect(entriesIn(dir)).toStrictEqual([...Object.keys(EXAMPLES), "full", "null"].sort());
  });

  it.skipIf(!canMknod)("writes one device beside the report on standard output, which comes after every file", async () => {
    const dir = folderWith(EXAMPLES);
    mknod(join(dir, "null"), 3);
    const run = await runIn(dir, [...CALIBRATE, "--ratios-out", "null"]);
    expect({ code: run.code, stderr: run.stderr }).toStrictEqual({ code: 0, stderr: "" });
    expect(run.stdout).not.toBe("");
  });

  it.skipIf(!canMknod)("writes one device beside regular files", async () => {
    const dir = folderWith(EXAMPLES);
    mknod(join(dir, "null"), 3);
    const run = await runIn(dir, [...CALIBRATE, "--ratios-out", "r.csv", "--out", "null"]);
    expect({ code: run.code, stderr: run.stderr }).toStrictEqual({ code: 0, stderr: "" });
    expect(entriesIn(dir)).toStrictEqual([...Object.keys(EXAMPLES), "null", "r.csv"].sort());
  });
});

describe("no temporary file is left behind", () => {
  it("does not follow a link planted at the temporary name, and removes it", async () => {
    const dir = folderWith({ ...EXAMPLES, "victim.txt": "keep me\n" });
    symlinkSync("victim.txt", join(dir, `.plan.csv.tmp-${process.pid}`));
    const run = await runIn(dir, [...COMPUTE, "--out", "plan.csv"]);
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, "victim.txt"), "utf8")).toBe("keep me\n");
    expect(lstatSync(join(dir, "plan.csv")).isFile()).toBe(true);
    expect(readFileSync(join(dir, "plan.csv"), "utf8")).toBe(await printed(COMPUTE));
    expect(entriesIn(dir)).toStrictEqual([...Object.keys(EXAMPLES), "plan.csv", "victim.txt"].sort());
  });

  it.skipIf(!canMkfifo).each([
    ["SIGHUP", 129],
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)("removes the temporary files on %s and exits %i", async (signal, code) => {
    const dir = folderWith(EXAMPLES);
    spawnSync("mkfifo", [join(dir, "report.fifo")]);
    // The report waits for a reader of the FIFO: the ratio file's temporary file is on disk then.
    const child = spawn(process.execPath, [join(root, "bin", "leadplan.js"), "calibrate", "history.csv", "--ratios-out", "r.csv", "--out", "report.fifo"], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", TZ: "UTC", LANG: "C" },
    });
    const stderr = collect(child, "stderr");
    const temporary = `.r.csv.tmp-${child.pid}`;
    await until(() => entriesIn(dir).includes(temporary));
    child.kill(signal);
    const exit = await new Promise<number | null>((resolve) => child.on("exit", (status) => resolve(status)));
    expect({ exit, stderr: await stderr }).toStrictEqual({ exit: code, stderr: "" });
    expect(entriesIn(dir)).toStrictEqual([...Object.keys(EXAMPLES), "report.fifo"].sort());
  });
});

/** All a child writes on one stream, once it ends (a child still running after 10 s is killed). */
function collect(child: ChildProcess, stream: "stdout" | "stderr" = "stdout"): Promise<string> {
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  return new Promise((resolve) => {
    let text = "";
    child[stream]?.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
    });
    child.on("close", () => {
      clearTimeout(timer);
      resolve(text);
    });
  });
}

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 10_000) throw new Error("timed out waiting for the temporary file");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
