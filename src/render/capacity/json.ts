import { isDefaultFunnel } from "../../core/funnel.js";
import { formatMonth } from "../../core/month.js";
import { roundCents } from "../../core/rounding.js";
import type { CapacitySection } from "./report.js";
import { sixDecimals } from "../plain-number.js";

// Six decimals, as the plan's exact values: enough to audit, free of binary noise (20.999999999999996).
const exact = sixDecimals;
const exactOrNull = (value: number | null) => (value === null ? null : exact(value));
const moneyOrNull = (value: number | null) => (value === null ? null : roundCents(value));

/** Per rep and month, the fields of `capacity.reps[].months[]` (and of the `--view capacity` CSV). */
export function repMonthRecords(section: CapacitySection) {
  const { report } = section;
  const records = [];
  for (let at = 0; at < report.monthCount; at++) {
    for (const rep of report.reps) {
      const cell = rep.months[at];
      if (!cell) continue;
      records.push({
        month: formatMonth(report.firstMonth + at),
        rep: rep.rep,
        availability: exact(cell.availability),
        qualified_leads: cell.qualifiedLeads,
        capacity: exact(cell.capacity),
        utilisation: exactOrNull(cell.utilisation),
        over: cell.over,
        placed: cell.placed,
        moved_in: cell.movedIn,
        moved_out: cell.movedOut,
        at_risk: cell.atRisk,
        at_risk_deals: exact(cell.atRiskDeals),
        at_risk_quota: moneyOrNull(cell.atRiskQuota),
        inquiries: cell.inquiries,
        placed_inquiries: cell.placedInquiries,
        inquiry_capacity: exactOrNull(cell.inquiryCapacity),
        inquiry_utilisation: exactOrNull(cell.inquiryUtilisation),
        inquiry_over: cell.inquiryOver,
      });
    }
  }
  return records;
}

/** Per month, the fields of `capacity.team[]` (and of the `--view team` CSV). */
export function teamMonthRecords(section: CapacitySection) {
  const { report } = section;
  return report.team.map((month, at) => ({
    month: formatMonth(report.firstMonth + at),
    qualified_leads: month.qualifiedLeads,
    capacity: exact(month.capacity),
    utilisation: exactOrNull(month.utilisation),
    excess: exact(month.excess),
    extra_reps: month.extraReps,
    placed: month.placed,
    moved: month.moved,
    at_risk: month.atRisk,
    at_risk_deals: exact(month.atRiskDeals),
    at_risk_quota: moneyOrNull(month.atRiskQuota),
    inquiries: month.inquiries,
    placed_inquiries: month.placedInquiries,
    inquiry_capacity: exactOrNull(month.inquiryCapacity),
    inquiry_utilisation: exactOrNull(month.inquiryUtilisation),
    inquiry_excess: exact(month.inquiryExcess),
    extra_follow_up: month.extraFollowUp,
  }));
}

/** The `capacity` object of the JSON output (README, "Capacity"). */
export function capacityJson(section: CapacitySection) {
  const { report } = section;
  const { totals } = report;
  // Grouped once: filtering every rep's months out of all of them took minutes for 100,000 reps.
  const monthsOf = new Map<string, Omit<ReturnType<typeof repMonthRecords>[number], "rep">[]>();
  for (const { rep, ...fields } of repMonthRecords(section)) {
    const months = monthsOf.get(rep);
    if (months === undefined) monthsOf.set(rep, [fields]);
    else months.push(fields);
  }
  const stages = section.stages;
  return {
    source: section.source,
    // A configured funnel says which stage `qualified_leads` and `capacity` count, and which `inquiries` (its top).
    ...(stages === undefined || isDefaultFunnel(stages.funnel) ? {} : { stage: stages.checked, follow_up_stage: stages.funnel[0] ?? "" }),
    respect_capacity: report.respectCapacity,
    checks_inquiries: report.checksInquiries,
    average_capacity: exact(report.averageCapacity),
    average_inquiry_capacity: exactOrNull(report.averageInquiryCapacity),
    reps: report.reps.map((rep) => ({
      rep: rep.rep,
      capacity: rep.capacity,
      inquiry_capacity: rep.inquiryCapacity,
      months: monthsOf.get(rep.rep) ?? [],
    })),
    team: teamMonthRecords(section),
    totals: {
      qualified_leads: totals.qualifiedLeads,
      placed: totals.placed,
      moved: totals.moved,
      at_risk: totals.atRisk,
      at_risk_deals: exact(totals.atRiskDeals),
      at_risk_quota: moneyOrNull(totals.atRiskQuota),
      peak_extra_reps: totals.peakExtraReps,
      peak_extra_follow_up: totals.peakExtraFollowUp,
    },
  };
}
