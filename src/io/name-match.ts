import type { HistoryRead } from "./history-reader.js";
import { InputError, type InputIssue } from "./input-issue.js";
import { foldCase, foldName } from "./name-fold.js";
import type { QuotaFile } from "./quotas.js";

export type NameKind = "rep" | "product";
/** The kinds of name a list may hold: the quotas' reps and products, and the actuals' lead sources. */
export type ListKind = NameKind | "source";

/** The distinct names one column of one file writes, each with where the file first writes it. */
export interface NameList {
  file: string;
  kind: ListKind;
  /** Name → where first written (see `lineOf`), in file order; no empty (unassigned) name. */
  first: ReadonlyMap<string, number>;
  /** The line of a `first` position: a quota file finds its lines only when a message needs one. */
  lineOf: (position: number) => number;
}

/** How many same-file spellings are warned about one by one; the rest are counted. */
const TWINS_SHOWN = 5;

/** The distinct names of `entries` (name, position), the first position kept; empty names left out. */
export function nameList(file: string, kind: ListKind, entries: Iterable<readonly [string, number]>, lineOf = (line: number) => line): NameList {
  const first = new Map<string, number>();
  for (const [name, position] of entries) if (name !== "" && !first.has(name)) first.set(name, position);
  return { file, kind, first, lineOf };
}

/** The reps or products the quotas name, each at its first quota line (segments keep file order). */
export function quotaNames(quotas: QuotaFile, kind: NameKind): NameList {
  function* entries(): Generator<readonly [string, number]> {
    for (const segment of quotas.segments) yield [segment[kind], segment.firstRecord];
  }
  return nameList(quotas.file, kind, entries(), quotas.lineOf);
}

/** The products (or reps) a history names, each at the line that first writes it. */
export function historyNameList(read: HistoryRead, kind: NameKind): NameList {
  const names = kind === "rep" ? read.names.reps : read.names.products;
  const lines = kind === "rep" ? read.nameLines.reps : read.nameLines.products;
  return nameList(read.file, kind, names.map((name, index) => [name, lines[index] ?? 0] as const));
}

/**
 * Matches the names another file writes against the quotas' names, exactly (every reader trims
 * the cells first). A name with no exact match that differs from a quota name only in case, inner
 * spaces or accents ({@link foldName}) is a near-miss: an error naming both spellings and their
 * lines, since reading it either way could plan a segment with another's numbers. Returns the
 * names that match no quota name and are no near-miss (the caller warns about them as its file
 * needs), and warnings for `other`'s names that differ from each other only in case or spaces.
 *
 * Only distinct names are compared, and quota names are folded only when some name has no exact
 * match: a million-row quota file costs one pass over its segments.
 */
export function matchNames(quotas: NameList, other: NameList): { unmatched: string[]; warnings: InputIssue[] } {
  const unmatched: string[] = [];
  for (const name of other.first.keys()) if (!quotas.first.has(name)) unmatched.push(name);
  if (unmatched.length > 0) {
    const byFold = new Map<string, string>();
    for (const name of quotas.first.keys()) {
      const key = foldName(name);
      if (!byFold.has(key)) byFold.set(key, name);
    }
    for (const name of unmatched) {
      const spelling = byFold.get(foldName(name));
      if (spelling !== undefined) throw new InputError(nearMiss(quotas, other, name, spelling));
    }
  }
  return { unmatched, warnings: sameFileSpellings(other) };
}

function nearMiss(quotas: NameList, other: NameList, name: string, spelling: string): InputIssue {
  const lineOf = (list: NameList, which: string) => list.lineOf(list.first.get(which) ?? 0);
  const issue: InputIssue = {
    code: "name.near-miss",
    file: other.file,
    line: lineOf(other, name),
    expected: `${other.kind} "${name}": no quota segment has this spelling, but ${quotas.file}:${lineOf(quotas, spelling)} has "${spelling}": expected the same spelling in both files`,
  };
  if (sameLetters(name, spelling)) issue.hint = "the same letters stored in two Unicode forms: retype one of them";
  return issue;
}

/**
 * A warning for each name of one file that differs from an earlier name of the same file only in
 * case or inner spaces (`Ana`, `ana`): both are read, as two names. Accents are letters here:
 * `Zoë` and `Zoé` are two people without a word.
 */
export function sameFileSpellings(list: NameList): InputIssue[] {
  const firstByFold = new Map<string, string>();
  const warnings: InputIssue[] = [];
  let unshown = 0;
  for (const [name, position] of list.first) {
    const key = foldCase(name);
    const earlier = firstByFold.get(key);
    if (earlier === undefined) {
      firstByFold.set(key, name);
    } else if (warnings.length < TWINS_SHOWN) {
      warnings.push({
        code: "name.case-only",
        file: list.file,
        line: list.lineOf(position),
        expected: `${list.kind} "${name}" differs from "${earlier}" (line ${list.lineOf(list.first.get(earlier) ?? 0)}) only in ${sameLetters(name, earlier) ? "Unicode form" : "case or spaces"}: read as two ${list.kind}s`,
      });
    } else {
      unshown++;
    }
  }
  if (unshown > 0) {
    warnings.push({ code: "name.case-only", file: list.file, expected: `${unshown} more ${list.kind} names that differ from another only in case or spaces` });
  }
  return warnings;
}

/** Composed `é` against `e` + a combining accent: the same letters, which print alike. */
const sameLetters = (one: string, other: string) => one.normalize("NFC") === other.normalize("NFC");
