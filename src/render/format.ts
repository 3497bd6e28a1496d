import type { ColumnKind } from "./csv-writer.js";
import type { Column } from "./document.js";
import { plainNumber } from "./plain-number.js";

/**
 * Every figure's text for people, in one place. Locale-free by design: output never depends on
 * the machine's locale. Machine text (CSV, JSON) is {@link plainNumber}.
 */
export { plainNumber };

/**
 * Locale-free number text with thousands separators: `1,333.33`. Written out rather than
 * `toLocaleString`, whose output depends on the machine's locale. `always` keeps the decimals
 * of a whole number (`60.00`).
 */
export function formatNumber(value: number, decimals: number, always = false): string {
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const [whole = "0", fraction = ""] = plainNumber(rounded).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = value < 0 && rounded !== 0 ? "-" : "";
  if (fraction === "" && !always) return `${sign}${grouped}`;
  return `${sign}${grouped}.${fraction.padEnd(decimals, "0")}`;
}

/** A figure for people: money with cents (both decimals) only when it has cents, anything else whole, missing as `–`. */
export function formatFigure(value: number | null, kind: ColumnKind): string {
  if (value === null) return "–";
  return formatNumber(value, kind === "money" ? 2 : 0);
}

/** `173%`; a load just over capacity keeps a decimal (`100.3%`) so it never reads as 100%; none is `–`. */
export function formatUtilisation(utilisation: number | null, over: boolean): string {
  if (utilisation === null) return "–";
  const percent = utilisation * 100;
  const whole = formatNumber(percent, 0);
  return over && Math.round(percent) <= 100 ? `${formatNumber(percent, 1)}%` : `${whole}%`;
}

/** A capacity for people: `30`, `7.5` (a quarter month), `–` when none. */
export function formatCapacity(capacity: number | null): string {
  // Two decimals at most, none trailing: 7.5 rather than 7.50, since a capacity is not money.
  if (capacity === null) return "–";
  const text = formatNumber(capacity, 2);
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

/**
 * `54.3%`: a probability as people read it, one decimal; never a certainty it is not (`>99.9%`,
 * `<0.1%` when the rounding would say 100.0% or 0.0%).
 */
export function chanceText(probability: number): string {
  const text = formatNumber(probability * 100, 1, true);
  if (probability < 1 && text === "100.0") return ">99.9%";
  if (probability > 0 && text === "0.0") return "<0.1%";
  return `${text}%`;
}

/** A multiple of a baseline: `2.41×`, missing as `–`. */
export const formatMultiple = (value: number | null): string => (value === null ? "–" : `${formatNumber(value, 2, true)}×`);

/** The text a cell shows when its column gives none: figures by kind, words as they are, missing as `–`. */
export function formatCell(value: string | number | boolean | null, kind: ColumnKind): string {
  if (value === null) return "–";
  if (typeof value === "number") return formatFigure(value, kind);
  return String(value);
}

/** A cell as people read it, with its `!` mark. */
export function cellText<R>(column: Column<R>, row: R): string {
  const text = column.text ? column.text(row) : formatCell(column.value(row), column.kind);
  return column.marked?.(row) === true ? `${text} !` : text;
}
