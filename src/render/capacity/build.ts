import type { RepMonth, TeamMonth } from "../../core/capacity.js";
import type { Chart, Column, Document, HeatmapChart, Section } from "../document.js";
import { formatCapacity, formatFigure, formatNumber, formatUtilisation } from "../format.js";
import { repMonthRecords, teamMonthRecords } from "./json.js";
import { isDefaultFunnel } from "../../core/funnel.js";
import { stageTitle } from "../plan/report.js";
import { type CapacitySection, capacityNotes, entriesOf } from "./report.js";

type RepLine = { record: ReturnType<typeof repMonthRecords>[number]; cell: RepMonth };
type TeamLine = { record: ReturnType<typeof teamMonthRecords>[number]; month: TeamMonth };

const count = (value: number) => formatNumber(value, 0);

/**
 * Columns people read only with the flag that makes them mean something; CSV keeps a fixed header
 * (a script reads the same columns whatever the flags).
 */
const shownIf = (shown: boolean): { only?: "csv" } => (shown ? {} : { only: "csv" });
const csvOnly = { only: "csv" } as const;

/** Qualified leads (and inquiries) per rep and month against capacity × availability. */
function repColumns(section: CapacitySection): Column<RepLine>[] {
  const { respectCapacity, checksInquiries } = section.report;
  return [
    { key: "month", title: "Month", kind: "month", value: (line) => line.record.month },
    { key: "rep", title: "Rep", kind: "name", value: (line) => line.record.rep },
    { key: "availability", title: "Available", kind: "ratio", value: (line) => line.record.availability, text: (line) => `${formatNumber(line.cell.availability * 100, 0)}%` },
    { key: "qualified_leads", title: "Qualified leads", kind: "count", value: (line) => line.record.qualified_leads, marked: (line) => line.cell.over },
    { key: "capacity", title: "Capacity", kind: "count", value: (line) => line.record.capacity, text: (line) => formatCapacity(line.cell.capacity) },
    {
      key: "utilisation",
      title: "Use",
      kind: "ratio",
      value: (line) => line.record.utilisation,
      text: (line) => formatUtilisation(line.cell.utilisation, line.cell.over),
      marked: (line) => line.cell.over,
    },
    { key: "over", title: "Over", kind: "code", value: (line) => line.record.over, ...csvOnly },
    { key: "placed", title: "Worked", kind: "count", value: (line) => line.record.placed, ...shownIf(respectCapacity) },
    { key: "moved_in", title: "Moved in", kind: "count", value: (line) => line.record.moved_in, ...csvOnly },
    { key: "moved_out", title: "Built earlier", kind: "count", value: (line) => line.record.moved_out, ...shownIf(respectCapacity) },
    { key: "at_risk", title: "At risk", kind: "count", value: (line) => line.record.at_risk, marked: (line) => line.cell.atRisk > 0, ...shownIf(respectCapacity) },
    { key: "at_risk_deals", title: "Deals at risk", kind: "count", value: (line) => line.record.at_risk_deals, ...csvOnly },
    { key: "at_risk_quota", title: "Quota at risk", kind: "money", value: (line) => line.record.at_risk_quota, ...csvOnly },
    { key: "inquiries", title: "Inquiries planned", kind: "count", value: (line) => line.record.inquiries, ...csvOnly },
    {
      key: "placed_inquiries",
      title: "Inquiries",
      kind: "count",
      value: (line) => line.record.placed_inquiries,
      marked: (line) => line.cell.inquiryOver,
      ...shownIf(checksInquiries),
    },
    {
      key: "inquiry_capacity",
      title: "Follow-up capacity",
      kind: "count",
      value: (line) => line.record.inquiry_capacity,
      text: (line) => formatCapacity(line.cell.inquiryCapacity),
      ...shownIf(checksInquiries),
    },
    {
      key: "inquiry_utilisation",
      title: "Inquiry use",
      kind: "ratio",
      value: (line) => line.record.inquiry_utilisation,
      text: (line) => formatUtilisation(line.cell.inquiryUtilisation, line.cell.inquiryOver),
      marked: (line) => line.cell.inquiryOver,
      ...shownIf(checksInquiries),
    },
    { key: "inquiry_over", title: "Inquiry over", kind: "code", value: (line) => line.record.inquiry_over, ...csvOnly },
  ];
}

/** The team per month and the headcount each month needs. */
function teamColumns(section: CapacitySection): Column<TeamLine>[] {
  const { respectCapacity, checksInquiries } = section.report;
  const over = (line: TeamLine) => line.month.extraReps > 0;
  return [
    { key: "month", title: "Month", kind: "month", value: (line) => line.record.month },
    { key: "qualified_leads", title: "Qualified leads", kind: "count", value: (line) => line.record.qualified_leads },
    { key: "capacity", title: "Capacity", kind: "count", value: (line) => line.record.capacity, text: (line) => formatCapacity(line.month.capacity) },
    { key: "utilisation", title: "Use", kind: "ratio", value: (line) => line.record.utilisation, text: (line) => formatUtilisation(line.month.utilisation, false) },
    { key: "excess", title: "Over", kind: "count", value: (line) => line.record.excess, text: (line) => formatNumber(line.month.excess, 2), marked: over },
    { key: "extra_reps", title: "Extra reps", kind: "count", value: (line) => line.record.extra_reps, marked: over },
    { key: "placed", title: "Worked", kind: "count", value: (line) => line.record.placed, ...shownIf(respectCapacity) },
    { key: "moved", title: "Built earlier", kind: "count", value: (line) => line.record.moved, ...shownIf(respectCapacity) },
    { key: "at_risk", title: "At risk", kind: "count", value: (line) => line.record.at_risk, ...shownIf(respectCapacity) },
    { key: "at_risk_deals", title: "Deals at risk", kind: "count", value: (line) => line.record.at_risk_deals, ...csvOnly },
    {
      key: "at_risk_quota",
      title: "Quota at risk",
      kind: "money",
      value: (line) => line.record.at_risk_quota,
      text: (line) => (line.month.atRisk > 0 ? formatFigure(line.month.atRiskQuota, "money") : "0"),
      ...shownIf(respectCapacity),
    },
    { key: "inquiries", title: "Inquiries planned", kind: "count", value: (line) => line.record.inquiries, ...csvOnly },
    { key: "placed_inquiries", title: "Inquiries", kind: "count", value: (line) => line.record.placed_inquiries, ...shownIf(checksInquiries) },
    {
      key: "inquiry_capacity",
      title: "Follow-up capacity",
      kind: "count",
      value: (line) => line.record.inquiry_capacity,
      text: (line) => formatCapacity(line.month.inquiryCapacity),
      ...shownIf(checksInquiries),
    },
    {
      key: "inquiry_utilisation",
      title: "Inquiry use",
      kind: "ratio",
      value: (line) => line.record.inquiry_utilisation,
      text: (line) => formatUtilisation(line.month.inquiryUtilisation, false),
      ...shownIf(checksInquiries),
    },
    { key: "inquiry_excess", title: "Inquiry excess", kind: "count", value: (line) => line.record.inquiry_excess, ...csvOnly },
    {
      key: "extra_follow_up",
      title: "Extra follow-up",
      kind: "count",
      value: (line) => line.record.extra_follow_up,
      text: (line) => (line.month.extraFollowUp === null ? "–" : count(line.month.extraFollowUp)),
      marked: (line) => line.month.extraFollowUp !== null && line.month.inquiryExcess > 0,
      ...shownIf(checksInquiries),
    },
  ];
}

/**
 * A configured funnel's columns, named by its stages: the checked stage's (`sql`) for the
 * qualified leads', the top stage's (`inquiry`, `inquiry_capacity`) for the inquiries'. The
 * default funnel's keep today's names.
 */
function stageNamed<Line>(columns: Column<Line>[], section: CapacitySection): Column<Line>[] {
  const { stages } = section;
  if (stages === undefined || isDefaultFunnel(stages.funnel)) return columns;
  const top = stages.funnel[0] ?? "";
  const keys: Readonly<Record<string, string>> = {
    qualified_leads: stages.checked,
    inquiries: `${top}_planned`,
    placed_inquiries: top,
    inquiry_capacity: `${top}_capacity`,
    inquiry_utilisation: `${top}_utilisation`,
    inquiry_over: `${top}_over`,
    inquiry_excess: `${top}_excess`,
  };
  const titles: Readonly<Record<string, string>> = {
    "Qualified leads": stageTitle(stages.checked),
    "Inquiries planned": `${stageTitle(top)} planned`,
    Inquiries: stageTitle(top),
    "Inquiry use": `${stageTitle(top)} use`,
    "Inquiry over": `${stageTitle(top)} over`,
    "Inquiry excess": `${stageTitle(top)} excess`,
  };
  return columns.map((column) => ({ ...column, key: keys[column.key] ?? column.key, title: titles[column.title] ?? column.title }));
}

/** Each rep's month coloured by the share of capacity the plan asks of them; over capacity outlined. */
const utilisationHeatmap = (worked: string): HeatmapChart<RepLine> => ({
  kind: "heatmap",
  title: `Use of each rep's capacity by month (${worked} to work ÷ capacity × availability)`,
  axes: { x: "Month", y: "Rep" },
  column: (line) => line.record.month,
  line: (line) => line.record.rep,
  value: (line) => (line.cell.utilisation === null ? null : line.cell.utilisation * 100),
  valueTitle: "use of capacity",
  marked: (line) => line.cell.over,
  markedTitle: "Outlined and marked ! : over capacity",
});

/** The team's month: the qualified leads (the checked stage's entries) to work against what the reps can take. */
const teamChart = (worked: string): Chart<TeamLine> => {
  const title = worked.charAt(0).toUpperCase() + worked.slice(1);
  return {
    kind: "series",
    title: `${title} to work against the team's capacity, by month`,
    axes: { x: "Month", y: `${title} per month` },
    category: (line) => line.record.month,
    series: [
      { name: title, draw: "bar", value: (line) => line.month.qualifiedLeads },
      { name: "Capacity × availability", draw: "line", value: (line) => line.month.capacity },
    ],
  };
};

function repLines(section: CapacitySection): RepLine[] {
  const { report } = section;
  const cells: RepMonth[] = [];
  // The same walk as the records: month by month, rep by rep.
  for (let at = 0; at < report.monthCount; at++) {
    for (const rep of report.reps) {
      const cell = rep.months[at];
      if (cell) cells.push(cell);
    }
  }
  return repMonthRecords(section).map((record, at) => ({ record, cell: cells[at] as RepMonth }));
}

/**
 * The capacity sections: per rep and month, then the team per month, then the notes. `view` picks
 * what a `--view capacity` or `--view team` run shows alone; the plan view shows both after the
 * plan. Over-capacity figures carry `!` (and rows red on a colour terminal). `intro` is the line a
 * caller puts before them (track says which plan they check).
 */
export function capacitySections(section: CapacitySection, intro: readonly string[] = []): Section[] {
  const sections: Section[] = [];
  const worked = entriesOf(section.stages?.checked ?? "qualified", section.stages);
  if (section.view !== "team") {
    sections.push({
      title: { text: `Capacity (${section.source}): ${worked} each rep must work against capacity × availability; ! over capacity`, style: "caption" },
      table: { columns: stageNamed(repColumns(section), section), rows: repLines(section), tone: (line) => (line.cell.over || line.cell.inquiryOver ? "bad" : undefined) },
      charts: [utilisationHeatmap(worked)],
    });
  }
  if (section.view !== "capacity") {
    const { report } = section;
    sections.push({
      title: { text: "Team: leads over each rep's capacity, and the extra reps that would take them", style: "caption" },
      table: {
        columns: stageNamed(teamColumns(section), section),
        rows: teamMonthRecords(section).map((record, at) => ({ record, month: report.team[at] as TeamMonth })),
        tone: (line) => (line.month.extraReps > 0 || line.month.inquiryExcess > 0 || line.month.atRisk > 0 ? "bad" : undefined),
      },
      charts: [teamChart(worked)],
    });
  }
  const first = sections[0];
  if (first && intro.length > 0) sections[0] = { intro, ...first };
  sections.push({ notes: capacityNotes(section) });
  return sections;
}

/** `--view capacity` or `--view team`: the capacity sections alone, the run's warnings with them. */
export function buildCapacityDocument(section: CapacitySection, warnings: readonly string[]): Document {
  return { title: `Follow-up capacity: ${section.source}`, sections: capacitySections(section), warnings };
}
