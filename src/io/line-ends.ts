/**
 * Line ends. A file edited in two programs can hold both LF and CRLF (and, rarely, a lone CR);
 * the parsers pick one line end from the first line, so such a file would be split wrongly.
 */

// A CR not before an LF, or an LF not after a CR: the file does not keep to one line end.
const MIXED = /\r(?!\n)|(?<!\r)\n/;

/**
 * The text with every line end made LF, when it mixes them; otherwise the text itself, so a file
 * that keeps to one line end (almost all) costs a scan and no copy: an LF-only file one
 * `indexOf`, a CRLF file one regex test (about 60 ms on a 44 MB quota file).
 */
export function normaliseLineEnds(text: string): string {
  if (text.indexOf("\r") === -1 || !MIXED.test(text)) return text;
  return text.replace(/\r\n?/g, "\n");
}

/**
 * Makes every line end LF in text that arrives in chunks (the history streams), so the streaming
 * parser can be told LF whatever the file uses. A chunk without a CR (an LF file) passes as it
 * is; a CR at the end of a chunk waits, since its LF may open the next one.
 */
export class LfLineEnds {
  private heldCr = false;

  write(chunk: string): string {
    let text = this.heldCr ? `\r${chunk}` : chunk;
    this.heldCr = false;
    if (text.indexOf("\r") === -1) return text;
    if (text.endsWith("\r")) {
      this.heldCr = true;
      text = text.slice(0, -1);
    }
    text = text.replaceAll("\r\n", "\n");
    return text.indexOf("\r") === -1 ? text : text.replaceAll("\r", "\n");
  }

  end(): string {
    const rest = this.heldCr ? "\n" : "";
    this.heldCr = false;
    return rest;
  }
}
