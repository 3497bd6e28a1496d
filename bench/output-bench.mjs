// The output part of `npm run bench` (issue 10, items 2 and 7); `node bench/output-bench.mjs [--quick]`
// runs it alone. Memory of a streamed segment view against the month view of the same file, and
// the time of each output format against the fastest, at sizes where a quadratic writer showed.
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { generateQuotas } from "./generate-quotas.mjs";
import { compare, dataDir, measure, verdict } from "./measure.mjs";

const FLAGS = ["--deal-size", "20000", "--close-rate", "25%", "--qualify-rate", "10%", "--cycle-days", "90", "--qualify-days", "15", "--cost-per-inquiry", "40"];

async function quotaFile(reps, products) {
  const file = join(dataDir, `quotas-${reps}x${products}x36.csv`);
  if (!existsSync(file)) await generateQuotas(file, { reps, products, months: 36 });
  return file;
}

export async function benchOutput({ quick = false } = {}) {
  const runs = 3;

  // Item 2: peak memory of --by segment (a row per segment month, streamed) against --by month.
  const reps = quick ? 200 : 1000;
  const big = await quotaFile(reps, 20);
  const rows = reps * 20 * 36;
  console.log(`\nMemory: ${rows.toLocaleString("en-US")} quota rows (${(statSync(big).size / 1e6).toFixed(1)} MB), --format csv, --by segment against --by month`);
  const [month, segment] = compare(
    [
      { label: "node bin/leadplan.js compute <file> ... --by month --format csv", args: [...measure, "bin/leadplan.js", "compute", big, ...FLAGS, "--by", "month", "--format", "csv"] },
      { label: "node bin/leadplan.js compute <file> ... --by segment --format csv", args: [...measure, "bin/leadplan.js", "compute", big, ...FLAGS, "--by", "segment", "--format", "csv"] },
    ],
    runs,
  );
  if (month.peak && segment.peak) console.log(`  memory ratio: ${verdict(segment.peak / month.peak, 1.5)}; time ${(segment.median / month.median).toFixed(2)}×`);

  // Item 7: an 8,000-scenario grid (80 costs × 100 close rates) in each format.
  const costs = Array.from({ length: quick ? 20 : 80 }, (_, at) => 20 + at).join(",");
  const rates = Array.from({ length: 100 }, (_, at) => `${at + 1}%`).join(",");
  const inputs = ["examples/quotas.csv", "--ratios", "examples/ratios.csv", "--cycles", "examples/cycles.csv"];
  const grid = ["--vary", `cost_per_inquiry=${costs}`, "--vary", `qualified_to_won=${rates}`];
  console.log(`\nScenarios: a ${quick ? "2,000" : "8,000"}-scenario grid over examples/ in each format, against JSON`);
  const scenarios = (format) => ({ label: `node bin/leadplan.js scenarios <examples> --vary cost_per_inquiry=<…> --vary qualified_to_won=<100 values> --format ${format}`, args: [...measure, "bin/leadplan.js", "scenarios", ...inputs, ...grid, "--format", format] });
  const [json, csv, table] = compare([scenarios("json"), scenarios("csv"), scenarios("table")], runs);
  console.log(`  CSV against JSON: ${verdict(csv.median / json.median, 2)}; table against JSON ${(table.median / json.median).toFixed(2)}×`);

  // Item 7: a 27,000-quota-row segment table (750 reps × 36 months; 30,000 plan rows with the lead months).
  const segments = await quotaFile(quick ? 150 : 750, 1);
  console.log(`\nSegment table: ${(quick ? 150 : 750) * 36} quota rows, compute --by segment, table against CSV`);
  const computeAs = (format) => ({ label: `node bin/leadplan.js compute <file> ... --by segment --format ${format}`, args: [...measure, "bin/leadplan.js", "compute", segments, ...FLAGS, "--by", "segment", "--format", format] });
  const [plainCsv, boxed] = compare([computeAs("csv"), computeAs("table")], runs);
  console.log(`  table against CSV: ${verdict(boxed.median / plainCsv.median, 3)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchOutput({ quick: process.argv.includes("--quick") });
