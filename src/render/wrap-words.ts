import { textWidth } from "./text-table.js";

// A list item's mark: its continuation lines sit under its text, not under the mark.
const MARK = /^(\s*)([-\u2022*] )?/; // -, • or * (escaped: the bundle stays ASCII)

/**
 * A line of prose as lines of at most `width` columns, broken between words: a word is never cut,
 * so a word wider than `width` stands alone on its line. Continuation lines keep the line's indent
 * (and sit under the text of a `- `, `• ` or `* ` item), `indent` columns further in (a list
 * without marks). A line that fits, or no width, comes back as it was, spaces and all.
 */
export function wrapWords(line: string, width: number | undefined, indent = 0): string[] {
  if (width === undefined || textWidth(line) <= width) return [line];
  const [lead = ""] = MARK.exec(line) ?? [];
  const hang = " ".repeat(textWidth(lead) + indent);
  const words = line.slice(lead.length).split(" ").filter((word) => word !== "");
  const lines: string[] = [];
  let current = lead;
  let used = textWidth(lead);
  let empty = true;
  for (const word of words) {
    const size = textWidth(word);
    if (!empty && used + 1 + size > width) {
      lines.push(current);
      current = hang;
      used = hang.length;
      empty = true;
    }
    current += empty ? word : ` ${word}`;
    used += empty ? size : 1 + size;
    empty = false;
  }
  lines.push(current);
  return lines;
}

/** The widest word of a text: the least width it wraps to. */
export function widestWord(text: string): number {
  let widest = 0;
  for (const word of text.split(/[ \n]+/)) widest = Math.max(widest, textWidth(word));
  return widest;
}
