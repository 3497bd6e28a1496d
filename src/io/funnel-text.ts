import type { Parsed } from "./values.js";

/** Names a stage may not take: the plan's own columns (a stage's column would be ambiguous beside them). */
const RESERVED = ["month", "quarter", "rep", "product", "quota", "units", "deals", "deal", "budget", "exact", "revenue"];
// Column names the outputs build from a stage's name (`surge_inquiry`, `extra_sql`, `cost_per_mql`,
// `inquiry_before_surge`, `inquiry_change`, `inquiry_change_percent`): a stage named so would
// give two columns one name, and a script reading by name the wrong figure.
const BUILT_PREFIXES = ["surge", "extra_", "cost_per_"];
const BUILT_SUFFIXES = ["_before_surge", "_change", "_change_percent"];
const builtName = (name: string) => BUILT_PREFIXES.some((prefix) => name.startsWith(prefix)) || BUILT_SUFFIXES.some((suffix) => name.endsWith(suffix));
const EXAMPLE = "like inquiry,mql,sql,won";

/**
 * A funnel as `--funnel` or the config's `funnel` gives it: stage names top first, the won deal
 * last, comma-separated (or a JSON list). Names are lowercase letters, digits and `_`, start with
 * a letter, appear once, contain no `_to_` (it joins a step's stages: `mql_to_sql`), and are not a
 * plan column's (`deals`, `budget`, …) nor a name the outputs build from a stage (`surge_…`,
 * `extra_…`, `cost_per_…`, `…_before_surge`, `…_change`); `won` only as the last stage.
 */
export function parseFunnel(value: string | readonly string[]): Parsed<string[]> {
  const stages = (typeof value === "string" ? value.split(",") : [...value]).map((name) => name.trim());
  if (stages.length < 2 || stages.some((name) => name === "")) {
    return { ok: false, expected: `at least two stages, top first, the won deal last, ${EXAMPLE}` };
  }
  const bad = stages.find((name) => !/^[a-z][a-z0-9_]*$/.test(name));
  if (bad !== undefined) return { ok: false, expected: `stage names of lowercase letters, digits and _, starting with a letter, ${EXAMPLE}`, hint: `not "${bad}"` };
  const joined = stages.find((name) => name.includes("_to_"));
  if (joined !== undefined) return { ok: false, expected: "stage names without _to_ (it joins a step's two stages, as in mql_to_sql)", hint: `not "${joined}"` };
  const reserved = stages.find((name) => RESERVED.includes(name) || builtName(name));
  if (reserved !== undefined) {
    return {
      ok: false,
      expected: `stage names other than the plan's own columns (${RESERVED.join(", ")}) and the names built from a stage (surge…, extra_…, cost_per_…, …_before_surge, …_change, …_change_percent)`,
      hint: `not "${reserved}"`,
    };
  }
  // `won` is the deal itself: above the last stage it would read as deals won in track's actuals.
  const early = stages.slice(0, -1).find((name) => name === "won");
  if (early !== undefined) return { ok: false, expected: "won as the last stage only (the won deal)", hint: `not "won" above ${stages[stages.length - 1] ?? ""}` };
  const twice = stages.find((name, at) => stages.indexOf(name) !== at);
  if (twice !== undefined) return { ok: false, expected: "each stage once", hint: `"${twice}" twice` };
  return { ok: true, value: stages };
}
