import { Command, Option } from "commander";
import { CATCH_UP_WINDOWS } from "../core/catch-up.js";
import { TRACK_SECTIONS, type TrackFlags, runTrack } from "../api/track-run.js";
import { CheckFailed } from "./check-failed.js";
import { TRACK_CHECKS, failOnHelp } from "./fail-on.js";
import { addCsvOptions } from "./csv-options.js";
import { type CliEnvironment, terminalWidth, wantsColor } from "./environment.js";
import { addPlanOptions } from "./plan-options.js";
import { writeOutput } from "./write-output.js";
import { hideRefused } from "./help-groups.js";
import { addCoverageOptions } from "./track-coverage.js";
import { addPeriodOptions } from "./track-periods.js";
import { addSourceOptions } from "./track-sources.js";

const EXAMPLES = `
Examples:
  $ leadplan track examples/quotas.csv examples/actuals.csv --ratios examples/ratios.csv --cycles examples/cycles.csv
  $ leadplan track quotas.csv actuals.csv --as-of 2027-01 --by rep --tolerance 5
  $ leadplan track quotas.csv actuals.csv --catch-up quarter --format json --out track.json
  $ leadplan track examples/funnel-quotas.csv examples/funnel-actuals.csv --ratios examples/funnel-ratios.csv --cycles examples/funnel-cycles.csv --funnel inquiry,mql,sql,won --surge 0
      (a configured funnel: actuals month,inquiry,mql,sql,won,revenue; the leak split over every step)
  $ leadplan track quotas.csv actuals.csv --reps reps.csv --fail-on behind,capacity   (CI)
  $ leadplan track quotas.csv actuals.csv --fail-on none   (report only: exit 0 even when behind)
  $ leadplan track quotas.csv daily.csv --every half-month --as-of 2027-01-20   (semimonthly; daily actuals: date,rep,inquiries,...)
  $ leadplan track quotas.csv actuals.csv --fail-on behind,follow-up   (followed_up column: every rep follows up 100%)
  $ leadplan track examples/quotas.csv examples/source-actuals.csv --ratios examples/ratios.csv --cycles examples/cycles.csv --by source --sources examples/sources.csv
      (source,cost columns: lead quality per source and month against each source's expected rates)
  $ leadplan track quotas.csv actuals.csv --coverage-target 2.5x   (open_pipeline column: pipeline coverage per month)
  $ leadplan track examples/quotas.csv examples/actuals.csv --ratios examples/ratios.csv --cycles examples/cycles.csv --forecast
      (the chance of making the open quarter and the fiscal year, and revenue P10/P50/P90)
  $ leadplan track quotas.csv actuals.csv --fail-below 80 --fail-on forecast   (CI: exit 1 under an 80% chance of the year)
  $ COLUMNS=100 leadplan track quotas.csv actuals.csv   (tables fit 100 columns; --wide: full width)

Exit codes: 0 on track within the tolerance; 1 a check of --fail-on failed (by default: behind
beyond the tolerance; --strict adds the capacity checks; --fail-below adds the forecast's): the report still prints, then one summary
line on stderr; 2 bad input or usage (one line on stderr, nothing written). Formats of every file:
see README.md.`;

/** `leadplan track`: the plan against actuals, where the funnel leaks, and a catch-up plan. */
export function trackCommand(environment: CliEnvironment): Command {
  const command = new Command("track")
    .summary("check actuals against the plan each month, find the leaking stage, and plan the catch-up")
    .description(
      "Compare actual inquiries, qualified leads, deals won and revenue with the plan compute makes from " +
        "the same quotas and assumptions, month by month and cumulatively to --as-of; split the revenue gap " +
        "into funnel stages; and add the shortfall to the quota that leads generated from the next month " +
        "can still reach within the window, with the extra leads and budget that takes.",
    )
    .argument("<QUOTAS>", "quota CSV, as compute reads it; - reads stdin")
    .argument("<ACTUALS>", "actuals CSV: month[,rep][,product][,source] and any of inquiries, qualified, won, revenue, cost (with --funnel: every stage, named as it names them, and revenue); - reads stdin");
  return addSourceOptions(addCoverageOptions(addPeriodOptions(addCsvOptions(hideRefused(addPlanOptions(command), ["--view"])))))
    .option("--as-of <YYYY-MM>", "last month of actuals to compare, YYYY-MM or as the files write months; a day (2027-01-20) compares its period pro rata by working days (default: the last month in ACTUALS)")
    .addOption(new Option("--catch-up <WINDOW>", "where the shortfall is made up: the rest of the fiscal quarter or year, or none").choices(CATCH_UP_WINDOWS).default("year"))
    .option("--tolerance <PCT>", "on track within this much below plan; behind within twice it (default: 10)")
    .option("--bank-surplus", "let revenue above plan lower the quota ahead (default: a surplus is kept)")
    .option("--fail-on <LIST>", failOnHelp(TRACK_CHECKS))
    .option("--forecast", "the chance of making the open fiscal quarter and the fiscal year, and revenue P10/P50/P90, from revenue won, leads in flight and the plan's leads to come")
    .option("--fail-below <PCT>", "exit 1 (after printing) when the chance of making the fiscal year is under PCT, like 80 or 80% (implies --forecast; the check forecast of --fail-on)")
    .option("--trials <N>", "simulation trials of the forecast, where deal sizes differ (default: 10000, at most 100000)")
    .option("--seed <N>", "the simulation's seed, 0 to 4294967295: the same seed gives the same figures on any machine (default: 13, as compute --confidence)")
    .addOption(new Option("--section <NAME>", "with --format csv: the table to write (one per file; default: checkpoints; follow-up needs a followed_up column, coverage an open_pipeline column, sources a source column, forecast --forecast)").choices(TRACK_SECTIONS))
    .addHelpText("after", EXAMPLES)
    .action(async (quotasPath: string, actualsPath: string, flags: TrackFlags) => {
      const run = await runTrack(quotasPath, actualsPath, flags, environment);
      // A CSV holds one table: the others are named on stderr after the report, never dropped without a word.
      const notes: string[] = [];
      const text = await run.output(run.format, {
        color: flags.out === undefined && wantsColor(environment),
        width: terminalWidth(environment, flags),
        onNote: (note) => notes.push(note),
      });
      await writeOutput(text, run.warnings, flags.out, environment);
      for (const note of notes) environment.stderr(`note: ${note}\n`);
      // Exit 1 when a check of --fail-on fails: behind plan (the default), or over capacity ahead.
      if (run.failure !== undefined) throw new CheckFailed(run.failure);
    });
}
