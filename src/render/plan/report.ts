import { roundCents } from "../../core/rounding.js";
import { type FunnelStages, type SegmentAssumptions, isDefaultFunnel } from "../../core/funnel.js";
import type { PlanRow, PlanTotals, PlanView, RowKey } from "../../core/group.js";
import type { SurgePolicy } from "../../core/plan.js";
import type { BaselineSection } from "./baseline.js";
import type { ConfidenceSection } from "./confidence.js";
import type { CapacitySection } from "../capacity/report.js";
import { formatNumber } from "../format.js";

/** What a renderer gets: a view of the plan and the context a reader needs to trust it. */
export interface PlanReport {
  view: PlanView;
  surge: SurgePolicy;
  /** False when quotas are in units only: the quota column has no value. */
  hasAmounts: boolean;
  /** True when the quota file gives units: the tables show them next to the quota. */
  hasUnits?: boolean;
  segments: readonly { rep: string; product: string; assumptions: SegmentAssumptions }[];
  inputs: { quotas: string; ratios?: string | undefined; cycles?: string | undefined };
  /** Warnings, one formatted line each. */
  warnings: readonly string[];
  /** The follow-up capacity check, when a team was given (`--reps`, `--reps-count`). */
  capacity?: CapacitySection;
  /** A configured funnel's other checked stages (a reps file with `mql_capacity` beside `sql_capacity`), nearest won first. */
  moreCapacity?: CapacitySection[];
  /** The plan by fiscal quarter next to a month view, for the report that charts the quarter budget (HTML). */
  quarters?: PlanView;
  /** The plan against the history's baseline, when `--history` was given. */
  baseline?: BaselineSection;
  /** The plan at a confidence level (`--confidence`): the view holds its volumes, this its figures by period. */
  confidence?: ConfidenceSection;
  /** A configured funnel's stages (absent or the default: today's columns and names). */
  funnel?: FunnelStages;
}

/** A figure column of the plan as every format shows it; `csv` is the stable machine name. */
export interface PlanColumn {
  csv: string;
  title: string;
  kind: "count" | "money";
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
    default:
      // A pair names its grains in order: `month,rep`.
      return view.by.split(",") as (keyof RowKey)[];
  }
}

export function keyTitle(column: keyof RowKey): string {
  return KEY_COLUMNS[column];
}

/** Units due, shown after `quota` when the quota file gives units. */
export const UNITS_COLUMN: PlanColumn = { csv: "units", title: "Units", kind: "count", value: (row) => row.units };

/** The figure columns, in the order of the CSV header. */
export const FIGURE_COLUMNS: readonly PlanColumn[] = [
  { csv: "quota", title: "Quota", kind: "money", value: (row) => row.quota },
  { csv: "deals", title: "Deals", kind: "count", value: (row) => row.deals },
  { csv: "qualified_leads", title: "Qualified leads", kind: "count", value: (row) => row.qualifiedLeads },
  { csv: "inquiries", title: "Inquiries", kind: "count", value: (row) => row.inquiries },
  { csv: "surge_inquiries", title: "Surge inquiries", kind: "count", value: (row) => row.surgeInquiries },
  { csv: "budget", title: "Budget", kind: "money", value: (row) => row.budget },
];

/**
 * A configured funnel's stages before won, nearest won first (`sql`, `mql`, `inquiry`), or
 * undefined for the default funnel, whose columns keep today's names.
 */
export function configuredStages(funnel: FunnelStages | undefined): string[] | undefined {
  return funnel === undefined || isDefaultFunnel(funnel) ? undefined : funnel.slice(0, -1).reverse();
}

/** A stage's name in prose: a short name is an acronym (`sql` → `SQL`), a longer one words (`demo_booked` → `demo booked`). */
export function stageLabel(stage: string): string {
  return stage.length <= 3 ? stage.toUpperCase() : stage.replace(/_/g, " ");
}

/** A stage's column title: `SQL`, `Inquiry`, `Demo booked`. */
export function stageTitle(stage: string): string {
  const label = stageLabel(stage);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/**
 * The figure columns of a funnel, in the order of the CSV header: the default funnel's
 * {@link FIGURE_COLUMNS}, or one column per stage before won named by the stage, nearest won
 * first, then the top stage's surge (`quota,deals,sql,mql,inquiry,surge_inquiry,budget`).
 */
export function figureColumns(funnel: FunnelStages | undefined): readonly PlanColumn[] {
  const stages = configuredStages(funnel);
  if (stages === undefined) return FIGURE_COLUMNS;
  const top = stages[stages.length - 1] ?? "";
  return [
    { csv: "quota", title: "Quota", kind: "money", value: (row) => row.quota },
    { csv: "deals", title: "Deals", kind: "count", value: (row) => row.deals },
    ...stages.map((stage, index): PlanColumn => ({ csv: stage, title: stageTitle(stage), kind: "count", value: (row) => row.stages[index] ?? 0 })),
    { csv: `surge_${top}`, title: `Surge ${stageLabel(top)}`, kind: "count", value: (row) => row.surgeInquiries },
    { csv: "budget", title: "Budget", kind: "money", value: (row) => row.budget },
  ];
}

/** `Q4, Q1`: the surge quarters as a planner writes them. */
export function describeSurge(surge: SurgePolicy, funnel?: FunnelStages): string {
  const quarters = surge.quarters.map((quarter) => `Q${quarter}`).join(", ");
  const what = configuredStages(funnel) === undefined ? "qualified leads and inquiries" : "of every stage";
  return `+${formatNumber(surge.rate * 100, 2)}% ${what} generated in fiscal ${quarters}`;
}

/** The line under a table: what an entry of every stage and a closed deal cost, top stage first. */
export function costLine(totals: PlanTotals, funnel?: FunnelStages): string {
  const money = (value: number | null) => (value === null ? "–" : formatNumber(value, 2, true));
  const stages = configuredStages(funnel);
  const perDeal = perClosedDeal(totals, money);
  if (stages === undefined) {
    return `Cost per inquiry ${money(totals.costPerInquiry)} · per qualified lead ${money(totals.costPerQualifiedLead)} · per closed deal ${perDeal}`;
  }
  const perStage = stages.map((stage, index) => `per ${stageLabel(stage)} ${money(totals.costPerStage[index] ?? null)}`).reverse();
  return `Cost ${perStage.join(" · ")} · per closed deal ${perDeal}`;
}

/**
 * A closed deal's cost: marketing alone, or with a commission marketing and commission side by
 * side, their sum, and the commission in total (`1,795.47 marketing + 7,500.00 commission = 9,295.47 · commission 720,000.00 in total`).
 */
function perClosedDeal(totals: PlanTotals, money: (value: number | null) => string): string {
  const { commission } = totals;
  if (commission === undefined) return money(totals.costPerDeal);
  const sum = totals.costPerDeal === null || commission.perDeal === null ? null : roundCents(totals.costPerDeal + commission.perDeal);
  return `${money(totals.costPerDeal)} marketing + ${money(commission.perDeal)} commission = ${money(sum)} · commission ${money(commission.total)} in total`;
}

export function keyText(row: PlanRow, column: keyof RowKey): string {
  const value = row.key[column] ?? "";
  return value === "" && (column === "rep" || column === "product") ? "(unassigned)" : value;
}
