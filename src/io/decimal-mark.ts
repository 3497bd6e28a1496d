import type { CsvTable } from "./csv-table.js";
import type { DateFormat } from "./history-day.js";
import { InputError, type InputIssue } from "./input-issue.js";
import { COMMA_GROUPS, DECIMAL_MARK_NAME, type DecimalMark, type MarkInForce, readNumberText } from "./number-text.js";
import { type Parsed, numberBody, parseAmount, parseWholeNumber } from "./values.js";

/** How a run reads its files: the decimal mark stated (or not), and the date format. */
export interface ReadOptions {
  decimalMark?: DecimalMark | undefined;
  /** `--date-format`: how dates with a day are written (`dd/MM/yyyy`); `auto` reads only unambiguous ones. */
  dateFormat?: DateFormat | undefined;
}

/** The config and flag spellings of a decimal mark. */
export function parseDecimalMarkName(text: string): DecimalMark | undefined {
  const name = text.trim().toLowerCase();
  if (name === "comma" || name === ",") return ",";
  if (name === "point" || name === "dot" || name === ".") return ".";
  return undefined;
}

interface Revealed {
  recordIndex: number;
  column: string;
  text: string;
}

/**
 * The decimal mark a file's numbers are read with: the one stated, else the one its own numbers
 * reveal (`12,5` or `1.200.000` reveal a comma; `12.5` or `1,200,000` a point), else in a
 * comma-separated file the {@link COMMA_GROUPS} rule, else none: a number that reads two ways
 * (`75.000`) is then refused where it stands. A file whose numbers
 * reveal both marks is refused: one of them is misread, and which one is not ours to guess.
 *
 * Lazy: the scan runs the first time a number is not plain digits, so files of whole numbers
 * (nearly every large one) never pay for it.
 */
export function fileDecimalMark(
  table: CsvTable,
  isNumberColumn: (name: string) => boolean,
  stated: DecimalMark | undefined,
  warnings?: InputIssue[],
): () => MarkInForce {
  if (stated !== undefined) return () => stated;
  let scanned = false;
  let mark: MarkInForce;
  return () => {
    if (!scanned) {
      mark = revealedMark(table, isNumberColumn, warnings) ?? (table.delimiter === "," ? COMMA_GROUPS : undefined);
      scanned = true;
    }
    return mark;
  };
}

function revealedMark(table: CsvTable, isNumberColumn: (name: string) => boolean, warnings: InputIssue[] | undefined): DecimalMark | undefined {
  const columns = table.header.flatMap((name, at) => (isNumberColumn(name) ? [at] : []));
  const first: Partial<Record<DecimalMark, Revealed>> = {};
  // The first number that reads two ways, by the separator it has: `1,500` or `1.500`.
  const ambiguous: Partial<Record<DecimalMark, Revealed & { byMark: Record<DecimalMark, number> }>> = {};
  // Read by column (a large plain file makes no records), in record order as a reader meets them.
  const cells = columns.map((at) => table.column(at));
  for (let recordIndex = 0; recordIndex < table.recordCount; recordIndex++) {
    for (let index = 0; index < columns.length; index++) {
      const at = columns[index] as number;
      const text = cells[index]?.[recordIndex] ?? "";
      if (!/[.,]/.test(text)) continue;
      const reading = readNumberText(numberBody(text.replace(/%\s*$/, "")).body);
      if (reading.kind === "ambiguous") {
        const separator: DecimalMark = text.includes(",") ? "," : ".";
        ambiguous[separator] ??= { recordIndex, column: table.header[at] ?? "", text: text.trim(), byMark: reading.byMark };
      }
      if (reading.kind !== "revealing" || first[reading.mark] !== undefined) continue;
      first[reading.mark] = { recordIndex, column: table.header[at] ?? "", text: text.trim() };
      const point = first["."];
      const comma = first[","];
      if (point !== undefined && comma !== undefined) throw conflict(table, point, comma);
    }
  }
  const mark = first["."] !== undefined ? "." : first[","] !== undefined ? "," : undefined;
  const revealedBy = mark === undefined ? undefined : first[mark];
  // A number that reads two ways, settled by another cell of the file, is said aloud when the
  // file read alone would have read it otherwise or refused it: `75.000` made 75 by a `12.5`,
  // `"750,000"` made 750 by a `"12,5"` in a comma-separated file. Not in the files that write it
  // plainly: `$600,000` beside `$1,200,000.50` in a comma or tab file, `750.000` beside `12,5`
  // in a `;` or tab file (Excel's own European CSV).
  // A tab file says nothing of its locale: Excel writes one everywhere.
  const commaFile = table.delimiter === ",";
  const semicolonFile = table.delimiter === ";";
  const settled = mark === "." ? (ambiguous["."] ?? (semicolonFile ? ambiguous[","] : undefined)) : mark === "," && commaFile ? (ambiguous[","] ?? ambiguous["."]) : undefined;
  if (mark !== undefined && revealedBy !== undefined && settled !== undefined && warnings !== undefined) {
    warnings.push({
      code: "value.invalid",
      file: table.file,
      line: table.lineOf(settled.recordIndex),
      column: settled.column,
      expected: `${JSON.stringify(settled.text)} read as ${settled.byMark[mark]} with ${DECIMAL_MARK_NAME[mark].name}, as line ${table.lineOf(revealedBy.recordIndex)} ${JSON.stringify(revealedBy.text)} shows`,
      hint: `give ${DECIMAL_MARK_NAME[mark].flag} to say so, or write the file one way`,
    });
  }
  return mark;
}

function conflict(table: CsvTable, point: Revealed, comma: Revealed): InputError {
  const [earlier, later] = point.recordIndex <= comma.recordIndex ? [point, comma] : [comma, point];
  const markOf = (cell: Revealed): DecimalMark => (cell === point ? "." : ",");
  return new InputError({
    code: "value.invalid",
    file: table.file,
    line: table.lineOf(later.recordIndex),
    column: later.column,
    expected: "one decimal mark in a file",
    found: later.text,
    hint: `it has ${DECIMAL_MARK_NAME[markOf(later)].name}, but line ${table.lineOf(earlier.recordIndex)} has ${JSON.stringify(earlier.text)} with ${DECIMAL_MARK_NAME[markOf(earlier)].name}: write the file one way, or give --decimal-comma or --decimal-point`,
  });
}

/**
 * The decimal mark of a file read as a stream (a history), where a later row cannot be looked at
 * first: the mark stated, else the first number that reveals one sets it for the rest of the
 * file. A number that reads two ways before any has revealed the mark is refused where it
 * stands; so is one that reveals the other mark.
 */
export class StreamDecimalMark {
  private mark: DecimalMark | undefined;
  private revealedBy: { line: number; text: string } | undefined;

  private readonly commaGroups: boolean;
  /** The first number read with a comma grouping thousands by the comma-groups rule. */
  private commaGroupedAt: { line: number; text: string } | undefined;

  /** `stated` may be {@link COMMA_GROUPS} for a comma-separated file with no mark stated. */
  constructor(stated: MarkInForce) {
    this.mark = stated === COMMA_GROUPS ? undefined : stated;
    this.commaGroups = stated === COMMA_GROUPS;
  }

  /** The mark in force so far: stated, or revealed by a number already read. */
  get current(): DecimalMark | undefined {
    return this.mark;
  }

  /** A non-negative amount (`parseAmount`'s rules) at `line`. */
  amount(text: string, line: number): Parsed<number> {
    return this.read(text, line, (mark) => parseAmount(text, mark));
  }

  /** A whole count (`parseWholeNumber`'s rules) at `line`. */
  count(text: string, line: number): Parsed<number> {
    return this.read(text, line, (mark) => parseWholeNumber(text, 0, mark));
  }

  private read(text: string, line: number, parse: (mark: MarkInForce) => Parsed<number>): Parsed<number> {
    if (this.mark === undefined && /[.,]/.test(text)) {
      const reading = readNumberText(numberBody(text).body);
      if (reading.kind === "revealing") {
        // A comma grouped thousands in a number already read (`$60,000` as 60000): a decimal
        // comma now would mean that number was misread, so the file is refused.
        if (reading.mark === "," && this.commaGroupedAt !== undefined) {
          const earlier = this.commaGroupedAt;
          return {
            ok: false,
            expected: "one decimal mark in a file",
            hint: `it has a decimal comma, but line ${earlier.line} has ${JSON.stringify(earlier.text)} read with a comma grouping thousands: write the file one way, or give --decimal-comma or --decimal-point`,
          };
        }
        this.mark = reading.mark;
        this.revealedBy = { line, text: text.trim() };
      } else if (reading.kind === "ambiguous" && this.commaGroups && this.commaGroupedAt === undefined && !text.includes(".")) {
        this.commaGroupedAt = { line, text: text.trim() };
      }
    }
    const parsed = parse(this.mark ?? (this.commaGroups ? COMMA_GROUPS : undefined));
    if (parsed.ok || this.revealedBy === undefined || this.mark === undefined) return parsed;
    const reading = readNumberText(numberBody(text).body);
    if (reading.kind !== "revealing" || reading.mark === this.mark) return parsed;
    return {
      ok: false,
      expected: "one decimal mark in a file",
      hint: `it has ${DECIMAL_MARK_NAME[reading.mark].name}, but line ${this.revealedBy.line} has ${JSON.stringify(this.revealedBy.text)} with ${DECIMAL_MARK_NAME[this.mark].name}: write the file one way, or give --decimal-comma or --decimal-point`,
    };
  }
}
