import { ASSUMPTIONS } from "../core/assumptions.js";
import type { CatchUpWindow } from "../core/catch-up.js";
import { InputError } from "../io/input-issue.js";
import type { ExcelLocale } from "../render/csv-writer.js";
import { parseEncoding } from "../io/text-encoding.js";
import type { CalibrateFlags, CalibrateRun, CalibrationFile } from "./calibrate-run.js";
import { type Input, inputPlace } from "./inputs.js";
import { type CalibrateOptions, type PlanOptions, type ScenariosOptions, type TrackOptions, optionText, planFlagsOf } from "./options.js";
import { type CalibrateDocument, type ComputeDocument, Report, type ScenariosDocument, type TrackDocument } from "./report.js";
import type { ReportRun } from "./report-run.js";

// Each command's code loads when it is called: `import("leadplan")` alone stays light (BENCHMARKS.md).
// The choices commander checks for the CLI, kept here so the library loads no command to check them.
const CATCH_UP_WINDOWS: readonly CatchUpWindow[] = ["quarter", "year", "none"];
const EXCEL_LOCALES: readonly ExcelLocale[] = ["us", "eu"];
const SECTIONS = ["scenarios", "quarters", "sensitivity", "sources"] as const;

/** What a wrong option is called in messages: the library's options, by key. */
const OPTIONS = "options";

const OUTPUT_KEYS = ["format", "excel", "formulaGuard"];
const READING_KEYS = ["decimalMark", "encoding", "dateFormat", "map", "skipBadRows", "cwd"];
const PLAN_KEYS = [
  ...ASSUMPTIONS.flatMap((entry) => entry.spellings.map((spelling) => spelling.configKey)),
  ...OUTPUT_KEYS,
  ...READING_KEYS,
  ...["funnel", "ratios", "cycles", "rate", "lag", "cost", "surgeQuarters", "fiscalYearStart", "by", "history"],
  ...["reps", "repsCount", "repCapacity", "capacityStage", "respectCapacity", "view", "failOn", "strict", "config"],
];
const TRACK_KEYS = [...PLAN_KEYS, "asOf", "catchUp", "tolerance", "bankSurplus"];
const SCENARIOS_KEYS = [...PLAN_KEYS, "scenarios", "vary", "sensitivity", "sources", "optimizeMix", "section"];
const CALIBRATE_KEYS = [...OUTPUT_KEYS, ...READING_KEYS, "funnel", "asOf", "byRep", "minLeads"];

/**
 * Options checked as commander checks the flags before any file is read: a key no command takes
 * (a typo would otherwise go unnoticed), and the choices commander enforces for the CLI.
 */
function checkOptions(options: object, known: readonly string[]): void {
  const fail = (column: string, expected: string, found?: unknown): never => {
    throw new InputError({ code: "config.invalid", file: OPTIONS, column, expected, ...(found === undefined ? {} : { found: String(found) }) });
  };
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) fail(key, `unknown option: expected one of ${known.join(", ")}`);
  }
  const given = options as Record<string, unknown>;
  const oneOf = (key: string, choices: readonly unknown[]) => {
    if (given[key] !== undefined && !choices.includes(given[key])) fail(key, `one of ${choices.join(", ")}`, given[key]);
  };
  oneOf("catchUp", CATCH_UP_WINDOWS);
  oneOf("section", SECTIONS);
  oneOf("excel", [...EXCEL_LOCALES, true]);
  oneOf("decimalMark", ["comma", "point"]);
  if (typeof given.encoding === "string" && !parseEncoding(given.encoding).ok) fail("encoding", "a known encoding", given.encoding);
}

async function reportOf<Document extends { schema: string }>(run: ReportRun): Promise<Report<Document & Record<string, unknown>>> {
  return new Report(run, await run.loadJson());
}

/**
 * `leadplan compute` as a function: the quotas (a path, rows or CSV text) and the config file's
 * options, to the plan in any format. Throws `InputError` for bad input, as the CLI exits 2.
 * @example const report = await plan("quotas.csv", { ratios: "ratios.csv", cycles: "cycles.csv" });
 *          process.stdout.write(await report.render("csv"));
 */
export async function plan(quotas: Input, options: PlanOptions = {}): Promise<Report<ComputeDocument>> {
  checkOptions(options, PLAN_KEYS);
  const place = inputPlace(options.cwd);
  const flags = planFlagsOf(options, place);
  const { runPlan } = await import("./plan-run.js");
  return reportOf(await runPlan(place.nameOf(quotas, "quotas"), flags, place.environment));
}

/** `leadplan track` as a function: the plan against the actuals, the leak and the catch-up. */
export async function track(quotas: Input, actuals: Input, options: TrackOptions = {}): Promise<Report<TrackDocument>> {
  checkOptions(options, TRACK_KEYS);
  const place = inputPlace(options.cwd);
  const { asOf, catchUp, tolerance, bankSurplus, ...planOptions } = options;
  const flags = { ...planFlagsOf(planOptions, place), asOf, catchUp, tolerance: optionText(tolerance), bankSurplus };
  const { runTrack } = await import("./track-run.js");
  return reportOf(await runTrack(place.nameOf(quotas, "quotas"), place.nameOf(actuals, "actuals"), flags, place.environment));
}

/**
 * `leadplan scenarios` as a function. A grid of more than 1,000 combinations, which the CLI
 * announces on stderr, runs without a word.
 */
export async function scenarios(quotas: Input, options: ScenariosOptions = {}): Promise<Report<ScenariosDocument>> {
  checkOptions(options, SCENARIOS_KEYS);
  const place = inputPlace(options.cwd);
  const { scenarios: file, vary, sensitivity, sources, optimizeMix, section, ...planOptions } = options;
  const flags = {
    ...planFlagsOf(planOptions, place),
    scenarios: place.nameOf(file, "scenarios"),
    vary: vary === undefined ? undefined : [...vary],
    sensitivity: optionText(sensitivity),
    sources: place.nameOf(sources, "sources"),
    optimizeMix,
    section,
  };
  const { runScenarios } = await import("./scenarios-run.js");
  return reportOf(await runScenarios(place.nameOf(quotas, "quotas"), flags, place.environment));
}

/** calibrate's report, and the files `--ratios-out`, `--cycles-out` and `--sources-out` write. */
export class CalibrateReport extends Report<CalibrateDocument> {
  readonly #file: (name: CalibrationFile) => string;

  /** @internal Made by {@link calibrate}. */
  constructor(run: CalibrateRun, json: () => string) {
    super(run, json);
    this.#file = (name) => run.file(name);
  }

  /**
   * A file compute (`ratios`, `cycles`) or scenarios (`sources`) reads, as calibrate writes it.
   * Throws `InputError` when the history cannot fill it (no won deal for cycles, a source without cost).
   */
  file(name: CalibrationFile): string {
    return this.#file(name);
  }
}

/** `leadplan calibrate` as a function: a history of leads (a path, rows or CSV text) to the assumptions it teaches. */
export async function calibrate(history: Input, options: CalibrateOptions = {}): Promise<CalibrateReport> {
  checkOptions(options, CALIBRATE_KEYS);
  const place = inputPlace(options.cwd);
  const { funnel, minLeads, map, cwd: _cwd, ...rest } = options;
  const flags = {
    ...rest,
    funnel: funnel === undefined || typeof funnel === "string" ? funnel : funnel.join(","),
    minLeads: optionText(minLeads),
    map: map === undefined ? undefined : Object.entries(map).map(([name, header]) => `${name}=${header}`),
  };
  for (const key of Object.keys(flags) as (keyof typeof flags)[]) if (flags[key] === undefined) delete flags[key];
  const { runCalibrate } = await import("./calibrate-run.js");
  const run = await runCalibrate(place.nameOf(history, "history"), flags as CalibrateFlags, place.environment);
  return new CalibrateReport(run, await run.loadJson());
}
