import type { CsvOptions, ExcelLocale } from "../render/csv-writer.js";
import type { Format } from "../io/settings.js";
import { type ReportRun, joined } from "./report-run.js";

/** How one `render()` differs from the run's options. */
export interface RenderSettings {
  /** CSV that Excel opens right (`us`, `eu`); default: the run's `excel` option. */
  excel?: ExcelLocale | true | undefined;
  /** false: names beginning with = + - @ are written as they came; default: the run's option. */
  formulaGuard?: boolean | undefined;
  /** The columns a table must fit; default: its natural width (as the CLI piped). */
  width?: number | undefined;
  /** Terminal colour (ANSI codes) in a table; default: none. */
  color?: boolean | undefined;
  /** scenarios: the one table a CSV holds (`scenarios`, `quarters`, `sensitivity`, `sources`). */
  section?: string | undefined;
}

/** The JSON document of each command, named by its `schema` (README, "JSON output"). */
export interface JsonDocument<Schema extends string> {
  schema: Schema;
  [key: string]: unknown;
}

export type ComputeDocument = JsonDocument<"leadplan.compute/1">;
export type TrackDocument = JsonDocument<"leadplan.track/1">;
export type ScenariosDocument = JsonDocument<"leadplan.scenarios/1">;
export type CalibrateDocument = JsonDocument<"leadplan.calibrate/1">;

/**
 * What a library call returns: one run, read and computed once, written in any format. Every
 * text is byte for byte what the CLI prints for the same inputs and options (piped, no colour).
 */
export class Report<Document extends JsonDocument<string>> {
  /** Warning lines, as the CLI prints them on stderr after `warning: `. */
  readonly warnings: readonly string[];
  /** True when a check of `failOn` (or `strict`, or track's default `behind`) failed: the CLI exits 1. */
  readonly failed: boolean;
  /** What failed, as the CLI's closing line says it: `37 capacity warnings; exit 1 (--strict)`. */
  readonly summary: string | undefined;
  readonly #run: ReportRun;
  readonly #json: () => string;
  #document: Document | undefined;

  /** @internal Made by {@link plan}, {@link track}, {@link scenarios} and {@link calibrate}. */
  constructor(run: ReportRun, json: () => string) {
    this.#run = run;
    this.#json = json;
    this.warnings = run.warnings;
    this.failed = run.failure !== undefined;
    this.summary = run.failure;
  }

  /**
   * The report in `format` (default: the `format` option, else table), as the CLI writes it. May
   * throw an `InputError` when a figure is too large to print exactly (as the CLI exits 2).
   */
  async render(format: Format = this.#run.format, settings: RenderSettings = {}): Promise<string> {
    const csv: CsvOptions = {
      guard: settings.formulaGuard ?? this.#run.csv.guard,
      excel: settings.excel === undefined ? this.#run.csv.excel : settings.excel === true ? "us" : settings.excel,
    };
    return joined(await this.#run.output(format, { csv, width: settings.width, color: settings.color, section: settings.section }));
  }

  /** The JSON document (`render("json")`, parsed). */
  get document(): Document {
    this.#document ??= JSON.parse(this.#json()) as Document;
    return this.#document;
  }

  /** The JSON document: `JSON.stringify(report)` writes it (compactly; `render("json")` is the CLI's text). */
  toJSON(): Document {
    return this.document;
  }
}
