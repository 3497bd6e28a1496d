import { assumptionEntry } from "../core/assumptions.js";
import { type FunnelStages, funnelSteps, isDefaultFunnel, stepKey } from "../core/funnel.js";
import type { LeadSource } from "../core/source-mix.js";
import { NO_SOURCE } from "../core/source-quality.js";
import { readCsvTable } from "./csv-table.js";
import { type ReadOptions, fileDecimalMark } from "./decimal-mark.js";
import { readName } from "./formula-guard.js";
import { InputError, type InputIssue } from "./input-issue.js";
import { foldCase } from "./name-fold.js";
import type { MarkInForce } from "./number-text.js";
import { type Parsed, RANGE, parseAmount, parseCost, parseRate } from "./values.js";

// A source's rates and cost carry the registry's column names, read per source (a rate may be 0 here).
const QUALIFY = assumptionEntry("qualifyRate").stem;
const CLOSE = assumptionEntry("closeRate").stem;
const COST = assumptionEntry("costPerInquiry").stem;
/** The assumption columns of a lead-source file, in its order. */
export const SOURCE_RATE_COLUMNS: readonly string[] = [QUALIFY, CLOSE, COST];
const NUMBER_COLUMNS: readonly string[] = ["share", ...SOURCE_RATE_COLUMNS, "max_inquiries_per_month"];

/** A source's expected rates, all track's lead quality by source reads of a sources file. */
export type SourceRate = Pick<LeadSource, "source" | "qualifyRate" | "closeRate">;

/**
 * Reads a lead-source file for its expected rates alone (track's `--sources`): `source,
 * inquiry_to_qualified,qualified_to_won`. `share`, `cost_per_inquiry` and the cap are not needed
 * and not read: a marketing team's file of rates without costs is enough to compare lead quality.
 */
export function readSourceRates(content: string, file: string, options: ReadOptions = {}): SourceRate[] {
  return readSourceRows(content, file, "rates", options).map(({ source, qualifyRate, closeRate }) => ({ source, qualifyRate, closeRate }));
}

/**
 * Reads a lead-source file: `source,share,inquiry_to_qualified,qualified_to_won,cost_per_inquiry`
 * and optionally `max_inquiries_per_month` (calibrate's `--sources-out` file has these columns).
 * Other columns are left alone. Shares are needed, and must sum to 100%, only for a fixed mix.
 */
export function readSources(content: string, file: string, needShares: boolean, options: ReadOptions = {}, funnel?: FunnelStages): LeadSource[] {
  return readSourceRows(content, file, needShares ? "fixed-mix" : "mix", options, funnel);
}

/** A source literally named `(no source)`, refused in the actuals and the sources file alike. */
export const noSourceNamed = (file: string, line: number): InputIssue => ({
  code: "value.invalid",
  file,
  line,
  column: "source",
  expected: `a source name other than ${NO_SOURCE}, which the report shows for rows with a blank source`,
  found: NO_SOURCE,
  hint: "rename the source, or leave it blank if it means no source",
});

/** What the file is read for: a fixed mix (shares needed), a mix, or the expected rates alone. */
type SourcesUse = "fixed-mix" | "mix" | "rates";

function readSourceRows(content: string, file: string, use: SourcesUse, options: ReadOptions, funnel?: FunnelStages): LeadSource[] {
  const needShares = use === "fixed-mix";
  const ratesOnly = use === "rates";
  const form = funnel === undefined || isDefaultFunnel(funnel) ? undefined : funnelForm(funnel);
  const rateColumns = form?.rateColumns ?? (ratesOnly ? [QUALIFY, CLOSE] : SOURCE_RATE_COLUMNS);
  const required = ["source", ...rateColumns];
  const numbers = form === undefined ? NUMBER_COLUMNS : ["share", ...rateColumns, "max_inquiries_per_month"];
  const table = readCsvTable(content, file);
  const mark = fileDecimalMark(table, (name) => numbers.includes(name), options.decimalMark);
  for (const column of needShares ? [...required, "share"] : required) {
    if (!table.header.includes(column)) {
      throw new InputError({ code: "column.missing", file, line: 1, column, expected: `missing column: expected ${(ratesOnly ? required : [...required, "share"]).join(", ")}` });
    }
  }
  if (table.records.length === 0) {
    throw new InputError({ code: "file.empty", file, line: 2, expected: "no sources: expected at least one row after the header" });
  }
  const seen = new Map<string, number>();
  const sources = table.records.map((record, recordIndex): LeadSource => {
    const text = (column: string) => (record[table.header.indexOf(column)] ?? "").trim();
    const value = <T>(column: string, parse: (text: string, mark: MarkInForce) => Parsed<T>): T => {
      const parsed = parse(text(column), mark());
      if (parsed.ok) return parsed.value;
      const issue: InputIssue = { code: "value.invalid", file, line: table.lineOf(recordIndex), column, expected: parsed.expected, found: text(column) };
      if (parsed.hint !== undefined) issue.hint = parsed.hint;
      throw new InputError(issue);
    };
    const shareText = table.header.includes("share") ? text("share") : "";
    const capText = table.header.includes("max_inquiries_per_month") ? text("max_inquiries_per_month") : "";
    const line = table.lineOf(recordIndex);
    const source = readName(text("source"));
    if (source === "") throw new InputError({ code: "value.invalid", file, line, column: "source", expected: "a source name", found: "" });
    // Track's lead quality prints blank-source actuals as `(no source)`: a row so named would print as them.
    if (ratesOnly && source === NO_SOURCE) throw new InputError(noSourceNamed(file, line));
    // Within one file `Web` and `web` are one source typed twice: its leads would be bought twice.
    const earlier = seen.get(foldCase(source));
    if (earlier !== undefined) throw new InputError({ code: "row.duplicate", file, line, column: "source", expected: `a second row for source "${source}": expected each source once`, hint: `first on line ${earlier}` });
    seen.set(foldCase(source), line);
    // A rate is empty only where nothing could measure it, as calibrate writes it: no inquiries
    // for the qualification rate, no qualified lead for the close rate. Such a source is never bought.
    const noInquiries = table.header.includes(form?.top ?? "inquiries") && /^0+$/.test(text(form?.top ?? "inquiries"));
    if (form !== undefined) {
      // Top down: a step's rate may be empty only where no lead can reach its stage (no entries, or a 0 above it).
      const steps: number[] = [];
      let reach = noInquiries ? 0 : 1;
      for (const key of [...form.stepKeys].reverse()) {
        const rate = text(key) === "" && reach === 0 ? 0 : value(key, parseShare);
        steps.unshift(rate);
        reach *= rate;
      }
      const [closeRate = 0, ...above] = steps;
      return {
        source,
        share: shareText === "" ? null : value("share", parseShare),
        // The mix buys top-stage entries for the stage before won: the steps above it multiply into one rate.
        qualifyRate: above.reduce((product, rate) => product * rate, 1),
        closeRate,
        costPerInquiry: value(form.cost, parseCost),
        maxInquiriesPerMonth: capText === "" ? null : value("max_inquiries_per_month", parseAmount),
        steps,
      };
    }
    const qualifyRate = text(QUALIFY) === "" && noInquiries ? 0 : value(QUALIFY, parseShare);
    const closeRate = text(CLOSE) === "" && qualifyRate === 0 ? 0 : value(CLOSE, parseShare);
    // The rates alone: share, cost and cap are not read (readSourceRates drops these fields).
    if (ratesOnly) return { source, share: null, qualifyRate, closeRate, costPerInquiry: 0, maxInquiriesPerMonth: null };
    // Calibrate's `inquiries`: what the source produced in the history, set beside an uncapped
    // optimum. Only a figure to quote: a cell that does not read as a count is left alone, as before.
    const history = table.header.includes("inquiries") ? parseAmount(text("inquiries"), mark()) : undefined;
    return {
      source,
      share: shareText === "" ? null : value("share", parseShare),
      qualifyRate,
      closeRate,
      costPerInquiry: value(COST, parseCost),
      maxInquiriesPerMonth: capText === "" ? null : value("max_inquiries_per_month", parseAmount),
      ...(history?.ok === true && text("inquiries") !== "" ? { historyInquiries: history.value } : {}),
    };
  });
  if (needShares) {
    const total = sources.reduce((sum, source) => sum + (source.share ?? 0), 0);
    if (Math.abs(total - 1) > 0.001) {
      throw new InputError({ code: "value.invalid", file, column: "share", expected: `expected shares that sum to 100%, found ${Math.round(total * 10000) / 100}%`, hint: "or use --optimize-mix" });
    }
  }
  return sources;
}

/**
 * A configured funnel's source columns: a rate per step, nearest won first (`sql_to_won,mql_to_sql,
 * inquiry_to_mql`), and the top stage's cost (`cost_per_inquiry`), as calibrate --funnel --sources-out writes them.
 */
function funnelForm(funnel: FunnelStages): { top: string; stepKeys: string[]; cost: string; rateColumns: string[] } {
  const top = funnel[0] ?? "";
  const stepKeys = funnelSteps(funnel).map(([from, to]) => stepKey(from, to));
  const cost = `cost_per_${top}`;
  return { top, stepKeys, cost, rateColumns: [...stepKeys, cost] };
}

/** A share of the mix, or a source's rate: like a rate, but 0 is allowed. */
function parseShare(text: string, mark: MarkInForce): Parsed<number> {
  // At least one 0: an empty cell is no rate (the pattern once took it for 0).
  if (/^(0+([.,]0*)?|0*[.,]0+)%?$/.test(text)) return { ok: true, value: 0 };
  const rate = parseRate(text, mark);
  if (rate.ok || rate.expected === RANGE.rate.expected) return rate;
  const expected = "a share from 0 to 100%, like 40% or 0.4";
  return rate.hint !== undefined && !rate.hint.startsWith("for a percentage") ? { ok: false, expected, hint: rate.hint } : { ok: false, expected };
}
