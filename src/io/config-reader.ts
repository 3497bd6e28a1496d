import { readFileSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import { CONFIG_KEYS, EXPECTED_OTHER, EXPECTED_VALUE, type FlagKey, configDocument, configValueKind } from "../schemas/config.js";
import { InputError, type InputIssue } from "./input-issue.js";
import { jsonErrorOffset } from "./json-error.js";
import type { RawSettings } from "./settings.js";

/** A flag key's value made like the flag's: text, a switch, a repeatable flag's list, or a bare `--excel` (true). */
export type FlagValue = string | number | boolean | string[];

/** A config file read: the settings the plan reads (as flags type them) and the values of other flags, by key. */
export type ConfigValues = RawSettings & { [Key in FlagKey]?: FlagValue | undefined };

/** What one value of a step map is, for a value of the wrong JSON type. */
const STEP_VALUE = { rate: "a rate like 25% or 0.25", lag: "a duration like 30d or 2m", cost: "an amount like 10" } as const;

/**
 * Reads and validates a config file against its schema (src/schemas/config.ts, shipped as
 * schemas/config.json). Paths inside it (`ratios`, `reps`, `history`, …) are relative to the
 * file's own folder, so a config works from any working directory; lists are made what the
 * flags give (`["Q4", "Q1"]` is `Q4,Q1`).
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
  const parsed = configDocument.safeParse(raw);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    if (issue?.code === "unrecognized_keys") {
      // Every flag has a key now: the list is too long for one line, so the message says how keys are named.
      const meant = issue.keys.map(knownSpelling).find((key) => key !== undefined);
      throw new InputError({
        code: "config.invalid",
        file: shownAs,
        column: issue.keys.join(", "),
        expected: "unknown setting: expected a flag's name in camelCase (--close-rate is closeRate; every key is in schemas/config.json)",
        ...(meant === undefined ? {} : { hint: `did you mean ${meant}?` }),
      });
    }
    const key = String(issue?.path[0] ?? "");
    const value = (raw as Record<string, unknown>)[key];
    const inner = issue?.path[1];
    if ((key === "rate" || key === "lag" || key === "cost") && inner !== undefined && typeof value === "object" && value !== null) {
      // One step's value of a type no flag takes (true, null, a list): named by its key, as a bad text value is.
      const found = (value as Record<string, unknown>)[String(inner)];
      throw new InputError({ code: "config.invalid", file: shownAs, column: `${key}.${String(inner)}`, expected: `expected ${STEP_VALUE[key]}, found ${describeJson(found)}` });
    }
    const kind = configValueKind(key);
    const expected = EXPECTED_OTHER[key] ?? (kind === undefined ? "text or a number" : EXPECTED_VALUE[kind]);
    // JSON values are shown as JSON (true, 5, "x"), not quoted again as text found in a CSV cell.
    throw new InputError({ code: "config.invalid", file: shownAs, column: key, expected: `expected ${expected}, found ${describeJson(value)}` });
  }
  const folder = dirname(shownAs);
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed.data)) {
    if (value === undefined || key === "$schema") continue;
    const kind = configValueKind(key);
    if (kind === "path" && typeof value === "string") config[key] = value === "-" || isAbsolute(value) ? value : join(folder, value);
    else if (kind === "joined" && Array.isArray(value)) config[key] = value.length === 0 && key === "surgeQuarters" ? "none" : value.join(",");
    else if (kind === "list" && typeof value === "string") config[key] = [value];
    else config[key] = value;
  }
  return config as ConfigValues;
}

/** The key a near spelling means: `close_rate`, `close-rate` or `CloseRate` is `closeRate`. */
function knownSpelling(key: string): string | undefined {
  const folded = key.replace(/^-+/, "").replace(/[-_]+(.)/g, (_, letter: string) => letter.toUpperCase()).toLowerCase();
  return CONFIG_KEYS.find((known) => known.toLowerCase() === folded);
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
