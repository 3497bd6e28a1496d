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

/** One line: `quotas.csv:7: quota: expected an amount, found "12,5k"`. */
export function formatIssue(issue: InputIssue): string {
  const location = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
  const column = issue.column === undefined ? "" : `${issue.column}: `;
  const body = issue.found === undefined ? issue.expected : `expected ${issue.expected}, found ${JSON.stringify(issue.found)}`;
  const hint = issue.hint === undefined ? "" : ` (${issue.hint})`;
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
}
