import type { ScenarioRow, SensitivityRow } from "../../core/scenarios.js";
import type { Chart, Column, Document, Section, Title } from "../document.js";
import { formatNumber } from "../format.js";
import { configuredStages, stageLabel, stageTitle } from "../plan/report.js";
import { CHANCE_COLUMN, LEVEL_COLUMN, certaintyNotes, hasCertainty } from "./confidence.js";
import { type ScenariosReport, type SourceLine, bar, changeText, hasTeam, money, quarterTitles, sourceNotes, sourceSummaryLines, sourceTotals } from "./report.js";

const caption = (text: string): Title => ({ text, style: "caption" });

// Every row carries the same quarters (core/scenarios.ts puts them on one list).
const quarterBudget = (row: ScenarioRow, quarter: string): number | null => row.budgetByQuarter.find((entry) => entry.quarter === quarter)?.budget ?? null;

/**
 * One line per scenario, the baseline first. People read the change as `+12,345.00 (+8.2%)`; CSV
 * has stable snake_case columns: the change in money and in percent apart, the inquiries' change,
 * and one `budget_<quarter>` column per fiscal quarter (people read those in their own table).
 */
function scenarioColumns(quarters: readonly string[], team: boolean, stages: readonly string[] | undefined, certain: boolean, commission = false): Column<ScenarioRow>[] {
  const names = stageNames(stages);
  // A configured funnel: one column per stage before won, top first, and the cost of each stage below the top.
  const stageColumns: Column<ScenarioRow>[] =
    stages === undefined
      ? [
          { key: "inquiries", title: "Inquiries", kind: "count", value: (row) => row.inquiries },
          { key: "qualified_leads", title: "Qualified leads", kind: "count", value: (row) => row.qualifiedLeads },
        ]
      : stages.map((stage, index): Column<ScenarioRow> => ({ key: stage, title: stageTitle(stage), kind: "count", value: (row) => row.stages[index] ?? 0 })).reverse();
  const costColumns: Column<ScenarioRow>[] =
    stages === undefined
      ? [{ key: "cost_per_qualified_lead", title: "Cost/qualified", kind: "money", value: (row) => row.costPerQualifiedLead, text: (row) => money(row.costPerQualifiedLead) }]
      : stages
          .slice(0, -1)
          .map((stage, index): Column<ScenarioRow> => ({ key: `cost_per_${stage}`, title: `Cost/${stageLabel(stage)}`, kind: "money", value: (row) => row.costPerStage[index] ?? null, text: (row) => money(row.costPerStage[index] ?? null) }))
          .reverse();
  return [
    // The scenario is a name (from --scenarios, or the grid's `cost_per_inquiry=40`); the rest are figures.
    { key: "scenario", title: "Scenario", kind: "name", value: (row) => row.name },
    // A confidence dimension: the level of each row, and after its budget the chance its plan makes quota.
    ...(certain ? [LEVEL_COLUMN] : []),
    ...stageColumns,
    { key: "deals", title: "Deals", kind: "count", value: (row) => row.deals },
    { key: "budget", title: "Budget", kind: "money", value: (row) => row.budget, text: (row) => money(row.budget) },
    { key: "budget_change", title: "Budget change", kind: "money", value: (row) => row.budgetChange.absolute, text: (row) => changeText(row.budgetChange, 2) },
    { key: "budget_change_percent", title: "Budget change %", kind: "percent", value: (row) => row.budgetChange.percent, only: "csv" },
    ...(certain ? [CHANCE_COLUMN] : []),
    { key: `${names.csv}_change`, title: `${names.title} change`, kind: "count", value: (row) => row.inquiriesChange.absolute, only: "csv" },
    { key: `${names.csv}_change_percent`, title: `${names.title} change %`, kind: "percent", value: (row) => row.inquiriesChange.percent, only: "csv" },
    ...costColumns,
    { key: "cost_per_deal", title: "Cost/deal", kind: "money", value: (row) => row.costPerDeal, text: (row) => money(row.costPerDeal) },
    // Only when a scenario or the baseline pays commission: a plan without keeps its columns.
    ...(commission
      ? [{ key: "commission_per_deal", title: "Commission/deal", kind: "money", value: (row) => row.commissionPerDeal ?? null, text: (row) => money(row.commissionPerDeal ?? null) } satisfies Column<ScenarioRow>]
      : []),
    {
      key: "quota_per_dollar",
      title: "Quota per $",
      kind: "ratio",
      value: (row) => row.revenuePerDollar,
      text: (row) => (row.revenuePerDollar === null ? "–" : formatNumber(row.revenuePerDollar, 2, true)),
    },
    ...quarters.map((quarter): Column<ScenarioRow> => ({ key: `budget_${quarter}`, title: quarter, kind: "money", value: (row) => quarterBudget(row, quarter), only: "csv" })),
    ...(team
      ? [{ key: "rep_months_over_capacity", title: "Rep-months over capacity", kind: "count", value: (row) => row.overCapacity, text: (row) => String(row.overCapacity ?? "–") } satisfies Column<ScenarioRow>]
      : []),
  ];
}

function quarterColumns(quarters: readonly string[]): Column<ScenarioRow>[] {
  return [
    { key: "scenario", title: "Scenario", kind: "name", value: (row) => row.name },
    ...quarters.map((quarter): Column<ScenarioRow> => ({ key: `budget_${quarter}`, title: quarter, kind: "money", value: (row) => quarterBudget(row, quarter), text: (row) => money(quarterBudget(row, quarter)) })),
  ];
}

/** The top stage's names: the default funnel's `inquiries`, a configured one's stage (`inquiry`, `lead`, `MQL` in prose). */
function stageNames(stages: readonly string[] | undefined): { csv: string; title: string; words: string } {
  const top = stages?.[stages.length - 1];
  return top === undefined ? { csv: "inquiries", title: "Inquiries", words: "inquiries" } : { csv: top, title: stageTitle(top), words: stageLabel(top) };
}

/** The tornado: each assumption down and up, a bar in proportion to the largest budget change. */
function sensitivitySection(sensitivity: NonNullable<ScenariosReport["sensitivity"]>, stages: readonly string[] | undefined): Section {
  const names = stageNames(stages);
  const largest = Math.max(0, ...sensitivity.rows.map((row) => row.impact));
  const share = `${Math.round(sensitivity.share * 10000) / 100}%`;
  const columns: Column<SensitivityRow>[] = [
    { key: "assumption", title: "Assumption", kind: "code", value: (row) => row.assumption },
    { key: "budget_down", title: "Budget, down", kind: "money", value: (row) => row.down.budget.absolute, text: (row) => `${row.down.value}: ${changeText(row.down.budget, 2)}`, only: "text" },
    { key: "budget_up", title: "Budget, up", kind: "money", value: (row) => row.up.budget.absolute, text: (row) => `${row.up.value}: ${changeText(row.up.budget, 2)}`, only: "text" },
    {
      key: `${names.csv}_change`,
      title: `${names.title}, down / up`,
      kind: "count",
      value: (row) => row.up.inquiries.absolute,
      text: (row) => `${changeText(row.down.inquiries, 0)} / ${changeText(row.up.inquiries, 0)}`,
      only: "text",
    },
    // CSV (`--section sensitivity`) spells each move out in the names of the JSON's `down` and `up`.
    ...(["down", "up"] as const).flatMap((move): Column<SensitivityRow>[] => [
      { key: `${move}_value`, title: `${move} value`, kind: "code", value: (row) => row[move].value, only: "csv" },
      { key: `${move}_budget_change`, title: `${move} budget change`, kind: "money", value: (row) => row[move].budget.absolute, only: "csv" },
      { key: `${move}_budget_change_percent`, title: `${move} budget change %`, kind: "percent", value: (row) => row[move].budget.percent, only: "csv" },
      { key: `${move}_${names.csv}_change`, title: `${move} ${names.csv} change`, kind: "count", value: (row) => row[move].inquiries.absolute, only: "csv" },
      { key: `${move}_${names.csv}_change_percent`, title: `${move} ${names.csv} change %`, kind: "percent", value: (row) => row[move].inquiries.percent, only: "csv" },
    ]),
    { key: "impact", title: "Impact", kind: "money", value: (row) => row.impact, text: (row) => bar(row.impact, largest), bar: (row, length) => bar(row.impact, largest, length) },
  ];
  const tornado: Chart<SensitivityRow> = {
    kind: "tornado",
    title: `Budget change with each assumption ${share} down and up`,
    axes: { x: "Budget change, USD", y: "Assumption" },
    category: (row) => row.assumption,
    low: { name: `Assumption ${share} down`, value: (row) => row.down.budget.absolute },
    high: { name: `Assumption ${share} up`, value: (row) => row.up.budget.absolute },
  };
  return {
    title: caption(`Sensitivity: each assumption ${share} down and up, one at a time, largest budget change first`),
    table: { columns, rows: sensitivity.rows },
    charts: [tornado],
    csv: false,
    name: "sensitivity",
  };
}

/** The lead-source table's columns; the titles name the top stage, the CSV keys stay the default funnel's. */
const sourceColumns = (names: { title: string; words: string }): Column<SourceLine>[] => [
  // CSV tells the total and the comparison lines from the sources by this column, not by a name a source could have.
  { key: "line", title: "Line", kind: "code", value: (line) => line.line, only: "csv" },
  ...[
  ["source", "Source", "name"],
  ["share", `Share of ${names.words}`, "percent"],
  ["inquiries", names.title, "count"],
  ["won_deals", "Won deals", "count"],
  ["budget", "Budget", "money"],
  ["cost_per_won_deal", "Cost per won deal", "money"],
  ["monthly_cap", "Monthly cap", "count"],
  ].map(([key = "", title = "", kind], at): Column<SourceLine> => ({ key, title, kind: kind as Column<SourceLine>["kind"], value: (line) => line.values[at] ?? null, text: (line) => line.text[at] ?? "" })),
];

// A bar per scenario reads up to a few dozen; a grid of thousands is a table's job.
const MOST_SCENARIOS_CHARTED = 40;

const budgetChart: Chart<ScenarioRow> = {
  kind: "series",
  title: "Lead budget per scenario",
  axes: { x: "Scenario", y: "Budget, USD" },
  category: (row) => row.name,
  series: [{ name: "Budget", draw: "bar", value: (row) => row.budget }],
};

type MixLine = { month: string; inquiries: readonly number[] };

/** Inquiries (a configured funnel's top stage) to buy from each source, month by month: the mix as a stacked bar per month. */
function sourceMonthsSection(sources: NonNullable<ScenariosReport["sources"]>, stages: readonly string[] | undefined): Section {
  const stage = stageNames(stages);
  const names = sources.sources.map((source) => source.source);
  const columns: Column<MixLine>[] = [
    { key: "month", title: "Month", kind: "month", value: (line) => line.month },
    ...names.map((name, at): Column<MixLine> => ({ key: name, title: name, kind: "count", value: (line) => line.inquiries[at] ?? 0 })),
  ];
  const rows: MixLine[] = sources.months.map((month) => ({ month: month.month, inquiries: month.inquiries }));
  return {
    title: caption(`${stage.title} to buy from each source, by month`),
    table: { columns, rows },
    charts: [
      {
        kind: "series",
        title: `Source mix by month: ${stage.words} to buy from each source`,
        axes: { x: "Month", y: `${stage.title} per month` },
        category: (line: MixLine) => line.month,
        series: names.map((name, at) => ({ name, draw: "bar" as const, stack: "sources", value: (line: MixLine) => line.inquiries[at] ?? 0 })),
      },
    ],
    only: "html",
  };
}

/**
 * The scenarios as a document: each scenario against the baseline (CSV writes this table), the
 * budget per fiscal quarter, and with their flags the sensitivity tornado and the lead sources.
 */
export function buildScenariosDocument(report: ScenariosReport): Document {
  const quarters = quarterTitles(report);
  // Asked once: asked per row, it walked every row for each row (8,000 scenarios took 28 s).
  const team = hasTeam(report);
  const stages = configuredStages(report.funnel);
  const certain = hasCertainty(report.rows);
  const notes = certaintyNotes(report.rows);
  const sections: Section[] = [
    {
      title: caption("Scenarios against the baseline (budget change in money and percent)"),
      name: "scenarios",
      table: { columns: scenarioColumns(quarters, team, stages, certain, report.rows.some((row) => row.commissionPerDeal !== undefined)), rows: report.rows },
      ...(notes.length > 0 ? { notes } : {}),
      ...(report.rows.length <= MOST_SCENARIOS_CHARTED ? { charts: [budgetChart] } : {}),
    },
    { title: caption("Budget per fiscal quarter"), table: { columns: quarterColumns(quarters), rows: report.rows }, csv: false, name: "quarters", coveredBy: "scenarios" },
  ];
  if (report.sensitivity) sections.push(sensitivitySection(report.sensitivity, stages));
  if (report.sources) {
    const how = report.sources.optimized ? "the cheapest mix per won deal within each source's cap" : "the given shares, blended";
    const { summary, optimized } = report.sources;
    sections.push({
      title: caption(`Lead sources for the baseline plan: ${how}`),
      table: { columns: sourceColumns(stageNames(stages)), rows: sourceTotals(report.sources), ...(summary === undefined ? {} : { totals: sourceSummaryLines(summary, optimized), csvTotals: true }) },
      ...(summary === undefined ? {} : { notes: sourceNotes(summary, optimized) }),
      csv: false,
      name: "sources",
    });
    sections.push(sourceMonthsSection(report.sources, stages));
  }
  return { title: "Lead budget scenarios", sections, warnings: report.warnings };
}
