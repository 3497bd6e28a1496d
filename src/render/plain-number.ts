/**
 * The one way a figure becomes text in every format: plain decimal notation, never an exponent
 * (`String(1e21)` is `1e+21`, `String(1e-7)` is `1e-7`) and never `-0`. JavaScript's shortest
 * round-trip digits are kept, only the decimal point is moved. A figure that is not finite is a
 * bug upstream (the result check refuses anything past 2^53), so it throws rather than print.
 */
export function plainNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`a figure is not finite: ${value}`);
  if (value === 0) return "0";
  const text = String(value);
  const e = text.indexOf("e");
  if (e < 0) return text;
  const negative = value < 0;
  const mantissa = text.slice(negative ? 1 : 0, e);
  const exponent = Number(text.slice(e + 1));
  const point = mantissa.indexOf(".");
  const digits = point < 0 ? mantissa : mantissa.slice(0, point) + mantissa.slice(point + 1);
  // Where the decimal point falls, counted in digits from the left of `digits`.
  const at = (point < 0 ? mantissa.length : point) + exponent;
  const body = at <= 0 ? `0.${"0".repeat(-at)}${digits}` : at >= digits.length ? digits + "0".repeat(at - digits.length) : `${digits.slice(0, at)}.${digits.slice(at)}`;
  return negative ? `-${body}` : body;
}

/**
 * A `JSON.stringify` replacer that keeps every number plain: JSON writes numbers below a
 * millionth with an exponent, so those are rounded to six decimals (0 or 0.000001, the
 * precision of every exact figure in our JSON), and `-0` is 0. Larger figures print plain as
 * long as they are at most 2^53, which the result check makes sure of.
 */
export function plainJson(_key: string, value: unknown): unknown {
  if (typeof value !== "number") return value;
  if (!Number.isFinite(value)) throw new Error(`a figure is not finite: ${value}`);
  if (value === 0) return 0;
  return Math.abs(value) < 1e-6 ? Math.round(value * 1e6) / 1e6 + 0 : value;
}

/**
 * A figure JSON keeps exact: six decimals, enough to audit any rounding and free of binary noise
 * such as 30.000000000000004. Missing stays `null`.
 */
export function sixDecimals(value: number): number;
export function sixDecimals(value: number | null): number | null;
export function sixDecimals(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1e6) / 1e6;
}

/** A lag distribution as every JSON schema writes it: `[{ lag_months, share }]`. */
export function lagJson(lag: readonly { lagMonths: number; share: number }[]): { lag_months: number; share: number }[] {
  return lag.map(({ lagMonths, share }) => ({ lag_months: lagMonths, share: sixDecimals(share) }));
}
