import type { BaselineComparison, BaselineRow } from "../../core/calibrate-compare.js";
import type { Column, Section } from "../document.js";
import { formatMultiple, formatNumber } from "../format.js";
import { sixDecimals } from "../plain-number.js";
import { stageLabel, stageTitle } from "./report.js";

/** The plan against the history's baseline, as `compute --history` shows it under the plan. */
export interface BaselineSection {
  /** The history file, as the user named it. */
  file: string;
  comparison: BaselineComparison;
  /**
   * A configured funnel's compared stages: its top (the history's created leads) and the one
   * before won (its last stage date), which name the columns. Absent: today's inquiries and qualified leads.
   */
  stages?: { top: string; beforeWon: string };
}

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const count = (value: number | null) => (value === null ? "–" : formatNumber(value, 0));

/** `January 2027 needs 2.41× last year's inquiries (1,734 against 720).` */
export function peakLine(section: BaselineSection): string {
  const { peak, from, to } = section.comparison;
  if (peak === null || from === null || to === null) return `No baseline: ${section.file} has no complete month to compare with.`;
  const monthName = `${MONTH_NAMES[Number(peak.month.slice(5, 7)) - 1] ?? peak.month} ${peak.month.slice(0, 4)}`;
  return (
    `${monthName} needs ${formatMultiple(peak.inquiryMultiple)} last year's ${section.stages === undefined ? "inquiries" : `${stageLabel(section.stages.top)} entries`} (${count(peak.inquiries)} against ${count(peak.baselineInquiries)}); ` +
    `baseline: the same calendar month in ${from} to ${to} of ${section.file}.`
  );
}

const BASELINE_COLUMNS: readonly Column<BaselineRow>[] = [
  { key: "month", title: "Month", kind: "month", value: (row) => row.month },
  { key: "inquiries", title: "Inquiries", kind: "count", value: (row) => row.inquiries },
  { key: "baseline_inquiries", title: "Last year", kind: "count", value: (row) => row.baselineInquiries },
  { key: "inquiries_vs_baseline", title: "× inquiries", kind: "ratio", value: (row) => row.inquiryMultiple, text: (row) => formatMultiple(row.inquiryMultiple) },
  { key: "qualified_leads", title: "Qualified leads", kind: "count", value: (row) => row.qualifiedLeads },
  { key: "baseline_qualified_leads", title: "Last year", kind: "count", value: (row) => row.baselineQualified },
  { key: "qualified_leads_vs_baseline", title: "× qualified", kind: "ratio", value: (row) => row.qualifiedMultiple, text: (row) => formatMultiple(row.qualifiedMultiple) },
];

/** A configured funnel's columns: named by its stages (`inquiry`, `baseline_inquiry`, `inquiry_vs_baseline`, `sql`, …). */
function stageColumns(stages: NonNullable<BaselineSection["stages"]>): Column<BaselineRow>[] {
  const { top, beforeWon } = stages;
  return [
    { key: "month", title: "Month", kind: "month", value: (row) => row.month },
    { key: top, title: stageTitle(top), kind: "count", value: (row) => row.inquiries },
    { key: `baseline_${top}`, title: "Last year", kind: "count", value: (row) => row.baselineInquiries },
    { key: `${top}_vs_baseline`, title: `× ${stageLabel(top)}`, kind: "ratio", value: (row) => row.inquiryMultiple, text: (row) => formatMultiple(row.inquiryMultiple) },
    { key: beforeWon, title: stageTitle(beforeWon), kind: "count", value: (row) => row.qualifiedLeads },
    { key: `baseline_${beforeWon}`, title: "Last year", kind: "count", value: (row) => row.baselineQualified },
    { key: `${beforeWon}_vs_baseline`, title: `× ${stageLabel(beforeWon)}`, kind: "ratio", value: (row) => row.qualifiedMultiple, text: (row) => formatMultiple(row.qualifiedMultiple) },
  ];
}

/** The plan against the baseline as a document section, with the month that most exceeds it. */
export function baselineDocumentSection(section: BaselineSection): Section {
  return {
    title: { text: "Against the baseline", style: "heading" },
    table: { columns: section.stages === undefined ? BASELINE_COLUMNS : stageColumns(section.stages), rows: section.comparison.rows },
    notes: [peakLine(section)],
    csv: false,
  };
}

/** The section in the JSON output: multiples rounded to six decimals, missing as null. */
export function baselineJson(section: BaselineSection) {
  const exact = sixDecimals;
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

/** A configured funnel's section in the JSON output: the compared stages by name, as its table's columns. */
export function stageBaselineJson(section: BaselineSection, stages: NonNullable<BaselineSection["stages"]>) {
  const exact = sixDecimals;
  const { top, beforeWon } = stages;
  return {
    ...baselineJson(section),
    rows: section.comparison.rows.map((row) => ({
      month: row.month,
      [top]: row.inquiries,
      [`baseline_${top}`]: row.baselineInquiries,
      [`${top}_vs_baseline`]: exact(row.inquiryMultiple),
      [beforeWon]: row.qualifiedLeads,
      [`baseline_${beforeWon}`]: row.baselineQualified,
      [`${beforeWon}_vs_baseline`]: exact(row.qualifiedMultiple),
    })),
  };
}
