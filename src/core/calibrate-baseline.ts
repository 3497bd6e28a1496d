import type { GroupCounts } from "./calibrate-accumulator.js";
import { type DayNumber, lastDayOfMonth, monthOfDay } from "./calibrate-days.js";
import { type MonthIndex, monthOfYear } from "./month.js";

/** Inquiries created and leads qualified in one month of the history. */
export interface BaselineMonth {
  month: MonthIndex;
  inquiries: number;
  qualifiedLeads: number;
}

/** What the history says about normal volume: the last twelve months and the seasons. */
export interface Baseline {
  /** The last (at most) twelve complete months, oldest first. */
  months: BaselineMonth[];
  /**
   * Per calendar month (January first): its average inquiries over the complete months of the
   * history, divided by the average of those twelve averages; 1.2 is a fifth above normal. Null
   * for a calendar month the history does not cover.
   */
  seasonality: (number | null)[];
}

/**
 * The baseline of a history. A month is complete when the as-of date is its last day or later, so
 * an export taken on 14 June counts June as unfinished and ends the baseline in May. Seasonality
 * averages every complete month from the first month with inquiries, so each calendar month
 * counts once per year it appears in; a trend over the years is not removed.
 *
 * Example: 24 complete months whose Januaries have 1,300 and 1,500 inquiries and whose months
 * average 1,000 give January an index of 1.4.
 */
export function baselineOf(all: GroupCounts, firstMonth: MonthIndex, asOf: DayNumber): Baseline {
  const asOfMonth = monthOfDay(asOf);
  const lastComplete = lastDayOfMonth(asOfMonth) <= asOf ? asOfMonth : asOfMonth - 1;
  let firstData: MonthIndex | null = null;
  for (let at = 0; at < all.inquiries.length; at++) {
    if ((all.inquiries[at] ?? 0) > 0) {
      firstData = firstMonth + at;
      break;
    }
  }
  if (firstData === null || firstData > lastComplete) return { months: [], seasonality: new Array<number | null>(12).fill(null) };
  const volume = (series: Float64Array, month: MonthIndex) => series[month - firstMonth] ?? 0;
  const months: BaselineMonth[] = [];
  for (let month = Math.max(firstData, lastComplete - 11); month <= lastComplete; month++) {
    months.push({ month, inquiries: volume(all.inquiries, month), qualifiedLeads: volume(all.qualified, month) });
  }
  const totals = new Array<number>(12).fill(0);
  const counts = new Array<number>(12).fill(0);
  for (let month = firstData; month <= lastComplete; month++) {
    const calendar = monthOfYear(month) - 1;
    totals[calendar] = (totals[calendar] ?? 0) + volume(all.inquiries, month);
    counts[calendar] = (counts[calendar] ?? 0) + 1;
  }
  const averages = totals.map((total, calendar) => ((counts[calendar] ?? 0) > 0 ? total / (counts[calendar] ?? 1) : null));
  const present = averages.filter((average): average is number => average !== null);
  const normal = present.reduce((sum, average) => sum + average, 0) / present.length;
  const seasonality = averages.map((average) => (average === null || normal === 0 ? null : average / normal));
  return { months, seasonality };
}
