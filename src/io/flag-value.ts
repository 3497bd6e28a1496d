import { InputError, type InputIssue } from "./input-issue.js";
import type { Parsed } from "./values.js";

/**
 * A flag's value, parsed, or an `option.invalid` error naming the flag, what its parser expected
 * and the text found (with the parser's hint, when it gives one).
 */
export function flagValue<T>(flag: string, text: string, parse: (text: string) => Parsed<T>): T {
  const parsed = parse(text);
  if (parsed.ok) return parsed.value;
  const issue: InputIssue = { code: "option.invalid", file: flag, expected: parsed.expected, found: text };
  if (parsed.hint !== undefined) issue.hint = parsed.hint;
  throw new InputError(issue);
}
