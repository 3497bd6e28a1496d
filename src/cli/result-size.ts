import { InputError } from "../io/input-issue.js";

/**
 * 2^53 / 100: money is printed to the cent, and past 2^53 cents a double no longer holds every
 * cent, so a sum of in-range quotas would print a figure nobody computed (9,000 quotas of
 * 999,999,999,999.99 summed to 8999999999999997, not ...910); past 2^53 whole units not even the
 * units (`99999999999999999999` once gave a budget of `3899999999999999500`). One bound for every
 * figure keeps the rule plain: about 90 trillion, far beyond any plan.
 */
export const LARGEST_EXACT = 2 ** 53 / 100;

const tooLarge = (value: number): boolean => {
  if (Number.isNaN(value)) throw new Error("a figure is not a number");
  return !(Math.abs(value) <= LARGEST_EXACT);
};

interface Frame {
  value: object;
  path: string;
  /** For an array: the next item to look at; its items are visited one at a time. */
  next: number;
}

/** Where the first figure past {@link LARGEST_EXACT} sits in a result, or undefined. */
export function tooLargeFigure(result: unknown): { path: string; value: number } | undefined {
  // Iterative and depth-first, numbers checked where they stand: a plan by segment holds millions
  // of figures, and the stack stays as deep as the result's nesting, not as long as its rows.
  if (typeof result === "number") return tooLarge(result) ? { path: "", value: result } : undefined;
  const stack: Frame[] = result !== null && typeof result === "object" ? [{ value: result, path: "", next: 0 }] : [];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const { value, path } = frame;
    if (Array.isArray(value)) {
      let child: object | undefined;
      while (frame.next < value.length && child === undefined) {
        const item: unknown = value[frame.next++];
        if (typeof item === "number") {
          if (tooLarge(item)) return { path, value: item };
        } else if (item !== null && typeof item === "object") {
          child = item;
        }
      }
      if (child === undefined) stack.pop();
      else stack.push({ value: child, path, next: 0 });
      continue;
    }
    stack.pop();
    if (value instanceof Map || value instanceof Set) continue;
    for (const key in value) {
      const item = (value as Record<string, unknown>)[key];
      if (typeof item === "number") {
        if (tooLarge(item)) return { path: path === "" ? key : `${path}.${key}`, value: item };
      } else if (item !== null && typeof item === "object") {
        stack.push({ value: item, path: path === "" ? key : `${path}.${key}`, next: 0 });
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
    expected: "a figure of at most 90,071,992,547,409.92 (2^53 cents, the most a double holds exactly to the cent)",
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
