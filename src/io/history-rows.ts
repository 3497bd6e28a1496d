import { HistoryAccumulator } from "../core/calibrate-accumulator.js";
import type { HistoryShape } from "../core/calibrate.js";
import { historyLayout, stageDateColumns } from "./history-columns.js";
import { LeadRowReader } from "./history-leads.js";
import { MonthRowReader } from "./history-monthly.js";
import { InputError, type InputIssue } from "./input-issue.js";
import { COMMA_GROUPS, type MarkInForce } from "./number-text.js";
import type { HistoryOptions, HistoryRead, SkippedRows } from "./history-reader.js";

const KEPT_SKIPPED = 5;

/**
 * One read of a history, row by row, whichever reader splits the text (Papa Parse in
 * history-csv.ts, or the byte reader in history-bytes.ts): the header chooses the row reader,
 * each row is checked and added to small accumulators, then dropped. A bad row stops the read
 * with its message, or with `skipBadRows` is counted (the first five kept) and left out.
 */
export class HistoryRows {
  readonly history: HistoryAccumulator;
  readonly skipped: SkippedRows = { count: 0, first: [] };
  readonly warnings: InputIssue[] = [];
  shape: HistoryShape | null = null;
  reader: LeadRowReader | MonthRowReader | null = null;
  /** Data rows read, bad ones included. */
  rows = 0;
  private readonly stageColumns: string[] | undefined;
  private addRow: (fields: string[], line: number) => void = () => undefined;

  constructor(
    private readonly file: string,
    private readonly options: HistoryOptions,
  ) {
    this.stageColumns = options.funnel === undefined ? undefined : stageDateColumns(options.funnel);
    this.history = new HistoryAccumulator({ byRep: options.byRep, chainSteps: this.stageColumns?.length ?? 0, keepWonAmounts: options.keepWonAmounts === true });
  }

  header(fields: string[], delimiter: string): void {
    const { file, options, history } = this;
    // As in every comma-separated file, `$60,000` is 60000 unless the file shows a decimal comma.
    const numbers: MarkInForce = options.decimalMark ?? (delimiter === "," ? COMMA_GROUPS : undefined);
    const layout = historyLayout(fields, options.map, file, this.stageColumns);
    for (const item of layout.warnings) this.warnings.push(item);
    this.shape = layout.shape;
    // The row function is chosen once here, not per row.
    if (layout.shape === "leads") {
      const leads = new LeadRowReader(layout, fields, file, options.dateFormat, options.asOf, numbers);
      this.reader = leads;
      this.addRow = (row, line) => {
        const issue = leads.read(row, line);
        if (issue === null) history.addLead(leads.lead);
        else this.bad(issue);
      };
    } else {
      const months = new MonthRowReader(layout, fields, file, options.asOf, numbers, options.dateFormat);
      this.reader = months;
      this.addRow = (row, line) => {
        const issue = months.read(row, line);
        if (issue === null) history.addMonth(months.month);
        else this.bad(issue);
      };
    }
  }

  row(fields: string[], line: number): void {
    this.rows++;
    this.addRow(fields, line);
  }

  private bad(issue: InputIssue): void {
    if (!this.options.skipBadRows) throw new InputError(issue);
    this.skipped.count++;
    if (this.skipped.first.length < KEPT_SKIPPED) this.skipped.first.push(issue);
  }

  /** The read once every row is in: an empty file, or one without a good row, is an input error. */
  result(sourceWarnings: readonly InputIssue[]): HistoryRead {
    const { file, shape, rows, skipped, history, warnings } = this;
    const done = this.reader;
    if (shape === null || done === null) {
      throw new InputError({ code: "file.empty", file, expected: "the file is empty: expected a header row and data rows" });
    }
    if (rows - skipped.count === 0) {
      throw new InputError({ code: "file.empty", file, line: 2, expected: rows === 0 ? "no rows: expected at least one row after the header" : "no good rows: every row was bad" });
    }
    if (shape === "monthly" && this.options.byRep) {
      warnings.push({ code: "column.unknown", file, line: 1, column: "rep", expected: "a monthly aggregate has no rep column: --by-rep gives no rows" });
    }
    const names = {
      products: done.products.names,
      sources: done.sources.names,
      reps: done instanceof LeadRowReader ? done.reps.names : [],
    };
    const nameLines = { products: done.products.lines, reps: done instanceof LeadRowReader ? done.reps.lines : [] };
    return { file, shape, history, names, nameLines, rows, skipped, warnings: [...sourceWarnings, ...warnings] };
  }
}
