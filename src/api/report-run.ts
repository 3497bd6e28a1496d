import type { Format } from "../io/settings.js";
import type { CsvOptions } from "../render/csv-writer.js";

/** How one rendering differs from the run's defaults: the terminal the CLI writes to, and what a CSV left out. */
export interface OutputSettings {
  color?: boolean | undefined;
  width?: number | undefined;
  csv?: CsvOptions | undefined;
  section?: string | undefined;
  onSectionsLeftOut?: ((names: readonly string[]) => void) | undefined;
  /** Hears each note the CLI prints on stderr (`note: …`): what a CSV of this run leaves out. */
  onNote?: ((text: string) => void) | undefined;
}

/**
 * A command's run, everything read, checked and computed, not yet written: what the CLI writes
 * and the library's `Report` wraps. Nothing in it writes anywhere.
 */
export interface ReportRun {
  /** The warning lines, as the CLI prints them after `warning: `. */
  warnings: readonly string[];
  /** The closing summary when a check asked for failed (`6 capacity warnings; exit 1 (--strict)`). */
  failure: string | undefined;
  /** The format the options asked for (the config's `format`, `--excel`): what `render()` writes by default. */
  format: Format;
  /** The CSV options the run was given (`--excel`, `--no-formula-guard`). */
  csv: CsvOptions;
  /** The report in `format`: text, or chunks made as they are written (a large plan's CSV). */
  output(format: Format, settings?: OutputSettings): Promise<string | Iterable<string>>;
  /** The JSON writer, loaded: the JSON document's text, as `output("json")` gives it. */
  loadJson(): Promise<() => string>;
}

/**
 * A run's JSON writer, imported when first asked for: `loadJson` as the run gives it to the
 * library's `Report`, and `json`, one rendering, as `renderReport` takes it.
 */
export function lazyJson(load: () => Promise<() => string>): Pick<ReportRun, "loadJson"> & { json: () => Promise<string> } {
  return { loadJson: load, json: async () => (await load())() };
}

/** What a run's `output` renders with unless the call says otherwise: no colour, the terminal's width if given, the run's CSV options. */
export function renderDefaults(settings: OutputSettings, csv: CsvOptions): { color: boolean; width: number | undefined; csv: CsvOptions } {
  return { color: settings.color ?? false, width: settings.width, csv: settings.csv ?? csv };
}

/** Chunks joined: what the library's `render()` returns. */
export function joined(output: string | Iterable<string>): string {
  if (typeof output === "string") return output;
  let text = "";
  for (const chunk of output) text += chunk;
  return text;
}
