import { CONFIDENCE_GRAINS, type ConfidenceGrain } from "../core/confidence-grain.js";
import { InputError } from "./input-issue.js";
import { LIMITS, atMost, grouped } from "./limits.js";
import { COMMA_GROUPS, type MarkInForce } from "./number-text.js";
import type { Origin } from "./step-settings.js";
import { type Parsed, parsePercent, parseWholeNumber } from "./values.js";

/** The confidence options as typed, on the command line or as config keys of the same names. */
export interface ConfidenceRaw {
  /** `--confidence 90` or `90%`: percent points, as `--surge` reads them. */
  confidence?: string | number | undefined;
  confidenceBy?: string | undefined;
  trials?: string | number | undefined;
  seed?: string | number | undefined;
}

/** A confidence run's options, validated; undefined when no level was asked for. */
export interface ConfidenceSettings {
  /** 0 < level < 1. */
  level: number;
  by: ConfidenceGrain;
  trials: number;
  seed: number;
}

/** Built-ins: quarters, 10,000 trials, and a fixed seed (13, the issue that brought the feature). */
export const CONFIDENCE_DEFAULTS = { by: "quarter", trials: 10_000, seed: 13 } as const;

/** Seeds key a 32-bit generator: larger ones would silently repeat smaller ones' numbers. */
const MAX_SEED = 4_294_967_295;

const FLAGS: Record<keyof ConfidenceRaw, string> = { confidence: "--confidence", confidenceBy: "--confidence-by", trials: "--trials", seed: "--seed" };

/** Percent points strictly between 0 and 100; a bare 0.9 is refused with `--surge`'s hint (it reads as 0.9 percent). */
export function parseConfidenceLevel(text: string, mark: MarkInForce, expected = "a confidence above 0 and below 100 percent, like 90 or 90%"): Parsed<number> {
  const read = parsePercent(text, mark);
  if (!read.ok) return read.hint === undefined ? { ok: false, expected } : { ok: false, expected, hint: read.hint };
  return read.value > 0 && read.value < 1 ? read : { ok: false, expected };
}

const grain = (text: string): Parsed<ConfidenceGrain> =>
  (CONFIDENCE_GRAINS as readonly string[]).includes(text) ? { ok: true, value: text as ConfidenceGrain } : { ok: false, expected: `one of ${CONFIDENCE_GRAINS.join(", ")}` };

/** `--trials` of compute's confidence plan and track's forecast: one definition. */
export const parseTrials = (text: string, mark: MarkInForce): Parsed<number> =>
  atMost(parseWholeNumber(text, 1, mark), LIMITS.trials, `a whole number of trials from 1 to ${grouped(LIMITS.trials)}`);
/** `--seed` of compute's confidence plan and track's forecast. */
export const parseSeed = (text: string, mark: MarkInForce): Parsed<number> => atMost(parseWholeNumber(text, 0, mark), MAX_SEED, `a whole number from 0 to ${grouped(MAX_SEED)}`);

type Parser<T> = (text: string, mark: MarkInForce) => Parsed<T>;

function read<T>(raw: ConfidenceRaw, name: keyof ConfidenceRaw, origin: Origin, parse: Parser<T>, mark: MarkInForce): T | undefined {
  const value = raw[name];
  if (value === undefined) return undefined;
  const text = typeof value === "number" ? value.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 }) : String(value);
  const parsed = parse(text, typeof value === "number" ? "." : mark);
  if (parsed.ok) return parsed.value;
  const found = typeof value === "number" && origin.kind === "config" ? JSON.stringify(value) : text;
  const issue =
    origin.kind === "flag"
      ? { code: "option.invalid" as const, file: FLAGS[name], expected: parsed.expected, found }
      : { code: "config.invalid" as const, file: origin.file, column: name, expected: parsed.expected, found };
  throw new InputError(parsed.hint === undefined ? issue : { ...issue, hint: parsed.hint });
}

/**
 * Validates the confidence options up front (flags beat the config, the config the built-ins).
 * Undefined when neither gives a level; `--confidence-by`, `--trials` or `--seed` without one is
 * refused on the command line (they would silently do nothing) and ignored in a config.
 */
export function resolveConfidenceSettings(
  flags: ConfidenceRaw,
  config: ConfidenceRaw | undefined,
  configFile: string,
  mark: MarkInForce = COMMA_GROUPS,
): ConfidenceSettings | undefined {
  const pick = picker(flags, config, configFile, mark);
  const chosen = pick("confidence", parseConfidenceLevel);
  const by = pick("confidenceBy", grain);
  const count = pick("trials", parseTrials);
  const seeded = pick("seed", parseSeed);
  if (chosen === undefined) {
    const lone = (["confidenceBy", "trials", "seed"] as const).find((name) => flags[name] !== undefined);
    if (lone !== undefined) throw new InputError({ code: "option.invalid", file: FLAGS[lone], expected: "needs --confidence PCT: without it there is no confidence plan to apply it to" });
    return undefined;
  }
  return { level: chosen, by: by ?? CONFIDENCE_DEFAULTS.by, trials: count ?? CONFIDENCE_DEFAULTS.trials, seed: seeded ?? CONFIDENCE_DEFAULTS.seed };
}

/** How a run finds its confidence figures, whatever level it asks for: `scenarios` varies the level itself. */
export type ConfidenceRun = Omit<ConfidenceSettings, "level">;

/**
 * `--confidence-by`, `--trials` and `--seed` (flags beat the config, the config the built-ins)
 * for a run whose levels come from its scenarios (`scenarios --vary confidence=…`): the config's
 * `confidence` key is not read there.
 */
export function resolveConfidenceRun(flags: ConfidenceRaw, config: ConfidenceRaw | undefined, configFile: string, mark: MarkInForce = COMMA_GROUPS): ConfidenceRun {
  const pick = picker(flags, config, configFile, mark);
  return { by: pick("confidenceBy", grain) ?? CONFIDENCE_DEFAULTS.by, trials: pick("trials", parseTrials) ?? CONFIDENCE_DEFAULTS.trials, seed: pick("seed", parseSeed) ?? CONFIDENCE_DEFAULTS.seed };
}

/** Reads one option from the flags, else the config: the first that gives it wins. */
function picker(flags: ConfidenceRaw, config: ConfidenceRaw | undefined, configFile: string, mark: MarkInForce) {
  const flag: Origin = { kind: "flag" };
  const fromConfig: Origin = { kind: "config", file: configFile };
  return <T>(name: keyof ConfidenceRaw, parse: Parser<T>): T | undefined =>
    read(flags, name, flag, parse, mark) ?? (config === undefined ? undefined : read(config, name, fromConfig, parse, mark));
}
