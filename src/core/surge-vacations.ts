import { type RepCapacity, availabilityOf } from "./capacity-lanes.js";
import { fiscalQuarterOf } from "./fiscal.js";
import type { MonthIndex } from "./month.js";
import type { Plan } from "./plan.js";

/** A rep away for part of a surge month: the month, the rep, the share of it they work, its fiscal quarter. */
export interface SurgeVacation {
  month: MonthIndex;
  rep: string;
  availability: number;
  quarter: 1 | 2 | 3 | 4;
}

/**
 * Every rep-month whose availability is below 1 in a month of a surge quarter, month by month
 * then rep by rep in the team's order. The playbook's "no vacations in Q1" applied to every
 * surge month: the surge quarters build the pipeline the next quarter closes (Q4 for Q1), so a
 * rep away then leaves leads unworked when they count most. Advice, not a capacity overload:
 * the capacity check already takes the availability into account.
 *
 * Example: surge in fiscal Q4 and Q1 (calendar years), Ana at 0.5 in 2026-12 → one vacation
 * `{ month: 2026-12, rep: "Ana", availability: 0.5, quarter: 4 }`; Ben at 0.75 in 2027-04 → none.
 */
export function surgeVacations(plan: Plan, team: readonly RepCapacity[]): SurgeVacation[] {
  const vacations: SurgeVacation[] = [];
  for (let at = 0; at < plan.monthCount; at += 1) {
    if (!plan.surgeMonths[at]) continue;
    const month = plan.firstMonth + at;
    const { quarter } = fiscalQuarterOf(month, plan.surge.fiscalYearStart);
    for (const rep of team) {
      const availability = availabilityOf(rep, month);
      if (availability < 1) vacations.push({ month, rep: rep.name, availability, quarter });
    }
  }
  return vacations;
}
