import type { Parsed } from "./values.js";

/** Names a stage may not take: the plan's own columns (a stage's column would be ambiguous beside them). */
const RESERVED = ["month", "quarter", "rep", "product", "quota", "units", "deals", "deal", "budget", "exact"];
const EXAMPLE = "like inquiry,mql,sql,won";

/**
 * A funnel as `--funnel` or the config's `funnel` gives it: stage names top first, the won deal
 * last, comma-separated (or a JSON list). Names are lowercase letters, digits and `_`, start with
 * a letter, appear once, contain no `_to_` (it joins a step's stages: `mql_to_sql`), and are not a
 * plan column's (`deals`, `budget`, …) nor start with `surge`.
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
  const reserved = stages.find((name) => RESERVED.includes(name) || name.startsWith("surge"));
  if (reserved !== undefined) return { ok: false, expected: `stage names other than the plan's own columns (${RESERVED.join(", ")}, surge…)`, hint: `not "${reserved}"` };
  const twice = stages.find((name, at) => stages.indexOf(name) !== at);
  if (twice !== undefined) return { ok: false, expected: "each stage once", hint: `"${twice}" twice` };
  return { ok: true, value: stages };
}
