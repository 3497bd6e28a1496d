import { readName } from "./formula-guard.js";

/** More names than this in one column is an id column mapped by mistake, not products or reps. */
export const MAX_NAMES = 10_000;

// Up to this many spellings are found by a scan with `===`, faster than hashing a fresh string
// for a Map on every row; a column with more falls back to the Map.
const SCANNED = 16;

/** Names seen in a column, each given an index once. */
export class NameIndex {
  readonly names: string[] = [];
  private readonly spellings: string[] = [];
  private readonly spellingIndex: number[] = [];
  private readonly indices = new Map<string, number>();

  /** The name's index, or -1 when the column already holds {@link MAX_NAMES} others. */
  indexOf(name: string): number {
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
    if (index === undefined) {
      if (this.names.length >= MAX_NAMES) return -1;
      index = this.names.length;
      this.names.push(trimmed);
      this.indices.set(trimmed, index);
    }
    this.indices.set(name, index);
    spellings.push(name);
    this.spellingIndex.push(index);
    return index;
  }
}
