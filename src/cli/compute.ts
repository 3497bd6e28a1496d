import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { Command, Option } from "commander";
import { GROUPINGS, groupPlan } from "../core/group.js";
import { computePlan } from "../core/plan.js";
import { readCycles } from "../io/cycles.js";
import { checkOutputPath, readTextFile, writeFileAtomically } from "../io/files.js";
import { InputError } from "../io/input-issue.js";
import { type InputIssue, formatIssue } from "../io/input-issue.js";
import { readQuotas } from "../io/quotas.js";
import { readRatios } from "../io/ratios.js";
import type { LocatedAssumptions } from "../io/scoped-table.js";
import { assignAssumptions } from "../io/segments.js";
import { BUILT_IN, CONFIG_FILE, FORMATS, type RawSettings, resolveSettings } from "../io/settings.js";
import type { PlanReport } from "../render/report.js";
import { type CliEnvironment, wantsColor } from "./environment.js";
import { renderReport } from "./render-report.js";

interface ComputeFlags extends RawSettings {
  out?: string;
  config?: string | false;
}

const EXAMPLES = `
Examples:
  $ leadplan compute examples/quotas.csv --ratios examples/ratios.csv --cycles examples/cycles.csv
  $ leadplan compute quotas.csv --deal-size 20000 --close-rate 25% --qualify-rate 20% --cycle-days 90
  $ leadplan compute quotas.csv --by quarter --fiscal-year-start Apr --surge 40
  $ leadplan compute quotas.csv --format csv --out plan.csv
  $ cat quotas.csv | leadplan compute - --format json --deal-size 75000 ...

Exit codes: 0 plan written; 2 bad input or usage (one line on stderr, nothing written).
Formats of every file: see README.md.`;

/** `leadplan compute`: quotas in, the monthly lead plan out. */
export function computeCommand(environment: CliEnvironment): Command {
  return new Command("compute")
    .summary("work a quota plan backward into the monthly inquiries and qualified leads it needs")
    .description(
      "Work the funnel backward from quota: deals (÷ deal size), qualified leads (÷ close rate), " +
        "inquiries (÷ qualification rate), placed a sales cycle (and a qualification time) before " +
        "each close month, raised in surge quarters, with the budget they cost.",
    )
    .argument("<QUOTAS>", "quota CSV, long (month,quota[,units][,rep][,product]) or wide (rep,product,2027-01,...); - reads stdin")
    .option("--ratios <FILE>", "closing-ratio CSV: avg_deal_size, qualified_to_won, inquiry_to_qualified, units_per_deal, cost_per_inquiry by rep/product")
    .option("--cycles <FILE>", "sales-cycle CSV: sales_cycle_days|months, qualification_days|months by rep/product")
    .option("--deal-size <AMOUNT>", "average deal size for every segment, e.g. 75000 or $75,000")
    .option("--close-rate <RATE>", "qualified lead → won for every segment, e.g. 25% or 0.25")
    .option("--qualify-rate <RATE>", "inquiry → qualified lead for every segment, e.g. 10%")
    .option("--units-per-deal <N>", "units in an average deal, for unit quotas (default: 1)")
    .option("--cost-per-inquiry <AMOUNT>", "what one raw inquiry costs (no cost: budget shows –)")
    .addOption(new Option("--cycle-days <N>", "sales cycle in days, qualified lead → close").conflicts("cycleMonths"))
    .option("--cycle-months <N>", "sales cycle in months (fractions allowed)")
    .option("--qualify-days <N>", "qualification time in days, inquiry → qualified lead (default: 0)")
    .option("--surge <PCT>", `extra lead generation in surge quarters, 0 turns it off (default: ${BUILT_IN.surge})`)
    .option("--surge-quarters <LIST>", `fiscal quarters that surge (default: ${BUILT_IN.surgeQuarters})`)
    .option("--fiscal-year-start <MONTH>", "month the fiscal year starts: 1-12 or a name like Apr (default: 1)")
    .addOption(new Option("--by <VIEW>", "rows by month, fiscal quarter, rep, product, or segment (month × rep × product)").choices(GROUPINGS))
    .addOption(new Option("--format <FORMAT>", "output format (default: table)").choices(FORMATS))
    .option("-o, --out <FILE>", "write to FILE (atomically; never over an input) instead of stdout")
    .option("--config <FILE>", `defaults for these options (default: ./${CONFIG_FILE} when present)`)
    .option("--no-config", `ignore ./${CONFIG_FILE}`)
    .addHelpText("after", EXAMPLES)
    .action(async (quotasPath: string, flags: ComputeFlags) => {
      await runCompute(quotasPath, flags, environment);
    });
}

async function loadConfig(flags: ComputeFlags, environment: CliEnvironment): Promise<{ values: RawSettings | undefined; file: string }> {
  if (flags.config === false) return { values: undefined, file: CONFIG_FILE };
  if (flags.config === "-") {
    throw new InputError({ code: "option.invalid", file: "--config", expected: "a file: only QUOTAS may read standard input", found: "-" });
  }
  const file = flags.config ?? CONFIG_FILE;
  const path = resolve(environment.cwd, file);
  if (flags.config === undefined && !existsSync(path)) return { values: undefined, file };
  // zod is loaded only when there is a config to check: it is the slowest import of all.
  const { readConfig } = await import("../io/config-reader.js");
  return { values: readConfig(path, file), file };
}

async function runCompute(quotasPath: string, flags: ComputeFlags, environment: CliEnvironment): Promise<void> {
  const config = await loadConfig(flags, environment);
  const settings = resolveSettings(flags, config.values, config.file);
  for (const [flag, path] of [["--ratios", settings.ratios], ["--cycles", settings.cycles]] as const) {
    if (path === "-") throw new InputError({ code: "option.invalid", file: flag, expected: "a file: only QUOTAS may read standard input", found: "-" });
  }
  if (flags.out !== undefined) {
    const inputs = [quotasPath, settings.ratios, settings.cycles, config.values === undefined ? undefined : config.file];
    checkOutputPath(flags.out, environment.cwd, inputs.filter((path): path is string => path !== undefined));
  }
  const read = (path: string) => readTextFile(path, environment.cwd, environment.readStdin);

  const quotasInput = read(quotasPath);
  const quotas = readQuotas(quotasInput.content, quotasInput.name);
  const warnings: InputIssue[] = [...quotas.warnings];
  const scoped: LocatedAssumptions[] = [];
  for (const [path, reader] of [
    [settings.ratios, readRatios],
    [settings.cycles, readCycles],
  ] as const) {
    if (path === undefined) continue;
    const input = read(path);
    const file = reader(input.content, input.name);
    scoped.push(...file.rows);
    warnings.push(...file.warnings);
  }
  const assigned = assignAssumptions(quotas, scoped, settings);
  warnings.push(...assigned.warnings);

  const plan = computePlan(assigned.segments, settings.surge);
  const report: PlanReport = {
    view: groupPlan(plan, settings.by),
    surge: settings.surge,
    hasAmounts: plan.hasAmounts,
    segments: assigned.segments,
    inputs: { quotas: quotasInput.name, ratios: settings.ratios, cycles: settings.cycles },
    warnings: warnings.map(formatIssue),
  };
  const text = await renderReport(report, settings.format, { color: flags.out === undefined && wantsColor(environment) });

  for (const warning of report.warnings) environment.stderr(`warning: ${warning}\n`);
  if (flags.out === undefined) environment.stdout(text);
  else writeFileAtomically(flags.out, environment.cwd, text);
}
