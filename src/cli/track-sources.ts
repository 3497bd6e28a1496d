import type { Command } from "commander";
import { isDefaultFunnel, type FunnelStages } from "../core/funnel.js";
import { PLAN_GROUPINGS } from "../core/group.js";
import type { Plan } from "../core/plan.js";
import { NO_SOURCE, type SourceExpectation, type SourceQuality, checkSourceQuality, planSourceRates, sourcesBelow } from "../core/source-quality.js";
import type { SelectedActuals, TrackPeriod } from "../core/track.js";
import type { ActualsFile } from "../io/actuals.js";
import { InputError, type InputIssue } from "../io/input-issue.js";
import { foldName } from "../io/name-fold.js";
import { nameList, sameFileSpellings } from "../io/name-match.js";
import { type SourceRate, noSourceNamed } from "../io/sources-file.js";
import type { Failure, FailOn } from "./fail-on.js";

/** Track's lead-quality flags (issue 15): `--by source` (a view only track has) and `--sources`. */
export interface SourceFlags {
  /** `--by source`: lead quality by source is asked for (the checkpoints stay by month). */
  bySource: boolean;
  /** The sources file of the expected rates, as scenarios --sources reads it. */
  sources?: string | undefined;
  /** `--section sources`: the CSV of lead quality by source is asked for. */
  sourcesSection?: boolean | undefined;
}

/** Track's `--by` values: the plan's views and `source`, which only track has (the plan has no sources). */
export const TRACK_VIEWS = [...PLAN_GROUPINGS, "source"] as const;

/** `--sources`, added to track's options; `--by` takes `source` too. */
export function addSourceOptions(command: Command): Command {
  const by = command.options.find((option) => option.long === "--by");
  if (by) {
    by.choices(TRACK_VIEWS);
    by.description = `${by.description}; track also takes source: lead quality by source (a source column in ACTUALS), the checkpoints by month`;
  }
  return command.option("--sources <FILE>", "lead-source CSV with each source's expected rates (source,inquiry_to_qualified,qualified_to_won,…), as calibrate --sources-out writes it and scenarios --sources reads it: lead quality by source is compared to it (default: the plan's overall rates)");
}

/**
 * What lead quality by source needs, checked before any file is read: the default funnel (the
 * sources file's per-step rates of a configured funnel are not compared yet).
 */
export function checkSourceFlags(flags: SourceFlags, failOn: FailOn, funnel: FunnelStages): void {
  if (isDefaultFunnel(funnel)) return;
  const asked = flags.bySource ? "--by source" : failOn.checks.has("source") ? "--fail-on source" : flags.sourcesSection === true ? "--section sources" : undefined;
  if (asked === undefined) return;
  throw new InputError({ code: "option.invalid", file: asked, expected: `not with --funnel ${funnel.join(",")}: lead quality by source compares the default funnel's inquiries, qualified and won only (for now)` });
}

/** The input of {@link sourceQualityOf}. */
export interface SourceQualityRun {
  plan: Plan;
  actuals: ActualsFile;
  selected: SelectedActuals;
  period: TrackPeriod;
  funnel: FunnelStages;
  tolerance: number;
  flags: SourceFlags;
  failOn: FailOn;
  /** The sources file as read, when `--sources` gave one. */
  sources?: { file: string; rows: readonly SourceRate[] } | undefined;
  warnings: InputIssue[];
}

/**
 * Lead quality by source, when the actuals carry a `source` column. `--by source` and `--fail-on
 * source` without one could show and fail on nothing, so they are refused; `--sources` and a
 * `cost` column without one are warned about. A source in the actuals whose name differs from one
 * in the sources file only in case, spaces or accents is refused (its leads would be compared to
 * nothing); one not in the file is warned about and compared to nothing.
 */
export function sourceQualityOf(run: SourceQualityRun): SourceQuality | undefined {
  const { actuals, flags, failOn, warnings } = run;
  const header = { file: actuals.file, line: 1 } as const;
  if (!actuals.bySource) {
    const asked = flags.bySource ? "--by source" : failOn.checks.has("source") ? "--fail-on source" : undefined;
    if (asked !== undefined) throw new InputError({ ...header, code: "column.missing", column: "source", expected: `missing column: expected a source column for ${asked}` });
    if (flags.sources !== undefined) warnings.push({ ...header, code: "column.missing", column: "source", expected: "--sources: the actuals have no source column: lead quality by source is not checked" });
    if (actuals.hasCost) warnings.push({ ...header, code: "column.unknown", column: "cost", expected: "cost per source needs a source column: ignored" });
    return undefined;
  }
  if (!isDefaultFunnel(run.funnel)) {
    warnings.push({ ...header, code: "column.unknown", column: "source", expected: "lead quality by source needs the default funnel: summed over, not shown by source" });
    return undefined;
  }
  const missing = ["inquiries", "qualified"].filter((measure) => !actuals.measures.includes(measure));
  if (missing.length > 0) {
    const issue: InputIssue = { ...header, code: "column.missing", column: missing.join(", "), expected: "missing column: lead quality by source needs inquiries and qualified columns beside source" };
    // Asked for, it cannot be shown; not asked for, a source column beside won and revenue alone must not stop the checkpoints.
    if (flags.bySource || failOn.checks.has("source") || flags.sourcesSection === true) throw new InputError(issue);
    warnings.push({ ...issue, expected: `${issue.expected}: not shown` });
    return undefined;
  }
  // The report prints blank-source rows as `(no source)`: a source so named would print the same and read as them.
  const named = actuals.entries.findIndex((entry) => entry.source === NO_SOURCE);
  if (named >= 0) throw new InputError(noSourceNamed(actuals.file, actuals.lines[named] ?? 0));
  // `Web form` and `web form` would be two sources, each with part of the leads: said, as for reps.
  warnings.push(...sameFileSpellings(nameList(actuals.file, "source", actuals.entries.map((entry, index) => [entry.source ?? "", actuals.lines[index] ?? 0] as const))));
  const expected = run.sources === undefined ? null : expectationsOf(run.sources, actuals, warnings);
  const planRates = run.sources === undefined ? planSourceRates(run.plan) : null;
  return checkSourceQuality({
    entries: run.selected.entries,
    period: run.period,
    hasWon: actuals.measures.includes("won"),
    hasCost: actuals.hasCost === true,
    tolerance: run.tolerance,
    expected,
    planRates,
  });
}

/** Unknown sources warned about one line each; the rest are counted (STYLE 16: the first few, plus a count). */
const UNKNOWN_SHOWN = 5;

/** The sources file's rates by name, after matching the actuals' source names against it. */
function expectationsOf(sources: { file: string; rows: readonly SourceRate[] }, actuals: ActualsFile, warnings: InputIssue[]): Map<string, SourceExpectation> {
  const expected = new Map(sources.rows.map((row) => [row.source, { qualifyRate: row.qualifyRate, closeRate: row.closeRate }]));
  const byFold = new Map(sources.rows.map((row) => [foldName(row.source), row.source]));
  const seen = new Set<string>();
  let unknown = 0;
  actuals.entries.forEach((entry, index) => {
    const source = entry.source ?? "";
    if (seen.has(source) || expected.has(source)) return;
    seen.add(source);
    const line = actuals.lines[index] ?? 0;
    if (source === "") {
      warnings.push({ code: "segment.unmatched", file: actuals.file, line, column: "source", expected: "rows with no source: compared to nothing" });
      return;
    }
    const spelling = byFold.get(foldName(source));
    if (spelling !== undefined) {
      throw new InputError({
        code: "name.near-miss",
        file: actuals.file,
        line,
        column: "source",
        expected: `source "${source}": ${sources.file} has "${spelling}": expected the same spelling in both files`,
      });
    }
    // A CRM export with dozens of campaign names would bury the other warnings: the first few, then a count.
    if (unknown++ < UNKNOWN_SHOWN) {
      warnings.push({ code: "segment.unmatched", file: actuals.file, line, column: "source", expected: `source "${source}" is not in ${sources.file}: compared to nothing` });
    }
  });
  if (unknown > UNKNOWN_SHOWN) {
    const more = unknown - UNKNOWN_SHOWN;
    warnings.push({ code: "segment.unmatched", file: actuals.file, column: "source", expected: `${more} more source${more === 1 ? " is" : "s are"} not in ${sources.file}: compared to nothing` });
  }
  return expected;
}

/** `2 sources below their expected qualification rate`, for the closing summary. */
export function sourceFailures(quality: SourceQuality | undefined): Failure[] {
  const below = quality === undefined ? 0 : sourcesBelow(quality).length;
  return below === 0 ? [] : [{ checks: ["source"], text: `${below} source qualification rate${below === 1 ? "" : "s"} below expected` }];
}
