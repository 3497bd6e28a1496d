// What every bench section shares: each command in a fresh process, in turns, median wall time
// and peak memory (reported at exit by the preloaded bench/report-rss.mjs).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const dataDir = join(root, "bench", ".data");
mkdirSync(dataDir, { recursive: true });
const rssFile = join(dataDir, "rss.txt");

/** Node arguments that make a run report its peak memory. */
export const measure = ["--import", "./bench/report-rss.mjs"];

export const verdict = (ratio, limit) => `${ratio.toFixed(2)}× (target ≤ ${limit}×: ${ratio <= limit ? "met" : "MISSED"})`;

function once(args) {
  rmSync(rssFile, { force: true });
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: "1" },
  });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} failed (${result.status}): ${result.stderr}`);
  const peak = existsSync(rssFile) ? Number(readFileSync(rssFile, "utf8").trim().split("\n").pop()) : null;
  return { elapsed, peak };
}

/**
 * Runs the commands in turns (a, b, c, a, b, c, ...), so a passing load on the machine slows
 * each of them alike and the ratios stay fair; prints and returns each one's median.
 */
export function compare(commands, runs) {
  const samples = commands.map(() => ({ times: [], peaks: [] }));
  for (let round = 0; round < runs; round++) {
    commands.forEach((command, index) => {
      const { elapsed, peak } = once(command.args);
      samples[index].times.push(elapsed);
      if (peak !== null) samples[index].peaks.push(peak);
    });
  }
  return commands.map((command, index) => {
    const times = samples[index].times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    const peak = samples[index].peaks.length ? Math.max(...samples[index].peaks) : null;
    const memory = peak ? `, peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB` : "";
    console.log(`  ${command.label}: median ${median.toFixed(0)} ms of ${runs} (min ${times[0].toFixed(0)}, max ${times.at(-1).toFixed(0)})${memory}`);
    return { median, peak };
  });
}
