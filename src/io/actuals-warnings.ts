import { type DayNumber, formatDay } from "../core/calibrate-days.js";
import { formatHalf } from "../core/half-month.js";
import { type MonthIndex, formatMonth } from "../core/month.js";
import type { Plan } from "../core/plan.js";
import type { LeftOutReason, SelectedActuals } from "../core/track.js";
import type { ActualsFile } from "./actuals.js";
import type { InputIssue } from "./input-issue.js";
import { matchNames, nameList, quotaNames } from "./name-match.js";
import type { QuotaFile } from "./quotas.js";

const rowsText = (count: number) => (count === 1 ? "1 row" : `${count} rows`);
const distinctMonths = (months: readonly MonthIndex[]) => [...new Set(months)].sort((left, right) => left - right).map(formatMonth).join(", ");

/**
 * One line for each kind of actuals row left out (after as-of; in a month with no plan) and for
 * each rep or product the quotas do not have; one for each month of the period with no row.
 * Each names the first line it is about.
 */
export function actualsWarnings(actuals: ActualsFile, selected: SelectedActuals, plan: Plan, asOf: MonthIndex, asOfDay?: DayNumber): InputIssue[] {
  const { file } = actuals;
  const warnings: InputIssue[] = [];
  const byReason = (reason: LeftOutReason) => selected.leftOut.filter((left) => left.reason === reason).map((left) => left.index);
  const lineOf = (index: number) => actuals.lines[index] ?? 0;
  const monthOf = (index: number) => actuals.entries[index]?.month ?? 0;

  const late = byReason("after-as-of");
  if (late.length > 0) {
    // Rows by day or half stopped at an as-of day say which days or halves they are.
    const when = (index: number) => {
      const entry = actuals.entries[index];
      return entry?.day !== undefined ? formatDay(entry.day) : entry?.half !== undefined ? formatHalf(entry.half) : formatMonth(entry?.month ?? 0);
    };
    const dated = asOfDay !== undefined && actuals.dating !== "month";
    warnings.push({
      code: "row.left-out",
      file,
      line: lineOf(late[0] ?? 0),
      column: actuals.dating === "day" ? "date" : "month",
      expected: dated
        ? `${rowsText(late.length)} after --as-of ${formatDay(asOfDay)} left out (${[...new Set(late.map(when))].sort().join(", ")})`
        : `${rowsText(late.length)} after --as-of ${formatMonth(asOf)} left out (${distinctMonths(late.map(monthOf))})`,
    });
  }
  const unplanned = byReason("no-plan");
  if (unplanned.length > 0) {
    const span = plan.monthCount === 0 ? "the plan has no months" : `the plan runs ${formatMonth(plan.firstMonth)} to ${formatMonth(plan.firstMonth + plan.monthCount - 1)}`;
    warnings.push({
      code: "row.left-out",
      file,
      line: lineOf(unplanned[0] ?? 0),
      column: "month",
      expected: `${rowsText(unplanned.length)} in months with no plan left out (${distinctMonths(unplanned.map(monthOf))}; ${span})`,
    });
  }
  const unknown = new Map<string, number[]>();
  for (const index of byReason("not-in-quotas")) {
    const entry = actuals.entries[index];
    if (!entry) continue;
    const parts = [
      actuals.byRep ? (entry.rep === "" ? "unassigned rep" : `rep "${entry.rep}"`) : "",
      actuals.byProduct ? (entry.product === "" ? "unassigned product" : `product "${entry.product}"`) : "",
    ];
    const scope = parts.filter(Boolean).join(", ");
    unknown.set(scope, [...(unknown.get(scope) ?? []), index]);
  }
  for (const [scope, indexes] of unknown) {
    warnings.push({
      code: "row.left-out",
      file,
      line: lineOf(indexes[0] ?? 0),
      expected: `${scope} is not in the quotas: ${rowsText(indexes.length)} left out`,
    });
  }
  for (const month of selected.monthsWithoutRows) {
    warnings.push({ code: "row.missing", file, expected: `no row for ${formatMonth(month)}: its actuals count as 0` });
  }
  for (const half of selected.halvesWithoutRows ?? []) {
    warnings.push({ code: "row.missing", file, expected: `no row for ${formatHalf(half)}: its actuals count as 0` });
  }
  return warnings;
}

/**
 * The actuals' rep and product names against the quotas' ({@link matchNames}): a near-miss is an
 * error (its rows would be left out as not in the quotas, and the plan read as behind); names
 * differing only in case are a warning. Names the quotas lack are warned about with their rows
 * ({@link actualsWarnings}).
 */
export function checkActualsNames(quotas: QuotaFile, actuals: ActualsFile): InputIssue[] {
  const warnings: InputIssue[] = [];
  for (const kind of ["rep", "product"] as const) {
    if (!(kind === "rep" ? actuals.byRep : actuals.byProduct)) continue;
    const names = nameList(actuals.file, kind, actuals.entries.map((entry, index) => [entry[kind], actuals.lines[index] ?? 0] as const));
    for (const item of matchNames(quotaNames(quotas, kind), names).warnings) warnings.push(item);
  }
  return warnings;
}
