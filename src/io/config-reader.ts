import { readFileSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import { z } from "zod";
import { type AssumptionConfigKey, assumptionSpellings } from "../core/assumptions.js";
import { InputError, type InputIssue } from "./input-issue.js";
import { jsonErrorOffset } from "./json-error.js";

// A JSON number stays a number: it is always written with a decimal point, whatever the run's mark.
const text = z.union([z.string(), z.number()]);

/** Every assumption's config key, from the registry, in its order (`dealSize`, `closeRate`, …, `surge`). */
const assumptionKeys = Object.fromEntries(assumptionSpellings().map(({ spelling }) => [spelling.configKey, text.optional()])) as Record<
  AssumptionConfigKey,
  z.ZodOptional<typeof text>
>;

/** Keys mirror the long flags in camelCase; values are what the flags take (`"25%"` or `0.25`). */
const configSchema = z.strictObject({
  funnel: z.union([z.string(), z.array(z.string()).transform((stages) => stages.join(","))]).optional(),
  ratios: z.string().optional(),
  cycles: z.string().optional(),
  ...assumptionKeys,
  // A configured funnel's steps, by key: {"sql_to_won": "25%"}, {"mql_to_sql": "30d"}, {"inquiry": 10}.
  rate: z.record(z.string(), text).optional(),
  lag: z.record(z.string(), text).optional(),
  cost: z.record(z.string(), text).optional(),
  surgeQuarters: z.union([z.string(), z.array(z.string()).transform((quarters) => (quarters.length === 0 ? "none" : quarters.join(",")))]).optional(),
  fiscalYearStart: text.optional(),
  by: z.string().optional(),
  format: z.string().optional(),
  decimalMark: z.string().optional(),
  // Where an editor finds the file's JSON schema: read as text and otherwise ignored.
  $schema: z.string().optional(),
});

/** What one value of a step map is, for a value of the wrong JSON type. */
const STEP_VALUE = { rate: "a rate like 25% or 0.25", lag: "a duration like 30d or 2m", cost: "an amount like 10" } as const;

export type ConfigValues = z.output<typeof configSchema>;

/** The settings an unknown key's message lists: `$schema` is no setting. */
const SETTINGS = Object.keys(configSchema.shape).filter((key) => key !== "$schema");

/**
 * Reads and validates a config file. Paths inside it (`ratios`, `cycles`) are relative to the
 * file's own folder, so a config works from any working directory.
 */
export function readConfig(path: string, shownAs: string): ConfigValues {
  let text: string;
  try {
    text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  } catch {
    throw new InputError({ code: "file.unreadable", file: shownAs, expected: "cannot read the config file" });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new InputError(jsonIssue(text, shownAs, String((error as Error).message)));
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new InputError({ code: "config.invalid", file: shownAs, expected: `expected an object of settings, found ${describeJson(raw)}` });
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    if (issue?.code === "unrecognized_keys") {
      throw new InputError({ code: "config.invalid", file: shownAs, column: issue.keys.join(", "), expected: `unknown setting: expected one of ${SETTINGS.join(", ")}` });
    }
    const key = String(issue?.path[0] ?? "");
    const value = (raw as Record<string, unknown>)[key];
    const inner = issue?.path[1];
    if ((key === "rate" || key === "lag" || key === "cost") && inner !== undefined && typeof value === "object" && value !== null) {
      // One step's value of a type no flag takes (true, null, a list): named by its key, as a bad text value is.
      const found = (value as Record<string, unknown>)[String(inner)];
      throw new InputError({ code: "config.invalid", file: shownAs, column: `${key}.${String(inner)}`, expected: `expected ${STEP_VALUE[key]}, found ${describeJson(found)}` });
    }
    const expected = key === "funnel" ? "text or a list of stages" : key === "rate" || key === "lag" || key === "cost" ? "an object of values by step, like {\"sql_to_won\": \"25%\"}" : key === "$schema" || key === "ratios" || key === "cycles" || key === "by" || key === "format" || key === "decimalMark" ? "text" : key === "surgeQuarters" ? "text or a list of quarters" : "text or a number";
    // JSON values are shown as JSON (true, 5, "x"), not quoted again as text found in a CSV cell.
    throw new InputError({ code: "config.invalid", file: shownAs, column: key, expected: `expected ${expected}, found ${describeJson(value)}` });
  }
  const config = parsed.data;
  const folder = dirname(shownAs);
  const besideConfig = (file: string) => (isAbsolute(file) ? file : join(folder, file));
  if (config.ratios !== undefined) config.ratios = besideConfig(config.ratios);
  if (config.cycles !== undefined) config.cycles = besideConfig(config.cycles);
  return config;
}

function describeJson(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : JSON.stringify(value);
}

// A NUL byte or a byte that is not UTF-8 (read as U+FFFD): no config was ever written so.
const BINARY = /[\u0000\ufffd]/;

/**
 * Invalid JSON at the line an editor can jump to: Node 20 names a position for some mistakes
 * and none for others (`Unexpected token 'x', "…" is not valid JSON`), so the text is scanned
 * again for it. Node's reason is kept, without its position and its echo of the file.
 */
function jsonIssue(text: string, shownAs: string, message: string): InputIssue {
  const lineAt = (offset: number) => text.slice(0, offset).split("\n").length;
  const binary = BINARY.exec(text);
  if (binary) {
    return { code: "config.invalid", file: shownAs, line: lineAt(binary.index), expected: "binary data, not JSON: expected a text file of settings like {\"closeRate\": \"25%\"}" };
  }
  const reason = message.replace(/ (in JSON )?at position \d+.*$/s, "").replace(/, (\.\.\.)?".*" is not valid JSON$/s, "");
  return { code: "config.invalid", file: shownAs, line: lineAt(jsonErrorOffset(text) ?? 0), expected: `invalid JSON: ${reason}` };
}
