import type { MarkInForce } from "./number-text.js";
import { type Parsed, parsePercent, parsePositiveAmount } from "./values.js";

/** `--follow-up-target`: a percentage up to 100 (`95` and `95%` both mean 95 percent). */
export function parseFollowUpTarget(text: string, mark: MarkInForce): Parsed<number> {
  const parsed = parsePercent(text, mark);
  if (parsed.ok && parsed.value <= 1) return parsed;
  return { ok: false, expected: "a percentage from 0 to 100, like 100 or 95%" };
}

/** `--fail-below`: a percentage above 0 and up to 100 (`80` and `80%` both mean 80 percent). */
export function parseFailBelow(text: string, mark: MarkInForce): Parsed<number> {
  const parsed = parsePercent(text, mark);
  if (parsed.ok && parsed.value > 0 && parsed.value <= 1) return parsed;
  const expected = "a percentage above 0 and up to 100, like 80 or 80%";
  return !parsed.ok && parsed.hint !== undefined ? { ok: false, expected, hint: parsed.hint } : { ok: false, expected };
}

/** `--coverage-target`: `3`, `2.5x`, `3×`, a multiple above 0. */
export function parseCoverageMultiple(text: string, mark: MarkInForce): Parsed<number> {
  const expected = "a multiple of the quota due above 0, like 3 or 2.5x";
  // x or × (escaped: the CLI bundle stays ASCII, see scripts/bundle.mjs)
  const parsed = parsePositiveAmount(text.trim().replace(/[x\u00d7]$/i, ""), mark);
  return parsed.ok ? parsed : { ok: false, expected };
}
