// Issue 13: compute --confidence 90 with 10,000 trials on examples/ may cost at most 10× one plain
// compute of the same files. Runs inside `npm run bench`, or alone (after `npm run build`):
// `node bench/confidence-bench.mjs [--quick]`.
import { fileURLToPath } from "node:url";
import { compare, measure, verdict } from "./measure.mjs";

export async function benchConfidence({ quick }) {
  console.log("\nConfidence: compute --confidence 90 (10,000 trials) on examples/ against one plain compute of the same files");
  const inputs = ["examples/quotas.csv", "--ratios", "examples/ratios.csv", "--cycles", "examples/cycles.csv"];
  const [plain, confident] = compare(
    [
      { label: `node bin/leadplan.js compute ${inputs.join(" ")}`, args: [...measure, "bin/leadplan.js", "compute", ...inputs] },
      {
        label: `node bin/leadplan.js compute ${inputs.join(" ")} --confidence 90 --trials 10000`,
        args: [...measure, "bin/leadplan.js", "compute", ...inputs, "--confidence", "90", "--trials", "10000"],
      },
    ],
    quick ? 5 : 11,
  );
  console.log(`  ratio: ${verdict(confident.median / plain.median, 10)}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchConfidence({ quick: process.argv.includes("--quick") });
