import type { Format } from "../io/settings.js";
import type { Document } from "../render/document.js";
import { type RenderOptions, writerFor } from "../render/writers/render-document.js";

/** How a report family is written: its own JSON contract, or its document for every other format. */
export interface ReportFamily {
  json(): Promise<string>;
  document(): Promise<Document>;
}

/**
 * The one place a command turns its report into text: JSON is the family's versioned contract;
 * every other format is the family's document through that format's writer. Builders and writers
 * are imported on demand, side by side (chalk costs startup time that a CSV or JSON run should not pay).
 */
export async function renderReport(format: Format, family: ReportFamily, options: RenderOptions): Promise<string> {
  if (format === "json") return family.json();
  // The writer loads while the document is built.
  const [write, document] = await Promise.all([writerFor(format), family.document()]);
  return write(document, options);
}
