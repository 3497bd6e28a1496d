import type { Command } from "commander";
import type { DayNumber } from "../core/calibrate-days.js";
import { parseColumnMap, stageDateColumns } from "../io/history-columns.js";
import { type DateFormat, type DaySlot, parseDateFormat, readIsoDay } from "../io/history-day.js";
import type { HistoryOptions } from "../io/history-reader.js";
import { InputError } from "../io/input-issue.js";
import type { Parsed } from "../io/values.js";
import { HELP_GROUPS, inHelpGroup } from "./help-groups.js";

/** The flags that say how to read a history file, as commander gives them. */
export interface HistoryFlags {
  history?: string;
  map?: string[];
  dateFormat?: string;
  skipBadRows?: boolean;
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/**
 * `--map`, `--date-format`, `--skip-bad-rows`: the same meaning in `calibrate` and `compute --history`;
 * `--date-format` also says how every other file of a command writes the dates of its months.
 */
export function addHistoryReadOptions(command: Command): Command {
  return inHelpGroup(command, HELP_GROUPS.reading, (group) =>
    group
    .option("--map <PAIRS>", 'rename the export\'s columns: created="Created Date",source="Lead Source" (repeatable)', collect)
    .option("--date-format <FORMAT>", "how dates with a day are written, in every file: auto (ISO dates and date-times, 14.03.2026) or a pattern: MM/dd/yyyy, dd/MM/yyyy, dd.MM.yyyy (default: auto)")
    .option("--skip-bad-rows", "go on past bad rows; report how many were skipped and the first five"),
  );
}

function check<T>(flag: string, text: string | undefined, parse: (text: string) => Parsed<T>): T | undefined {
  if (text === undefined) return undefined;
  const parsed = parse(text);
  if (parsed.ok) return parsed.value;
  const issue = { code: "option.invalid" as const, file: flag, expected: parsed.expected, found: text };
  throw new InputError(parsed.hint === undefined ? issue : { ...issue, hint: parsed.hint });
}

/** `--date-format`, checked: how every file of the command writes dates with a day (`01/02/2027`). */
export function dateFormatOf(flags: HistoryFlags): DateFormat {
  return check("--date-format", flags.dateFormat, parseDateFormat) ?? "auto";
}

/** `--as-of`: a calendar date as YYYY-MM-DD. */
export function parseAsOf(text: string): Parsed<DayNumber> {
  const slot: DaySlot = { day: 0, month: 0 };
  return text.trim().length === 10 && readIsoDay(text.trim(), slot) ? { ok: true, value: slot.day } : { ok: false, expected: "a date as YYYY-MM-DD" };
}

/** Validates the history flags up front, before any file is read. */
export function historyOptionsOf(
  flags: HistoryFlags,
  extra: { asOf?: string | undefined; byRep?: boolean | undefined; funnel?: readonly string[] | undefined } = {},
): HistoryOptions {
  const stageColumns = extra.funnel === undefined ? undefined : stageDateColumns(extra.funnel);
  const map = check("--map", flags.map === undefined ? undefined : flags.map.join(","), (text) => parseColumnMap([text], stageColumns)) ?? new Map<string, string>();
  return {
    ...(extra.funnel === undefined ? {} : { funnel: extra.funnel }),
    map,
    dateFormat: dateFormatOf(flags),
    skipBadRows: flags.skipBadRows === true,
    byRep: extra.byRep === true,
    asOf: check("--as-of", extra.asOf, parseAsOf) ?? null,
  };
}

/**
 * Refuses the history reading flags when there is no history to read (`compute` without `--history`).
 * `--date-format` is not one of them: it reads the months of the quota, reps and actuals files too.
 */
export function requireHistoryFor(flags: HistoryFlags): void {
  const given = [flags.map !== undefined ? "--map" : null, flags.skipBadRows ? "--skip-bad-rows" : null].find(
    (flag) => flag !== null,
  );
  if (given) throw new InputError({ code: "option.invalid", file: given, expected: "a flag for reading --history FILE: expected --history too" });
}
