/**
 * Reading comma-separated lines and their cells straight from a file's bytes, for the byte-level
 * fast paths: each reader gives what its text twin gives (tests hold them to it), or says it is
 * not sure, and the caller then reads the text the usual way.
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

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * The fields of one comma-separated line, as byte offsets into the buffer (a quoted field's
 * without its quotes).
 * A line the reader is not sure Papa Parse splits the same way is left to it: a quote inside an
 * unquoted field, text after a closing quote, a line break inside quotes, a lone CR.
 */
export class LineFields {
  starts = new Int32Array(32);
  ends = new Int32Array(32);
  count = 0;
  /** Whether a quoted field holds a doubled quote (`""`), which its text must undo. */
  doubledQuote = false;

  /**
   * Splits the line from `at` (the buffer holds whole lines up to `limit`); returns the offset
   * after its line end, or -1 when not sure. Kept to local variables and plain returns: this loop
   * sees every byte of the file.
   */
  split(bytes: Uint8Array, at: number, limit: number): number {
    let field = 0;
    let starts = this.starts;
    let ends = this.ends;
    this.doubledQuote = false;
    for (;;) {
      if (field === starts.length) {
        this.grow();
        starts = this.starts;
        ends = this.ends;
      }
      let start = at;
      let end: number;
      if (bytes[at] === QUOTE && at < limit) {
        start = ++at;
        for (;;) {
          if (at >= limit) return -1;
          const byte = bytes[at];
          if (byte === QUOTE) {
            if (at + 1 >= limit || bytes[at + 1] !== QUOTE) break;
            this.doubledQuote = true;
            at += 2;
          } else if (byte === LF || byte === CR) {
            return -1;
          } else {
            at++;
          }
        }
        end = at++;
      } else {
        while (at < limit) {
          const byte = bytes[at];
          if (byte === COMMA || byte === LF || byte === CR || byte === QUOTE) break;
          at++;
        }
        end = at;
      }
      starts[field] = start;
      ends[field] = end;
      field++;
      if (at >= limit) {
        this.count = field;
        return limit;
      }
      const byte = bytes[at];
      if (byte === COMMA) {
        at++;
        continue;
      }
      this.count = field;
      if (byte === LF) return at + 1;
      // A CR ends a line only before an LF: a lone CR is a line end the stream path counts its own way.
      // Any other byte here is a quote inside a field, or text after a closing one.
      if (byte === CR && at + 1 < limit && bytes[at + 1] === LF) return at + 2;
      return -1;
    }
  }

  /** The fields as text, as Papa Parse gives them. */
  texts(bytes: Buffer): string[] {
    const fields: string[] = [];
    for (let at = 0; at < this.count; at++) {
      const text = bytes.toString("utf8", this.starts[at], this.ends[at]);
      fields.push(this.doubledQuote ? text.replaceAll('""', '"') : text);
    }
    return fields;
  }

  private grow(): void {
    const starts = new Int32Array(this.starts.length * 2);
    const ends = new Int32Array(this.ends.length * 2);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }
}
