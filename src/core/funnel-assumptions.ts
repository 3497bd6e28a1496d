import { ASSUMPTIONS, type AssumptionEntry, assumptionEntry } from "./assumptions.js";
import { type FunnelStages, funnelSteps, isDefaultFunnel, stepKey } from "./funnel.js";
import { lagField, rateField } from "./resolve.js";

/** The flags a configured funnel's steps and top stage take: `--rate sql_to_won=25%`, `--lag mql_to_sql=30d`, `--cost lead=12`. */
export const STEP_FLAGS = { rate: "--rate", lag: "--lag", cost: "--cost" } as const;

const generated = new Map<string, readonly AssumptionEntry[]>();

/**
 * The registry of a funnel: the default funnel's is {@link ASSUMPTIONS} itself (today's names);
 * a configured one has, besides the deal size, units per deal and surge, a rate per step
 * (`<from>_to_<to>`, ratio file), a time per step (`<from>_to_<to>_days|_months`, cycle file)
 * and the top stage's cost (`cost_per_<top>`), each step nearest won first.
 *
 * Example: `inquiry,mql,sql,won` gives `sql_to_won`, `mql_to_sql`, `inquiry_to_mql`,
 * `cost_per_inquiry`, `sql_to_won_days|months`, `mql_to_sql_days|months`, ….
 */
export function funnelAssumptions(stages: FunnelStages): readonly AssumptionEntry[] {
  if (isDefaultFunnel(stages)) return ASSUMPTIONS;
  const id = stages.join(",");
  const known = generated.get(id);
  if (known !== undefined) return known;
  const won = stages[stages.length - 1] ?? "won";
  const top = stages[0] ?? "";
  const steps = funnelSteps(stages);
  const perDeal = (entry: AssumptionEntry): AssumptionEntry => ({ ...entry, stage: won });
  const rates = steps.map(([from, to], index): AssumptionEntry => {
    const key = stepKey(from, to);
    return {
      name: rateField(key),
      kind: "rate",
      stem: key,
      file: "ratios",
      step: [from, to],
      sensitive: true,
      scenarioOrder: 2 + index / 100,
      spellings: [{ flag: STEP_FLAGS.rate, placeholder: "<FROM_TO=RATE>", help: `${from} → ${to}`, configKey: "rate", column: key, key }],
    };
  });
  const lags = steps.map(([from, to], index): AssumptionEntry => {
    const key = stepKey(from, to);
    const spelling = (unit: "days" | "months") => ({ unit, flag: STEP_FLAGS.lag, placeholder: "<FROM_TO=DURATION>", help: `${from} → ${to} time`, configKey: "lag", column: `${key}_${unit}`, key });
    return { name: lagField(key), kind: "duration", stem: key, file: "cycles", step: [from, to], sensitive: true, noun: `${key} time`, scenarioOrder: 6 + index / 100, spellings: [spelling("days"), spelling("months")] };
  });
  const cost: AssumptionEntry = {
    ...assumptionEntry("costPerInquiry"),
    stem: `cost_per_${top}`,
    stage: top,
    spellings: [{ flag: STEP_FLAGS.cost, placeholder: "<STAGE=AMOUNT>", help: `what one ${top} costs`, configKey: "cost", column: `cost_per_${top}`, key: top }],
  };
  const entries = [perDeal(assumptionEntry("avgDealSize")), ...rates, perDeal(assumptionEntry("unitsPerDeal")), cost, ...lags, assumptionEntry("surge")];
  generated.set(id, entries);
  return entries;
}

/**
 * The entry that holds the time of the step into won (the sales cycle of the default funnel):
 * a cycle file must give it, in one of its spellings.
 */
export function stepIntoWon(entries: readonly AssumptionEntry[], stages: FunnelStages): AssumptionEntry {
  const [last] = funnelSteps(stages);
  const entry = entries.find((candidate) => candidate.kind === "duration" && candidate.step?.[0] === last?.[0] && candidate.step?.[1] === last?.[1]);
  if (entry === undefined) throw new Error(`no time for the step into ${stages[stages.length - 1] ?? ""}`);
  return entry;
}
