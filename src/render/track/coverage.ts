import type { CoverageCheck, CoverageRow } from "../../core/coverage.js";
import type { Column, Section } from "../document.js";
import { formatNumber } from "../format.js";
import { sixDecimals } from "../plain-number.js";
import { periodColumn, statusColumn } from "./check-columns.js";

/** `2.50×`; `–` when no quota is due. */
export const coverageText = (coverage: number | null): string => (coverage === null ? "–" : `${formatNumber(coverage, 2, true)}×`);

/** The target as written: `3×`, `2.5×`. */
const targetText = (target: number): string => `${formatNumber(target, 2)}×`;

/** The time column of the coverage rows: `period` by half-month (`2027-01-H1`), else `month`. */
const timeKey = (check: CoverageCheck): "period" | "month" => (check.every === "half-month" ? "period" : "month");

/** `2027-01 (1.50×)` for each period below the target. */
export function coverageMisses(check: CoverageCheck | undefined): string[] {
  return check === undefined ? [] : check.rows.filter((row) => row.below).map((row) => `${row.period} (${coverageText(row.coverage)})`);
}

/** `; pipeline coverage below 3×: 2027-01 (1.50×)`; nothing when every period meets it. */
export function coverageClause(check: CoverageCheck | undefined): string {
  const misses = coverageMisses(check);
  if (check === undefined || misses.length === 0) return "";
  const more = misses.length > 3 ? `, and ${misses.length - 3} more` : "";
  return `; pipeline coverage below ${targetText(check.target)}: ${misses.slice(0, 3).join(", ")}${more}`;
}

/** The notes under the coverage table: the verdict, and what the figure means here. */
function coverageNotes(check: CoverageCheck): string[] {
  const target = targetText(check.target);
  const misses = coverageMisses(check);
  const notes = [misses.length === 0 ? `Open pipeline covers at least ${target} the quota due in every period.` : `${misses.length} of ${check.rows.length} below ${target}: ${misses.join(", ")}.`];
  notes.push(`Coverage: open pipeline at the period's end ÷ quota due in the next sales cycle (${formatNumber(check.cycleMonths, 2)} months, the plan's longest, rounded up per segment to whole months after the period's month).`);
  if (check.cycleWithinPeriod) notes.push("The sales cycle is not longer than the period: pipeline open at a period's end closes within the next one, so coverage says little here.");
  if (check.rows.some((row) => row.pastPlan)) notes.push("* the next sales cycle runs past the plan's last month: the quota due is only what the plan holds.");
  return notes;
}

/**
 * Pipeline coverage per period against `--coverage-target` (3× by default), from actuals carrying
 * `open_pipeline`. CSV writes it with `--section coverage`.
 */
export function coverageSection(check: CoverageCheck | undefined): Section | null {
  if (check === undefined) return null;
  const time = timeKey(check);
  const columns: Column<CoverageRow>[] = [
    periodColumn(time, (row) => `${row.period}${row.pastPlan ? " *" : ""}`),
    { key: "open_pipeline", title: "Open pipeline", kind: "money", value: (row) => row.openPipeline },
    { key: "quota_due", title: "Quota due next cycle", kind: "money", value: (row) => row.quotaDue },
    { key: "coverage", title: "Coverage", kind: "ratio", value: (row) => (row.coverage === null ? null : sixDecimals(row.coverage)), text: (row) => coverageText(row.coverage) },
    statusColumn((row) => row.coverage !== null, "no quota due"),
  ];
  return {
    title: { text: `Pipeline coverage against ${targetText(check.target)}, per ${time === "period" ? "half-month" : "month"}`, style: "heading" },
    table: { columns, rows: check.rows },
    notes: coverageNotes(check),
    name: "coverage",
    csv: false,
  };
}

/** The coverage in track's JSON (`coverage`, additive to leadplan.track/1). */
export function coverageJson(check: CoverageCheck) {
  const time = timeKey(check);
  return {
    target: check.target,
    cycle_months: sixDecimals(check.cycleMonths),
    cycle_within_period: check.cycleWithinPeriod,
    rows: check.rows.map((row) => ({
      ...(time === "period" ? { period: row.period } : { month: row.period }),
      open_pipeline: row.openPipeline,
      quota_due: row.quotaDue,
      coverage: row.coverage === null ? null : sixDecimals(row.coverage),
      status: row.below ? ("below_target" as const) : ("met" as const),
      past_plan: row.pastPlan,
    })),
    below: coverageMisses(check),
  };
}
