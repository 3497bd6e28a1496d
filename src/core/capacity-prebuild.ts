import { apportion, type CapacityLane } from "./capacity-lanes.js";

/** One rep's months after pre-building; every series is indexed by plan month. */
export interface Prebuilt {
  /** Qualified leads worked in each month: at most the workable capacity. */
  placed: number[];
  /** Leads built here for a later month. */
  movedIn: number[];
  /** Leads of this month built earlier. */
  movedOut: number[];
  /** Leads of this month that fit in no earlier month: reported, never dropped. */
  atRisk: number[];
  /** Deals those leads would have closed: leads × close rate. */
  atRiskDeals: number[];
  /** Quota money those deals carry: deals × average deal size; null when a segment plans in units only. */
  atRiskQuota: (number | null)[];
  /** Exact change in inquiries per month: a moved lead takes its inquiries along; an at-risk lead needs none. */
  inquiryShift: number[];
}

/**
 * Builds pipeline earlier instead of overloading a rep. Walking from the last month back, the
 * leads of month m beyond the whole leads the rep can work (`workable`) move into the nearest
 * earlier months with room, none before `earliest`; what finds no room is at risk. Deals keep
 * their close month: a lead built earlier just waits longer.
 *
 * Serving the latest month first from its nearest months is optimal: every earlier month can
 * reach only months a later one can reach too, so giving the later month the slots nearest it
 * leaves the earlier months every slot they could have used.
 *
 * Which leads move: the excess is split over the rep's lanes (segments) in proportion to their
 * leads that month, in whole leads. Each moved lead takes its inquiries along, 1 ÷ qualification
 * rate of them, spread by the qualification lag before its new month; an at-risk lead is not
 * worked, so the inquiries that would feed it are not needed either.
 *
 * Example: workable 30 a month, 40 leads in month 2, 25 in month 1, 30 in month 0, earliest 0:
 * month 2 moves 10, 5 fit in month 1 (25 → 30), month 0 is full, so 5 are at risk.
 */
export function prebuildPipeline(lanes: readonly CapacityLane[], workable: readonly number[], earliest: number): Prebuilt {
  const monthCount = workable.length;
  const series = () => new Array<number>(monthCount).fill(0);
  const load = series();
  for (const lane of lanes) lane.qualifiedLeads.forEach((leads, at) => (load[at] = (load[at] ?? 0) + leads));
  const result: Prebuilt = {
    placed: [...load],
    movedIn: series(),
    movedOut: series(),
    atRisk: series(),
    atRiskDeals: series(),
    atRiskQuota: series(),
    inquiryShift: series(),
  };
  const shiftInquiries = (lane: CapacityLane, leads: number, from: number, to: number | null) => {
    const { rate: qualifyRate, lag: qualification } = lane.upstream;
    for (const { lagMonths, share } of qualification) {
      const inquiries = (leads * share) / qualifyRate;
      move(result.inquiryShift, from - lagMonths, -inquiries);
      if (to !== null) move(result.inquiryShift, to - lagMonths, inquiries);
    }
  };
  const riskOf = (lane: CapacityLane, leads: number, month: number) => {
    const { avgDealSize } = lane.segment.assumptions;
    const deals = leads * lane.toWon;
    result.atRiskDeals[month] = (result.atRiskDeals[month] ?? 0) + deals;
    const quota = result.atRiskQuota[month] ?? 0;
    result.atRiskQuota[month] = quota === null || avgDealSize === null ? null : quota + deals * avgDealSize;
  };

  for (let month = monthCount - 1; month >= 0; month--) {
    const excess = (load[month] ?? 0) - (workable[month] ?? 0);
    if (excess <= 0) continue;
    result.placed[month] = (result.placed[month] ?? 0) - excess;
    // The leads still to place from each lane, handed out lane by lane.
    const left = apportion(excess, lanes.map((lane) => lane.qualifiedLeads[month] ?? 0));
    let lane = 0;
    const handOut = (count: number, to: number | null) => {
      while (count > 0 && lane < lanes.length) {
        const leads = Math.min(left[lane] ?? 0, count);
        const current = lanes[lane];
        if (leads > 0 && current) {
          shiftInquiries(current, leads, month, to);
          if (to === null) riskOf(current, leads, month);
          left[lane] = (left[lane] ?? 0) - leads;
          count -= leads;
        }
        if ((left[lane] ?? 0) === 0) lane++;
      }
    };
    let remaining = excess;
    for (let earlier = month - 1; earlier >= earliest && remaining > 0; earlier--) {
      const room = (workable[earlier] ?? 0) - (result.placed[earlier] ?? 0);
      if (room <= 0) continue;
      const leads = Math.min(room, remaining);
      result.placed[earlier] = (result.placed[earlier] ?? 0) + leads;
      result.movedIn[earlier] = (result.movedIn[earlier] ?? 0) + leads;
      remaining -= leads;
      handOut(leads, earlier);
    }
    // Only what found room was built earlier: a lead at risk is counted there, not here too.
    result.movedOut[month] = excess - remaining;
    if (remaining > 0) {
      result.atRisk[month] = remaining;
      handOut(remaining, null);
    }
  }
  return result;
}

function move(series: number[], at: number, amount: number): void {
  // A lead's inquiries always fall inside the plan (see `earliest`); guard anyway.
  if (at >= 0 && at < series.length) series[at] = (series[at] ?? 0) + amount;
}
