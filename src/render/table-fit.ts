import { textWidth } from "./text-table.js";
import { widestWord, wrapWords } from "./wrap-words.js";

/** What fitting a table needs to know of a column: never its cells, only how wide they are. */
export interface FitColumn {
  /** The title as people read it (plain, no colour). */
  title: string;
  /** The widest cell under it, totals included. */
  body: number;
  /** The widest word of its cells (a cell of several words, like `+19,035 (+11.0%)`, may wrap between them). */
  word: number;
  /** A column of words that names the row (month, rep, scope): repeated in each stacked part. */
  key: boolean;
  /** Its cells are bars (see `Column.bar`), which may be drawn shorter. */
  bar: boolean;
}

/** One table of a stack: its columns (indexes into the table's), their titles as drawn, and bar lengths. */
export interface TablePart {
  columns: number[];
  /** The title of each of the part's columns, wrapped onto lines (`\n`) where it had to be. */
  titles: string[];
  /** The length each bar column's bars are drawn at (by the part's index), where shorter than their own. */
  bars: Map<number, number>;
  /** The width each column's cells wrap to between words (by the part's index), where narrower than their own. */
  wraps: Map<number, number>;
}

export interface TableFit {
  parts: TablePart[];
  /** A title wrapped, a bar shortened or the table split: the report says how to see it whole. */
  narrowed: boolean;
}

/** Bars are not drawn shorter than this: ten steps still show which assumption matters most. */
const SHORTEST_BAR = 10;

/** The columns a boxed table takes: `│ cell │ cell │`. */
const boxWidth = (widths: readonly number[]): number => widths.reduce((total, width) => total + width + 3, 1);

const shortestBar = (column: FitColumn): number => (column.bar ? Math.min(SHORTEST_BAR, column.body) : column.body);

/** The least a column can take: its cells (bars at their shortest) and its title's widest word. */
const leastWidth = (column: FitColumn): number => Math.max(shortestBar(column), widestWord(column.title));

/**
 * The table as parts that fit `width` columns, asking as little of the reader as it can: first the
 * titles wider than their figures wrap onto several lines (the widest saving first), then bars are
 * drawn shorter, then the columns are split into stacked tables, each starting with the key columns
 * (the leading columns of words that name a row) and taking as many further columns as fit; last,
 * where the keys and one column still do not fit, cells of several words wrap between them. No word
 * is ever cut, so no figure is: a column whose widest word does not fit beside the key is drawn whole. Without a width, the table as it is.
 * Time grows with the columns only: the cells were measured in one pass before.
 */
export function fitTable(columns: readonly FitColumn[], width: number | undefined): TableFit {
  const all = columns.map((_, at) => at);
  if (width === undefined) return { parts: [{ columns: all, titles: columns.map((column) => column.title), bars: new Map(), wraps: new Map() }], narrowed: false };
  const whole = layout(columns, all, width);
  if (whole.fits || columns.length < 2) return { parts: [whole.part], narrowed: whole.narrowed };

  // The key columns: the leading columns of words, at least the first, never every column; as many
  // as leave room for the widest other column beside them.
  let keys = 1;
  while (keys < columns.length - 1 && columns[keys]?.key === true && columns[0]?.key === true) keys++;
  const least = columns.map(leastWidth);
  const widestOther = Math.max(...least.slice(keys));
  while (keys > 1 && boxWidth([...least.slice(0, keys), widestOther]) > width) keys--;

  const keyColumns = all.slice(0, keys);
  const groups: number[][] = [];
  let group: number[] = [];
  for (const at of all.slice(keys)) {
    const widths = [...keyColumns, ...group, at].map((index) => least[index] ?? 0);
    if (group.length > 0 && boxWidth(widths) > width) {
      groups.push(group);
      group = [];
    }
    group.push(at);
  }
  groups.push(group);
  const parts = groups.map((others) => layout(columns, [...keyColumns, ...others], width));
  return { parts: parts.map((part) => part.part), narrowed: parts.length > 1 || parts.some((part) => part.narrowed) };
}

/** The given columns of a table in `width` columns: titles wrapped, then bars shortened, then cells wrapped, as needed. */
function layout(columns: readonly FitColumn[], indexes: readonly number[], width: number): { part: TablePart; fits: boolean; narrowed: boolean } {
  const chosen = indexes.map((at) => columns[at] as FitColumn);
  const titles = chosen.map((column) => column.title);
  const widths = chosen.map((column) => Math.max(column.body, textWidth(column.title)));
  const bars = new Map<number, number>();
  let narrowed = false;
  const excess = () => boxWidth(widths) - width;

  // Titles first: a wrapped title costs the reader least. The widest saving first, so few wrap.
  const savings = chosen
    .map((column, at) => {
      const lines = wrapWords(column.title, Math.max(column.body, widestWord(column.title)));
      const wrapped = Math.max(column.body, ...lines.map(textWidth));
      return { at, title: lines.join("\n"), wrapped, saves: (widths[at] ?? 0) - wrapped };
    })
    .filter((saving) => saving.saves > 0)
    .sort((one, other) => other.saves - one.saves || one.at - other.at);
  for (const saving of savings) {
    if (excess() <= 0) break;
    titles[saving.at] = saving.title;
    widths[saving.at] = saving.wrapped;
    narrowed = true;
  }

  // Then bars, each down to its shortest, its title wrapped to the room left.
  chosen.forEach((column, at) => {
    const over = excess();
    if (!column.bar || over <= 0) return;
    const length = Math.max(shortestBar(column), column.body - over);
    if (length >= column.body) return;
    const lines = wrapWords(column.title, Math.max(length, widestWord(column.title)));
    titles[at] = lines.join("\n");
    widths[at] = Math.max(length, ...lines.map(textWidth));
    bars.set(at, length);
    narrowed = true;
  });

  // Last, cells between their words, as little as fits: figures first, the key columns only then.
  const wraps = new Map<number, number>();
  const order = chosen.map((_, at) => at).filter((at) => chosen[at]?.bar === false);
  order.sort((one, other) => Number(chosen[one]?.key) - Number(chosen[other]?.key) || one - other);
  for (const at of order) {
    const over = excess();
    const column = chosen[at];
    if (over <= 0 || column === undefined) break;
    const target = Math.max(column.word, widestWord(column.title), (widths[at] ?? 0) - over);
    if (target >= column.body) continue;
    titles[at] = wrapWords(column.title, target).join("\n");
    widths[at] = target;
    wraps.set(at, target);
    narrowed = true;
  }
  return { part: { columns: [...indexes], titles, bars, wraps }, fits: excess() <= 0, narrowed };
}
