import { Command } from "commander";
import { type ComputeFlags, runPlan } from "../api/plan-run.js";
import { CheckFailed } from "./check-failed.js";
import { addCsvOptions } from "./csv-options.js";
import { type CliEnvironment, terminalWidth, wantsColor } from "./environment.js";
import { addPlanOptions } from "./plan-options.js";
import { addConfidenceOptions } from "./confidence.js";
import { writeOutput } from "./write-output.js";
import { COMPUTE_CHECKS, failOnHelp } from "./fail-on.js";

const EXAMPLES = `
Examples:
  $ leadplan compute examples/quotas.csv --ratios examples/ratios.csv --cycles examples/cycles.csv
  $ leadplan compute quotas.csv --deal-size 20000 --close-rate 25% --qualify-rate 20% --cycle-days 90
  $ leadplan compute quotas.csv --funnel inquiry,mql,sql,won --deal-size 10000 --rate sql_to_won=25% \\
      --lag sql_to_won=2m --rate mql_to_sql=50% --lag mql_to_sql=30d --rate inquiry_to_mql=20% --cost inquiry=10
  $ leadplan compute quotas.csv --by quarter --fiscal-year-start Apr --surge 40
  $ leadplan compute examples/worked-example.csv --deal-size 75000 --close-rate 20% --qualify-rate 10% \\
      --cycle-months 2 --surge 0 --confidence 90   (the leads that make quota 9 times in 10: 1,688 inquiries, not 1,334)
  $ leadplan compute quotas.csv --format csv --out plan.csv
  $ leadplan compute quotas-de.csv --decimal-comma --deal-size 75.000 --close-rate 12,5% ...
  $ leadplan compute quotas.csv --excel eu --out plan.csv
  $ cat quotas.csv | leadplan compute - --format json --deal-size 75000 ...
  $ leadplan compute quotas.csv --reps reps.csv --respect-capacity --strict
  $ leadplan compute quotas.csv --funnel inquiry,mql,sql,won ... --reps reps.csv --capacity-stage mql   (SDRs working MQLs)
  $ leadplan compute quotas.csv --reps reps.csv --fail-on capacity   (CI: exit 1 on overloads only)
  $ leadplan compute quotas.csv --reps reps.csv --fail-on capacity,vacation   (and on reps away in surge months)
  $ leadplan compute quotas.csv --reps reps.csv --wide | less -S   (tables fit the terminal unless --wide)

Exit codes: 0 plan written; 1 a check of --fail-on (or --strict) failed: the plan still prints, then
one summary line on stderr; 2 bad input or usage (one line on stderr, nothing written).
Formats of every file: see README.md.`;

/** `leadplan compute`: quotas in, the monthly lead plan out. */
export function computeCommand(environment: CliEnvironment): Command {
  const command = new Command("compute")
    .summary("work a quota plan backward into the monthly inquiries and qualified leads it needs")
    .description(
      "Work the funnel backward from quota: deals (÷ deal size), qualified leads (÷ close rate), " +
        "inquiries (÷ qualification rate), placed a sales cycle (and a qualification time) before " +
        "each close month, raised in surge quarters, with the budget they cost.",
    )
    .argument("<QUOTAS>", "quota CSV, long (month,quota[,units][,rep][,product]) or wide (rep,product,2027-01,...); - reads stdin");
  return addCsvOptions(addPlanOptions(addConfidenceOptions(command.option("--fail-on <LIST>", failOnHelp(COMPUTE_CHECKS)))))
    .addHelpText("after", EXAMPLES)
    .action(async (quotasPath: string, flags: ComputeFlags) => {
      const run = await runPlan(quotasPath, flags, environment);
      const text = await run.output(run.format, {
        color: flags.out === undefined && wantsColor(environment),
        width: terminalWidth(environment, flags),
        onNote: (note) => environment.stderr(`note: ${note}\n`),
      });
      await writeOutput(text, run.warnings, flags.out, environment);
      // Exit 1 (the report written) when a capacity check of `--fail-on` failed.
      if (run.failure !== undefined) throw new CheckFailed(run.failure);
    });
}
