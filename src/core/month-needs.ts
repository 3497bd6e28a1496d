import { groupPlan } from "./group.js";
import { type Plan, surgedVolume } from "./plan.js";
import type { MonthNeed } from "./source-mix.js";

/** Each plan month's need, for buying leads by source: whole qualified leads and exact won deals. */
export function monthNeeds(plan: Plan): MonthNeed[] {
  const rows = groupPlan(plan, "month").rows;
  return rows.map((row, at) => {
    let won = 0;
    let surgeWon = 0;
    for (const segment of plan.segments) {
      const qualified = segment.stages[0];
      if (!qualified) continue;
      const surged = surgedVolume(plan, qualified, at);
      won += surged * segment.assumptions.closeRate;
      surgeWon += (surged - (qualified.beforeSurge[at] ?? 0)) * segment.assumptions.closeRate;
    }
    return { month: row.key.month ?? "", qualifiedLeads: row.qualifiedLeads, won, surgeWon };
  });
}
