import { InputError } from "../io/input-issue.js";

/**
 * 2^53: past it a double no longer holds every whole number, so a budget would print a figure
 * nobody computed (`99999999999999999999` once gave a budget of `3899999999999999500`).
 */
export const LARGEST_EXACT = 2 ** 53;

/** Where the first figure past {@link LARGEST_EXACT} sits in a result, or undefined. */
export function tooLargeFigure(result: unknown): { path: string; value: number } | undefined {
  // Iterative and allocation-light: a plan by segment holds hundreds of thousands of figures.
  const stack: { value: unknown; path: string }[] = [{ value: result, path: "" }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: string };
    if (typeof value === "number") {
      if (Number.isNaN(value)) throw new Error(`a figure is not a number at ${path}`);
      if (!(Math.abs(value) <= LARGEST_EXACT)) return { path, value };
    } else if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) {
        const item: unknown = value[index];
        if (typeof item === "number") {
          if (Number.isNaN(item)) throw new Error(`a figure is not a number at ${path}`);
          if (!(Math.abs(item) <= LARGEST_EXACT)) return { path, value: item };
        } else if (item !== null && typeof item === "object") {
          stack.push({ value: item, path });
        }
      }
    } else if (value !== null && typeof value === "object") {
      for (const key in value) {
        const item = (value as Record<string, unknown>)[key];
        if (typeof item === "number" || (item !== null && typeof item === "object")) stack.push({ value: item, path: path === "" ? key : `${path}.${key}` });
      }
    }
  }
  return undefined;
}

/**
 * Refuses a result that holds a figure past 2^53 (or Infinity), before anything is written.
 * Each value read is within its range (src/io/values.ts), but ranges multiply: a quota of a
 * trillion at a deal size of a cent and rates of one in a million needs 10^26 inquiries, and a
 * hundred thousand segments of a trillion each sum past it. `what` names the result: `the plan`.
 */
export function checkResultSize(result: unknown, what: string): void {
  const found = tooLargeFigure(result);
  if (found === undefined) return;
  // `view.totals.costPerDeal` names the figure `totals cost per deal`.
  const parts = found.path.split(".").filter((part) => part !== "rows" && part !== "view" && part !== "exact");
  const name = parts.map((part) => part.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`).replace(/_/g, " ")).join(" ") || "a figure";
  throw new InputError({
    code: "result.too-large",
    file: what,
    column: name,
    expected: "a figure of at most 9,007,199,254,740,992 (2^53, the largest whole number a double holds exactly)",
    found: magnitude(found.value),
    hint: "the quotas, deal sizes, rates and costs ask for more than any plan can hold: check them for a misplaced digit",
  });
}

/** `about 1.3 × 10^21`: past 2^53 the digits a double prints were never computed, only its size. */
function magnitude(value: number): string {
  if (!Number.isFinite(value)) return "more than 10^308";
  const power = Math.floor(Math.log10(Math.abs(value)));
  const leading = Math.round((Math.abs(value) / 10 ** power) * 10) / 10;
  return `about ${value < 0 ? "-" : ""}${leading} × 10^${power}`;
}
