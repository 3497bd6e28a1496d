import { Command } from "commander";
import { groupPlan, planRows } from "../core/group.js";
import { type Plan, computePlan } from "../core/plan.js";
import { capacityStageOf, resolveCapacitySettings } from "../io/capacity-settings.js";
import { formatIssue } from "../io/input-issue.js";
import type { BaselineSection } from "../render/plan/baseline.js";
import type { PlanReport } from "../render/plan/report.js";
import type { CapacityRun } from "./capacity.js";
import { type CsvFlags, addCsvOptions, csvOptionsOf } from "./csv-options.js";
import { type CliEnvironment, terminalWidth, wantsColor } from "./environment.js";
import { refuseConfiguredFunnel } from "./funnel-support.js";
import { type LoadedPlan, loadPlan, resolvePlanSettings } from "./load-plan.js";
import { type PlanFlags, addPlanOptions } from "./plan-options.js";
import { renderReport } from "./render-report.js";
import { writeOutput } from "./write-output.js";
import { checkResultSize } from "./result-size.js";
import { type ConfidenceFlags, addConfidenceOptions, confidenceSection } from "./confidence.js";
import { resolveConfidenceSettings } from "../io/confidence-settings.js";
import { COMMA_GROUPS } from "../io/number-text.js";
import { COMPUTE_CHECKS, type FailOn, failOnHelp, resolveFailOn } from "./fail-on.js";

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
    .action(async (quotasPath: string, flags: PlanFlags & CsvFlags & ConfidenceFlags & { failOn?: string }) => {
      const { csv, format } = csvOptionsOf(flags);
      const capacitySettings = resolveCapacitySettings(flags);
      const failOn = resolveFailOn(flags.failOn, capacitySettings.strict, capacitySettings, COMPUTE_CHECKS);
      const teamFile = capacitySettings.team?.kind === "file" ? [capacitySettings.team.file] : [];
      const resolved = await resolvePlanSettings({ ...flags, format }, environment);
      if (capacitySettings.team !== undefined) capacityStageOf(capacitySettings.stage, resolved.settings.funnel);
      if (flags.history !== undefined) refuseConfiguredFunnel(resolved.settings.funnel, "compute --history");
      const confidenceSettings = resolveConfidenceSettings(flags, resolved.config.values, resolved.config.file, resolved.settings.decimalMark ?? COMMA_GROUPS);
      const loaded = await loadPlan(quotasPath, { ...flags, format }, environment, teamFile, resolved);
      const averagePlan = computePlan(loaded.segments, loaded.settings.surge);
      // With --confidence every view, capacity check and baseline reads the plan at confidence.
      const confidence = confidenceSettings === undefined ? undefined : await confidenceSection(averagePlan, confidenceSettings, loaded);
      const plan = confidence?.result.plan ?? averagePlan;
      // The capacity code loads only for a run with a team: most runs have none.
      let capacity: CapacityRun | undefined;
      if (capacitySettings.team !== undefined) capacity = (await import("./capacity.js")).runCapacity(capacitySettings, loaded, plan);
      // Reps away in surge months come last: advice next to the overloads they may cause.
      const vacationLines = capacity === undefined ? [] : (await import("../render/capacity/report.js")).surgeVacationWarnings(capacity.vacations);
      const warnings = [...loaded.warnings.map(formatIssue), ...(capacity?.warnings ?? []), ...vacationLines];
      const { by } = loaded.settings;
      // CSV holds the plan's rows alone (no totals, capacity or baseline): they are written as they
      // are made, so a plan of millions of segment months never holds its rows or its text.
      if (loaded.settings.format === "csv" && (capacity === undefined || capacity.section.view === "plan")) {
        // Every figure is 0 or more and every view sums the segment months, so no row of any view
        // holds more than the month view's totals: checking that small view checks them all.
        checkResultSize({ view: groupPlan(plan, "month") }, "the plan");
        const [{ planTable }, { writeCsvChunks }] = await Promise.all([import("../render/plan/build.js"), import("../render/writers/csv.js")]);
        const document = { sections: [{ table: planTable(by, planRows(plan, by), { funnel: loaded.settings.funnel, units: plan.hasUnits }) }], warnings };
        if (confidence) environment.stderr("note: the CSV holds the plan at confidence; --format json (or table, markdown, html) also gives the confidence figures by period\n");
        await writeOutput(writeCsvChunks(document, csv), warnings, flags.out, environment);
        if (capacity) await failIfCapacityFails(failOn, capacity);
        return;
      }
      const report: PlanReport = {
        view: groupPlan(plan, by),
        surge: loaded.settings.surge,
        hasAmounts: plan.hasAmounts,
        hasUnits: plan.hasUnits,
        segments: loaded.segments,
        inputs: { quotas: loaded.quotas.file, ratios: loaded.settings.ratios, cycles: loaded.settings.cycles },
        warnings,
        funnel: loaded.settings.funnel,
      };
      if (capacity) report.capacity = capacity.section;
      if (loaded.settings.format === "html" && by === "month") report.quarters = groupPlan(plan, "quarter");
      if (loaded.history) report.baseline = await baselineSection(loaded.history, plan);
      if (confidence) report.confidence = confidence;
      checkResultSize(report, "the plan");
      const text = await renderReport(
        loaded.settings.format,
        {
          json: async () => (await import("../render/plan/json.js")).renderPlanJson(report),
          document: async () => (await import("../render/plan/build.js")).buildPlanDocument(report),
        },
        { color: flags.out === undefined && wantsColor(environment), width: terminalWidth(environment, flags), csv },
      );
      await writeOutput(text, report.warnings, flags.out, environment);
      if (capacity) await failIfCapacityFails(failOn, capacity);
    });
}

/** Exit 1 (the report written) when a capacity check of `--fail-on` failed. */
async function failIfCapacityFails(failOn: FailOn, capacity: CapacityRun): Promise<void> {
  const { capacityFailures, failIfChecksFail, vacationFailures } = await import("./capacity.js");
  failIfChecksFail(failOn, [...capacityFailures(capacity.findings, capacity.section.report.respectCapacity), ...vacationFailures(capacity.vacations)]);
}

/** The plan month by month against the history's last twelve months (`--history`). */
async function baselineSection(history: NonNullable<LoadedPlan["history"]>, plan: Plan): Promise<BaselineSection> {
  const { compareWithBaseline } = await import("../core/calibrate-compare.js");
  return { file: history.file, comparison: compareWithBaseline(groupPlan(plan, "month"), history.calibration.baseline) };
}
