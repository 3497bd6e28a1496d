import { readName } from "./formula-guard.js";

/** More names than this in one column is an id column mapped by mistake, not products or reps. */
export const MAX_NAMES = 10_000;

// Up to this many spellings are found by a scan with `===`, faster than hashing a fresh string
// for a Map on every row; a column with more falls back to the Map.
const SCANNED = 16;

/** What {@link NameIndex.indexOf} gives for a blank name in a column where blank means unnamed. */
export const UNNAMED = -1;
/** What {@link NameIndex.indexOf} gives once the column holds {@link MAX_NAMES} names. */
export const FULL = -2;

/** Names seen in a column, each given an index once, with the line that first wrote it. */
export class NameIndex {
  readonly names: string[] = [];
  /** The line each name was first seen on, indexed like `names` (for messages about names). */
  readonly lines: number[] = [];
  private readonly spellings: string[] = [];
  private readonly spellingIndex: number[] = [];
  private readonly indices = new Map<string, number>();

  /** `blankIsUnnamed`: a name of only spaces is no name ({@link UNNAMED}), as an empty cell is. */
  constructor(private readonly blankIsUnnamed = false) {}

  /** The name's index, {@link UNNAMED} for a blank one, or {@link FULL} when the column is full. */
  indexOf(name: string, line: number): number {
    const spellings = this.spellings;
    const count = spellings.length;
    if (count <= SCANNED) {
      for (let at = 0; at < count; at++) if (spellings[at] === name) return this.spellingIndex[at] ?? -1;
    } else {
      const known = this.indices.get(name);
      if (known !== undefined) return known;
    }
    // " Web form" and "Web form" are one source: both spellings get the same index; so are
    // "'=x" (as leadplan's formula guard writes it) and "=x".
    const trimmed = readName(name);
    let index = this.indices.get(trimmed);
    if (index === undefined && trimmed === "" && this.blankIsUnnamed) index = UNNAMED;
    if (index === undefined) {
      if (this.names.length >= MAX_NAMES) return FULL;
      index = this.names.length;
      this.names.push(trimmed);
      this.lines.push(line);
      this.indices.set(trimmed, index);
    }
    this.indices.set(name, index);
    spellings.push(name);
    this.spellingIndex.push(index);
    return index;
  }
}
