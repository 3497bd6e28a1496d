import { Command, Option } from "commander";
import { type Calibration, calibrate } from "../core/calibrate.js";
import { funnelSteps, isDefaultFunnel, stepKey } from "../core/funnel.js";
import { lagField } from "../core/resolve.js";
import { parseFunnel } from "../io/funnel-text.js";
import type { ScopedAssumptions } from "../core/resolve.js";
import { DEFAULT_MIN_LEADS, type ThinScope, calibratedAssumptions } from "../core/calibrate-assumptions.js";
import { checkOutputPath } from "../io/files.js";
import { type NamedOutput, resolveDestinations } from "../io/output-destination.js";
import { InputError, type InputIssue, formatIssue } from "../io/input-issue.js";
import { LIMITS, atMost, grouped } from "../io/limits.js";
import { historyNameList, sameFileSpellings } from "../io/name-match.js";
import { CONFIG_FILE, FORMATS, type Format } from "../io/settings.js";
import { configFileOf } from "./config-flags.js";
import { parseWholeNumber } from "../io/values.js";
import type { CalibrationReport } from "../render/calibrate/report.js";
import { renderReport } from "./render-report.js";
import { type CsvFlags, addCsvOptions, csvOptionsOf } from "./csv-options.js";
import { type EncodingFlags, addEncodingOption } from "./encoding-option.js";
import { type CliEnvironment, WIDE_HELP, terminalWidth, wantsColor } from "./environment.js";
import { parseDecimalMarkName } from "../io/decimal-mark.js";
import { type DecimalFlags, addDecimalMarkOptions, decimalMarkOfFlags } from "./decimal-options.js";
import { type HistoryFlags, addHistoryReadOptions, historyOptionsOf } from "./history-options.js";
import { STDOUT_REPORT, writeOutput } from "./write-output.js";
import { HELP_GROUPS } from "./help-groups.js";
import { checkResultSize } from "./result-size.js";

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

interface CalibrateFlags extends HistoryFlags, DecimalFlags, CsvFlags, EncodingFlags {
  funnel?: string;
  asOf?: string;
  byRep?: boolean;
  minLeads?: string;
  ratiosOut?: string;
  cyclesOut?: string;
  sourcesOut?: string;
  format?: Format;
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
    .action(async (historyPath: string, flags: CalibrateFlags) => {
      // Every option is checked, and every output path, before the history is opened.
      const stated = decimalMarkOfFlags(flags);
      const funnel = flags.funnel === undefined ? undefined : calibrateFunnelOf(flags.funnel);
      const options = { ...historyOptionsOf(flags, { asOf: flags.asOf, byRep: flags.byRep, funnel }), decimalMark: stated === undefined ? undefined : parseDecimalMarkName(stated) };
      const { csv, format } = csvOptionsOf(flags);
      const minLeads = flags.minLeads === undefined ? DEFAULT_MIN_LEADS : minLeadsOf(flags.minLeads);
      // The config file read is an input too: no output may replace it.
      const config = configFileOf(flags, environment.cwd);
      checkOutputs(flags, config === undefined ? [historyPath] : [historyPath, config.file], environment.cwd);
      // The reader (Papa Parse, date-fns) loads only here: other commands do not pay for it.
      const { loadHistory } = await import("./history-load.js");
      const read = await loadHistory(historyPath, options, environment, flags.encoding);
      if (read.shape === "monthly" && flags.cyclesOut !== undefined) {
        throw new InputError({ code: "option.invalid", file: "--cycles-out", expected: `a lead-level history: ${read.file} is a monthly aggregate, which has no lead dates to measure cycles with` });
      }
      const calibration = calibrate(read.history, read.names, { asOf: options.asOf, shape: read.shape, funnel });
      const assumptions = calibratedAssumptions(calibration, minLeads);
      // Before anything is written: a file that cannot be filled is refused, not written half empty.
      checkFillable(flags, read.file, calibration, assumptions.rows, funnel);
      const spellings = (options.byRep ? (["product", "rep"] as const) : (["product"] as const)).flatMap((kind) => sameFileSpellings(historyNameList(read, kind)));
      const warnings = [...read.warnings.map(formatIssue), ...spellings.map(formatIssue), ...skippedWarnings(read.file, read.rows, read.skipped)];
      if (calibration.immature) warnings.push(`${read.file}: no cohort is old enough to have resolved: the rates count open leads as not converted and may run low`);
      if (flags.ratiosOut !== undefined || flags.cyclesOut !== undefined) {
        for (const item of thinWarnings(assumptions.thin, minLeads)) warnings.push(item);
      }
      const report: CalibrationReport = {
        file: read.file,
        calibration,
        rows: read.rows,
        skipped: { count: read.skipped.count, first: read.skipped.first.map(formatIssue) },
        warnings,
      };
      checkResultSize(report, "the calibration");
      const files = await import("../render/calibrate/files.js");
      const written: [string, string | undefined, () => string][] = [
        ["--ratios-out", flags.ratiosOut, () => files.renderRatiosFile(assumptions.rows, csv, funnel)],
        ["--cycles-out", flags.cyclesOut, () => files.renderCyclesFile(assumptions.rows, csv, funnel)],
        ["--sources-out", flags.sourcesOut, () => files.renderSourcesCsv(calibration.sources, csv, funnel)],
      ];
      const texts = written.flatMap(([flag, path, render]) => (path === undefined ? [] : [{ flag, path, content: render() }]));
      const text = await renderReport(
        format ?? "table",
        {
          json: async () => (await import("../render/calibrate/json.js")).renderCalibrationJson(report),
          document: async () => (await import("../render/calibrate/build.js")).buildCalibrationDocument(report),
        },
        { color: flags.out === undefined && wantsColor(environment), width: terminalWidth(environment, flags), csv },
      );
      // The files and the report are committed together: all of them are written, or none.
      await writeOutput(text, warnings, flags.out, environment, texts);
    });
}

/**
 * `--funnel`, checked: a configured funnel's stages, or undefined for the default one (read as
 * today, byte for byte). A stage may not be called `closed`: its date column would be the close date's.
 */
function calibrateFunnelOf(text: string): readonly string[] | undefined {
  const parsed = parseFunnel(text);
  if (!parsed.ok) throw new InputError({ code: "option.invalid", file: "--funnel", expected: parsed.expected, found: text, ...(parsed.hint === undefined ? {} : { hint: parsed.hint }) });
  if (isDefaultFunnel(parsed.value)) return undefined;
  if (parsed.value.slice(1, -1).includes("closed")) {
    throw new InputError({ code: "option.invalid", file: "--funnel", expected: "no stage named closed between the top and won: its date column would be closed_on, the close date", found: text });
  }
  return parsed.value;
}

function minLeadsOf(text: string): number {
  const parsed = atMost(parseWholeNumber(text, 1), LIMITS.minLeads, `a whole number from 1 to ${grouped(LIMITS.minLeads)}`);
  if (parsed.ok) return parsed.value;
  throw new InputError({ code: "option.invalid", file: "--min-leads", expected: parsed.expected, found: text });
}

/**
 * Every output path, before anything is read: each can be written (its folder exists, and so on),
 * none is the history, no two end at the same file, and at most one is standard output, a device
 * or a FIFO (see resolveDestinations).
 */
function checkOutputs(flags: CalibrateFlags, inputs: readonly string[], cwd: string): void {
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

/**
 * Every file asked for can be filled so that compute and scenarios read it: a cycle file needs a
 * won deal to measure the sales cycle from (a header alone is refused by `compute --cycles`), a
 * source file a cost for every source (scenarios prices each source's inquiries).
 */
function checkFillable(flags: CalibrateFlags, file: string, calibration: Calibration, rows: readonly ScopedAssumptions[], funnel: readonly string[] | undefined): void {
  const [intoWon] = funnel === undefined ? [] : funnelSteps(funnel);
  const cycleOf = (values: ScopedAssumptions["values"]) => (intoWon === undefined ? values.salesCycle : values[lagField(stepKey(...intoWon))]);
  if (flags.cyclesOut !== undefined && !rows.some((row) => cycleOf(row.values) !== undefined)) {
    throw new InputError({
      code: "option.invalid",
      file: "--cycles-out",
      expected: `no won deal in ${file} to measure the sales cycle from: expected a history with won deals`,
      hint: "or leave out --cycles-out and give compute --cycle-days or --cycle-months",
    });
  }
  const unpriced = flags.sourcesOut === undefined ? undefined : calibration.sources.find((source) => source.costPerInquiry === null);
  if (unpriced !== undefined) {
    throw new InputError({
      code: "option.invalid",
      file: "--sources-out",
      expected: `no cost for source "${unpriced.source}" in ${file}: expected a cost on some of each source's leads`,
      hint: "or leave out --sources-out and write the sources file by hand",
    });
  }
}

function skippedWarnings(file: string, rows: number, skipped: { count: number; first: readonly InputIssue[] }): string[] {
  if (skipped.count === 0) return [];
  const shown = skipped.first.length < skipped.count ? `; the first ${skipped.first.length}:` : ":";
  return [`${file}: skipped ${skipped.count} bad row${skipped.count === 1 ? "" : "s"} of ${rows}${shown}`, ...skipped.first.map((issue) => `  ${formatIssue(issue)}`)];
}

/** One line for the values left out of the files because too few leads stand behind them. */
function thinWarnings(thin: readonly ThinScope[], minLeads: number): string[] {
  if (thin.length === 0) return [];
  const first = thin[0];
  if (first === undefined) return [];
  const scope = first.rep === "" ? `product "${first.product}"` : `rep "${first.rep}", product "${first.product}"`;
  const more = thin.length > 1 ? ` and ${thin.length - 1} more` : "";
  return [
    `fewer than --min-leads ${minLeads} leads behind some values, left empty in the files so the less specific row applies: ` +
      `${scope} has ${first.sample.count} ${first.sample.of}${more}`,
  ];
}
