import { Command, Option } from "commander";
import { DEFAULT_MIN_LEADS } from "../core/calibrate-assumptions.js";
import { type CalibrateFlags, type CalibrationFile, runCalibrate } from "../api/calibrate-run.js";
import { checkOutputPath } from "../io/files.js";
import { type NamedOutput, resolveDestinations } from "../io/output-destination.js";
import { InputError } from "../io/input-issue.js";
import { CONFIG_FILE, FORMATS } from "../io/settings.js";
import { configFileOf } from "./config-flags.js";
import { addCsvOptions } from "./csv-options.js";
import { addEncodingOption } from "./encoding-option.js";
import { type CliEnvironment, WIDE_HELP, terminalWidth, wantsColor } from "./environment.js";
import { addDecimalMarkOptions } from "./decimal-options.js";
import { addHistoryReadOptions } from "./history-options.js";
import { STDOUT_REPORT, writeOutput } from "./write-output.js";
import { HELP_GROUPS } from "./help-groups.js";

const EXAMPLES = `
Examples:
  $ leadplan calibrate examples/history.csv --min-leads 5
  $ leadplan calibrate crm-export.csv --map created="Created Date",source="Lead Source" --date-format MM/dd/yyyy
  $ leadplan calibrate history.csv --ratios-out ratios.csv --cycles-out cycles.csv --sources-out sources.csv
  $ leadplan calibrate history.csv --excel eu --out calibration.csv
  $ leadplan calibrate funnel-history.csv --funnel inquiry,mql,sql,won --ratios-out ratios.csv --cycles-out cycles.csv
  $ leadplan calibrate history.csv --wide | less -S
  $ leadplan calibrate history.csv --config ci.json   (ci.json: {"minLeads": 10, "ratiosOut": "ratios.csv"})
  $ leadplan compute quotas.csv --ratios ratios.csv --cycles cycles.csv

Exit codes: 0 calibration written; 2 bad input or usage, including the first bad row (one line on
stderr, nothing written). Formats of every file: see README.md.`;

/** calibrate's flags: the run's, and where the report goes. */
interface CalibrateCliFlags extends CalibrateFlags {
  out?: string;
  wide?: boolean;
  config?: string | false;
}

/** `leadplan calibrate`: historical leads in, the assumptions `compute` needs out. */
export function calibrateCommand(environment: CliEnvironment): Command {
  const command = new Command("calibrate")
    .summary("learn the funnel, the sales cycle and lead costs from historical leads")
    .description(
      "Read a CRM export of past leads (or monthly aggregates) once, as a stream, and derive what compute needs: " +
        "the qualification and close rates, deal size and cost per inquiry by product (and rep), the sales cycle " +
        "and qualification time as month-lag distributions, the quality of each lead source, and the baseline volume.",
    )
    .argument("<HISTORY>", "lead_id,created,source,product,rep,qualified_on,closed_on,outcome,amount,cost (or month,source,product,inquiries,qualified,won,revenue,spend); - reads stdin");
  addEncodingOption(addDecimalMarkOptions(addHistoryReadOptions(command)))
    .option("--funnel <STAGES>", "the funnel's stages, top first, the won deal last: a date column <stage>_on per stage between the top (created) and won (closed_on), e.g. inquiry,mql,sql,won (default: inquiry,qualified,won)")
    .option("--as-of <DATE>", "the day the export was taken, YYYY-MM-DD (default: the latest date in it)")
    .option("--by-rep", "also a ratio row per rep and product")
    .option("--min-leads <N>", `least leads behind a product or rep value written to the files (default: ${DEFAULT_MIN_LEADS})`)
    .option("--ratios-out <FILE>", "write the ratio file compute --ratios reads")
    .option("--cycles-out <FILE>", "write the cycle file (month-lag distributions) compute --cycles reads")
    .option("--sources-out <FILE>", "write the lead-source table as CSV, as scenarios --sources reads it (with --funnel: a rate column per step)")
    .optionsGroup(HELP_GROUPS.output)
    .addOption(new Option("--format <FORMAT>", "report format (default: table)").choices(FORMATS))
    .option("--wide", WIDE_HELP)
    .option("-o, --out <FILE>", "write the report to FILE (atomically) instead of stdout")
    .optionsGroup(HELP_GROUPS.config)
    .option("--config <FILE>", `defaults for these options (default: ./${CONFIG_FILE} when present)`)
    .option("--no-config", `ignore ./${CONFIG_FILE}`)
    .optionsGroup("");
  return addCsvOptions(command)
    .addHelpText("after", EXAMPLES)
    .action(async (historyPath: string, flags: CalibrateCliFlags) => {
      // Every option is checked, and every output path, before the history is opened.
      const run = await runCalibrate(historyPath, flags, environment, () => {
        // The config file read is an input too: no output may replace it.
        const config = configFileOf(flags, environment.cwd);
        checkOutputs(flags, config === undefined ? [historyPath] : [historyPath, config.file], environment.cwd);
      });
      const written: [string, string | undefined, CalibrationFile][] = [
        ["--ratios-out", flags.ratiosOut, "ratios"],
        ["--cycles-out", flags.cyclesOut, "cycles"],
        ["--sources-out", flags.sourcesOut, "sources"],
      ];
      const texts = written.flatMap(([flag, path, name]) => (path === undefined ? [] : [{ flag, path, content: run.file(name) }]));
      const text = await run.output(run.format, { color: flags.out === undefined && wantsColor(environment), width: terminalWidth(environment, flags) });
      // The files and the report are committed together: all of them are written, or none.
      await writeOutput(text, run.warnings, flags.out, environment, texts);
    });
}

/**
 * Every output path, before anything is read: each can be written (its folder exists, and so on),
 * none is the history, no two end at the same file, and at most one is standard output, a device
 * or a FIFO (see resolveDestinations).
 */
function checkOutputs(flags: CalibrateCliFlags, inputs: readonly string[], cwd: string): void {
  const named: [string, string | undefined][] = [
    ["--out", flags.out ?? "-"],
    ["--ratios-out", flags.ratiosOut],
    ["--cycles-out", flags.cyclesOut],
    ["--sources-out", flags.sourcesOut],
  ];
  const seen: NamedOutput[] = [];
  for (const [flag, path] of named) {
    if (path === undefined) continue;
    const stdout = seen.find((earlier) => earlier.path === "-");
    if (path === "-" && stdout !== undefined) {
      throw new InputError({ code: "option.invalid", file: flag, expected: `a file: standard output already takes ${stdout.name ?? stdout.flag}`, found: path });
    }
    try {
      checkOutputPath(path, cwd, inputs);
    } catch (error) {
      if (error instanceof InputError) throw new InputError({ ...error.issue, file: flag });
      throw error;
    }
    seen.push({ flag, path, ...(flag === "--out" && flags.out === undefined ? { name: STDOUT_REPORT } : {}) });
  }
  resolveDestinations(seen, cwd);
}

