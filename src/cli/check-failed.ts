/**
 * A check the user asked for failed (`compute --strict` over capacity, `track` off track). The
 * report has been written in full, warnings included; the CLI only exits 1
 * (`exitCodeFor("check-failed")`). The message says what failed, for library callers.
 */
export class CheckFailed extends Error {
  override name = "CheckFailed";
}
