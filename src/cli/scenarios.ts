import { Command, Option } from "commander";
import { describeColumns, scenarioOrdered } from "../core/assumptions.js";
import { SOURCE_RATE_COLUMNS } from "../io/sources-file.js";
import { type ScenariosFlags, runScenarios } from "../api/scenarios-run.js";
import { SCENARIOS_SECTIONS } from "../api/scenarios-sections.js";
import { CheckFailed } from "./check-failed.js";
import { SCENARIOS_CHECKS, failOnHelp } from "./fail-on.js";
import { addCsvOptions } from "./csv-options.js";
import { type CliEnvironment, terminalWidth, wantsColor } from "./environment.js";
import { addPlanOptions } from "./plan-options.js";
import { writeOutput } from "./write-output.js";
import { hideRefused } from "./help-groups.js";
import { addConfidenceOptions } from "./confidence.js";

const EXAMPLES = `
Examples:
  $ leadplan scenarios examples/quotas.csv --ratios examples/ratios.csv --cycles examples/cycles.csv --scenarios examples/scenarios.csv
  $ leadplan scenarios quotas.csv ... --vary cost_per_inquiry=40,60,80 --vary qualified_to_won=20%,25%
  $ leadplan scenarios quotas.csv ... --vary cost_per_inquiry=+20% --vary qualified_to_won=-3pp   (each segment's own value moved)
  $ leadplan scenarios quotas.csv ... --sensitivity 10%
  $ leadplan scenarios quotas.csv --funnel inquiry,mql,sql,won ... --vary mql_to_sql=40%,50% --vary mql_to_sql_days=20,40
  $ leadplan scenarios quotas.csv ... --sources examples/sources.csv --optimize-mix
  $ leadplan scenarios quotas.csv ... --sensitivity 10% --wide   (full width, however narrow the terminal)
  $ leadplan scenarios quotas.csv ... --vary qualified_to_won=20%,25% --reps reps.csv --fail-on capacity
  $ leadplan scenarios examples/worked-example.csv --deal-size 75000 --close-rate 20% --qualify-rate 10% \\
      --cycle-months 2 --surge 0 --cost-per-inquiry 45 --vary confidence=average,75,90,95   (the price of certainty)

Exit codes: 0 report written; 1 with a team, a check of --fail-on (or --strict) failed in some
scenario: the report still prints, then one summary line on stderr; 2 bad input or usage (one line
on stderr, nothing written).`;

/** `leadplan scenarios`: what the plan costs under other assumptions, which assumption matters, which source mix. */
export function scenariosCommand(environment: CliEnvironment): Command {
  const command = new Command("scenarios")
    .summary("compare the plan's cost under other assumptions, find the assumption that moves it most, and mix lead sources")
    .description(
      "Plan the baseline (every flag and file as compute reads them), then each scenario with its overrides applied to every " +
        "segment: inquiries, qualified leads, deals, budget in total and per fiscal quarter, cost per qualified lead and per " +
        "deal, quota per marketing dollar, and the change against the baseline. Files are read once for all scenarios.",
    )
    .argument("<QUOTAS>", "quota CSV, as compute reads it; - reads stdin");
  // --confidence-by, --trials and --seed as compute reads them; the level is a dimension (--vary confidence=90), so --confidence is refused.
  return addCsvOptions(hideRefused(addConfidenceOptions(addPlanOptions(command)), ["--view", "--confidence"]))
    .option("--scenarios <FILE>", `scenarios CSV: scenario, then any of ${describeColumns(scenarioOrdered())}, confidence`)
    .option(
      "--vary <NAME=V1,V2>",
      "a grid dimension; repeat for every combination (amounts without thousands separators); a value may be relative to each segment's own: +20%, -10%, x1.2, -3pp (rates); confidence=average,90 plans each row at that certainty",
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option("--sensitivity <PCT>", "move each assumption down and up by PCT, one at a time, sorted by budget impact")
    .option("--sources <FILE>", `lead sources: source,share,${SOURCE_RATE_COLUMNS.join(",")}[,max_inquiries_per_month]; with --funnel a rate per step instead, e.g. source,share,sql_to_won,mql_to_sql,inquiry_to_mql,cost_per_inquiry`)
    .option("--optimize-mix", "with --sources: the cheapest mix per won deal within each source's monthly cap")
    .addOption(new Option("--section <NAME>", "with --format csv: the table to write (one per file; default: scenarios)").choices(SCENARIOS_SECTIONS))
    .option("--fail-on <LIST>", `${failOnHelp(SCENARIOS_CHECKS)}; with --reps or --reps-count`)
    .addHelpText("after", EXAMPLES)
    .action(async (quotasPath: string, flags: ScenariosFlags) => {
      const run = await runScenarios(quotasPath, flags, environment, (text) => environment.stderr(`${text}\n`));
      let leftOut: readonly string[] = [];
      const text = await run.output(run.format, {
        color: flags.out === undefined && wantsColor(environment),
        width: terminalWidth(environment, flags),
        // A CSV holds one table: the others are named on stderr, never dropped without a word.
        onSectionsLeftOut: (names) => {
          if (flags.section === undefined && names.length > 0) leftOut = names;
        },
      });
      await writeOutput(text, run.warnings, flags.out, environment);
      if (leftOut.length > 0) environment.stderr(`note: the CSV holds the scenarios table; ${leftOut.map((name) => `--section ${name}`).join(", ")} ${leftOut.length === 1 ? "writes the other" : "write the others"}\n`);
      if (run.failure !== undefined) throw new CheckFailed(run.failure);
    });
}
