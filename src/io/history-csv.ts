import { type Readable, Transform } from "node:stream";
import Papa from "papaparse";
import { delimiterOf } from "./delimiter.js";
import { InputError } from "./input-issue.js";
import { LfLineEnds } from "./line-ends.js";

/** What a streamed CSV hands its consumer, row by row. */
export interface CsvRowHandler {
  /** The first row. */
  header(fields: string[], delimiter: string): void;
  /** A data row and the line it starts on. Blank lines are skipped (they still count as lines). */
  row(fields: string[], line: number): void;
  /** Called with the bytes read so far, once per chunk read (for a progress bar). */
  progress?(bytesRead: number): void;
}

/** Line breaks in `text` from `from` to `to`: the file's own line-break character counted. */
function breaksIn(text: string, from: number, to: number, breakChar: string): number {
  let count = 0;
  let at = text.indexOf(breakChar, from);
  while (at !== -1 && at < to) {
    count++;
    at = text.indexOf(breakChar, at + 1);
  }
  return count;
}

const isBlank = (fields: readonly string[]) => fields.length === 1 && fields[0] === "";

/**
 * Streams a CSV text (any line ends, mixed too) through Papa Parse in chunks and hands each row to `handler` with the line it
 * starts on, holding only the current chunk: memory stays flat however long the file is.
 *
 * Lines are counted without looking into every field: each chunk's rows normally end in exactly
 * one line break each, which a count of the chunk's raw text confirms; only a chunk where the
 * counts differ (a quoted field holding line breaks) is walked field by field.
 */
export function streamCsv(input: Readable & { bytesRead?: number }, file: string, handler: CsvRowHandler): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    // The raw text not yet accounted for, from absolute offset `rawStart`.
    let raw = "";
    let rawStart = 0;
    let line = 1;
    let sawHeader = false;
    let settled = false;
    // Papa takes its line end from the first lines; a file that mixes LF and CRLF would then be
    // split wrongly. So every line end is made LF before Papa sees it, and Papa is told LF.
    const lineEnds = new LfLineEnds();
    const text = new Transform({
      decodeStrings: false,
      encoding: "utf8",
      transform(chunk: string, _encoding, done) {
        const lf = lineEnds.write(chunk);
        if (lf !== "") this.push(lf);
        done();
      },
      flush(done) {
        const rest = lineEnds.end();
        if (rest !== "") this.push(rest);
        done();
      },
    });
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      input.destroy();
      text.destroy();
      reject(error);
    };
    input.on("data", () => {
      if (handler.progress && input.bytesRead !== undefined) handler.progress(input.bytesRead);
    });
    // Registered before Papa's own listener, so each chunk is here before Papa parses it.
    text.on("data", (chunk: string) => {
      raw += chunk;
    });
    input.on("error", (error: NodeJS.ErrnoException) => {
      // A byte the encoding does not allow is already a located input error.
      if (error instanceof InputError) return fail(error);
      fail(new InputError({ code: "file.unreadable", file, expected: `cannot read the file: ${error.code ?? error.message}` }));
    });
    input.pipe(text);
    Papa.parse<string[]>(text, {
      delimiter: delimiterOf,
      newline: "\n",
      skipEmptyLines: false,
      chunk: (results, parser) => {
        if (settled) return;
        try {
          const rows = results.data;
          const breakChar = results.meta.linebreak === "\r" ? "\r" : "\n";
          const end = results.meta.cursor - rawStart;
          const breaks = breaksIn(raw, 0, end, breakChar);
          // Rows end in one line break each, but the last row of the file may have none.
          const endsInBreak = end > 0 && (raw.charCodeAt(end - 1) === 10 || raw.charCodeAt(end - 1) === 13);
          const simple = breaks === rows.length - (endsInBreak ? 0 : 1);
          raw = raw.slice(end);
          rawStart += end;
          const quoteError = results.errors.find((error) => error.type === "Quotes");
          const quoteRow = quoteError?.row ?? -1;
          for (let index = 0; index < rows.length; index++) {
            const fields = rows[index] ?? [];
            const start = line;
            line += simple ? 1 : 1 + fieldBreaks(fields, breakChar);
            if (index === quoteRow) throw quoteIssue(file, start, quoteError?.code);
            if (!sawHeader) {
              sawHeader = true;
              if (fields[0]?.charCodeAt(0) === 0xfeff) fields[0] = fields[0].slice(1);
              handler.header(fields, results.meta.delimiter);
            } else if (!isBlank(fields)) {
              handler.row(fields, start);
            }
          }
        } catch (error) {
          // Settle first: aborting calls `complete`, which must not resolve a failed read.
          fail(error);
          parser.abort();
        }
      },
      complete: () => {
        if (settled) return;
        settled = true;
        resolve();
      },
      error: (error) => fail(new InputError({ code: "file.unreadable", file, expected: `cannot read the file: ${error.message}` })),
    });
  });
}

function fieldBreaks(fields: readonly string[], breakChar: string): number {
  let count = 0;
  for (const field of fields) if (field.includes(breakChar)) count += breaksIn(field, 0, field.length, breakChar);
  return count;
}

function quoteIssue(file: string, line: number, code: string | undefined): InputError {
  const expected =
    code === "MissingQuotes"
      ? "a quote is opened and never closed: expected a closing quote"
      : "text after a closing quote: expected a separator or a line end, with inner quotes doubled";
  return new InputError({ code: "csv.malformed", file, line, expected });
}
