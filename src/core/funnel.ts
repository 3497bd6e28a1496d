import { type LagDistribution, composeLags } from "./lag.js";

/**
 * One step of the demand waterfall, read backward from the won deal: the volume this stage
 * must produce is the next stage's volume divided by `conversionRate`, needed `lag` earlier.
 * Today's funnel is inquiry → qualified lead → won; a longer waterfall
 * (inquiry → MQL → SAL → SQL → won) is more stages in the same list.
 */
export interface FunnelStage {
  /** The series this stage produces, e.g. `qualifiedLeads`. */
  name: string;
  /** Share of this stage's volume that reaches the next stage (0 < rate ≤ 1). */
  conversionRate: number;
  /** Time from this stage to the next. */
  lag: LagDistribution;
}

/** A funnel's stage names, top first, the won deal last: `["inquiry", "mql", "sql", "won"]`. */
export type FunnelStages = readonly string[];

/** Today's funnel: inquiry → qualified lead → won, with its own names for every output. */
export const DEFAULT_FUNNEL: FunnelStages = ["inquiry", "qualified", "won"];

/** Whether the stages are the default funnel's (written out or implicit): today's names apply. */
export function isDefaultFunnel(stages: FunnelStages): boolean {
  return stages.length === DEFAULT_FUNNEL.length && stages.every((name, at) => name === DEFAULT_FUNNEL[at]);
}

/**
 * A stage's entries in a sentence: the default funnel's `qualified leads` and `inquiries`; a
 * configured funnel's short name an acronym (`SQLs`), a word its plural (`inquiries`, `leads`), words
 * entries (`demo booked entries`).
 */
export function stageEntries(stage: string, funnel: FunnelStages): string {
  if (isDefaultFunnel(funnel)) return stage === "inquiry" ? "inquiries" : "qualified leads";
  if (stage.length <= 3) return `${stage.toUpperCase()}s`;
  if (stage.includes("_")) return `${stage.replace(/_/g, " ")} entries`;
  return /[^aeiou]y$/.test(stage) ? `${stage.slice(0, -1)}ies` : `${stage}s`;
}

/** A step's key, as its rate column spells it: `mql_to_sql`. */
export function stepKey(from: string, to: string): string {
  return `${from}_to_${to}`;
}

/** The steps of a funnel, nearest the won deal first: `[["sql","won"], ["mql","sql"], ["inquiry","mql"]]`. */
export function funnelSteps(stages: FunnelStages): [from: string, to: string][] {
  const steps: [string, string][] = [];
  for (let at = stages.length - 2; at >= 0; at--) steps.push([stages[at] ?? "", stages[at + 1] ?? ""]);
  return steps;
}

/** One step of a configured funnel: from stage `from` to the next one, at `rate`, after `lag`. */
export interface StepAssumption {
  from: string;
  rate: number;
  lag: LagDistribution;
}

/** What one quota segment (rep × product) converts and how long each step takes. */
export interface SegmentAssumptions {
  /** Average won deal in money; null when the segment plans in units only. */
  avgDealSize: number | null;
  unitsPerDeal: number;
  /** Qualified lead → won (the closing ratio); in a configured funnel, its step into won. */
  closeRate: number;
  /** Inquiry → qualified lead; in a configured funnel, the product of the steps above the last. */
  qualifyRate: number;
  /** Null when no cost is known: the budget then has no value. The top stage's cost per entry. */
  costPerInquiry: number | null;
  /** Commission as a share of a won deal's value (absent: none given; not with `commissionPerDeal`). */
  commissionRate?: number;
  /** Commission per won deal, in money (absent: none given; not with `commissionRate`). */
  commissionPerDeal?: number;
  /** Qualified lead → close; in a configured funnel, the lag of its step into won. */
  salesCycle: LagDistribution;
  /** Inquiry → qualified lead; in a configured funnel, the lags above the last step composed. */
  qualification: LagDistribution;
  /**
   * A configured funnel's steps, nearest won first (absent: the default funnel, planned from the
   * fields above). The two-stage fields then hold the same funnel collapsed to two steps, which
   * gives the same top and last stages: a reader of them is never misled.
   */
  steps?: readonly StepAssumption[];
}

/** The stages of a segment, nearest the deal first: qualified leads, then inquiries (or a configured funnel's). */
export function funnelStages(assumptions: SegmentAssumptions): FunnelStage[] {
  if (assumptions.steps !== undefined) return assumptions.steps.map((step) => ({ name: step.from, conversionRate: step.rate, lag: step.lag }));
  return [
    { name: "qualifiedLeads", conversionRate: assumptions.closeRate, lag: assumptions.salesCycle },
    { name: "inquiries", conversionRate: assumptions.qualifyRate, lag: assumptions.qualification },
  ];
}

/**
 * A configured funnel's assumptions: its steps (nearest won first, at least one), and the
 * two-stage fields as the same funnel collapsed: the step into won, then every step above it
 * multiplied (rates) and composed (lags).
 */
export function stepAssumptions(
  base: Pick<SegmentAssumptions, "avgDealSize" | "unitsPerDeal" | "costPerInquiry" | "commissionRate" | "commissionPerDeal">,
  steps: readonly [StepAssumption, ...StepAssumption[]],
): SegmentAssumptions {
  const [last, ...above] = steps;
  let qualifyRate = 1;
  let qualification: LagDistribution = [{ lagMonths: 0, share: 1 }];
  for (const step of above) {
    qualifyRate *= step.rate;
    qualification = composeLags(qualification, step.lag);
  }
  return { ...base, closeRate: last.rate, qualifyRate, salesCycle: last.lag, qualification, steps };
}
