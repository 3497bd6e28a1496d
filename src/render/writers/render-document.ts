import type { Document } from "../document.js";
import type { CsvOptions } from "../csv-writer.js";

/** The formats every document is written in; JSON is per family (a versioned contract), not a document. */
export type DocumentFormat = "table" | "markdown" | "csv";

export interface RenderOptions {
  /** Terminal colour: the CLI decides (a TTY, no NO_COLOR, no --out). */
  color: boolean;
  csv: CsvOptions;
}

type Writer = (document: Document, options: RenderOptions) => Promise<string>;

// Each writer is imported on demand: chalk costs startup time a CSV run should not pay.
const WRITERS: Readonly<Record<DocumentFormat, Writer>> = {
  table: async (document, options) => (await import("./table.js")).writeTable(document, options),
  markdown: async (document) => (await import("./markdown.js")).writeMarkdown(document),
  csv: async (document, options) => (await import("./csv.js")).writeCsvText(document, options.csv),
};

/** Any document in any format: a new format is one writer and one line here. */
export function renderDocument(document: Document, format: DocumentFormat, options: RenderOptions): Promise<string> {
  return WRITERS[format](document, options);
}
