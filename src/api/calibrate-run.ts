import { type Calibration, calibrate } from "../core/calibrate.js";
import { funnelSteps, isDefaultFunnel, stepKey } from "../core/funnel.js";
import { lagField } from "../core/resolve.js";
import { parseFunnel } from "../io/funnel-text.js";
import type { ScopedAssumptions } from "../core/resolve.js";
import { DEFAULT_MIN_LEADS, type ThinScope, calibratedAssumptions } from "../core/calibrate-assumptions.js";
import { InputError, type InputIssue, formatIssue } from "../io/input-issue.js";
import { LIMITS, atMost, grouped } from "../io/limits.js";
import { historyNameList, sameFileSpellings } from "../io/name-match.js";
import type { Format } from "../io/settings.js";
import { parseWholeNumber } from "../io/values.js";
import type { CalibrationReport } from "../render/calibrate/report.js";
import { renderReport } from "../cli/render-report.js";
import { type CsvFlags, csvOptionsOf } from "../cli/csv-options.js";
import type { EncodingFlags } from "../cli/encoding-option.js";
import type { ReadEnvironment } from "../cli/environment.js";
import { parseDecimalMarkName } from "../io/decimal-mark.js";
import { type DecimalFlags, decimalMarkOfFlags } from "../cli/decimal-options.js";
import { type HistoryFlags, historyOptionsOf } from "../cli/history-options.js";
import { checkResultSize } from "../cli/result-size.js";
import { type OutputSettings, type ReportRun, lazyJson, renderDefaults } from "./report-run.js";

/** calibrate's flags (or the library's options in their shape). */
export interface CalibrateFlags extends HistoryFlags, DecimalFlags, CsvFlags, EncodingFlags {
  funnel?: string | undefined;
  asOf?: string | undefined;
  byRep?: boolean | undefined;
  minLeads?: string | undefined;
  ratiosOut?: string | undefined;
  cyclesOut?: string | undefined;
  sourcesOut?: string | undefined;
  format?: Format | undefined;
  /** The library's `decimalMark` (`comma`, `point`), where the CLI has its two switches. */
  decimalMark?: string | undefined;
}

/** The files calibrate writes for compute and scenarios to read. */
export type CalibrationFile = "ratios" | "cycles" | "sources";

/** A calibration ready to write, and the files it fills (`--ratios-out` and the others). */
export interface CalibrateRun extends ReportRun {
  /** A file's text; refused (an InputError) when the history cannot fill it. */
  file(name: CalibrationFile): string;
}

/**
 * `calibrate`'s work: every option checked, the history read once, the calibration made and
 * checked against the files asked for (`--cycles-out`, `--sources-out`), ready to write. The
 * CLI checks its output paths in `checkOutputs` (after the options, before the history is opened)
 * and writes; the library's `calibrate()` wraps it.
 */
export async function runCalibrate(historyPath: string, flags: CalibrateFlags, environment: ReadEnvironment, checkOutputs: () => void = () => {}): Promise<CalibrateRun> {
  // Every option is checked, and every output path, before the history is opened.
  const stated = decimalMarkOfFlags(flags) ?? flags.decimalMark;
  const funnel = flags.funnel === undefined ? undefined : calibrateFunnelOf(flags.funnel);
  const options = { ...historyOptionsOf(flags, { asOf: flags.asOf, byRep: flags.byRep, funnel }), decimalMark: stated === undefined ? undefined : parseDecimalMarkName(stated) };
  const { csv, format } = csvOptionsOf(flags);
  const minLeads = flags.minLeads === undefined ? DEFAULT_MIN_LEADS : minLeadsOf(flags.minLeads);
  checkOutputs();
  // The reader (Papa Parse, date-fns) loads only here: other commands do not pay for it.
  const { loadHistory } = await import("../cli/history-load.js");
  const read = await loadHistory(historyPath, options, environment, flags.encoding);
  if (read.shape === "monthly" && flags.cyclesOut !== undefined) {
    throw new InputError({ code: "option.invalid", file: "--cycles-out", expected: `a lead-level history: ${read.file} is a monthly aggregate, which has no lead dates to measure cycles with` });
  }
  const calibration = calibrate(read.history, read.names, { asOf: options.asOf, shape: read.shape, funnel });
  const assumptions = calibratedAssumptions(calibration, minLeads);
  // Before anything is written: a file that cannot be filled is refused, not written half empty.
  checkFillable({ cycles: flags.cyclesOut !== undefined, sources: flags.sourcesOut !== undefined }, read.file, calibration, assumptions.rows, funnel);
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
  const { json, loadJson } = lazyJson(async () => {
    const { renderCalibrationJson } = await import("../render/calibrate/json.js");
    return () => renderCalibrationJson(report);
  });
  return {
    warnings,
    failure: undefined,
    format: format ?? "table",
    csv,
    loadJson,
    output: (target: Format, settings: OutputSettings = {}) =>
      renderReport(target, { json, document: async () => (await import("../render/calibrate/build.js")).buildCalibrationDocument(report) }, renderDefaults(settings, csv)),
    file(name: CalibrationFile): string {
      checkFillable({ cycles: name === "cycles", sources: name === "sources" }, read.file, calibration, assumptions.rows, funnel);
      if (name === "ratios") return files.renderRatiosFile(assumptions.rows, csv, funnel);
      return name === "cycles" ? files.renderCyclesFile(assumptions.rows, csv, funnel) : files.renderSourcesCsv(calibration.sources, csv, funnel);
    },
  };
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
 * Every file asked for can be filled so that compute and scenarios read it: a cycle file needs a
 * won deal to measure the sales cycle from (a header alone is refused by `compute --cycles`), a
 * source file a cost for every source (scenarios prices each source's inquiries).
 */
function checkFillable(wanted: { cycles: boolean; sources: boolean }, file: string, calibration: Calibration, rows: readonly ScopedAssumptions[], funnel: readonly string[] | undefined): void {
  const [intoWon] = funnel === undefined ? [] : funnelSteps(funnel);
  const cycleOf = (values: ScopedAssumptions["values"]) => (intoWon === undefined ? values.salesCycle : values[lagField(stepKey(...intoWon))]);
  if (wanted.cycles && !rows.some((row) => cycleOf(row.values) !== undefined)) {
    throw new InputError({
      code: "option.invalid",
      file: "--cycles-out",
      expected: `no won deal in ${file} to measure the sales cycle from: expected a history with won deals`,
      hint: "or leave out --cycles-out and give compute --cycle-days or --cycle-months",
    });
  }
  const unpriced = !wanted.sources ? undefined : calibration.sources.find((source) => source.costPerInquiry === null);
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
