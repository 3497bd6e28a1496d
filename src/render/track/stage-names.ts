import type { CatchUpPlan } from "../../core/catch-up.js";
import { DEFAULT_FUNNEL, stepKey } from "../../core/funnel.js";
import type { LeakEffect } from "../../core/leak.js";
import { MEASURES, type Measure } from "../../core/track.js";
import type { ColumnKind } from "../document.js";
import { stageLabel, stageTitle } from "../plan/report.js";

/**
 * How track names a funnel's measures, steps and catch-up columns: the default funnel keeps
 * today's words (`Qualified leads`, `close rate`, `poor closing`, `qualified_leads`); a configured
 * one speaks its stages (`MQL`, `MQL to SQL rate`, `poor MQL to SQL conversion`, `mql`).
 */

/** Whether `order` is the default funnel's measures (today's names apply). */
export const isDefaultOrder = (order: readonly Measure[]): boolean => order.length === MEASURES.length && order.every((measure, at) => measure === MEASURES[at]);

const DEFAULT_TITLES: Record<string, string> = { inquiries: "Inquiries", qualified: "Qualified leads", won: "Deals won", revenue: "Revenue" };

/** A measure's title: `Qualified leads`; a configured stage's `MQL`; the won stage is always `Deals won`. */
export function measureTitle(order: readonly Measure[], measure: Measure): string {
  if (isDefaultOrder(order) || measure === "revenue") return DEFAULT_TITLES[measure] ?? measure;
  return order.indexOf(measure) === order.length - 2 ? "Deals won" : stageTitle(measure);
}

const STEP_NAMES: Record<string, string> = { qualified: "qualification rate", won: "close rate", revenue: "deal size" };
const STEP_FAULTS: Record<string, string> = { qualified: "poor qualification", won: "poor closing", revenue: "smaller deals" };
const VOLUME_NAMES: Record<string, string> = { inquiries: "inquiry", qualified: "qualified lead", won: "deal", revenue: "revenue" };
const FEW_NAMES: Record<string, string> = { inquiries: "inquiries", qualified: "qualified leads", won: "deals", revenue: "revenue" };

/** A stage in prose: as compute titles it (`MQL`, `demo booked`), but the won deal's in words (`won`, not `WON`). */
const stageWords = (order: readonly Measure[], stage: Measure): string => (order.indexOf(stage) === order.length - 2 ? stage.replace(/_/g, " ") : stageLabel(stage));

/** The steps an effect spans (each named by the measure it reaches): one, or several when the actuals skip a measure between them. */
function stepsOf(effect: LeakEffect, order: readonly Measure[]): [from: Measure, to: Measure][] {
  if (effect.from === null) return [];
  const steps: [Measure, Measure][] = [];
  for (let at = order.indexOf(effect.from); at < order.indexOf(effect.to); at++) steps.push([order[at] ?? "", order[at + 1] ?? ""]);
  return steps;
}

/** `inquiry volume`, `qualification rate`, `close rate and deal size`; configured: `MQL volume`, `MQL to SQL rate`. */
export function effectName(effect: LeakEffect, order: readonly Measure[] = MEASURES): string {
  const named = isDefaultOrder(order);
  if (effect.from === null) return `${named ? VOLUME_NAMES[effect.to] : stageWords(order, effect.to)} volume`;
  return stepsOf(effect, order)
    .map(([from, to]) => (named || to === "revenue" ? STEP_NAMES[to] : `${stageWords(order, from)} to ${stageWords(order, to)} rate`))
    .join(" and ");
}

/** What a losing effect means in the planner's words: `too few inquiries`, `poor closing`; configured: `too little MQL volume`, `poor MQL to SQL conversion`. */
export function effectFault(effect: LeakEffect, order: readonly Measure[] = MEASURES): string {
  const named = isDefaultOrder(order);
  if (effect.from === null) return named ? `too few ${FEW_NAMES[effect.to]}` : `too little ${stageWords(order, effect.to)} volume`;
  return stepsOf(effect, order)
    .map(([from, to]) => (named || to === "revenue" ? STEP_FAULTS[to] : `poor ${stageWords(order, from)} to ${stageWords(order, to)} conversion`))
    .join(" or ");
}

/** A step's JSON key: its rate column (`inquiry_to_qualified`, `mql_to_sql`), or `avg_deal_size` for won → revenue. */
export function rateKey(order: readonly Measure[], from: Measure, to: Measure): string {
  if (to === "revenue") return "avg_deal_size";
  const stage = (measure: Measure) => (isDefaultOrder(order) ? (DEFAULT_FUNNEL[order.indexOf(measure)] ?? measure) : measure);
  return stepKey(stage(from), stage(to));
}

type Totals = CatchUpPlan["totals"];
export interface CatchUpColumn {
  csv: string;
  title: string;
  kind: ColumnKind;
  value: (row: Totals) => number | null;
}

/** The default funnel's catch-up columns: figure of a row, kind, and machine name. */
const DEFAULT_CATCH_UP_COLUMNS: readonly CatchUpColumn[] = [
  { csv: "quota", title: "Quota", kind: "money", value: (row) => row.quota },
  { csv: "extra_quota", title: "+ Quota", kind: "money", value: (row) => row.extraQuota },
  { csv: "qualified_leads", title: "Qualified leads", kind: "count", value: (row) => row.qualifiedLeads },
  { csv: "extra_qualified_leads", title: "+ Qualified", kind: "count", value: (row) => row.extraQualifiedLeads },
  { csv: "inquiries", title: "Inquiries", kind: "count", value: (row) => row.inquiries },
  { csv: "extra_inquiries", title: "+ Inquiries", kind: "count", value: (row) => row.extraInquiries },
  { csv: "budget", title: "Budget", kind: "money", value: (row) => row.budget },
  { csv: "extra_budget", title: "+ Budget", kind: "money", value: (row) => row.extraBudget },
];

/**
 * The catch-up table's columns (and JSON keys), in order: quota, then each stage before won
 * nearest won first with its extra, then budget. A configured funnel's stages are named as
 * compute names them (`sql`, `extra_sql`, `mql`, `extra_mql`, `inquiry`, `extra_inquiry`).
 */
export function catchUpColumns(order: readonly Measure[]): readonly CatchUpColumn[] {
  if (isDefaultOrder(order)) return DEFAULT_CATCH_UP_COLUMNS;
  const stages = order.slice(0, -2).reverse();
  return [
    ...DEFAULT_CATCH_UP_COLUMNS.slice(0, 2),
    ...stages.flatMap((stage, index): CatchUpColumn[] => [
      { csv: stage, title: stageTitle(stage), kind: "count", value: (row) => row.stages[index] ?? 0 },
      { csv: `extra_${stage}`, title: `+ ${stageTitle(stage)}`, kind: "count", value: (row) => row.extraStages[index] ?? 0 },
    ]),
    ...DEFAULT_CATCH_UP_COLUMNS.slice(6),
  ];
}
