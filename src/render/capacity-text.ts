import { type CapacityFinding, type CapacityReport, type CapacityView, type RepMonth, type TeamMonth } from "../core/capacity.js";
import { formatMonth } from "../core/month.js";
import { formatFigure, formatNumber } from "./report.js";

/** The capacity part of a report: the check, where the team came from, and the table asked for. */
export interface CapacitySection {
  report: CapacityReport;
  /** The reps file, or `--reps-count N` for anonymous reps. */
  source: string;
  view: CapacityView;
}

/** A table as every text format draws it: cells already formatted, rows marked when over capacity. */
export interface CapacityGrid {
  title: string;
  head: string[];
  /** True for text columns (left-aligned), false for figures. */
  textColumns: boolean[];
  rows: { cells: string[]; over: boolean }[];
}

/** `173%`; a load just over capacity keeps a decimal (`100.3%`) so it never reads as 100%; none is `–`. */
export function formatUtilisation(utilisation: number | null, over: boolean): string {
  if (utilisation === null) return "–";
  const percent = utilisation * 100;
  const whole = formatNumber(percent, 0);
  return over && Math.round(percent) <= 100 ? `${formatNumber(percent, 1)}%` : `${whole}%`;
}

/** A capacity for people: `30`, `7.5` (a quarter month), `–` when none. */
export function formatCapacity(capacity: number | null): string {
  // Two decimals at most, none trailing: 7.5 rather than 7.50, since a capacity is not money.
  if (capacity === null) return "–";
  const text = formatNumber(capacity, 2);
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

/** Marks an over-capacity figure, so it stands out without colour too. */
const marked = (text: string, over: boolean) => (over ? `${text} !` : text);

/**
 * One line per finding, as warnings: `2027-01: Ana must work 52 qualified leads, capacity 30 (173%)`;
 * with --respect-capacity, what could not be built earlier and the quota it puts at risk.
 */
export function capacityWarnings(findings: readonly CapacityFinding[]): string[] {
  // A hundred thousand overloaded reps would be a hundred thousand lines: the first ones name
  // the problem; the capacity table holds every rep-month.
  const shown = findings.slice(0, CAPACITY_WARNINGS_SHOWN);
  const lines = shown.map((finding) => {
    const percent = finding.utilisation === null ? "" : ` (${formatUtilisation(finding.utilisation, true)})`;
    const head = `${formatMonth(finding.month)}: ${finding.rep}`;
    if (finding.kind === "inquiries") {
      return `${head} must follow up ${formatNumber(finding.load, 0)} inquiries, capacity ${formatCapacity(finding.capacity)}${percent}`;
    }
    const base = `${head} must work ${formatNumber(finding.load, 0)} qualified leads, capacity ${formatCapacity(finding.capacity)}${percent}`;
    if (finding.atRisk === 0) return base;
    const risk =
      finding.atRiskQuota === null
        ? `${formatNumber(finding.atRiskDeals, 2)} deals at risk`
        : `quota at risk ${formatFigure(finding.atRiskQuota, "money")}`;
    return `${base}: ${formatNumber(finding.atRisk, 0)} fit in no earlier month, ${risk}`;
  });
  const more = findings.length - shown.length;
  if (more > 0) lines.push(`and ${formatNumber(more, 0)} more rep-months over capacity (the capacity table, --view capacity, lists every one)`);
  return lines;
}

/** How many capacity findings are warned about one by one. */
export const CAPACITY_WARNINGS_SHOWN = 20;

const count = (value: number) => formatNumber(value, 0);
const money = (value: number | null) => formatFigure(value, "money");

/** Qualified leads (and inquiries) per rep and month against capacity × availability. */
export function repGrid(section: CapacitySection): CapacityGrid {
  const { report } = section;
  const head = ["Month", "Rep", "Available", "Qualified leads", "Capacity", "Use"];
  if (report.respectCapacity) head.push("Worked", "Built earlier", "At risk");
  if (report.checksInquiries) head.push("Inquiries", "Follow-up capacity", "Inquiry use");
  const rows: CapacityGrid["rows"] = [];
  for (let at = 0; at < report.monthCount; at++) {
    for (const rep of report.reps) {
      const cell: RepMonth | undefined = rep.months[at];
      if (!cell) continue;
      const cells = [
        formatMonth(report.firstMonth + at),
        rep.rep,
        `${formatNumber(cell.availability * 100, 0)}%`,
        marked(count(cell.qualifiedLeads), cell.over),
        formatCapacity(cell.capacity),
        marked(formatUtilisation(cell.utilisation, cell.over), cell.over),
      ];
      if (report.respectCapacity) cells.push(count(cell.placed), count(cell.movedOut), marked(count(cell.atRisk), cell.atRisk > 0));
      if (report.checksInquiries) {
        cells.push(
          marked(count(cell.placedInquiries), cell.inquiryOver),
          formatCapacity(cell.inquiryCapacity),
          marked(formatUtilisation(cell.inquiryUtilisation, cell.inquiryOver), cell.inquiryOver),
        );
      }
      rows.push({ cells, over: cell.over || cell.inquiryOver });
    }
  }
  return {
    title: `Capacity (${section.source}): qualified leads each rep must work against capacity × availability; ! over capacity`,
    head,
    textColumns: head.map((_, index) => index < 2),
    rows,
  };
}

/** The team per month and the headcount each month needs. */
export function teamGrid(section: CapacitySection): CapacityGrid {
  const { report } = section;
  const head = ["Month", "Qualified leads", "Capacity", "Use", "Over", "Extra reps"];
  if (report.respectCapacity) head.push("Worked", "Built earlier", "At risk", "Quota at risk");
  if (report.checksInquiries) head.push("Inquiries", "Follow-up capacity", "Inquiry use", "Extra follow-up");
  const rows = report.team.map((month: TeamMonth, at) => {
    const over = month.extraReps > 0;
    const inquiryOver = month.inquiryExcess > 0;
    const cells = [
      formatMonth(report.firstMonth + at),
      count(month.qualifiedLeads),
      formatCapacity(month.capacity),
      formatUtilisation(month.utilisation, false),
      marked(formatNumber(month.excess, 2), over),
      marked(count(month.extraReps), over),
    ];
    if (report.respectCapacity) cells.push(count(month.placed), count(month.moved), count(month.atRisk), month.atRisk > 0 ? money(month.atRiskQuota) : "0");
    if (report.checksInquiries) {
      cells.push(
        count(month.placedInquiries),
        formatCapacity(month.inquiryCapacity),
        formatUtilisation(month.inquiryUtilisation, false),
        month.extraFollowUp === null ? "–" : marked(count(month.extraFollowUp), inquiryOver),
      );
    }
    return { cells, over: over || inquiryOver || month.atRisk > 0 };
  });
  return {
    title: "Team: leads over each rep's capacity, and the extra reps that would take them",
    head,
    textColumns: head.map((_, index) => index === 0),
    rows,
  };
}

/** The lines under the capacity tables: how headcount is counted, what was built earlier or is at risk. */
export function capacityNotes(section: CapacitySection): string[] {
  const { report } = section;
  const { totals } = report;
  const notes = [
    `Extra reps: leads over each rep's capacity ÷ ${formatCapacity(report.averageCapacity)} (the team's average full-month capacity), rounded up; most in a month: ${count(totals.peakExtraReps)}.`,
  ];
  if (report.averageInquiryCapacity !== null) {
    notes.push(
      `Extra follow-up: inquiries over each rep's follow-up capacity ÷ ${formatCapacity(report.averageInquiryCapacity)} (the average), rounded up; most in a month: ${count(totals.peakExtraFollowUp ?? 0)}.`,
    );
  }
  if (report.respectCapacity) {
    const risk =
      totals.atRisk === 0
        ? "nothing at risk"
        : `${count(totals.atRisk)} at risk (${formatNumber(totals.atRiskDeals, 2)} deals, quota ${money(totals.atRiskQuota)})`;
    notes.push(`Respecting capacity: ${count(totals.moved)} of ${count(totals.qualifiedLeads)} qualified leads built earlier, ${count(totals.placed)} worked, ${risk}.`);
  }
  return notes;
}
