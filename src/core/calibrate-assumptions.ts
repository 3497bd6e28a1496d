import type { Calibration } from "./calibrate.js";
import { stepKey } from "./funnel.js";
import { type AssumptionName, type AssumptionValues, type ScopedAssumptions, lagField, rateField } from "./resolve.js";

/** Values resting on fewer leads than this are left to the less specific row (`--min-leads`). */
export const DEFAULT_MIN_LEADS = 30;

/** A scope's values left out because too few leads stand behind them. */
export interface ThinScope {
  rep: string;
  product: string;
  names: AssumptionName[];
  /** What was counted, and how many. */
  sample: { of: string; count: number };
}

export interface CalibratedAssumptions {
  /** Rows as a ratio or cycle file gives them: the default row first, then products, then rep × product. */
  rows: ScopedAssumptions[];
  thin: ThinScope[];
}

/**
 * The assumptions `compute` takes from a calibration, by scope. A product or rep × product value is
 * given only when at least `minLeads` of its own kind stand behind it (inquiries for the
 * qualification rate and cost, qualified leads for the close rate and qualification time, won
 * deals for the deal size and sales cycle); otherwise the less specific row supplies it, as an
 * empty cell in a ratio file does. The default row gives every value the history has. A rate of 0
 * is no value (`compute` cannot plan with it).
 *
 * Example: with `minLeads` 30, a product with 400 mature inquiries, 90 qualified leads and 12 won
 * deals gets its own rates and cost, and the default row's deal size and cycle.
 */
export function calibratedAssumptions(calibration: Calibration, minLeads: number): CalibratedAssumptions {
  const rows: ScopedAssumptions[] = [];
  const thin: ThinScope[] = [];
  for (const scope of calibration.scopes) {
    const isDefault = scope.rep === "" && scope.product === "";
    const values: AssumptionValues = {};
    const enough = (names: AssumptionName[], of: ThinScope["sample"]["of"], count: number): boolean => {
      if (isDefault || count >= minLeads) return true;
      if (count > 0) thin.push({ rep: scope.rep, product: scope.product, names, sample: { of, count } });
      return false;
    };
    if (scope.steps !== undefined) {
      stepValues(values, scope.steps, scope, enough);
      if (Object.keys(values).length > 0) rows.push({ rep: scope.rep, product: scope.product, values });
      continue;
    }
    if (enough(["qualifyRate", "costPerInquiry"], "inquiries", scope.cohortInquiries)) {
      if (isRate(scope.qualifyRate)) values.qualifyRate = scope.qualifyRate;
      if (scope.costPerInquiry !== null) values.costPerInquiry = scope.costPerInquiry;
    }
    if (enough(["closeRate", "qualification"], "qualified leads", scope.cohortQualified)) {
      if (isRate(scope.closeRate)) values.closeRate = scope.closeRate;
      if (scope.qualification !== null) values.qualification = scope.qualification;
    }
    if (enough(["avgDealSize", "salesCycle"], "won deals", scope.cohortWon)) {
      if (scope.avgDealSize !== null && scope.avgDealSize > 0) values.avgDealSize = scope.avgDealSize;
      if (scope.salesCycle !== null) values.salesCycle = scope.salesCycle;
    }
    if (Object.keys(values).length > 0) rows.push({ rep: scope.rep, product: scope.product, values });
  }
  return { rows, thin };
}

const isRate = (rate: number | null): rate is number => rate !== null && rate > 0 && rate <= 1;

/**
 * A configured funnel's values: each step's rate and time (`rate:mql_to_sql`, `lag:mql_to_sql`)
 * when enough leads reached its `from` stage in the mature cohorts, the cost of the top stage's
 * entries on as many of them, the deal size on as many won deals. The two-stage fields are not
 * written: a configured funnel's files name its steps.
 */
function stepValues(
  values: AssumptionValues,
  steps: NonNullable<Calibration["scopes"][number]["steps"]>,
  scope: Calibration["scopes"][number],
  enough: (names: AssumptionName[], of: ThinScope["sample"]["of"], count: number) => boolean,
): void {
  const top = steps.at(-1);
  if (top !== undefined && enough(["costPerInquiry"], `leads reaching ${top.from}`, top.cohortEntered) && scope.costPerInquiry !== null) values.costPerInquiry = scope.costPerInquiry;
  for (const step of steps) {
    const key = stepKey(step.from, step.to);
    if (!enough([rateField(key), lagField(key)], `leads reaching ${step.from}`, step.cohortEntered)) continue;
    if (isRate(step.rate)) values[rateField(key)] = step.rate;
    if (step.lag !== null) values[lagField(key)] = step.lag;
  }
  if (enough(["avgDealSize"], "won deals", scope.cohortWon) && scope.avgDealSize !== null && scope.avgDealSize > 0) values.avgDealSize = scope.avgDealSize;
}
