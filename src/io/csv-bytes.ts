/**
 * Small readers of CSV cells straight from a file's bytes, for the byte-level fast paths: each
 * gives what its text twin gives on the same ASCII text (a property test holds them to it), or
 * says it is not sure, and the caller then reads the cell's text the usual way.
 */

/**
 * Plain digits with at most one dot (`12.27`) between `start` and `end`, NaN for anything else:
 * the byte twin of history-leads.ts's `plainAmount`. Digits and the power of ten are exact
 * doubles below 15 digits, so one IEEE division gives the same correctly rounded value as `Number(text)`.
 */
export function plainDecimalBytes(bytes: Uint8Array, start: number, end: number, allowDot: boolean): number {
  const length = end - start;
  if (length <= 0 || length > 15) return Number.NaN;
  let digits = 0;
  let scale = 1;
  let dot = -1;
  for (let at = start; at < end; at++) {
    const code = bytes[at] as number;
    if (code >= 48 && code <= 57) {
      digits = digits * 10 + (code - 48);
      if (dot >= 0) scale *= 10;
    } else if (code === 46 && allowDot && dot < 0 && at > start && at < end - 1) {
      dot = at;
    } else {
      return Number.NaN;
    }
  }
  return scale === 1 ? digits : digits / scale;
}

/** Whether the bytes from `start` to `end` spell `ascii` exactly. */
export function bytesAre(bytes: Uint8Array, start: number, end: number, ascii: string): boolean {
  if (end - start !== ascii.length) return false;
  for (let at = 0; at < ascii.length; at++) if (bytes[start + at] !== ascii.charCodeAt(at)) return false;
  return true;
}
