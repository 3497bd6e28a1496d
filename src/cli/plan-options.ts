import { type Command, Option } from "commander";
import { CAPACITY_VIEWS } from "../core/capacity.js";
import { GROUPINGS } from "../core/group.js";
import type { CapacityFlags } from "../io/capacity-settings.js";
import { BUILT_IN, CONFIG_FILE, FORMATS, type RawSettings } from "../io/settings.js";
import { type DecimalFlags, addDecimalMarkOptions } from "./decimal-options.js";
import { type EncodingFlags, addEncodingOption } from "./encoding-option.js";
import { WIDE_HELP } from "./environment.js";
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
  const files = command
    .option("--ratios <FILE>", "closing-ratio CSV: avg_deal_size, qualified_to_won, inquiry_to_qualified, units_per_deal, cost_per_inquiry by rep/product")
    .option("--cycles <FILE>", "sales-cycle CSV: sales_cycle_days|months, qualification_days|months by rep/product")
    .option("--history <FILE>", "past leads, as calibrate reads them: derives what flags, --ratios and --cycles do not give; compute shows the plan against its baseline");
  return addEncodingOption(addDecimalMarkOptions(addHistoryReadOptions(files)))
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
    .option("--reps <FILE>", "reps CSV: rep, capacity, inquiry_capacity, availability by YYYY-MM; checks the plan against follow-up capacity")
    .addOption(new Option("--reps-count <N>", "check against N anonymous reps sharing the quota, with --rep-capacity").conflicts("reps"))
    .addOption(new Option("--rep-capacity <N>", "qualified leads each --reps-count rep can work in a month").conflicts("reps"))
    .option("--respect-capacity", "build pipeline earlier instead of overloading reps; what cannot be placed is quota at risk")
    .option("--strict", "exit 1 (after printing) when the reps cannot follow up every lead")
    .addOption(new Option("--view <TABLE>", "with reps: the plan and a capacity section, or only the capacity per rep, or per team month").choices(CAPACITY_VIEWS))
    .addOption(new Option("--by <VIEW>", "rows by month, fiscal quarter, rep, product, or segment (month × rep × product)").choices(GROUPINGS))
    .addOption(new Option("--format <FORMAT>", "output format (default: table)").choices(FORMATS))
    .option("--wide", WIDE_HELP)
    .option("-o, --out <FILE>", "write to FILE (atomically; never over an input) instead of stdout")
    .option("--config <FILE>", `defaults for these options (default: ./${CONFIG_FILE} when present)`)
    .option("--no-config", `ignore ./${CONFIG_FILE}`);
}
