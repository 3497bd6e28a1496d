import type { Format } from "../io/settings.js";
import type { CsvOptions } from "../render/csv-writer.js";
import type { PlanReport } from "../render/report.js";

/**
 * Renders with the one renderer the format needs, imported on demand: cli-table3 and chalk
 * cost startup time that a CSV or JSON run should not pay.
 */
export async function renderReport(report: PlanReport, format: Format, options: { color: boolean; csv: CsvOptions }): Promise<string> {
  // `--view capacity` or `team` shows that table alone; JSON always carries the plan and the whole check.
  const { capacity } = report;
  if (capacity !== undefined && capacity.view !== "plan" && format !== "json") {
    if (format === "table") return (await import("../render/capacity-table.js")).renderCapacityTable(capacity, options);
    if (format === "markdown") return (await import("../render/capacity-markdown.js")).renderCapacityMarkdown(capacity, report.warnings);
    return (await import("../render/capacity-csv.js")).renderCapacityCsv(capacity, options.csv);
  }
  switch (format) {
    case "table":
      return (await import("../render/table.js")).renderPlanTable(report, options);
    case "markdown":
      return (await import("../render/markdown.js")).renderPlanMarkdown(report);
    case "csv":
      return (await import("../render/csv.js")).renderPlanCsv(report, options.csv);
    case "json":
      return (await import("../render/json.js")).renderPlanJson(report);
  }
}
