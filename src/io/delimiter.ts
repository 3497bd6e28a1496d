/**
 * The separator a CSV file uses, told from its header line: `,`, or `;` and tab, which Excel
 * writes where the locale uses a decimal comma. Header names hold none of them, so the most
 * frequent one in the first line is the separator.
 */
export function delimiterOf(text: string): string {
  const end = text.search(/\r|\n/);
  const firstLine = end < 0 ? text : text.slice(0, end);
  let best = ",";
  let bestCount = 0;
  for (const candidate of [",", ";", "\t"]) {
    const count = firstLine.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}
