// Folds for DETECTING names that are probably the same one spelt two ways. They are never used to
// match: two names that differ in letters are two people or products (`Zoë` and `Zoé` stay two
// reps), so a fold only decides whether a mismatch deserves an error or a warning.

const COMBINING_MARKS = /\p{M}+/gu;
const SPACES = /\s+/gu;

/**
 * The spelling with case, inner spaces and accents folded away: `Chloé`, `CHLOE` and `chloe` all
 * give `chloe`, `Ana  Lopez` gives `ana lopez`. Between two files, a name that differs from a quota
 * name only so is a near-miss (an export that dropped accents, a hand-typed file). Free of the
 * machine's locale: `toLowerCase` uses Unicode's default case mapping.
 */
export function foldName(name: string): string {
  return foldCase(name.normalize("NFD").replace(COMBINING_MARKS, ""));
}

/**
 * Case and inner spaces folded, accents kept: within one file, `Ana` and `ana` are one name typed
 * twice, while `Zoë` and `Zoé` may well be two people. An accent stored as a letter plus a
 * combining mark counts as the letter it makes (NFC), since both print alike.
 */
export function foldCase(name: string): string {
  return name.normalize("NFC").replace(SPACES, " ").toLowerCase();
}
