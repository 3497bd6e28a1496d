/**
 * Numbers as people write them: `1200000.50` and `1,200,000.50` with a decimal point, or
 * `1.200.000,50` and `1 200 000,50` with a decimal comma. A number's reading never rests on a
 * guess: the decimal mark is stated (`--decimal-comma`, `--decimal-point`), or revealed by the
 * number itself or by the other numbers of its file; `75.000` alone is 75 or 75,000 and is refused.
 */

/** The character that starts the fraction: `.` (a decimal point) or `,` (a decimal comma). */
export type DecimalMark = "." | ",";

/**
 * No mark stated or revealed, but a comma groups thousands: a comma-separated file, or a flag.
 * `1,500` is then 1500, as US and UK files write it; `1.500` still reads two ways (a dot groups
 * thousands in most of Europe) and is refused. A file separated by `;` or tab, as Excel writes
 * where the comma is the decimal mark, has no such rule: `1,500` there is refused too.
 */
export const COMMA_GROUPS = "comma-groups";

/** The mark numbers are read with: stated or revealed, the comma-groups rule, or none. */
export type MarkInForce = DecimalMark | typeof COMMA_GROUPS | undefined;

/** How messages and hints name each mark, and the flag that states it. */
export const DECIMAL_MARK_NAME: Record<DecimalMark, { name: string; flag: string; example: string }> = {
  ".": { name: "a decimal point", flag: "--decimal-point", example: "1,200,000.50" },
  ",": { name: "a decimal comma", flag: "--decimal-comma", example: "1.200.000,50" },
};

const other = (mark: DecimalMark): DecimalMark => (mark === "." ? "," : ".");

// Besides the other mark, thousands are grouped with spaces (French: U+00A0, U+202F) or
// apostrophes (Swiss: 1'200'000); those never start a fraction, so they say nothing of the mark.
const NEUTRAL_GROUP = /[ \u00a0\u202f'\u2019]/;

function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** `1200`, or `1,200,000` grouped by three with one separator throughout (the first group not 0). */
function integerPart(text: string, group: DecimalMark): string | undefined {
  if (isDigits(text)) return text;
  let separator: string | undefined;
  for (const char of text) {
    if (char === group || NEUTRAL_GROUP.test(char)) {
      if (separator !== undefined && separator !== char) return undefined;
      separator = char;
    }
  }
  if (separator === undefined) return undefined;
  const groups = text.split(separator);
  const [first, ...rest] = groups;
  if (first === undefined || !/^[1-9]\d{0,2}$/.test(first) || !rest.every((part) => /^\d{3}$/.test(part))) return undefined;
  return groups.join("");
}

/**
 * The value of `text` (digits and separators only) read with `mark` as the decimal mark and the
 * other mark as a thousands separator; undefined when it cannot be read that way. A fraction may
 * stand alone (`.5`), as rates are often written.
 */
export function valueWith(text: string, mark: DecimalMark): number | undefined {
  const at = text.indexOf(mark);
  if (at !== text.lastIndexOf(mark)) return undefined;
  const whole = at < 0 ? text : text.slice(0, at);
  const fraction = at < 0 ? "" : text.slice(at + 1);
  if (at >= 0 && !isDigits(fraction)) return undefined;
  const digits = whole === "" && at >= 0 ? "0" : integerPart(whole, other(mark));
  if (digits === undefined) return undefined;
  return Number(fraction === "" ? digits : `${digits}.${fraction}`);
}

/** What the text says about its decimal mark. */
export type NumberReading =
  /** Read the same either way (`1200`, `1 200`): says nothing of the mark. */
  | { kind: "neutral"; value: number }
  /** Readable with one mark only (`12.5`, `1.200.000`, `0,25`): reveals it. */
  | { kind: "revealing"; mark: DecimalMark; value: number }
  /** Readable with both, giving two values (`75.000`): needs the mark stated or revealed. */
  | { kind: "ambiguous"; byMark: Record<DecimalMark, number> }
  | { kind: "invalid" };

/** Classifies the digits-and-separators body of a number (no sign, currency or percent). */
export function readNumberText(text: string): NumberReading {
  if (isDigits(text)) return { kind: "neutral", value: Number(text) };
  const withPoint = valueWith(text, ".");
  const withComma = valueWith(text, ",");
  if (withPoint === undefined && withComma === undefined) return { kind: "invalid" };
  if (withPoint === undefined) return { kind: "revealing", mark: ",", value: withComma as number };
  if (withComma === undefined) return { kind: "revealing", mark: ".", value: withPoint };
  if (withPoint === withComma) return { kind: "neutral", value: withPoint };
  return { kind: "ambiguous", byMark: { ".": withPoint, ",": withComma } };
}

/** Plain digits, with the file's decimal mark at most once: nearly every cell of a large file. */
export function quickNumber(text: string, mark: MarkInForce): number {
  if (isDigits(text)) return Number(text);
  if (mark !== "." || text.length === 0) return Number.NaN;
  let dots = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 46) {
      if (++dots > 1 || index === 0 || index === text.length - 1) return Number.NaN;
    } else if (code < 48 || code > 57) {
      return Number.NaN;
    }
  }
  return Number(text);
}

/** Why a number cannot be read with the mark in force: the hint of its message. */
export type NumberTrouble = { kind: "invalid" } | { kind: "ambiguous"; text: string; byMark: Record<DecimalMark, number> } | { kind: "other-mark"; mark: DecimalMark };

/**
 * Reads the body of a number with the mark in force (stated, or revealed by its file), or by
 * its own shape when there is none.
 */
export function numberWithMark(text: string, mark: MarkInForce): { ok: true; value: number } | { ok: false; trouble: NumberTrouble } {
  if (mark === "." || mark === ",") {
    const value = valueWith(text, mark);
    if (value !== undefined) return { ok: true, value };
    return { ok: false, trouble: valueWith(text, other(mark)) === undefined ? { kind: "invalid" } : { kind: "other-mark", mark: other(mark) } };
  }
  const reading = readNumberText(text);
  switch (reading.kind) {
    case "neutral":
    case "revealing":
      return { ok: true, value: reading.value };
    case "ambiguous":
      if (mark === COMMA_GROUPS && !text.includes(".")) return { ok: true, value: reading.byMark["."] };
      return { ok: false, trouble: { kind: "ambiguous", text, byMark: reading.byMark } };
    default:
      return { ok: false, trouble: { kind: "invalid" } };
  }
}

const plain = (value: number) => (Number.isInteger(value) ? String(value) : String(value));

/** The hint that says how a troubled number can be read and how to say which is meant. */
export function troubleHint(trouble: NumberTrouble, shown: (value: number) => string = plain): string | undefined {
  if (trouble.kind === "ambiguous") {
    return `it reads as ${shown(trouble.byMark[","])} with a decimal comma or ${shown(trouble.byMark["."])} with a decimal point: give --decimal-comma or --decimal-point, or write it without a thousands separator`;
  }
  if (trouble.kind === "other-mark") {
    const { name, flag } = DECIMAL_MARK_NAME[trouble.mark];
    return `it is written with ${name}, but ${DECIMAL_MARK_NAME[other(trouble.mark)].name} is in force here: write the file one way, or give ${flag}`;
  }
  return undefined;
}
