import { type FunnelStages, type SegmentAssumptions, type StepAssumption, funnelSteps, isDefaultFunnel, stepAssumptions, stepKey } from "./funnel.js";
import type { LagDistribution } from "./lag.js";

/** Assumption values some source gives; an absent field is "not given here". */
export interface AssumptionValues {
  avgDealSize?: number;
  unitsPerDeal?: number;
  closeRate?: number;
  qualifyRate?: number;
  costPerInquiry?: number;
  commissionRate?: number;
  commissionPerDeal?: number;
  salesCycle?: LagDistribution;
  qualification?: LagDistribution;
  /** A configured funnel's step rate, by step key: `rate:mql_to_sql` (flat, so rows merge by spreading). */
  [rate: `rate:${string}`]: number | undefined;
  /** A configured funnel's step lag, by step key: `lag:mql_to_sql`. */
  [lag: `lag:${string}`]: LagDistribution | undefined;
}

export type AssumptionName = keyof AssumptionValues;

/** The default funnel's fields (every one but a configured funnel's step fields). */
export type FixedAssumptionName = Exclude<AssumptionName, `rate:${string}` | `lag:${string}`>;

/** The field of a configured funnel's step rate (`rate:mql_to_sql`) and lag (`lag:mql_to_sql`). */
export const rateField = (step: string): `rate:${string}` => `rate:${step}`;
export const lagField = (step: string): `lag:${string}` => `lag:${step}`;

/** A row of a ratio or cycle file: its scope (empty = applies to all) and the values it gives. */
export interface ScopedAssumptions {
  rep: string;
  product: string;
  values: AssumptionValues;
}

/** Where a segment's assumptions come from, strongest first. */
export interface AssumptionLayers {
  /** Command-line flags: they apply to every segment and beat everything else. */
  overrides: AssumptionValues;
  /** Ratio and cycle file rows: for each segment the most specific row giving a value wins. */
  scoped: readonly ScopedAssumptions[];
  /**
   * Rows learned from history (`--history`): they give what no flag and no file row gives, most
   * specific first, before the config's defaults.
   */
  learned?: readonly ScopedAssumptions[];
  /** The config file's defaults. */
  defaults: AssumptionValues;
  /** The funnel's stages (default: {@link DEFAULT_FUNNEL}): a configured one is resolved step by step. */
  funnel?: FunnelStages;
}

export type Resolution =
  | { ok: true; assumptions: SegmentAssumptions }
  | { ok: false; missing: AssumptionName[] };

const NO_LAG: LagDistribution = [{ lagMonths: 0, share: 1 }];

const scopeKey = (rep: string, product: string) => `${rep}\u0000${product}`;

/**
 * Builds the lookup once for all segments. For each field, in order: flag; the rep+product row;
 * the product row; the rep row; the default row (both scope columns empty); the same four rows
 * learned from history, if any; the config; and the built-ins (1 unit per deal, no
 * qualification time, no cost). A segment that plans in money needs a deal size; every segment
 * needs both rates and a sales cycle. A configured funnel needs every step's rate and the time
 * of its step into won; the other steps' times default to none, as the qualification time does.
 */
export function assumptionResolver(layers: AssumptionLayers): (rep: string, product: string, needsDealSize: boolean) => Resolution {
  const chainOf = layerChain(layers);
  const configured = layers.funnel === undefined || isDefaultFunnel(layers.funnel) ? undefined : funnelSteps(layers.funnel);
  // A segment's resolution depends only on which rows its chain holds: segments with the same
  // chain (all of them, when no file row names a rep or product) share one, worked out once.
  const idOf = new Map<AssumptionValues, number>();
  const resolved = new Map<string, Resolution>();
  return (rep, product, needsDealSize) => {
    const chain = chainOf(rep, product).map((layer) => layer.values);
    let key = needsDealSize ? "d" : "u";
    for (const values of chain) {
      let id = idOf.get(values);
      if (id === undefined) {
        id = idOf.size;
        idOf.set(values, id);
      }
      key += `,${id}`;
    }
    let resolution = resolved.get(key);
    if (resolution === undefined) {
      resolution = resolveChain(chain, needsDealSize);
      resolved.set(key, resolution);
    }
    return resolution;
  };

  function resolveChain(chain: readonly AssumptionValues[], needsDealSize: boolean): Resolution {
    const pick = <Name extends AssumptionName>(name: Name): AssumptionValues[Name] | undefined => {
      for (const values of chain) if (values[name] !== undefined) return values[name];
      return undefined;
    };
    const avgDealSize = pick("avgDealSize");
    const commission = commissionOf(chain);
    if (configured) {
      const missing: AssumptionName[] = [];
      if (needsDealSize && avgDealSize === undefined) missing.push("avgDealSize");
      const steps: StepAssumption[] = [];
      configured.forEach(([from, to], index) => {
        const step = stepKey(from, to);
        const rate = pick(rateField(step));
        // The step into won must have a time (the sales cycle); the others default to none.
        const lag = pick(lagField(step)) ?? (index === 0 ? undefined : NO_LAG);
        if (rate === undefined) missing.push(rateField(step));
        if (lag === undefined) missing.push(lagField(step));
        if (rate !== undefined && lag !== undefined) steps.push({ from, rate, lag });
      });
      const [last, ...above] = steps;
      if (missing.length > 0 || last === undefined) return { ok: false, missing };
      const base = { avgDealSize: avgDealSize ?? null, unitsPerDeal: pick("unitsPerDeal") ?? 1, costPerInquiry: pick("costPerInquiry") ?? null, ...commission };
      return { ok: true, assumptions: stepAssumptions(base, [last, ...above]) };
    }
    const closeRate = pick("closeRate");
    const qualifyRate = pick("qualifyRate");
    const salesCycle = pick("salesCycle");
    const missing: AssumptionName[] = [];
    if (needsDealSize && avgDealSize === undefined) missing.push("avgDealSize");
    if (closeRate === undefined) missing.push("closeRate");
    if (qualifyRate === undefined) missing.push("qualifyRate");
    if (salesCycle === undefined) missing.push("salesCycle");
    if (missing.length > 0 || closeRate === undefined || qualifyRate === undefined || salesCycle === undefined) {
      return { ok: false, missing };
    }
    return {
      ok: true,
      assumptions: {
        avgDealSize: avgDealSize ?? null,
        unitsPerDeal: pick("unitsPerDeal") ?? 1,
        closeRate,
        qualifyRate,
        costPerInquiry: pick("costPerInquiry") ?? null,
        salesCycle,
        qualification: pick("qualification") ?? NO_LAG,
        ...commission,
      },
    };
  }
}

/**
 * A segment's commission: a share of deal value or an amount per deal, from the strongest layer
 * that gives either (a flag's per-deal amount beats a file's rate, as any flag beats a file). A
 * layer giving both takes neither reading over the other: the readers refuse it before this.
 */
function commissionOf(chain: readonly AssumptionValues[]): Pick<SegmentAssumptions, "commissionRate" | "commissionPerDeal"> {
  for (const values of chain) {
    if (values.commissionRate !== undefined) return { commissionRate: values.commissionRate };
    if (values.commissionPerDeal !== undefined) return { commissionPerDeal: values.commissionPerDeal };
  }
  return {};
}

/** A scope of rows learned from history: the calibrated scope (empty = all) a value came from. */
export interface LearnedScope {
  rep: string;
  product: string;
}

/** One layer of a segment's lookup, strongest first; `learned` names the history scope it came from. */
interface Layer {
  values: AssumptionValues;
  learned: LearnedScope | null;
}

/** The layers a segment's values are picked from, strongest first (see {@link assumptionResolver}). */
function layerChain(layers: AssumptionLayers): (rep: string, product: string) => Layer[] {
  const byScope = (rows: readonly ScopedAssumptions[]) => {
    const rowsByScope = new Map<string, AssumptionValues>();
    for (const row of rows) {
      const key = scopeKey(row.rep, row.product);
      rowsByScope.set(key, { ...rowsByScope.get(key), ...row.values });
    }
    return rowsByScope;
  };
  const fileRows = byScope(layers.scoped);
  const learnedRows = byScope(layers.learned ?? []);
  return (rep, product) => {
    const chain: Layer[] = [{ values: layers.overrides, learned: null }];
    for (const rowsByScope of [fileRows, learnedRows]) {
      for (const [scopeRep, scopeProduct] of [[rep, product], ["", product], [rep, ""], ["", ""]] as const) {
        const values = rowsByScope.get(scopeKey(scopeRep, scopeProduct));
        if (values) chain.push({ values, learned: rowsByScope === learnedRows ? { rep: scopeRep, product: scopeProduct } : null });
      }
    }
    chain.push({ values: layers.defaults, learned: null });
    return chain;
  };
}

/**
 * Where a segment's value comes from, when it is learned from history: the calibrated scope whose
 * row gives it, as {@link assumptionResolver} picks it. Null when a flag, a file row or the config
 * gives it (or nothing does): the value is then the planner's, not the history's.
 *
 * Example: with `--close-rate 20%` and `--history`, a segment's close rate is from no scope
 * (null); its qualification rate is from its product's scope when that had enough leads.
 */
export function learnedScopeResolver(layers: AssumptionLayers): (rep: string, product: string, name: AssumptionName) => LearnedScope | null {
  const chainOf = layerChain(layers);
  return (rep, product, name) => {
    for (const layer of chainOf(rep, product)) if (layer.values[name] !== undefined) return layer.learned;
    return null;
  };
}
