import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Calibration } from "../core/calibrate.js";
import { isDefaultFunnel } from "../core/funnel.js";
import type { SegmentInput } from "../core/plan.js";
import { type AssumptionName, type LearnedScope, type ScopedAssumptions, learnedScopeResolver } from "../core/resolve.js";
import { readCycles } from "../io/cycles.js";
import type { ReadOptions } from "../io/decimal-mark.js";
import { type TextInput, checkOutputPath, readTextFile } from "../io/files.js";
import { InputError, type InputIssue } from "../io/input-issue.js";
import { historyNameList, matchNames, quotaNames, sameFileSpellings } from "../io/name-match.js";
import { type QuotaFile, readQuotas } from "../io/quotas.js";
import { readRatios } from "../io/ratios.js";
import type { LocatedAssumptions } from "../io/scoped-table.js";
import type { Encoding } from "../io/text-encoding.js";
import { assignAssumptions } from "../io/segments.js";
import { CONFIG_FILE, type ComputeSettings, type RawSettings, resolveSettings } from "../io/settings.js";
import { decimalMarkOfFlags } from "./decimal-options.js";
import type { ReadEnvironment } from "./environment.js";
import { dateFormatOf, historyOptionsOf, requireHistoryFor } from "./history-options.js";
import type { PlanFlags } from "./plan-options.js";

/** Everything a planning command has read and checked before it plans. */
export interface LoadedPlan {
  settings: ComputeSettings;
  quotas: QuotaFile;
  segments: SegmentInput[];
  warnings: InputIssue[];
  /** Every file read (as the user named it), which `--out` must not replace. */
  inputs: string[];
  /** How a command's own extra files are read: the stated decimal mark. */
  readOptions: ReadOptions;
  /** Reads another input file the same way (for a command's own extra files). */
  read: (path: string) => TextInput;
  /**
   * What `--history` taught, when given, and for each segment's value the calibrated scope it was
   * learned from (null: a flag, a file or the config gave it).
   */
  history?: { file: string; calibration: Calibration; learnedScopeOf: (rep: string, product: string, name: AssumptionName) => LearnedScope | null };
}

async function loadConfig(flags: PlanFlags, environment: ReadEnvironment): Promise<{ values: RawSettings | undefined; file: string }> {
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

/** The options of a planning command validated (flags, then config, then built-ins), no file read yet. */
export interface PlanSettings {
  settings: ComputeSettings;
  config: { values: RawSettings | undefined; file: string };
}

/**
 * Validates the options before any file is read. A command with flags of its own that depend on
 * them (the decimal mark of `--vary`) resolves them first and hands them to {@link loadPlan}.
 */
export async function resolvePlanSettings(flags: PlanFlags, environment: ReadEnvironment): Promise<PlanSettings> {
  const config = await loadConfig(flags, environment);
  const settings = resolveSettings({ ...flags, decimalMark: decimalMarkOfFlags(flags) ?? flags.decimalMark }, config.values, config.file);
  return { settings, config };
}

/**
 * Validates the options (flags, then config, then built-ins), checks `--out` against every input
 * before reading any, then reads the quotas, the ratio and cycle files, and gives every quota
 * segment its assumptions. `extraInputs` are a command's own files, checked against `--out` too.
 */
export async function loadPlan(
  quotasPath: string,
  flags: PlanFlags,
  environment: ReadEnvironment,
  extraInputs: readonly string[] = [],
  resolved?: PlanSettings,
): Promise<LoadedPlan> {
  const { settings, config } = resolved ?? (await resolvePlanSettings(flags, environment));
  for (const name of ["ratios", "cycles"] as const) {
    if (settings[name] !== "-") continue;
    const expected = "a file: only QUOTAS may read standard input";
    throw new InputError(
      flags[name] === "-"
        ? { code: "option.invalid", file: `--${name}`, expected, found: "-" }
        : { code: "config.invalid", file: config.file, column: name, expected, found: "-" },
    );
  }
  if (flags.history === undefined) requireHistoryFor(flags);
  const dateFormat = dateFormatOf(flags);
  // A configured funnel reads a date column per stage (`mql_on`, `sql_on`) and learns each step, as calibrate --funnel does.
  const historyFunnel = isDefaultFunnel(settings.funnel) ? undefined : settings.funnel;
  const historyOptions = flags.history === undefined ? undefined : { ...historyOptionsOf(flags, { funnel: historyFunnel }), decimalMark: settings.decimalMark };
  if (flags.history === "-" && quotasPath === "-") {
    throw new InputError({ code: "option.invalid", file: "--history", expected: "a file: QUOTAS reads standard input already", found: "-" });
  }
  const inputs = [quotasPath, settings.ratios, settings.cycles, flags.history, config.values === undefined ? undefined : config.file, ...extraInputs].filter(
    (path): path is string => path !== undefined,
  );
  if (flags.out !== undefined) checkOutputPath(flags.out, environment.cwd, inputs);
  const read = (path: string): TextInput => {
    const held = environment.inMemory?.get(path);
    return held === undefined ? readTextFile(path, environment.cwd, environment.readStdin, flags.encoding) : { name: path, content: held, warnings: [] };
  };

  const quotasInput = read(quotasPath);
  const readOptions: ReadOptions = { decimalMark: settings.decimalMark, dateFormat };
  const quotas = readQuotas(quotasInput.content, quotasInput.name, readOptions);
  const warnings: InputIssue[] = [
    ...quotasInput.warnings,
    ...quotas.warnings,
    ...sameFileSpellings(quotaNames(quotas, "rep")),
    ...sameFileSpellings(quotaNames(quotas, "product")),
  ];
  const scoped: LocatedAssumptions[] = [];
  for (const [path, reader] of [
    [settings.ratios, readRatios],
    [settings.cycles, readCycles],
  ] as const) {
    if (path === undefined) continue;
    const input = read(path);
    const file = reader(input.content, input.name, readOptions, settings.funnel);
    for (const item of file.rows) scoped.push(item);
    for (const warning of [...input.warnings, ...file.warnings]) warnings.push(warning);
  }
  const learned = flags.history === undefined || historyOptions === undefined ? undefined : await learnFromHistory(flags.history, historyOptions, environment, quotas, warnings, flags.encoding);
  const assigned = assignAssumptions(quotas, scoped, settings, learned?.rows);
  for (const item of assigned.warnings) warnings.push(item);
  const loaded: LoadedPlan = { settings, quotas, segments: assigned.segments, warnings, inputs, read, readOptions };
  if (learned) {
    const learnedScopeOf = learnedScopeResolver({ overrides: settings.overrides, scoped, learned: learned.rows, defaults: settings.defaults });
    loaded.history = { file: learned.file, calibration: learned.calibration, learnedScopeOf };
  }
  return loaded;
}

/**
 * Calibrates on a history as `leadplan calibrate` does with its defaults, for the assumptions no
 * flag or file gives. The reader and the statistics load only when a history is given. Its
 * product (and, by rep, rep) names are checked against the quotas': a near-miss is an error; a
 * name the quotas lack is fine (a history holds products no longer sold).
 */
async function learnFromHistory(
  path: string,
  options: ReturnType<typeof historyOptionsOf>,
  environment: ReadEnvironment,
  quotas: QuotaFile,
  warnings: InputIssue[],
  encoding: Encoding | undefined,
): Promise<{ file: string; calibration: Calibration; rows: ScopedAssumptions[] }> {
  const [{ loadHistory }, { calibrate }, { calibratedAssumptions, DEFAULT_MIN_LEADS }] = await Promise.all([
    import("./history-load.js"),
    import("../core/calibrate.js"),
    import("../core/calibrate-assumptions.js"),
  ]);
  // The won amounts are kept for `--confidence` to resample (a capped sample per scope).
  const read = await loadHistory(path, { ...options, keepWonAmounts: true }, environment, encoding);
  for (const item of read.warnings) warnings.push(item);
  const kinds = options.byRep ? (["product", "rep"] as const) : (["product"] as const);
  for (const kind of kinds) {
    for (const item of matchNames(quotaNames(quotas, kind), historyNameList(read, kind)).warnings) warnings.push(item);
  }
  if (read.skipped.count > 0) {
    warnings.push({ code: "value.invalid", file: read.file, expected: `skipped ${read.skipped.count} bad rows of ${read.rows} (--skip-bad-rows); the first ones follow` });
    for (const item of read.skipped.first) warnings.push(item);
  }
  const calibration = calibrate(read.history, read.names, { asOf: options.asOf, shape: read.shape, funnel: options.funnel });
  return { file: read.file, calibration, rows: calibratedAssumptions(calibration, DEFAULT_MIN_LEADS).rows };
}
