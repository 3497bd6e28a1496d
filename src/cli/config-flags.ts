import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { type Command, InvalidArgumentError, type Option } from "commander";
import { InputError } from "../io/input-issue.js";
import { CONFIG_FILE } from "../io/settings.js";
import type { CliEnvironment } from "./environment.js";

/**
 * The commands that read the plan's settings (compute, track, scenarios): the config is a layer
 * of its own there (src/io/settings.ts), below flags and, for assumptions, below the ratio and
 * cycle files, so its settings keys are not made flag values. `addPlanOptions` adds to it.
 */
export const PLAN_COMMANDS = new WeakSet<Command>();

/**
 * A config key is not taken while the command line gives a flag that excludes it: the command
 * line's choice stands whole (`--fail-on capacity` over the config's `strict`, `--reps` over its
 * `repsCount`). Commander's `conflicts()` add to these.
 */
const EXCLUDES: Readonly<Record<string, readonly string[]>> = {
  strict: ["failOn"],
  failOn: ["strict"],
  reps: ["repsCount", "repCapacity"],
  repsCount: ["reps"],
  repCapacity: ["reps"],
  decimalComma: ["decimalPoint"],
  decimalPoint: ["decimalComma"],
};

/** What a run took from its config file: the file, and a way to name it (and the key) in an error about a value it gave. */
export interface ConfigFlags {
  file: string;
  /** An error about a flag whose value came from the config, as one about the config's key. */
  relabel(error: unknown): unknown;
}

/** The config file a command reads (as the user named it, and its path), or undefined for none. */
export function configFileOf(flags: { config?: string | false }, cwd: string): { file: string; path: string } | undefined {
  if (flags.config === false) return undefined;
  if (flags.config === "-") {
    throw new InputError({ code: "option.invalid", file: "--config", expected: "a file: only QUOTAS may read standard input", found: "-" });
  }
  const file = flags.config ?? CONFIG_FILE;
  const path = resolve(cwd, file);
  return flags.config === undefined && !existsSync(path) ? undefined : { file, path };
}

/**
 * Gives each of the command's flags the config key of its name (`--reps-count` ← `repsCount`)
 * unless the command line gave it, before the action runs: the action then checks them as the
 * flags they stand for, in the same code, before any file is read. Keys of another command's
 * flags are left alone, as are flags the command refuses (hidden from its help).
 */
export async function applyConfigFlags(command: Command, environment: CliEnvironment): Promise<ConfigFlags | undefined> {
  const located = configFileOf(command.opts() as { config?: string | false }, environment.cwd);
  if (located === undefined) return undefined;
  // zod is loaded only when there is a config to check: it is the slowest import of all.
  const [{ readConfig }, { configValueKind, SETTINGS_KEYS }, { parseDecimalMarkName }] = await Promise.all([
    import("../io/config-reader.js"),
    import("../schemas/config.js"),
    import("../io/decimal-mark.js"),
  ]);
  const { file } = located;
  const values: Record<string, unknown> = { ...readConfig(located.path, file) };
  const options = new Map(command.options.filter((option) => !option.hidden).map((option) => [option.attributeName(), option]));
  const given = (key: string) => command.getOptionValueSource(key) === "cli";
  const excluded = (key: string, option: Option) => {
    const conflicts = (option as unknown as { conflictsWith?: readonly string[] }).conflictsWith ?? [];
    return [...(EXCLUDES[key] ?? []), ...conflicts].some(given) || command.options.some((other) => given(other.attributeName()) && ((other as unknown as { conflictsWith?: readonly string[] }).conflictsWith ?? []).includes(key));
  };
  const flagOf = new Map<string, string>();
  const fail = (key: string, expected: string, found: string): never => {
    throw new InputError({ code: "config.invalid", file, column: key, expected, found });
  };
  const planSettings = PLAN_COMMANDS.has(command);
  // The decimal mark is the settings' there; elsewhere (calibrate) it stands for --decimal-comma or --decimal-point.
  if (!planSettings && typeof values.decimalMark === "string") {
    const mark = parseDecimalMarkName(values.decimalMark);
    if (mark === undefined) fail("decimalMark", "comma or point", values.decimalMark);
    values[mark === "," ? "decimalComma" : "decimalPoint"] = true;
  }
  const comma = given("decimalComma") || (!given("decimalPoint") && (command.getOptionValue("decimalComma") === true || (typeof values.decimalMark === "string" && parseDecimalMarkName(values.decimalMark) === ",")));
  for (const [key, value] of Object.entries(values)) {
    const option = options.get(key);
    if (option === undefined || option.long === undefined || value === undefined || given(key) || excluded(key, option)) continue;
    if (planSettings && (Object.hasOwn(SETTINGS_KEYS, key) || key === "rate" || key === "lag" || key === "cost")) continue;
    const kind = configValueKind(key) ?? (key === "decimalComma" || key === "decimalPoint" ? "switch" : undefined);
    let taken: unknown = value;
    if (kind === "switch" || kind === "excel") {
      // `false` is the flag not given (but `"formulaGuard": false`, which is --no-formula-guard).
      if (value === false && !option.negate) continue;
    } else if (kind === "text" || kind === "joined") {
      // A JSON number is written with a point; the flag's text is read with the run's decimal mark.
      const text = typeof value === "number" ? numberText(value, comma) : String(value);
      taken = text;
      if (option.argChoices !== undefined) {
        if (!option.argChoices.includes(text)) fail(key, `one of ${option.argChoices.join(", ")}`, text);
      } else if (option.parseArg !== undefined) {
        taken = parsedAsFlag(option, text, (expected) => fail(key, expected, text));
      }
    }
    if (kind === "excel" && typeof value === "string") taken = parsedAsFlag(option, value, (expected) => fail(key, expected, value));
    command.setOptionValueWithSource(key, taken, "config");
    flagOf.set(option.long, key);
  }
  return {
    file,
    relabel(error) {
      if (!(error instanceof InputError) || error.issue.code !== "option.invalid") return error;
      const key = flagOf.get(error.issue.file);
      if (key === undefined) return error;
      return new InputError({ ...error.issue, code: "config.invalid", file, column: key });
    },
  };
}

/** A number as the flag's text: plain digits (never an exponent), with the run's decimal mark. */
function numberText(value: number, comma: boolean): string {
  const text = value.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
  return comma ? text.replace(".", ",") : text;
}

/** The flag's own reading of a value (`--encoding`'s aliases, `--excel`'s locales), its refusal as the config's. */
function parsedAsFlag(option: Option, text: string, refuse: (expected: string) => never): unknown {
  try {
    return option.parseArg?.(text, undefined);
  } catch (error) {
    if (error instanceof InputError) return refuse(error.issue.expected);
    if (error instanceof InvalidArgumentError) return refuse(error.message.replace(/^expected /, ""));
    throw error;
  }
}
