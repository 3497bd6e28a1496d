import { InputError, type IssueCode } from "../../src/io/input-issue.js";

/** The code and the one-line message of the input error a read raises. */
export function issueOf(read: () => unknown): { code: IssueCode; message: string } {
  try {
    read();
  } catch (error) {
    if (error instanceof InputError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected an input error, but the read succeeded");
}
