import type { Format } from "../io/settings.js";
import type { CsvOptions } from "../render/csv-writer.js";
import type { PlanReport } from "../render/plan/report.js";

/**
 * The plan in the format asked for: JSON is the family's own contract; every other format is the
 * plan's document through its writer, each imported on demand (chalk costs startup time that a
 * CSV or JSON run should not pay).
 */
export async function renderReport(report: PlanReport, format: Format, options: { color: boolean; csv: CsvOptions }): Promise<string> {
  if (format === "json") return (await import("../render/plan/json.js")).renderPlanJson(report);
  const [{ buildPlanDocument }, { renderDocument }] = await Promise.all([import("../render/plan/build.js"), import("../render/writers/render-document.js")]);
  return renderDocument(buildPlanDocument(report), format, options);
}
