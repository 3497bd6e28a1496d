import { readFileSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import { z } from "zod";
import { InputError } from "./input-issue.js";

const text = z.union([z.string(), z.number()]).transform(String);

/** Keys mirror the long flags in camelCase; values are what the flags take (`"25%"` or `0.25`). */
const configSchema = z.strictObject({
  ratios: z.string().optional(),
  cycles: z.string().optional(),
  dealSize: text.optional(),
  closeRate: text.optional(),
  qualifyRate: text.optional(),
  unitsPerDeal: text.optional(),
  costPerInquiry: text.optional(),
  cycleDays: text.optional(),
  cycleMonths: text.optional(),
  qualifyDays: text.optional(),
  surge: text.optional(),
  surgeQuarters: z.union([z.string(), z.array(z.string()).transform((quarters) => quarters.join(","))]).optional(),
  fiscalYearStart: text.optional(),
  by: z.string().optional(),
  format: z.string().optional(),
});

export type ConfigValues = z.output<typeof configSchema>;

/**
 * Reads and validates a config file. Paths inside it (`ratios`, `cycles`) are relative to the
 * file's own folder, so a config works from any working directory.
 */
export function readConfig(path: string, shownAs: string): ConfigValues {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    const reason = error instanceof SyntaxError ? `valid JSON (${error.message})` : "a readable file";
    throw new InputError({ code: "config.invalid", file: shownAs, expected: `cannot read the config: expected ${reason}` });
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const key = issue?.path.join(".") ?? "";
    const expected =
      issue?.code === "unrecognized_keys"
        ? `known settings only, found ${issue.keys.map((name) => `"${name}"`).join(", ")}`
        : `${issue?.message ?? "a valid config"}`;
    throw new InputError(key === "" ? { code: "config.invalid", file: shownAs, expected } : { code: "config.invalid", file: shownAs, column: key, expected });
  }
  const config = parsed.data;
  const folder = dirname(shownAs);
  const besideConfig = (file: string) => (isAbsolute(file) ? file : join(folder, file));
  if (config.ratios !== undefined) config.ratios = besideConfig(config.ratios);
  if (config.cycles !== undefined) config.cycles = besideConfig(config.cycles);
  return config;
}
