import type { Document } from "../document.js";
import type { CsvOptions } from "../csv-writer.js";

/** The formats every document is written in; JSON is per family (a versioned contract), not a document. */
export type DocumentFormat = "table" | "markdown" | "csv" | "html";

export interface RenderOptions {
  /** Terminal colour: the CLI decides (a TTY, no NO_COLOR, no --out). */
  color: boolean;
  /** The terminal's columns a table fits (the CLI decides: COLUMNS, a TTY's width); absent: natural width. Other formats ignore it. */
  width?: number | undefined;
  csv: CsvOptions;
  /** CSV writes one table: the section of this name (`--section`), else the document's first. */
  section?: string | undefined;
  /** Told the named sections a CSV left out, so the CLI can say how to get them (`--section`). */
  onSectionsLeftOut?: ((names: readonly string[]) => void) | undefined;
}

export type Writer = (document: Document, options: RenderOptions) => string;

// Each writer is imported on demand: chalk costs startup time a CSV run should not pay.
const WRITERS: Readonly<Record<DocumentFormat, () => Promise<Writer>>> = {
  table: async () => (await import("./table.js")).writeTable,
  markdown: async () => (await import("./markdown.js")).writeMarkdown,
  // ECharts loads with this writer alone: no other format pays for it.
  html: async () => (await import("./html.js")).writeHtml,
  csv: async () => {
    const { writeCsvText, csvSectionNames, csvSectionsLeftOut } = await import("./csv.js");
    return (document, options) => {
      const text = writeCsvText(document, options.csv, options.section);
      options.onSectionsLeftOut?.(csvSectionsLeftOut(document, options.section ?? csvSectionNames(document)[0]));
      return text;
    };
  },
};

/** The writer of a format, loaded: a caller may load it while it builds the document. */
export const writerFor = (format: DocumentFormat): Promise<Writer> => WRITERS[format]();

/** Any document in any format: a new format is one writer and one line here. */
export async function renderDocument(document: Document, format: DocumentFormat, options: RenderOptions): Promise<string> {
  return (await writerFor(format))(document, options);
}
