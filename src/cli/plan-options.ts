import { type Command, Option } from "commander";
import { ASSUMPTIONS, FILE_ASSUMPTIONS, describeColumns } from "../core/assumptions.js";
import { CAPACITY_VIEWS } from "../core/capacity.js";
import { STEP_FLAGS } from "../core/funnel-assumptions.js";
import { DEFAULT_FUNNEL } from "../core/funnel.js";
import { PLAN_GROUPINGS } from "../core/group.js";
import type { CapacityFlags } from "../io/capacity-settings.js";
import { BUILT_IN, CONFIG_FILE, FORMATS, type RawSettings } from "../io/settings.js";
import { type DecimalFlags, addDecimalMarkOptions } from "./decimal-options.js";
import { type EncodingFlags, addEncodingOption } from "./encoding-option.js";
import { WIDE_HELP } from "./environment.js";
import { PLAN_COMMANDS } from "./config-flags.js";
import { HELP_GROUPS } from "./help-groups.js";
import { type HistoryFlags, addHistoryReadOptions } from "./history-options.js";

/** Flags every planning command takes: the assumptions, the view, the output. */
export interface PlanFlags extends RawSettings, CapacityFlags, HistoryFlags, DecimalFlags, EncodingFlags {
  out?: string;
  wide?: boolean;
  config?: string | false;
}

/**
 * Adds the assumption, view and output flags that `compute` defines and every command built on
 * the plan (track, scenarios) takes too, so they mean the same everywhere.
 */
export function addPlanOptions(command: Command): Command {
  PLAN_COMMANDS.add(command);
  const files = command
    .optionsGroup(HELP_GROUPS.assumptions)
    .option("--ratios <FILE>", `closing-ratio CSV: ${columnsOf("ratios")} by rep/product`)
    .option("--cycles <FILE>", `sales-cycle CSV: ${columnsOf("cycles")} by rep/product`)
    .option("--history <FILE>", "past leads, as calibrate reads them: derives what flags, --ratios and --cycles do not give; compute shows the plan against its baseline");
  return addStepOptions(addAssumptionOptions(addEncodingOption(addDecimalMarkOptions(addHistoryReadOptions(files)))))
    .option("--surge-quarters <LIST>", `fiscal quarters that surge (default: ${BUILT_IN.surgeQuarters})`)
    .option("--fiscal-year-start <MONTH>", "month the fiscal year starts: 1-12 or a name like Apr (default: 1)")
    .optionsGroup(HELP_GROUPS.capacity)
    .option("--reps <FILE>", "reps CSV: rep, capacity, inquiry_capacity, availability by YYYY-MM; checks the plan against follow-up capacity")
    .addOption(new Option("--reps-count <N>", "check against N anonymous reps sharing the quota, with --rep-capacity").conflicts("reps"))
    .addOption(new Option("--rep-capacity <N>", "qualified leads each --reps-count rep can work in a month").conflicts("reps"))
    .option("--capacity-stage <STAGE>", "with reps: the one stage their capacity is for (default: the stage before won, and every stage the reps file has a <stage>_capacity of), e.g. --funnel inquiry,mql,sql,won --capacity-stage mql")
    .option("--respect-capacity", "build pipeline earlier instead of overloading reps; what cannot be placed is quota at risk")
    .option("--strict", "exit 1 (after printing) when the reps cannot follow up every lead: short for --fail-on capacity,inquiry-capacity,at-risk (track: and behind)")
    .addOption(new Option("--view <TABLE>", "with reps: the plan and a capacity section, or only the capacity per rep, or per team month").choices(CAPACITY_VIEWS))
    .optionsGroup(HELP_GROUPS.output)
    .addOption(new Option("--by <VIEW>", "rows by month, fiscal quarter, rep, product, segment (month × rep × product), or a pair such as month,rep").choices(PLAN_GROUPINGS))
    .addOption(new Option("--format <FORMAT>", "output format (default: table)").choices(FORMATS))
    .option("--wide", WIDE_HELP)
    .option("-o, --out <FILE>", "write to FILE (atomically; never over an input) instead of stdout")
    .optionsGroup(HELP_GROUPS.config)
    .option("--config <FILE>", `defaults for these options (default: ./${CONFIG_FILE} when present)`)
    .option("--no-config", `ignore ./${CONFIG_FILE}`)
    .optionsGroup("");
}

/**
 * One flag per spelling of every assumption in the registry, in its order. A duration's first
 * spelling (days) conflicts with the others (months), so commander refuses both at once.
 */
function addAssumptionOptions(command: Command): Command {
  for (const entry of ASSUMPTIONS) {
    entry.spellings.forEach((spelling, index) => {
      const option = new Option(`${spelling.flag} ${spelling.placeholder}`, spelling.help);
      if (index === 0 && entry.spellings.length > 1) option.conflicts(entry.spellings.slice(1).map((other) => other.configKey));
      command.addOption(option);
    });
  }
  return command;
}

/** Repeated `--rate`, `--lag`, `--cost`: each adds one `KEY=VALUE`. */
const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** The funnel and its steps (README, "Funnel stages"). */
function addStepOptions(command: Command): Command {
  return command
    .option("--funnel <STAGES>", `the funnel's stages, top first, the won deal last, e.g. inquiry,mql,sql,won (default: ${DEFAULT_FUNNEL.join(",")})`)
    .option(`${STEP_FLAGS.rate} <FROM_TO=RATE>`, "a step's rate for every segment, e.g. --rate sql_to_won=25% (repeatable)", collect)
    .option(`${STEP_FLAGS.lag} <FROM_TO=DURATION>`, "a step's time, in days or months, e.g. --lag mql_to_sql=30d or =2m (repeatable)", collect)
    .option(`${STEP_FLAGS.cost} <STAGE=AMOUNT>`, "what one entry of the top stage costs, e.g. --cost lead=12", collect);
}

/** A file's columns for help, a duration's spellings joined: `sales_cycle_days|months`. */
function columnsOf(file: "ratios" | "cycles"): string {
  return describeColumns(FILE_ASSUMPTIONS.filter((entry) => entry.file === file));
}
