import type { SegmentAssumptions } from "../core/funnel.js";
import type { PlanRow, PlanTotals, PlanView, RowKey } from "../core/group.js";
import type { SurgePolicy } from "../core/plan.js";
import type { BaselineSection } from "./calibrate-baseline.js";
import type { CapacitySection } from "./capacity-text.js";
import { plainNumber } from "./plain-number.js";

/** What a renderer gets: a view of the plan and the context a reader needs to trust it. */
export interface PlanReport {
  view: PlanView;
  surge: SurgePolicy;
  /** False when quotas are in units only: the quota column has no value. */
  hasAmounts: boolean;
  segments: readonly { rep: string; product: string; assumptions: SegmentAssumptions }[];
  inputs: { quotas: string; ratios?: string | undefined; cycles?: string | undefined };
  /** Warnings, one formatted line each. */
  warnings: readonly string[];
  /** The follow-up capacity check, when a team was given (`--reps`, `--reps-count`). */
  capacity?: CapacitySection;
  /** The plan against the history's baseline, when `--history` was given. */
  baseline?: BaselineSection;
}

/** A column of the plan as every format shows it; `csv` is the stable machine name. */
export interface PlanColumn {
  csv: string;
  title: string;
  kind: "key" | "count" | "money";
  value: (row: PlanRow | PlanTotals) => number | null;
}

const KEY_COLUMNS: Record<keyof RowKey, string> = { month: "Month", quarter: "Quarter", rep: "Rep", product: "Product" };

/** The key columns of a grouping, in order: `month`, or `month,rep,product` for segments. */
export function keyColumnsOf(view: Pick<PlanView, "by">): (keyof RowKey)[] {
  switch (view.by) {
    case "month":
      return ["month"];
    case "quarter":
      return ["quarter"];
    case "rep":
      return ["rep"];
    case "product":
      return ["product"];
    case "segment":
      return ["month", "rep", "product"];
  }
}

export function keyTitle(column: keyof RowKey): string {
  return KEY_COLUMNS[column];
}

/** The figure columns, in the order of the CSV header. */
export const FIGURE_COLUMNS: readonly PlanColumn[] = [
  { csv: "quota", title: "Quota", kind: "money", value: (row) => row.quota },
  { csv: "deals", title: "Deals", kind: "count", value: (row) => row.deals },
  { csv: "qualified_leads", title: "Qualified leads", kind: "count", value: (row) => row.qualifiedLeads },
  { csv: "inquiries", title: "Inquiries", kind: "count", value: (row) => row.inquiries },
  { csv: "surge_inquiries", title: "Surge inquiries", kind: "count", value: (row) => row.surgeInquiries },
  { csv: "budget", title: "Budget", kind: "money", value: (row) => row.budget },
];

/** `Q4, Q1`: the surge quarters as a planner writes them. */
export function describeSurge(surge: SurgePolicy): string {
  const quarters = surge.quarters.map((quarter) => `Q${quarter}`).join(", ");
  return `+${formatNumber(surge.rate * 100, 2)}% qualified leads and inquiries generated in fiscal ${quarters}`;
}

/**
 * Locale-free number text with thousands separators: `1,333.33`. Written out rather than
 * `toLocaleString`, whose output depends on the machine's locale.
 */
export function formatNumber(value: number, decimals: number, always = false): string {
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const [whole = "0", fraction = ""] = plainNumber(rounded).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = value < 0 && rounded !== 0 ? "-" : "";
  if (fraction === "" && !always) return `${sign}${grouped}`;
  return `${sign}${grouped}.${fraction.padEnd(decimals, "0")}`;
}

/** A figure for people: counts whole, money with cents (both decimals) only when it has cents, missing as `–`. */
export function formatFigure(value: number | null, kind: PlanColumn["kind"]): string {
  if (value === null) return "–";
  return formatNumber(value, kind === "money" ? 2 : 0);
}

/** The line under a table: what a qualified lead and a closed deal cost. */
export function costLine(totals: PlanTotals): string {
  const money = (value: number | null) => (value === null ? "–" : formatNumber(value, 2, true));
  return `Cost per inquiry ${money(totals.costPerInquiry)} · per qualified lead ${money(totals.costPerQualifiedLead)} · per closed deal ${money(totals.costPerDeal)}`;
}

export function keyText(row: PlanRow, column: keyof RowKey): string {
  const value = row.key[column] ?? "";
  return value === "" && (column === "rep" || column === "product") ? "(unassigned)" : value;
}
