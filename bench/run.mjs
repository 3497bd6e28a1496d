// npm run bench: leadplan's speed as ratios against baselines measured in the same run.
// Each command runs several times in a fresh process; the median wall time counts.
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { benchCalibrate } from "./calibrate-bench.mjs";
import { benchConfidence } from "./confidence-bench.mjs";
import { benchOutput } from "./output-bench.mjs";
import { generateQuotas } from "./generate-quotas.mjs";
import { compare, dataDir, measure, verdict } from "./measure.mjs";

const quick = process.argv.includes("--quick");

// Issue 16: compute starts within 1.5× bare node, as a table and as CSV. These runs go without
// the memory preload (bench/report-rss.mjs) the other sections use: it starts Node's ES module
// loader, which leadplan's CommonJS start does not need, and a user's run has no preload either.
console.log("Startup: leadplan compute on examples/ against bare node (no preload on either side)");
const startupRuns = quick ? 5 : 21;
const examples = ["bin/leadplan.js", "compute", "examples/quotas.csv", "--ratios", "examples/ratios.csv", "--cycles", "examples/cycles.csv"];
const [bare, small, smallCsv, unbundled, libraryImport] = compare(
  [
    { label: "node -e ''", args: ["-e", ""] },
    { label: `node ${examples.join(" ")}`, args: examples },
    { label: `node ${examples.join(" ")} --format csv`, args: [...examples, "--format", "csv"] },
    { label: "the same as a table, unbundled (tsc output in dist/, packages from node_modules)", args: ["bench/run-unbundled.mjs", ...examples.slice(1)] },
    { label: "node bench/import-library.mjs (import(\"leadplan\") through the package's exports)", args: ["bench/import-library.mjs"] },
  ],
  startupRuns,
);
console.log(`  table ratio: ${verdict(small.median / bare.median, 1.5)}`);
console.log(`  CSV ratio: ${verdict(smallCsv.median / bare.median, 1.5)}`);
console.log(`  unbundled ratio: ${(unbundled.median / bare.median).toFixed(2)}× (why the CLI ships as a bundle)`);
console.log(`  library import: ${(libraryImport.median / bare.median).toFixed(2)}× bare node (no target: recorded; each command's code loads when it is called)`);

console.log("\nHTML report: compute --format html on examples/ (the charts' code loads for HTML alone)");
const [tableReport, htmlReport] = compare(
  [
    { label: `node ${examples.join(" ")} --reps examples/reps.csv`, args: [...examples, "--reps", "examples/reps.csv"] },
    { label: `node ${examples.join(" ")} --reps examples/reps.csv --format html`, args: [...examples, "--reps", "examples/reps.csv", "--format", "html"] },
  ],
  quick ? 5 : 11,
);
console.log(`  html: ${(htmlReport.median / bare.median).toFixed(2)}× bare node, ${(htmlReport.median / tableReport.median).toFixed(2)}× the table (no target: recorded)`);

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
// Issue 16: the whole compute process in no more time than csv-parse's parse alone.
console.log(`  ratio: ${verdict(big.median / parseOnly.median, 1.0)}; ${(megabytes / (big.median / 1000)).toFixed(1)} MB/s`);
if (big.peak && parseOnly.peak) console.log(`  memory: compute peak ${(big.peak / 2 ** 20).toFixed(0)} MiB, csv-parse alone ${(parseOnly.peak / 2 ** 20).toFixed(0)} MiB`);

// Issue 12: a longer funnel plans more series per segment; five stages may cost at most 1.5× three.
console.log("\nFunnel stages: the large file planned as inquiry,mql,sal,sql,won against the default three stages");
const fiveStages = ["--funnel", "inquiry,mql,sal,sql,won", "--deal-size", "20000", "--rate", "sql_to_won=25%", "--lag", "sql_to_won=90d", "--rate", "sal_to_sql=50%", "--lag", "sal_to_sql=5d", "--rate", "mql_to_sal=50%", "--lag", "mql_to_sal=5d", "--rate", "inquiry_to_mql=40%", "--lag", "inquiry_to_mql=5d", "--cost", "inquiry=40"];
const [threeRun, fiveRun] = compare(
  [
    { label: `node bin/leadplan.js compute <file> ${flags.join(" ")}`, args: [...measure, "bin/leadplan.js", "compute", bigFile, ...flags] },
    { label: `node bin/leadplan.js compute <file> ${fiveStages.join(" ")}`, args: [...measure, "bin/leadplan.js", "compute", bigFile, ...fiveStages] },
  ],
  bigRuns,
);
console.log(`  ratio: ${verdict(fiveRun.median / threeRun.median, 1.5)}`);

console.log("\nScenarios: a 1,000-scenario grid over examples/ against one compute of the same inputs");
const costs = Array.from({ length: 40 }, (_, index) => 20 + index).join(",");
const closeRates = Array.from({ length: 25 }, (_, index) => `${10 + index}%`).join(",");
const inputs = ["examples/quotas.csv", "--ratios", "examples/ratios.csv", "--cycles", "examples/cycles.csv"];
const [oneCompute, grid] = compare(
  [
    { label: `node bin/leadplan.js compute ${inputs.join(" ")} --format csv`, args: [...measure, "bin/leadplan.js", "compute", ...inputs, "--format", "csv"] },
    {
      label: "node bin/leadplan.js scenarios <the same> --vary cost_per_inquiry=<40 values> --vary qualified_to_won=<25 values> --format csv",
      args: [...measure, "bin/leadplan.js", "scenarios", ...inputs, "--vary", `cost_per_inquiry=${costs}`, "--vary", `qualified_to_won=${closeRates}`, "--format", "csv"],
    },
  ],
  quick ? 3 : 7,
);
console.log(`  ratio: ${verdict(grid.median / oneCompute.median, 20)}`);

await benchConfidence({ quick });
await benchCalibrate({ quick });
await benchOutput({ quick });
