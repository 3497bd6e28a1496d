// npm run bench: leadplan's speed as ratios against baselines measured in the same run.
// Each command runs several times in a fresh process; the median wall time counts.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchCalibrate } from "./calibrate-bench.mjs";
import { generateQuotas } from "./generate-quotas.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = join(root, "bench", ".data");
mkdirSync(dataDir, { recursive: true });
const rssFile = join(dataDir, "rss.txt");
const quick = process.argv.includes("--quick");

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
 * each of them alike and the ratios stay fair; reports each one's median.
 */
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

const measure = ["--import", "./bench/report-rss.mjs"];
const verdict = (ratio, limit) => `${ratio.toFixed(2)}× (target ≤ ${limit}×: ${ratio <= limit ? "met" : "MISSED"})`;

console.log("Startup: leadplan compute on examples/ against bare node");
const startupRuns = quick ? 5 : 21;
const examples = ["bin/leadplan.js", "compute", "examples/quotas.csv", "--ratios", "examples/ratios.csv", "--cycles", "examples/cycles.csv"];
const [bare, small, unbundled] = compare(
  [
    { label: "node -e ''", args: ["-e", ""] },
    { label: `node ${examples.join(" ")}`, args: [...measure, ...examples] },
    { label: "the same, unbundled (tsc output in dist/, packages from node_modules)", args: [...measure, "bench/run-unbundled.mjs", ...examples.slice(1)] },
  ],
  startupRuns,
);
console.log(`  ratio: ${verdict(small.median / bare.median, 2)}`);
console.log(`  unbundled ratio: ${(unbundled.median / bare.median).toFixed(2)}× (why the CLI ships as a bundle)`);

const reps = quick ? 200 : 2000;
const bigFile = join(dataDir, `quotas-${reps}x20x36.csv`);
if (!existsSync(bigFile)) await generateQuotas(bigFile, { reps, products: 20, months: 36 });
const megabytes = statSync(bigFile).size / 1e6;
console.log(`\nLarge file: ${reps} reps × 20 products × 36 months (${megabytes.toFixed(1)} MB) against csv-parse alone`);
const bigRuns = quick ? 3 : 5;
const flags = ["--deal-size", "20000", "--close-rate", "25%", "--qualify-rate", "10%", "--cycle-days", "90", "--qualify-days", "15", "--cost-per-inquiry", "40"];
const [parseOnly, big] = compare(
  [
    { label: "node bench/csv-parse-baseline.mjs <file>", args: [...measure, "bench/csv-parse-baseline.mjs", bigFile] },
    { label: `node bin/leadplan.js compute <file> ${flags.join(" ")}`, args: [...measure, "bin/leadplan.js", "compute", bigFile, ...flags] },
  ],
  bigRuns,
);
console.log(`  ratio: ${verdict(big.median / parseOnly.median, 1.5)}; ${(megabytes / (big.median / 1000)).toFixed(1)} MB/s`);
if (big.peak && parseOnly.peak) console.log(`  memory: compute peak ${(big.peak / 2 ** 20).toFixed(0)} MiB, csv-parse alone ${(parseOnly.peak / 2 ** 20).toFixed(0)} MiB`);

await benchCalibrate({ quick });
