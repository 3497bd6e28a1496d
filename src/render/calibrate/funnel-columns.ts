import type { GroupCalibration, SourceCalibration } from "../../core/calibrate.js";
import type { StepCalibration } from "../../core/calibrate-steps.js";
import { stepKey } from "../../core/funnel.js";
import type { CalibrationColumn } from "./report.js";

const stepOf = (row: GroupCalibration, from: string): StepCalibration | undefined => row.steps?.find((step) => step.from === from);

/** How many leads reached a stage: the top stage's are every lead, the others a step's arrivals. */
function reachedOf(row: GroupCalibration, stage: string, top: string): number {
  if (stage === top) return row.inquiries;
  return row.steps?.find((step) => step.to === stage)?.reached ?? 0;
}

/**
 * A configured funnel's figure columns for a group of leads, named after its stages (`mql`,
 * `inquiry_to_mql`, `inquiry_to_mql_mean_days`, `cost_per_inquiry`): leads reaching each stage,
 * the open ones, each step's rate top first, the deal size, the costs, each step's mean days.
 *
 * Example: `inquiry,mql,sql,won` gives `inquiry,mql,sql,won,open_leads,inquiry_to_mql,…`.
 */
export function funnelGroupColumns(stages: readonly string[]): CalibrationColumn<GroupCalibration>[] {
  const top = stages[0] ?? "";
  const steps = stages.slice(0, -1).map((from, at) => [from, stages[at + 1] ?? ""] as const);
  return [
    ...stages.map((stage): CalibrationColumn<GroupCalibration> => ({ csv: stage, title: stage.toUpperCase(), kind: "count", value: (row) => reachedOf(row, stage, top) })),
    { csv: "open_leads", title: "Open", kind: "count", value: (row) => row.openLeads },
    ...steps.map(([from, to]): CalibrationColumn<GroupCalibration> => ({ csv: stepKey(from, to), title: `${from} → ${to}`, kind: "rate", value: (row) => stepOf(row, from)?.rate ?? null })),
    { csv: "avg_deal_size", title: "Avg deal", kind: "money", value: (row) => row.avgDealSize },
    { csv: `cost_per_${top}`, title: `Cost/${top}`, kind: "money", value: (row) => row.costPerInquiry },
    { csv: "cost_per_won_deal", title: "Cost/won", kind: "money", value: (row) => row.costPerWonDeal },
    ...steps.map(([from, to]): CalibrationColumn<GroupCalibration> => ({
      csv: `${stepKey(from, to)}_mean_days`,
      title: `${from} → ${to} days`,
      kind: "days",
      value: (row) => stepOf(row, from)?.meanDays ?? null,
    })),
  ];
}

/** A configured funnel's lead-source columns: volume, share, each step's rate, won deals and costs. */
export function funnelSourceColumns(stages: readonly string[]): CalibrationColumn<SourceCalibration>[] {
  const top = stages[0] ?? "";
  const steps = stages.slice(0, -1).map((from, at) => [from, stages[at + 1] ?? ""] as const);
  return [
    { csv: top, title: top.toUpperCase(), kind: "count", value: (row) => row.inquiries },
    { csv: "share", title: "Share", kind: "rate", value: (row) => row.share },
    ...steps.map(([from, to]): CalibrationColumn<SourceCalibration> => ({ csv: stepKey(from, to), title: `${from} → ${to}`, kind: "rate", value: (row) => stepOf(row, from)?.rate ?? null })),
    { csv: "won_deals", title: "Won", kind: "count", value: (row) => row.wonDeals },
    { csv: `cost_per_${top}`, title: `Cost/${top}`, kind: "money", value: (row) => row.costPerInquiry },
    { csv: "cost_per_won_deal", title: "Cost/won", kind: "money", value: (row) => row.costPerWonDeal },
    { csv: "revenue", title: "Revenue", kind: "money", value: (row) => row.revenue },
  ];
}
