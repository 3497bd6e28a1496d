/** Stable codes for every kind of input problem; scripts may match on them. */
export type IssueCode =
  | "file.unreadable"
  | "file.empty"
  | "file.unwritable"
  | "file.is-input"
  | "file.encoding"
  | "column.missing"
  | "column.unknown"
  | "column.duplicate"
  | "column.conflict"
  | "value.invalid"
  | "row.duplicate"
  | "row.width"
  | "row.left-out"
  | "row.missing"
  | "segment.unmatched"
  | "segment.no-cost"
  | "name.near-miss"
  | "name.case-only"
  | "row.unused"
  | "option.invalid"
  | "config.invalid"
  | "csv.malformed"
  | "result.too-large";

/**
 * A problem with the user's input, located as precisely as the input allows: the file (or the
 * flag), the line, the column, and what was expected against what was found.
 */
export interface InputIssue {
  code: IssueCode;
  /** File name as the user gave it, or a flag such as `--close-rate`. */
  file: string;
  line?: number;
  column?: string;
  /** What was expected, completing "expected …"; or, with `found` absent, a whole statement. */
  expected: string;
  found?: string;
  hint?: string;
}

/** The most of a value a message echoes: enough to recognise it, never a whole bad file. */
export const ECHO_LIMIT = 60;

// Control characters (C0, DEL, C1), line and paragraph separators and bidirectional overrides:
// any of them could break the one-line message, move the cursor or recolour the terminal.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

const escapeChar = (char: string): string => {
  const named = NAMED[char];
  if (named !== undefined) return named;
  const code = char.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
};

/** Text cut to `limit` characters with an ellipsis (never between the halves of a surrogate pair). */
function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const end = /[\ud800-\udbff]/.test(text.charAt(limit - 1)) ? limit - 1 : limit;
  return `${text.slice(0, end)}…`;
}

// A name quoted inside a message (`rep "…"`), too long to echo whole.
// Told by what stands around it: an opening quote after a space, `(` or `=`, a closing one before
// a space, `,`, `:`, `;`, `)` or `.`, so the text between two names is never taken for one.
const LONG_QUOTED = new RegExp(`(?<=^|[\\s(=])"([^"]{${ECHO_LIMIT + 1},})"(?=$|[\\s,:;).])`, "g");

/**
 * Text safe to print on one line of a terminal: control characters shown as `\n`, `\x1b`;
 * each quoted name in it cut at {@link ECHO_LIMIT} characters, so that a huge name leaves the
 * rest of the message (what was expected, the hint) whole.
 */
export function printable(text: string, limit = 400): string {
  const names = text.length > ECHO_LIMIT ? text.replace(LONG_QUOTED, (_, name: string) => `"${cut(name, ECHO_LIMIT)}"`) : text;
  return cut(names, limit).replace(UNSAFE, escapeChar);
}

/** A value as a message echoes it: quoted, escaped, and cut at {@link ECHO_LIMIT} characters. */
export function quoted(value: string): string {
  return `"${cut(value, ECHO_LIMIT).replace(/["\\]/g, "\\$&").replace(UNSAFE, escapeChar)}"`;
}

/**
 * One line: `quotas.csv:7: quota: expected an amount, found "12,5k"`. Every value from the
 * user's input is echoed through here, so this is the one place that keeps messages one line
 * and safe to print: `found` is quoted and cut, and every other part is escaped and bounded.
 */
export function formatIssue(issue: InputIssue): string {
  const location = issue.line === undefined ? printable(issue.file) : `${printable(issue.file)}:${issue.line}`;
  const column = issue.column === undefined ? "" : `${printable(issue.column, ECHO_LIMIT)}: `;
  const body = issue.found === undefined ? printable(issue.expected) : `expected ${printable(issue.expected)}, found ${quoted(issue.found)}`;
  const hint = issue.hint === undefined ? "" : ` (${printable(issue.hint)})`;
  return `${location}: ${column}${body}${hint}`;
}

/** The one error type for bad user input; the CLI prints its message as one line and exits 2. */
export class InputError extends Error {
  override name = "InputError";
  readonly issue: InputIssue;
  constructor(issue: InputIssue) {
    super(formatIssue(issue));
    this.issue = issue;
  }
  get code(): IssueCode {
    return this.issue.code;
  }
  /** The file (or flag, or option) the problem is in. */
  get file(): string {
    return this.issue.file;
  }
  /** The line of `file`, from 1 (the header), when the problem has one. */
  get line(): number | undefined {
    return this.issue.line;
  }
  /** The column (or config key) the problem is in, when it has one. */
  get column(): string | undefined {
    return this.issue.column;
  }
}
