import { renderCapacityMarkdown } from "./legacy.js";
import {
  type TextTable,
  type TrackReport,
  catchUpChanged,
  catchUpLines,
  catchUpNote,
  catchUpTable,
  catchUpTitle,
  checkpointTable,
  headline,
  leakNote,
  leakTable,
  leakTitle,
  leakVerdict,
  capacityTitle,
} from "./track-report.js";

const escapeCell = (text: string) => text.replace(/\|/g, "\\|");

function markdownTable(text: TextTable): string[] {
  const lines = [`| ${text.head.join(" | ")} |`, `| ${text.right.map((right) => (right ? "---:" : "---")).join(" | ")} |`];
  for (const row of text.rows) {
    const cells = row.cells.map((cell) => (row.total && cell !== "" ? `**${escapeCell(cell)}**` : escapeCell(cell)));
    lines.push(`| ${cells.join(" | ")} |`);
  }
  return lines;
}

/** The track report as GitHub-flavoured Markdown: the same sections as the table, for a PR or a wiki. */
export function renderTrackMarkdown(report: TrackReport): string {
  const lines = [`**${headline(report)}**`, "", ...markdownTable(checkpointTable(report)), ""];
  if (report.leak === null) lines.push(leakNote(report));
  else lines.push(leakTitle(report), "", ...markdownTable(leakTable(report.leak)), "", leakVerdict(report.leak));
  lines.push("");
  if (report.catchUp === null) lines.push(catchUpNote(report));
  else {
    lines.push(catchUpTitle(report, report.catchUp), "", ...catchUpLines(report, report.catchUp).map((line) => `- ${line}`));
    if (catchUpChanged(report.catchUp)) lines.push("", ...markdownTable(catchUpTable(report.catchUp)));
  }
  if (report.capacity) lines.push("", capacityTitle(report), "", renderCapacityMarkdown(report.capacity).trimEnd());
  for (const warning of report.warnings) lines.push("", `> Warning: ${warning}`);
  return `${lines.join("\n")}\n`;
}
