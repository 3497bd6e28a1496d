/**
 * A check the user asked for failed (`--fail-on capacity` over capacity, `track` behind plan). The
 * report has been written in full, warnings included; the CLI prints the message as its closing
 * summary (`leadplan: 6 capacity warnings; exit 1 (--strict)`) and exits 1
 * (`exitCodeFor("check-failed")`).
 */
export class CheckFailed extends Error {
  override name = "CheckFailed";
}
