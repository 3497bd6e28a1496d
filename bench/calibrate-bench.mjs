// The calibrate part of `npm run bench` (issues 3 and 16); `node bench/calibrate-bench.mjs [--quick]` runs it alone.
// Generated, seeded histories; every command in a fresh process, in turns, median wall time.
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { generateHistory } from "./generate-history.mjs";
import { compare, dataDir, measure, verdict } from "./measure.mjs";

export async function benchCalibrate({ quick = false } = {}) {
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
  console.log(`\nCalibrate: ${large.toLocaleString("en-US")} generated leads (${megabytes.toFixed(1)} MB) against a whole DuckDB process and a bare stream read`);
  const runs = quick ? 3 : 7;
  const [duckdb, floor, papa, big, smallRun] = compare(
    [
      { label: "node bench/duckdb-baseline.mjs <file> (read_csv_auto, GROUP BY product, rep)", args: ["bench/duckdb-baseline.mjs", bigFile] },
      { label: "node bench/read-floor.mjs <file>", args: ["bench/read-floor.mjs", bigFile] },
      { label: "node bench/papaparse-baseline.mjs <file> (the parser alone, for scale)", args: ["bench/papaparse-baseline.mjs", bigFile] },
      { label: "node bin/leadplan.js calibrate <file> --format json", args: [...measure, "bin/leadplan.js", "calibrate", bigFile, "--format", "json"] },
      { label: `the same on ${small.toLocaleString("en-US")} leads`, args: [...measure, "bin/leadplan.js", "calibrate", smallFile, "--format", "json"] },
    ],
    runs,
  );
  // Issue 16: calibrate against a whole DuckDB process running a plain aggregate over the same file.
  console.log(`  ratio to DuckDB: ${verdict(big.median / duckdb.median, 1.5)}; ${(megabytes / (big.median / 1000)).toFixed(1)} MB/s`);
  console.log(`  ratio to the read floor: ${verdict(big.median / floor.median, 4)}; Papa Parse alone ${(papa.median / floor.median).toFixed(2)}× (recorded; calibrate reads a plain file without it)`);
  if (big.peak && smallRun.peak) {
    console.log(`  memory: peak RSS ${(big.peak / 2 ** 20).toFixed(0)} MiB against ${(smallRun.peak / 2 ** 20).toFixed(0)} MiB on a tenth of the leads: ${verdict(big.peak / smallRun.peak, 1.3)}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchCalibrate({ quick: process.argv.includes("--quick") });
