/**
 * The CSV formula guard (OWASP "CSV injection"): a spreadsheet runs a cell that begins with `=`,
 * `+`, `-`, `@`, a tab or a carriage return as a formula, so a lead source named
 * `=HYPERLINK("http://x","y")` that came from a web form would run when a planner opens the plan.
 * leadplan writes such a name with one single quote in front (`'=HYPERLINK(…)`), which the
 * spreadsheet shows as text, and every reader takes that quote off again, so names survive a
 * round trip through leadplan's own files. Only name columns are guarded: a figure such as a
 * variance of `-262000` is a number and is written as it is.
 *
 * A name that itself begins with quotes before such a character (`'=x`) gets one more quote
 * (`''=x`), so reading gives back exactly what was written: `readName(guardName(t)) === t` for
 * every text. `'Connor` is no formula and stays `'Connor` both ways.
 */

const QUOTE = 39; // '

/** `=`, `+`, `-`, `@`, tab, carriage return: what makes a spreadsheet read a cell as a formula. */
function startsFormula(code: number): boolean {
  return code === 61 || code === 43 || code === 45 || code === 64 || code === 9 || code === 13;
}

/** True when the first character that is not a quote would start a formula. */
function wouldGuard(text: string, from: number): boolean {
  let at = from;
  while (at < text.length && text.charCodeAt(at) === QUOTE) at++;
  return at < text.length && startsFormula(text.charCodeAt(at));
}

/** A name as leadplan writes it to CSV: `'=SUM(A1)` for `=SUM(A1)`, anything else unchanged. */
export function guardName(name: string): string {
  return wouldGuard(name, 0) ? `'${name}` : name;
}

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/;
const INVISIBLE_ALL = /[\u200b-\u200d\u2060\ufeff]/g;

/**
 * A name cell as every reader takes it (rep, product, source, scenario…): trimmed, and without the
 * one quote {@link guardName} adds, which it drops only when what follows would have been guarded
 * (`'=x` reads as `=x`, `'Connor` stays `'Connor`). Cheap enough for every row of a large file:
 * no work beyond `trim` unless the cell begins with a quote.
 */
export function readName(cell: string): string {
  // Invisible characters (zero-width space and joiners, word joiner, a stray BOM) would make two
  // names that print alike two reps: they are no letters, and are dropped.
  const text = (INVISIBLE.test(cell) ? cell.replace(INVISIBLE_ALL, "") : cell).trim();
  return text.charCodeAt(0) === QUOTE && wouldGuard(text, 1) ? text.slice(1) : text;
}
