import { ASSUMPTIONS } from "../core/assumptions.js";
import { InputError } from "../io/input-issue.js";
import { parseEncoding } from "../io/text-encoding.js";
import type { CalibrateFlags, CalibrateRun, CalibrationFile } from "./calibrate-run.js";
import { type Input, inputPlace } from "./inputs.js";
import { type CalibrateOptions, type ComputeOptions, OWN_KEYS, type ScenariosOptions, type TrackOptions, optionText, planFlagsOf } from "./options.js";
import { type CalibrateDocument, type ComputeDocument, Report, type ScenariosDocument, type TrackDocument } from "./report.js";
import type { ReportRun } from "./report-run.js";

// Each command's code loads when it is called: `import("leadplan")` alone stays light (BENCHMARKS.md).

type Command = "compute" | "track" | "scenarios" | "calibrate";

/** What a wrong option is called in messages: the library's options, by key. */
const OPTIONS = "options";

/**
 * The options each function takes: the config file's keys (src/schemas/config.ts, the one list of
 * them), shared by plan, track and scenarios but for each command's own (`OWN_KEYS`), and the
 * library's own `config`, `cwd` and step maps. Loaded with the call: zod stays out of the import.
 */
async function optionKeys(command: Command): Promise<readonly string[]> {
  const { FLAG_KEYS, SETTINGS_KEYS } = await import("../schemas/config.js");
  if (command === "calibrate") return [...OWN_KEYS.calibrate.filter((key) => !key.endsWith("Out")), "format", "excel", "formulaGuard", "funnel", "decimalMark", "encoding", "dateFormat", "map", "skipBadRows", "cwd"];
  const own = new Set<string>(Object.values(OWN_KEYS).flat());
  // The assumptions first: a misspelt one is the likeliest unknown key.
  const assumptions = ASSUMPTIONS.flatMap((entry) => entry.spellings.map((spelling) => spelling.configKey as string));
  const shared = [...new Set([...assumptions, ...Object.keys(SETTINGS_KEYS), ...Object.keys(FLAG_KEYS)])].filter((key) => !own.has(key));
  return [...shared, "rate", "lag", "cost", "config", "cwd", ...OWN_KEYS[command]];
}

/**
 * The choices commander enforces for the CLI, by option, from the very lists the CLI takes them
 * from (each in a module of its own, so no command loads to give them). Loaded with the call, as
 * the keys are: `import("leadplan")` alone loads none of them.
 */
async function optionChoices(command: Command): Promise<Record<string, readonly unknown[]>> {
  const [{ CATCH_UP_WINDOWS }, { CONFIDENCE_GRAINS }, { EVERY }, { EXCEL_LOCALES }, { SCENARIOS_SECTIONS }, { TRACK_SECTIONS }] = await Promise.all([
    import("../core/catch-up-window.js"),
    import("../core/confidence-grain.js"),
    import("../core/every.js"),
    import("../render/excel-locale.js"),
    import("./scenarios-sections.js"),
    import("./track-sections.js"),
  ]);
  const sections = command === "track" ? TRACK_SECTIONS : command === "scenarios" ? SCENARIOS_SECTIONS : [];
  return { catchUp: CATCH_UP_WINDOWS, confidenceBy: CONFIDENCE_GRAINS, every: EVERY, section: sections, excel: [...EXCEL_LOCALES, true], decimalMark: ["comma", "point"] };
}

/**
 * Options checked as commander checks the flags before any file is read: a key no command takes
 * (a typo would otherwise go unnoticed), and the choices commander enforces for the CLI.
 */
async function checkOptions(options: object, command: Command): Promise<void> {
  const [known, choices] = await Promise.all([optionKeys(command), optionChoices(command)]);
  const fail = (column: string, expected: string, found?: unknown): never => {
    throw new InputError({ code: "config.invalid", file: OPTIONS, column, expected, ...(found === undefined ? {} : { found: String(found) }) });
  };
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) fail(key, `unknown option: expected one of ${known.join(", ")}`);
  }
  const given = options as Record<string, unknown>;
  const oneOf = (key: string, allowed: readonly unknown[]) => {
    if (given[key] !== undefined && !allowed.includes(given[key])) fail(key, `one of ${allowed.join(", ")}`, given[key]);
  };
  for (const [key, list] of Object.entries(choices)) oneOf(key, list);
  if (typeof given.encoding === "string" && !parseEncoding(given.encoding).ok) fail("encoding", "a known encoding", given.encoding);
}

/** The options given: one left undefined is one not given (as a flag left out). */
function definedOnly<Options extends object>(options: Options): Partial<Options> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<Options>;
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
export async function plan(quotas: Input, options: ComputeOptions = {}): Promise<Report<ComputeDocument>> {
  await checkOptions(options, "compute");
  const place = inputPlace(options.cwd);
  const { confidence, confidenceBy, trials, seed, ...planOptions } = options;
  const flags = { ...planFlagsOf(planOptions, place), ...definedOnly({ confidence: optionText(confidence), confidenceBy, trials: optionText(trials), seed: optionText(seed) }) };
  const { runPlan } = await import("./plan-run.js");
  return reportOf(await runPlan(place.nameOf(quotas, "quotas"), flags, place.environment));
}

/** `leadplan track` as a function: the plan against the actuals, the leak and the catch-up. */
export async function track(quotas: Input, actuals: Input, options: TrackOptions = {}): Promise<Report<TrackDocument>> {
  await checkOptions(options, "track");
  const place = inputPlace(options.cwd);
  const { asOf, catchUp, tolerance, bankSurplus, every, followUpTarget, coverageTarget, sources, forecast, failBelow, trials, seed, section, by, ...planOptions } = options;
  // `by: "source"` is track's own view: runTrack reads it before the plan's settings do.
  const own = { by, sources: place.nameOf(sources, "sources"), asOf, catchUp, tolerance: optionText(tolerance), bankSurplus, every, followUpTarget: optionText(followUpTarget), coverageTarget: optionText(coverageTarget), forecast, failBelow: optionText(failBelow), trials: optionText(trials), seed: optionText(seed), section };
  const flags = { ...planFlagsOf(planOptions, place), ...definedOnly(own) };
  const { runTrack } = await import("./track-run.js");
  return reportOf(await runTrack(place.nameOf(quotas, "quotas"), place.nameOf(actuals, "actuals"), flags, place.environment));
}

/**
 * `leadplan scenarios` as a function. A grid of more than 1,000 combinations, which the CLI
 * announces on stderr, runs without a word.
 */
export async function scenarios(quotas: Input, options: ScenariosOptions = {}): Promise<Report<ScenariosDocument>> {
  await checkOptions(options, "scenarios");
  const place = inputPlace(options.cwd);
  const { scenarios: file, vary, sensitivity, sources, optimizeMix, section, confidenceBy, trials, seed, ...planOptions } = options;
  const flags = {
    ...definedOnly({ confidenceBy, trials: optionText(trials), seed: optionText(seed) }),
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
  await checkOptions(options, "calibrate");
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
