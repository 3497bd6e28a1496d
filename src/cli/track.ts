import { GROUPINGS, type Grouping, type PlanGrouping, isPairGrouping } from "../core/group.js";
import { Command, Option } from "commander";
import { CATCH_UP_WINDOWS, type CatchUpWindow, planCatchUp } from "../core/catch-up.js";
import { diagnoseLeak } from "../core/leak.js";
import { formatMonth } from "../core/month.js";
import { computePlan } from "../core/plan.js";
import { comparedMeasures, funnelMeasures, selectActuals, trackCheckpoints } from "../core/track.js";
import { readActuals } from "../io/actuals.js";
import { capacityStageOf, resolveCapacitySettings } from "../io/capacity-settings.js";
import { actualsWarnings, checkActualsNames } from "../io/actuals-warnings.js";
import { InputError, type InputIssue, formatIssue } from "../io/input-issue.js";
import type { MarkInForce } from "../io/number-text.js";
import { type Parsed, parsePercent } from "../io/values.js";
import { parseAsOf } from "../io/day-text.js";
import { type CoverageFlags, addCoverageOptions, coverageOf, coverageTargetOf } from "./track-coverage.js";
import { type PeriodFlags, addPeriodOptions, checkDating, followUpFailures, followUpOf, followUpTargetOf } from "./track-periods.js";
import { capacityWarnings } from "../render/capacity/report.js";
import { renderReport } from "./render-report.js";
import { formatNumber } from "../render/format.js";
import { type TrackReport, catchUpChanged } from "../render/track/report.js";
import { capacityFailures, capacityInputs, failIfChecksFail, runCapacity } from "./capacity.js";
import { type Failure, TRACK_CHECKS, failOnHelp, resolveFailOn } from "./fail-on.js";
import { type CsvFlags, addCsvOptions, csvOptionsOf } from "./csv-options.js";
import { type CliEnvironment, terminalWidth, wantsColor } from "./environment.js";
import { dateFormatOf } from "./history-options.js";
import { loadPlan, resolvePlanSettings } from "./load-plan.js";
import { type PlanFlags, addPlanOptions } from "./plan-options.js";
import { writeOutput } from "./write-output.js";
import { hideRefused } from "./help-groups.js";
import { checkResultSize } from "./result-size.js";

interface TrackFlags extends PlanFlags, CsvFlags, PeriodFlags, CoverageFlags {
  asOf?: string;
  catchUp: CatchUpWindow;
  tolerance?: string;
  bankSurplus?: boolean;
  failOn?: string;
  section?: string;
}

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
  $ leadplan track quotas.csv actuals.csv --coverage-target 2.5x   (open_pipeline column: pipeline coverage per month)
  $ COLUMNS=100 leadplan track quotas.csv actuals.csv   (tables fit 100 columns; --wide: full width)

Exit codes: 0 on track within the tolerance; 1 a check of --fail-on failed (by default: behind
beyond the tolerance; --strict adds the capacity checks): the report still prints, then one summary
line on stderr; 2 bad input or usage (one line on stderr, nothing written). Formats of every file:
see README.md.`;

/** The tolerance: a percentage up to 100 (`10` and `10%` both mean 10 percent). */
function parseTolerance(text: string, mark: MarkInForce): Parsed<number> {
  const parsed = parsePercent(text, mark);
  if (parsed.ok && parsed.value <= 1) return parsed;
  const expected = "a percentage from 0 to 100, like 10 or 10%";
  return !parsed.ok && parsed.hint !== undefined ? { ok: false, expected, hint: parsed.hint } : { ok: false, expected };
}

/** Checks the flags only track has, before any file is read. */
function trackOptions(flags: TrackFlags, mark: MarkInForce) {
  const check = <T>(flag: string, text: string, parsed: Parsed<T>): T => {
    if (parsed.ok) return parsed.value;
    const issue: InputIssue = { code: "option.invalid", file: flag, expected: parsed.expected, found: text };
    if (parsed.hint !== undefined) issue.hint = parsed.hint;
    throw new InputError(issue);
  };
  return {
    asOf: flags.asOf === undefined ? undefined : check("--as-of", flags.asOf, parseAsOf(flags.asOf, dateFormatOf(flags))),
    tolerance: flags.tolerance === undefined ? 0.1 : check("--tolerance", flags.tolerance, parseTolerance(flags.tolerance, mark)),
  };
}

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
    .argument("<ACTUALS>", "actuals CSV: month[,rep][,product] and any of inquiries, qualified, won, revenue (with --funnel: every stage, named as it names them, and revenue); - reads stdin");
  return addCoverageOptions(addPeriodOptions(addCsvOptions(hideRefused(addPlanOptions(command), ["--view"]))))
    .option("--as-of <YYYY-MM>", "last month of actuals to compare, YYYY-MM or as the files write months; a day (2027-01-20) compares its period pro rata by working days (default: the last month in ACTUALS)")
    .addOption(new Option("--catch-up <WINDOW>", "where the shortfall is made up: the rest of the fiscal quarter or year, or none").choices(CATCH_UP_WINDOWS).default("year"))
    .option("--tolerance <PCT>", "on track within this much below plan; behind within twice it (default: 10)")
    .option("--bank-surplus", "let revenue above plan lower the quota ahead (default: a surplus is kept)")
    .option("--fail-on <LIST>", failOnHelp(TRACK_CHECKS))
    .addOption(new Option("--section <NAME>", "with --format csv: the table to write (default: checkpoints; follow-up needs a followed_up column, coverage an open_pipeline column)").choices(["checkpoints", "follow-up", "coverage"]))
    .addHelpText("after", EXAMPLES)
    .action(async (quotasPath: string, actualsPath: string, flags: TrackFlags) => {
      const { csv, format: formatFlag } = csvOptionsOf(flags);
      const resolved = await resolvePlanSettings({ ...flags, format: formatFlag }, environment);
      const { funnel } = resolved.settings;
      const by = trackGrouping(resolved.settings.by);
      const options = trackOptions(flags, resolved.settings.decimalMark);
      const followUpTarget = followUpTargetOf(flags, resolved.settings.decimalMark);
      const coverageTarget = coverageTargetOf(flags, resolved.settings.decimalMark);
      if (flags.section !== undefined && formatFlag !== "csv") throw new InputError({ code: "option.invalid", file: "--section", expected: "--format csv: the other formats show every section", found: flags.section });
      if (quotasPath === "-" && actualsPath === "-") {
        throw new InputError({ code: "option.invalid", file: "ACTUALS", expected: "a file: QUOTAS already reads standard input", found: "-" });
      }
      const capacitySettings = resolveCapacitySettings(flags);
      if (capacitySettings.view !== "plan") {
        throw new InputError({ code: "option.invalid", file: "--view", expected: "plan for track (its capacity tables print after the report)", found: capacitySettings.view });
      }
      // The checked stage is known from the funnel alone: refuse a wrong one before any file is read.
      if (capacitySettings.team !== undefined) capacityStageOf(capacitySettings.stage, funnel);
      const failOn = resolveFailOn(flags.failOn, capacitySettings.strict, capacitySettings, TRACK_CHECKS);
      const loaded = await loadPlan(quotasPath, flags, environment, [actualsPath, ...capacityInputs(capacitySettings)], resolved);
      const input = loaded.read(actualsPath);
      const actuals = readActuals(input.content, input.name, loaded.readOptions, funnel);
      checkDating(actuals, flags.every);
      const nameWarnings = checkActualsNames(loaded.quotas, actuals);
      const { format, surge } = loaded.settings;
      for (const column of ["rep", "product"] as const) {
        const needed = by === column || by === "segment";
        if (needed && !(column === "rep" ? actuals.byRep : actuals.byProduct)) {
          throw new InputError({ code: "column.missing", file: actuals.file, line: 1, column, expected: `missing column: expected a ${column} column for --by ${by}` });
        }
      }
      const plan = computePlan(loaded.segments, surge);
      const order = funnelMeasures(funnel);
      const measures = comparedMeasures(plan, actuals);
      const warnings: InputIssue[] = [...loaded.warnings, ...input.warnings, ...actuals.warnings, ...nameWarnings];
      if (!plan.hasAmounts && actuals.measures.includes("revenue")) {
        const issue = { code: "column.unknown", file: actuals.file, line: 1, column: "revenue" } as const;
        const stages = order.slice(0, -1);
        if (measures.length === 0) throw new InputError({ ...issue, code: "column.missing", expected: `the quotas are in units only: expected ${stages.slice(0, -1).join(", ")} or ${stages[stages.length - 1] ?? ""} to compare` });
        warnings.push({ ...issue, expected: "the quotas are in units only: revenue is not compared" });
      }
      const asOf = options.asOf?.month ?? actuals.entries.reduce((last, entry) => Math.max(last, entry.month), Number.NEGATIVE_INFINITY);
      const asOfDay = options.asOf?.day;
      const selected = selectActuals(plan, actuals, asOf, asOfDay === undefined ? { every: flags.every } : { every: flags.every, asOfDay });
      for (const item of actualsWarnings(actuals, selected, plan, asOf, asOfDay)) warnings.push(item);
      const { period } = selected;
      if (period === null) {
        const span = `${formatMonth(plan.firstMonth)} to ${formatMonth(plan.firstMonth + plan.monthCount - 1)}`;
        throw new InputError({
          code: "row.left-out",
          file: actuals.file,
          expected: `no row to compare: expected rows for months of the plan (${span}) up to --as-of ${formatMonth(asOf)}, for reps and products in the quotas`,
        });
      }
      const checkpoints = trackCheckpoints(plan, { ...selected, period }, measures, by, options.tolerance, order);
      const followUp = followUpOf(actuals, selected, flags.every, flags, followUpTarget, failOn, warnings);
      if (flags.section === "follow-up" && followUp === undefined) throw new InputError({ code: "column.missing", file: actuals.file, line: 1, column: "followed_up", expected: "--section follow-up: expected a followed_up column in the actuals" });
      const coverage = coverageOf(plan, actuals, selected, flags.every, flags, coverageTarget, warnings);
      if (flags.section === "coverage" && coverage === undefined) throw new InputError({ code: "column.missing", file: actuals.file, line: 1, column: "open_pipeline", expected: "--section coverage: expected an open_pipeline column in the actuals (and quotas in money)" });
      const window = flags.catchUp;
      const catchUp =
        window === "none" || !measures.includes("revenue")
          ? null
          : planCatchUp(plan, loaded.segments, actuals, selected.entries, period, { asOf, window, bankSurplus: flags.bankSurplus === true });
      // The team is checked on what is still ahead: the catch-up plan where the shortfall raised it.
      const capacityPlan = catchUp !== null && catchUpChanged(catchUp) ? "catch-up" : "original";
      const capacity = runCapacity(capacitySettings, loaded, capacityPlan === "catch-up" && catchUp ? catchUp.revised : plan);
      if (capacity) {
        // Months up to as-of are past: their overloads can no longer be acted on.
        const fileWarnings = capacity.warnings.slice(0, capacity.warnings.length - capacityWarnings(capacity.findings, capacity.section.stages).length);
        capacity.findings = capacity.findings.filter((finding) => finding.month > asOf);
        capacity.warnings = [...fileWarnings, ...capacityWarnings(capacity.findings, capacity.section.stages)];
      }
      const report: TrackReport = {
        asOf,
        ...(asOfDay === undefined ? {} : { asOfDay }),
        checkpoints,
        ...(followUp === undefined ? {} : { followUp }),
        ...(coverage === undefined ? {} : { coverage }),
        leak: diagnoseLeak(plan, selected.entries, period, measures, order),
        catchUpWindow: window,
        catchUp,
        bankSurplus: flags.bankSurplus === true,
        fiscalYearStart: surge.fiscalYearStart,
        hasAmounts: plan.hasAmounts,
        inputs: { quotas: loaded.quotas.file, actuals: actuals.file, ratios: loaded.settings.ratios, cycles: loaded.settings.cycles },
        capacity: capacity?.section,
        capacityPlan: capacity ? capacityPlan : undefined,
        warnings: [...warnings.map(formatIssue), ...(capacity?.warnings ?? [])],
      };
      checkResultSize(report, "the tracking");
      let followUpLeftOut = false;
      let coverageLeftOut = false;
      const text = await renderReport(
        format,
        {
          json: async () => (await import("../render/track/json.js")).renderTrackJson(report),
          document: async () => (await import("../render/track/build.js")).buildTrackDocument(report),
        },
        {
          color: flags.out === undefined && wantsColor(environment),
          width: terminalWidth(environment, flags),
          csv,
          section: flags.section,
          // A CSV holds one table: the follow-up is named on stderr, never dropped without a word.
          onSectionsLeftOut: (names) => {
            if (flags.section === undefined && names.includes("follow-up")) followUpLeftOut = true;
            if (flags.section === undefined && names.includes("coverage")) coverageLeftOut = true;
          },
        },
      );
      await writeOutput(text, report.warnings, flags.out, environment);
      if (followUpLeftOut) environment.stderr("note: the CSV holds the checkpoints; --section follow-up writes the follow-up\n");
      if (coverageLeftOut) environment.stderr("note: the CSV holds the checkpoints; --section coverage writes the pipeline coverage\n");
      // Exit 1 when a check of --fail-on fails: behind plan (the default), or over capacity ahead.
      const failures: Failure[] = checkpoints.status === "on-track" ? [] : [{ checks: ["behind"], text: `${checkpoints.deciding} ${checkpoints.status.replace("-", " ")} plan` }];
      failures.push(...followUpFailures(followUp, `${formatNumber(followUpTarget * 100, 2)}%`));
      if (capacity) failures.push(...capacityFailures(capacity.findings, capacity.section.report.respectCapacity));
      failIfChecksFail(failOn, failures);
    });
}

/** Checkpoints by one grain: actuals are not paired by time and name (`--by month,rep`) yet. */
function trackGrouping(by: PlanGrouping): Grouping {
  if (!isPairGrouping(by)) return by;
  throw new InputError({ code: "option.invalid", file: "--by", expected: `one of ${GROUPINGS.join(", ")} for track (compute takes ${by})`, found: by });
}
