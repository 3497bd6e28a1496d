/** How a run ended, as the CLI reports it. */
export type Outcome = "done" | "check-failed" | "bad-input";

/** 0 done; 1 a check failed (the report still printed); 2 bad input or usage, nothing written. */
export function exitCodeFor(outcome: Outcome): number {
  switch (outcome) {
    case "done":
      return 0;
    case "check-failed":
      return 1;
    case "bad-input":
      return 2;
  }
}
