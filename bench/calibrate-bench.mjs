// The calibrate part of `npm run bench` (issue 3); `node bench/calibrate-bench.mjs [--quick]` runs it alone.
// Generated, seeded histories; every command in a fresh process, in turns, median wall time.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateHistory } from "./generate-history.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = join(root, "bench", ".data");
const rssFile = join(dataDir, "rss-calibrate.txt");
const measure = ["--import", "./bench/report-rss.mjs"];

function once(args) {
  rmSync(rssFile, { force: true });
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: "1" } });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} failed (${result.status}): ${result.stderr}`);
  const peak = existsSync(rssFile) ? Number(readFileSync(rssFile, "utf8").trim().split("\n").pop()) : null;
  return { elapsed, peak };
}

/** Runs the commands in turns, so a passing load slows each alike; reports each one's median. */
function compare(commands, runs) {
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

const verdict = (ratio, limit) => `${ratio.toFixed(2)}× (target ≤ ${limit}×: ${ratio <= limit ? "met" : "MISSED"})`;

export async function benchCalibrate({ quick = false } = {}) {
  mkdirSync(dataDir, { recursive: true });
  const large = quick ? 200_000 : 1_000_000;
  const small = large / 10;
  const fileOf = async (leads) => {
    const file = join(dataDir, `history-${leads}.csv`);
    if (!existsSync(file)) await generateHistory(file, { leads, seed: 1 });
    return file;
  };
  const bigFile = await fileOf(large);
  const smallFile = await fileOf(small);
  const megabytes = statSync(bigFile).size / 1e6;
  console.log(`\nCalibrate: ${large.toLocaleString("en-US")} generated leads (${megabytes.toFixed(1)} MB) against a bare stream read`);
  const runs = quick ? 3 : 7;
  const [floor, papa, big, smallRun] = compare(
    [
      { label: "node bench/read-floor.mjs <file>", args: ["bench/read-floor.mjs", bigFile] },
      { label: "node bench/papaparse-baseline.mjs <file> (the parser alone, for scale)", args: ["bench/papaparse-baseline.mjs", bigFile] },
      { label: "node bin/leadplan.js calibrate <file> --format json", args: [...measure, "bin/leadplan.js", "calibrate", bigFile, "--format", "json"] },
      { label: `the same on ${small.toLocaleString("en-US")} leads`, args: [...measure, "bin/leadplan.js", "calibrate", smallFile, "--format", "json"] },
    ],
    runs,
  );
  console.log(`  ratio: ${verdict(big.median / floor.median, 4)}; ${(megabytes / (big.median / 1000)).toFixed(1)} MB/s; Papa Parse alone ${(papa.median / floor.median).toFixed(2)}×`);
  if (big.peak && smallRun.peak) {
    console.log(`  memory: peak RSS ${(big.peak / 2 ** 20).toFixed(0)} MiB against ${(smallRun.peak / 2 ** 20).toFixed(0)} MiB on a tenth of the leads: ${verdict(big.peak / smallRun.peak, 1.3)}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchCalibrate({ quick: process.argv.includes("--quick") });
