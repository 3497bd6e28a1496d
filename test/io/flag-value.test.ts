import { describe, expect, it } from "vitest";
import { flagValue } from "../../src/io/flag-value.js";
import { InputError } from "../../src/io/input-issue.js";
import type { Parsed } from "../../src/io/values.js";

const even = (text: string): Parsed<number> => (Number(text) % 2 === 0 ? { ok: true, value: Number(text) } : { ok: false, expected: "an even number" });
const hinted = (): Parsed<number> => ({ ok: false, expected: "an even number", hint: "odd numbers are refused" });

const thrown = (call: () => unknown): InputError => {
  try {
    call();
  } catch (error) {
    return error as InputError;
  }
  throw new Error("flagValue did not throw");
};

describe("flagValue: a flag's value or an option.invalid error naming the flag", () => {
  it("gives the parsed value", () => {
    expect(flagValue("--pairs", "4", even)).toBe(4);
  });

  it("names the flag, what was expected and the text found", () => {
    const error = thrown(() => flagValue("--pairs", "3", even));
    expect(error).toBeInstanceOf(InputError);
    expect(error.code).toBe("option.invalid");
    expect(error.message).toBe('--pairs: expected an even number, found "3"');
  });

  it("keeps the parser's hint", () => {
    expect(thrown(() => flagValue("--pairs", "3", hinted)).message).toBe('--pairs: expected an even number, found "3" (odd numbers are refused)');
  });
});
