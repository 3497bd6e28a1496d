import type { ScenarioRow } from "../../core/scenarios.js";
import type { Column } from "../document.js";
import { formatNumber } from "../format.js";
import { sixDecimals } from "../plain-number.js";
import { GRAIN_WORD, chance, levelText } from "../plan/confidence.js";

/** A run with a confidence dimension (`--vary confidence=…` or a `confidence` column): every row then carries its certainty. */
export const hasCertainty = (rows: readonly ScenarioRow[]): boolean => rows.some((row) => row.certainty !== undefined);

/** `90%`, or `average` for the average plan (the baseline's, and a row's without a level). */
const levelOf = (row: ScenarioRow): string => {
  const level = row.certainty?.level ?? null;
  return level === null ? "average" : levelText(level);
};

/** After the scenario's name: the level its figures are planned at (CSV: the fraction, empty for the average plan). */
export const LEVEL_COLUMN: Column<ScenarioRow> = { key: "confidence", title: "Confidence", kind: "percent", value: (row) => row.certainty?.level ?? null, text: levelOf };

/** After the budget's change: how often the row's plan makes quota, in its least certain period. */
export const CHANCE_COLUMN: Column<ScenarioRow> = {
  key: "probability_of_quota",
  title: "Chance of quota",
  kind: "percent",
  value: (row) => sixDecimals(row.certainty?.probability ?? null),
  text: (row) => chance(row.certainty?.probability ?? null),
};

/** What the two columns mean, how the chances were found, and the levels out of reach. */
export function certaintyNotes(rows: readonly ScenarioRow[]): string[] {
  const first = rows.find((row) => row.certainty !== undefined)?.certainty;
  if (first === undefined) return [];
  const grain = GRAIN_WORD[first.by];
  const notes = [
    `Confidence: each row's volumes make each ${grain}'s quota with that certainty, each lead converting by chance; average is the plan that divides quota by the rates (not 50%, the median plan). Chance of quota: how often the row's plan makes it, in its least certain ${grain}.`,
  ];
  const simulated = rows.some((row) => row.certainty?.method === "simulation");
  if (!simulated) notes.push("Method: exact binomial quantiles, no simulation needed.");
  else {
    // Two standard errors of an estimated probability at its widest (50%), in percent points.
    const error = 2 * Math.sqrt(0.25 / first.trials) * 100;
    notes.push(
      `Method: simulation where exact math does not apply, ${formatNumber(first.trials, 0)} trials, seed ${first.seed} (the same inputs and seed give the same figures); its chances are within about ±${formatNumber(error, 1, true)} points.`,
    );
  }
  for (const row of rows) {
    const out = row.certainty?.outOfReach ?? [];
    if (out.length > 0) notes.push(`${row.name}: out of reach at ${levelOf(row)} in ${out.join(", ")}; those months keep the average plan.`);
  }
  return notes;
}
