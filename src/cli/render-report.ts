import type { Format } from "../io/settings.js";
import type { PlanReport } from "../render/report.js";

/**
 * Renders with the one renderer the format needs, imported on demand: cli-table3 and chalk
 * cost startup time that a CSV or JSON run should not pay.
 */
export async function renderReport(report: PlanReport, format: Format, options: { color: boolean }): Promise<string> {
  switch (format) {
    case "table":
      return (await import("../render/table.js")).renderPlanTable(report, options);
    case "markdown":
      return (await import("../render/markdown.js")).renderPlanMarkdown(report);
    case "csv":
      return (await import("../render/csv.js")).renderPlanCsv(report);
    case "json":
      return (await import("../render/json.js")).renderPlanJson(report);
  }
}
