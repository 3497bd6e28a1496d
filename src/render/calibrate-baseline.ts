import type { BaselineComparison, BaselineRow } from "../core/calibrate-compare.js";
import { formatNumber } from "./report.js";

/** The plan against the history's baseline, as `compute --history` shows it under the plan. */
export interface BaselineSection {
  /** The history file, as the user named it. */
  file: string;
  comparison: BaselineComparison;
}

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const count = (value: number | null) => (value === null ? "–" : formatNumber(value, 0));
const times = (value: number | null) => (value === null ? "–" : `${formatNumber(value, 2, true)}×`);

/** `January 2027 needs 2.41× last year's inquiries (1,734 against 720).` */
export function peakLine(section: BaselineSection): string {
  const { peak, from, to } = section.comparison;
  if (peak === null || from === null || to === null) return `No baseline: ${section.file} has no complete month to compare with.`;
  const monthName = `${MONTH_NAMES[Number(peak.month.slice(5, 7)) - 1] ?? peak.month} ${peak.month.slice(0, 4)}`;
  return (
    `${monthName} needs ${times(peak.inquiryMultiple)} last year's inquiries (${count(peak.inquiries)} against ${count(peak.baselineInquiries)}); ` +
    `baseline: the same calendar month in ${from} to ${to} of ${section.file}.`
  );
}

export const BASELINE_HEAD = ["Month", "Inquiries", "Last year", "× inquiries", "Qualified leads", "Last year", "× qualified"];

/** The section's cells, one row per plan month. */
export function baselineCells(row: BaselineRow): string[] {
  return [
    row.month,
    count(row.inquiries),
    count(row.baselineInquiries),
    times(row.inquiryMultiple),
    count(row.qualifiedLeads),
    count(row.baselineQualified),
    times(row.qualifiedMultiple),
  ];
}

/** The section in the JSON output: multiples rounded to six decimals, missing as null. */
export function baselineJson(section: BaselineSection) {
  const exact = (value: number | null) => (value === null ? null : Math.round(value * 1e6) / 1e6);
  return {
    history: section.file,
    from: section.comparison.from,
    to: section.comparison.to,
    rows: section.comparison.rows.map((row) => ({
      month: row.month,
      inquiries: row.inquiries,
      baseline_inquiries: row.baselineInquiries,
      inquiries_vs_baseline: exact(row.inquiryMultiple),
      qualified_leads: row.qualifiedLeads,
      baseline_qualified_leads: row.baselineQualified,
      qualified_leads_vs_baseline: exact(row.qualifiedMultiple),
    })),
    peak: section.comparison.peak?.month ?? null,
  };
}

/** The section as GitHub Markdown. */
export function renderBaselineMarkdown(section: BaselineSection): string {
  const lines = [
    "### Against the baseline",
    "",
    `| ${BASELINE_HEAD.join(" | ")} |`,
    `| ${BASELINE_HEAD.map((_, index) => (index === 0 ? "---" : "---:")).join(" | ")} |`,
    ...section.comparison.rows.map((row) => `| ${baselineCells(row).join(" | ")} |`),
    "",
    peakLine(section),
  ];
  return lines.join("\n");
}
