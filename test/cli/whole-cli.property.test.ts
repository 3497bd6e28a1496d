import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

// Fixed seed and a bounded count: a failure reproduces on every machine, and the file stays fast.
const RUNS = { numRuns: 120, seed: 20_271_010 } as const;

// Mostly values within their documented ranges (their edges included), now and then one past
// an edge or malformed, so that most runs get to print and some must refuse.
const pick = (within: readonly string[], outside: readonly string[]) =>
  fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...within) }, { weight: 1, arbitrary: fc.constantFrom(...outside) });
const amount = pick(["0", "0.01", "1", "75000", "1200000.5", "1000000000000", "2,000,000"], ["1000000000001", "99999999999999999999", "1e300", "-5", ""]);
const dealSize = pick(["0.01", "1", "75000", "1000000000000"], ["0.009", "0.0000000001", "0"]);
const rate = pick(["0.000001", "1%", "25%", "0.5", "1", "100%", "33.3333%"], ["0.0000001", "0.0000000001", "0"]);
const cost = pick(["0", "40", "0.5", "1000000000"], ["1000000001"]);
const units = pick(["1", "0.01", "3", "1000000000000"], ["0.001"]);
const month = fc.integer({ min: 1, max: 12 }).map((at) => `2027-${String(at).padStart(2, "0")}`);
const rep = fc.constantFrom("Ana", "Ben", "Cy");

const quotaRows = fc.uniqueArray(fc.tuple(month, rep, amount), { minLength: 1, maxLength: 6, selector: ([m, r]) => `${m} ${r}` });
// Actuals for the months and reps of the quotas, by position.
const actualRows = fc.array(fc.tuple(pick(["0", "12", "1000000000000"], ["1000000000001"]), amount), { minLength: 1, maxLength: 6 });
const historyRows = fc.array(
  fc.tuple(fc.integer({ min: 1, max: 28 }), fc.constantFrom("won", "lost", "open"), pick(["1", "60000", "1000000000000"], ["1000000000001"]), fc.constantFrom("", "0", "20", "1000000000")),
  { minLength: 1, maxLength: 8 },
);

const runArb = fc.record({
  command: fc.constantFrom("compute", "track", "scenarios", "calibrate"),
  format: fc.constantFrom("table", "csv", "json", "markdown"),
  by: fc.constantFrom("month", "quarter", "rep", "product", "segment"),
  quotas: quotaRows,
  actuals: actualRows,
  history: historyRows,
  dealSize,
  closeRate: rate,
  qualifyRate: rate,
  cost,
  units,
  useUnits: fc.boolean(),
  surge: fc.constantFrom("0", "30", "1000"),
  scenarioCost: cost,
  vary: fc.boolean(),
});

const EXPONENT = /\d(\.\d+)?e[+-]?\d/i;
const UNWORTHY = /NaN|Infinity|undefined/;

describe("the whole CLI: no output of any command or format holds NaN, Infinity, undefined or an exponent", () => {
  it("holds for generated quotas, rates, costs, units, flags, formats and commands", async () => {
    await fc.assert(
      fc.asyncProperty(runArb, async (input) => {
        const quotaHeader = input.useUnits ? "month,rep,quota,units" : "month,rep,quota";
        const quotas = [quotaHeader, ...input.quotas.map(([m, r, a]) => (input.useUnits ? `${m},${r},${a === "" ? "" : `"${a}"`},${a === "" ? "5" : "1"}` : `${m},${r},"${a}"`))].join("\n");
        const actuals = ["month,rep,inquiries,revenue", ...input.quotas.flatMap(([m, r], at) => {
            const [count, a] = input.actuals[at] ?? [];
            return count === undefined ? [] : [`${m},${r},${count},"${a === "" || a === undefined ? "0" : a}"`];
          })].join("\n");
        const history = [
          "lead_id,created,product,rep,qualified_on,closed_on,outcome,amount,cost",
          ...input.history.map(([day, outcome, a, c], at) => {
            const created = `2026-01-${String(day).padStart(2, "0")}`;
            const closed = outcome === "open" ? "" : `2026-03-${String(day).padStart(2, "0")}`;
            return `L${at},${created},Platform,Ana,${created},${closed},${outcome},${outcome === "won" ? a : ""},${c}`;
          }),
        ].join("\n");
        const files = { "quotas.csv": `${quotas}\n`, "actuals.csv": `${actuals}\n`, "history.csv": `${history}\n`, "scenarios.csv": `scenario,cost_per_inquiry\ndear,${input.scenarioCost}\n` };
        const assume = ["--deal-size", input.dealSize, "--close-rate", input.closeRate, "--qualify-rate", input.qualifyRate, "--cost-per-inquiry", input.cost, "--units-per-deal", input.units, "--cycle-months", "1", "--surge", input.surge];
        const args =
          input.command === "compute"
            ? ["compute", "quotas.csv", ...assume, "--by", input.by]
            : input.command === "track"
              ? ["track", "quotas.csv", "actuals.csv", ...assume, "--as-of", "2027-12"]
              : input.command === "scenarios"
                ? ["scenarios", "quotas.csv", ...assume, ...(input.vary ? ["--vary", `cost_per_inquiry=${input.scenarioCost},40`] : ["--scenarios", "scenarios.csv"])]
                : ["calibrate", "history.csv", "--as-of", "2026-12-31"];
        const run = await runIn(folderWith(files), [...args, "--format", input.format]);
        const label = `${args.join(" ")} --format ${input.format}`;
        expect([0, 1, 2], label).toContain(run.code);
        if (run.code === 2) {
          expect({ stdout: run.stdout, lines: run.stderr.split("\n").length }, `${label}\n${run.stderr}`).toStrictEqual({ stdout: "", lines: 2 });
        } else {
          expect(UNWORTHY.test(run.stdout + run.stderr), `${label}\n${run.stdout}`).toBe(false);
          expect(EXPONENT.test(run.stdout + run.stderr), `${label}\n${run.stdout}`).toBe(false);
        }
      }),
      RUNS,
    );
  }, 120_000);
});
