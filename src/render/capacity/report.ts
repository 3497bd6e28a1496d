import { type CapacityFinding, type CapacityReport, type CapacityView } from "../../core/capacity.js";
import { DEFAULT_FUNNEL, type FunnelStages, stageEntries } from "../../core/funnel.js";
import { formatMonth } from "../../core/month.js";
import type { SurgeVacation } from "../../core/surge-vacations.js";
import { formatCapacity, formatFigure, formatNumber, formatUtilisation } from "../format.js";

/** The capacity part of a report: the check, where the team came from, and the table asked for. */
export interface CapacitySection {
  report: CapacityReport;
  /** The reps file, or `--reps-count N` for anonymous reps. */
  source: string;
  view: CapacityView;
  /** The stage the reps work and the funnel (absent or the default funnel's qualified stage: today's words). */
  stages?: CapacityStageNames;
}

/** The stage checked against `capacity`, and the funnel whose top stage is the follow-up. */
export interface CapacityStageNames {
  funnel: FunnelStages;
  checked: string;
}

/** A stage's entries in a sentence: `qualified leads` and `inquiries` without stages (today's report). */
export function entriesOf(stage: string, stages: CapacityStageNames | undefined): string {
  return stageEntries(stage, stages?.funnel ?? DEFAULT_FUNNEL);
}

/**
 * One line per finding, as warnings: `2027-01: Ana must work 52 qualified leads, capacity 30 (173%)`;
 * with --respect-capacity, what could not be built earlier and the quota it puts at risk.
 */
export function capacityWarnings(findings: readonly CapacityFinding[], stages?: CapacityStageNames): string[] {
  const worked = entriesOf(stages?.checked ?? "qualified", stages);
  const followedUp = entriesOf(stages?.funnel[0] ?? "inquiry", stages);
  // A hundred thousand overloaded reps would be a hundred thousand lines: the first ones name
  // the problem; the capacity table holds every rep-month.
  const shown = findings.slice(0, CAPACITY_WARNINGS_SHOWN);
  const lines = shown.map((finding) => {
    const percent = finding.utilisation === null ? "" : ` (${formatUtilisation(finding.utilisation, true)})`;
    const head = `${formatMonth(finding.month)}: ${finding.rep}`;
    if (finding.kind === "inquiries") {
      return `${head} must follow up ${formatNumber(finding.load, 0)} ${followedUp}, capacity ${formatCapacity(finding.capacity)}${percent}`;
    }
    const base = `${head} must work ${formatNumber(finding.load, 0)} ${worked}, capacity ${formatCapacity(finding.capacity)}${percent}`;
    if (finding.atRisk === 0) return base;
    const risk =
      finding.atRiskQuota === null
        ? `${formatNumber(finding.atRiskDeals, 2)} deals at risk`
        : `quota at risk ${formatFigure(finding.atRiskQuota, "money")}`;
    return `${base}: ${formatNumber(finding.atRisk, 0)} fit in no earlier month, ${risk}`;
  });
  const more = findings.length - shown.length;
  if (more > 0) lines.push(`and ${formatNumber(more, 0)} more rep-months over capacity (the capacity table, --view capacity, lists every one)`);
  return lines;
}

/**
 * One line per rep away for part of a surge month (advice, not an overload):
 * `2026-12: Ana is available 50% in a surge month (fiscal Q4): time off there costs the pipeline the next quarter closes`.
 */
export function surgeVacationWarnings(vacations: readonly SurgeVacation[]): string[] {
  const lines = vacations.slice(0, CAPACITY_WARNINGS_SHOWN).map((vacation) => {
    // Rounded down, so 99.9% never reads as a full 100% next to a warning.
    const percent = Math.floor(vacation.availability * 100 + 1e-9);
    return `${formatMonth(vacation.month)}: ${vacation.rep} is available ${percent}% in a surge month (fiscal Q${vacation.quarter}): time off there costs the pipeline the next quarter closes`;
  });
  const more = vacations.length - CAPACITY_WARNINGS_SHOWN;
  if (more > 0) lines.push(`and ${formatNumber(more, 0)} more rep-months away in surge months (the capacity table's Available column lists every one)`);
  return lines;
}

/** How many capacity findings are warned about one by one. */
export const CAPACITY_WARNINGS_SHOWN = 20;

const count = (value: number) => formatNumber(value, 0);
const money = (value: number | null) => formatFigure(value, "money");

/** The lines under the capacity tables: how headcount is counted, what was built earlier or is at risk. */
export function capacityNotes(section: CapacitySection): string[] {
  const { report } = section;
  const { totals } = report;
  const notes = [
    `Extra reps: leads over each rep's capacity ÷ ${formatCapacity(report.averageCapacity)} (the team's average full-month capacity), rounded up; most in a month: ${count(totals.peakExtraReps)}.`,
  ];
  if (report.averageInquiryCapacity !== null) {
    notes.push(
      `Extra follow-up: ${entriesOf(section.stages?.funnel[0] ?? "inquiry", section.stages)} over each rep's follow-up capacity ÷ ${formatCapacity(report.averageInquiryCapacity)} (the average), rounded up; most in a month: ${count(totals.peakExtraFollowUp ?? 0)}.`,
    );
  }
  if (report.respectCapacity) {
    const risk =
      totals.atRisk === 0
        ? "nothing at risk"
        : `${count(totals.atRisk)} at risk (${formatNumber(totals.atRiskDeals, 2)} deals, quota ${money(totals.atRiskQuota)})`;
    notes.push(`Respecting capacity: ${count(totals.moved)} of ${count(totals.qualifiedLeads)} ${entriesOf(section.stages?.checked ?? "qualified", section.stages)} built earlier, ${count(totals.placed)} worked, ${risk}.`);
  }
  return notes;
}
