import { type RepCapacity, availabilityOf, capacityLanes } from "./capacity-lanes.js";
import { prebuildPipeline } from "./capacity-prebuild.js";
import { maxLag } from "./lag.js";
import type { MonthIndex } from "./month.js";
import type { Plan } from "./plan.js";
import { wholeUp } from "./rounding.js";

export type { RepCapacity } from "./capacity-lanes.js";

/** Which table a run shows: the plan (with a capacity section), the reps' months, or the team's. */
export const CAPACITY_VIEWS = ["plan", "capacity", "team"] as const;
export type CapacityView = (typeof CAPACITY_VIEWS)[number];

export interface CapacityOptions {
  /** Build pipeline earlier instead of overloading; what cannot be placed is reported at risk. */
  respectCapacity: boolean;
  /**
   * The stage the reps work (`capacity`), by its place in a segment's stages, nearest won first:
   * 0 (the default) is the stage before won, today's qualified lead. The top stage is the follow-up (`inquiry_capacity`).
   */
  stage?: number;
}

/** One rep in one plan month. */
export interface RepMonth {
  availability: number;
  /** Whole qualified leads the plan gives the rep: own segments plus a share of unassigned ones. */
  qualifiedLeads: number;
  /** Capacity × availability; may have a fraction (7.5 for a quarter month of 30). */
  capacity: number;
  /** Qualified leads ÷ capacity; null when the capacity is 0 (a percentage of nothing has no value). */
  utilisation: number | null;
  /** More leads than the rep can work: more than the whole leads the capacity holds. */
  over: boolean;
  /** Leads worked in the month once pre-built (without respectCapacity: the leads planned). */
  placed: number;
  movedIn: number;
  movedOut: number;
  atRisk: number;
  atRiskDeals: number;
  atRiskQuota: number | null;
  /** Whole inquiries the plan gives the rep, shared as the qualified leads are. */
  inquiries: number;
  /** Inquiries once pre-built: moved leads take theirs along (without respectCapacity: as planned). */
  placedInquiries: number;
  /** Inquiry capacity × availability; null when the rep has none. */
  inquiryCapacity: number | null;
  inquiryUtilisation: number | null;
  inquiryOver: boolean;
}

export interface RepCapacityPlan {
  rep: string;
  capacity: number;
  inquiryCapacity: number | null;
  months: RepMonth[];
}

/** The team in one plan month: sums over reps, and the headcount the month needs. */
export interface TeamMonth {
  qualifiedLeads: number;
  capacity: number;
  utilisation: number | null;
  /** Leads beyond each overloaded rep's capacity, summed: one rep's spare room does not absorb another's overload. */
  excess: number;
  /** Extra reps of average full-month capacity that would take the excess. */
  extraReps: number;
  placed: number;
  moved: number;
  atRisk: number;
  atRiskDeals: number;
  atRiskQuota: number | null;
  inquiries: number;
  placedInquiries: number;
  /** Null when some rep has no inquiry capacity: a total that left a rep out would look complete. */
  inquiryCapacity: number | null;
  inquiryUtilisation: number | null;
  inquiryExcess: number;
  /** Null when no rep has an inquiry capacity. */
  extraFollowUp: number | null;
}

export interface CapacityTotals {
  qualifiedLeads: number;
  placed: number;
  moved: number;
  atRisk: number;
  atRiskDeals: number;
  atRiskQuota: number | null;
  /** The most extra reps any month needs. */
  peakExtraReps: number;
  peakExtraFollowUp: number | null;
}

/** Follow-up capacity against the plan; series are indexed by `month - firstMonth`, as the plan's. */
export interface CapacityReport {
  firstMonth: MonthIndex;
  monthCount: number;
  respectCapacity: boolean;
  /** Whether any rep has an inquiry capacity: without one, inquiries are shown but not checked. */
  checksInquiries: boolean;
  /** The team's average full-month capacity: the size of one extra rep. */
  averageCapacity: number;
  averageInquiryCapacity: number | null;
  reps: RepCapacityPlan[];
  team: TeamMonth[];
  totals: CapacityTotals;
}

// A capacity of 29.999999999 (float noise from 30 × a share) holds 30 whole leads.
const NOISE = 1e-9;

/** The whole leads a (possibly fractional) capacity holds: 7.5 holds 7. */
export function workableLeads(capacity: number): number {
  return Math.floor(capacity + NOISE);
}

const ratio = (load: number, capacity: number | null): number | null => (capacity === null || capacity <= 0 ? null : load / capacity);
const mean = (values: readonly number[]): number | null => (values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length);

/**
 * Checks whether the team can follow up every lead the plan makes. Each rep's load in a month is
 * the whole qualified leads their segments generate then (wholeUp of the surged cell, as compute's
 * segment view shows them) plus their share of segments without a rep (see {@link capacityLanes});
 * it is set against capacity × availability. Inquiries are checked the same way against the
 * inquiry capacity. Extra reps in a month = ⌈excess ÷ average full-month capacity⌉, a new rep
 * being planned as a typical one at full speed.
 *
 * With `respectCapacity`, each rep's excess is built earlier (see {@link prebuildPipeline}), no
 * earlier than the plan's first month plus the rep's longest qualification time, so the
 * inquiries those leads need still fall inside the plan.
 *
 * Example: Ana (capacity 30) must work 52 qualified leads in 2027-01: utilisation 52 ÷ 30 =
 * 173%, excess 22, and with an average capacity of 40, ⌈22 ÷ 40⌉ = 1 extra rep.
 */
export function checkCapacity(plan: Plan, team: readonly RepCapacity[], options: CapacityOptions): CapacityReport {
  const lanes = capacityLanes(plan, team, options.stage ?? 0);
  const monthOf = (at: number) => plan.firstMonth + at;
  const reps = team.map((rep, index): RepCapacityPlan => {
    const repLanes = lanes[index] ?? [];
    const capacity = Array.from({ length: plan.monthCount }, (_, at) => rep.capacity * availabilityOf(rep, monthOf(at)));
    const workable = capacity.map(workableLeads);
    let earliest = 0;
    for (const lane of repLanes) {
      if (lane.qualifiedLeads.some((leads) => leads > 0)) earliest = Math.max(earliest, maxLag(lane.upstream.lag));
    }
    const load = (field: "qualifiedLeads" | "inquiries", at: number) => repLanes.reduce((sum, lane) => sum + (lane[field][at] ?? 0), 0);
    const built = options.respectCapacity ? prebuildPipeline(repLanes, workable, earliest) : undefined;
    const months = capacity.map((monthCapacity, at): RepMonth => {
      const qualifiedLeads = load("qualifiedLeads", at);
      const inquiries = load("inquiries", at);
      const shift = built?.inquiryShift[at] ?? 0;
      const placedInquiries = Math.abs(shift) < NOISE ? inquiries : wholeUp(Math.max(0, inquiries + shift));
      const availability = availabilityOf(rep, monthOf(at));
      const inquiryCapacity = rep.inquiryCapacity === null ? null : rep.inquiryCapacity * availability;
      return {
        availability,
        qualifiedLeads,
        capacity: monthCapacity,
        utilisation: ratio(qualifiedLeads, monthCapacity),
        over: qualifiedLeads > (workable[at] ?? 0),
        placed: built?.placed[at] ?? qualifiedLeads,
        movedIn: built?.movedIn[at] ?? 0,
        movedOut: built?.movedOut[at] ?? 0,
        atRisk: built?.atRisk[at] ?? 0,
        atRiskDeals: built?.atRiskDeals[at] ?? 0,
        // Not `?? 0`: null (a units-only segment at risk) must stay null.
        atRiskQuota: built === undefined || built.atRiskQuota[at] === undefined ? 0 : (built.atRiskQuota[at] ?? null),
        inquiries,
        placedInquiries,
        inquiryCapacity,
        inquiryUtilisation: ratio(placedInquiries, inquiryCapacity),
        inquiryOver: inquiryCapacity !== null && placedInquiries > workableLeads(inquiryCapacity),
      };
    });
    return { rep: rep.name, capacity: rep.capacity, inquiryCapacity: rep.inquiryCapacity, months };
  });

  const averageCapacity = mean(team.map((rep) => rep.capacity)) ?? 0;
  const inquiryCapacities = team.map((rep) => rep.inquiryCapacity).filter((value): value is number => value !== null);
  const averageInquiryCapacity = mean(inquiryCapacities);
  const everyInquiryCapacity = inquiryCapacities.length === team.length;
  const extraStaff = (excess: number, size: number | null) => (size === null || size <= 0 ? null : excess > 0 ? wholeUp(excess / size) : 0);

  const teamMonths = Array.from({ length: plan.monthCount }, (_, at): TeamMonth => {
    const month = {
      qualifiedLeads: 0, capacity: 0, excess: 0, placed: 0, moved: 0, atRisk: 0, atRiskDeals: 0, atRiskQuota: 0 as number | null,
      inquiries: 0, placedInquiries: 0, inquiryCapacity: 0, inquiryExcess: 0,
    };
    for (const rep of reps) {
      const cell = rep.months[at];
      if (!cell) continue;
      month.qualifiedLeads += cell.qualifiedLeads;
      month.capacity += cell.capacity;
      if (cell.over) month.excess += cell.qualifiedLeads - cell.capacity;
      month.placed += cell.placed;
      month.moved += cell.movedOut;
      month.atRisk += cell.atRisk;
      month.atRiskDeals += cell.atRiskDeals;
      month.atRiskQuota = month.atRiskQuota === null || cell.atRiskQuota === null ? null : month.atRiskQuota + cell.atRiskQuota;
      month.inquiries += cell.inquiries;
      month.placedInquiries += cell.placedInquiries;
      month.inquiryCapacity += cell.inquiryCapacity ?? 0;
      if (cell.inquiryOver && cell.inquiryCapacity !== null) month.inquiryExcess += cell.placedInquiries - cell.inquiryCapacity;
    }
    const inquiryCapacity = everyInquiryCapacity ? month.inquiryCapacity : null;
    return {
      ...month,
      utilisation: ratio(month.qualifiedLeads, month.capacity),
      extraReps: extraStaff(month.excess, averageCapacity) ?? 0,
      inquiryCapacity,
      inquiryUtilisation: ratio(month.placedInquiries, inquiryCapacity),
      extraFollowUp: extraStaff(month.inquiryExcess, averageInquiryCapacity),
    };
  });

  const totals: CapacityTotals = { qualifiedLeads: 0, placed: 0, moved: 0, atRisk: 0, atRiskDeals: 0, atRiskQuota: 0, peakExtraReps: 0, peakExtraFollowUp: averageInquiryCapacity === null ? null : 0 };
  for (const month of teamMonths) {
    totals.qualifiedLeads += month.qualifiedLeads;
    totals.placed += month.placed;
    totals.moved += month.moved;
    totals.atRisk += month.atRisk;
    totals.atRiskDeals += month.atRiskDeals;
    totals.atRiskQuota = totals.atRiskQuota === null || month.atRiskQuota === null ? null : totals.atRiskQuota + month.atRiskQuota;
    totals.peakExtraReps = Math.max(totals.peakExtraReps, month.extraReps);
    if (totals.peakExtraFollowUp !== null) totals.peakExtraFollowUp = Math.max(totals.peakExtraFollowUp, month.extraFollowUp ?? 0);
  }
  return {
    firstMonth: plan.firstMonth,
    monthCount: plan.monthCount,
    respectCapacity: options.respectCapacity,
    checksInquiries: inquiryCapacities.length > 0,
    averageCapacity,
    averageInquiryCapacity,
    reps,
    team: teamMonths,
    totals,
  };
}

/** A rep-month the team cannot follow up: more leads (or inquiries) than capacity, or leads at risk. */
export interface CapacityFinding {
  month: MonthIndex;
  rep: string;
  kind: "qualified-leads" | "inquiries";
  load: number;
  capacity: number;
  utilisation: number | null;
  /** With respectCapacity: the leads of this month that fit nowhere, and the quota they carry. */
  atRisk: number;
  atRiskDeals: number;
  atRiskQuota: number | null;
}

/**
 * What the team cannot follow up, month by month and rep by rep (qualified leads before
 * inquiries). Without respectCapacity, every overloaded month; with it, the months whose excess
 * could not be built earlier (the others were fixed), and every inquiry overload (inquiries are not
 * moved to fit). Empty when the plan can be followed up in full: `--strict` fails otherwise.
 */
export function capacityFindings(report: CapacityReport): CapacityFinding[] {
  const findings: CapacityFinding[] = [];
  for (let at = 0; at < report.monthCount; at++) {
    for (const rep of report.reps) {
      const cell = rep.months[at];
      if (!cell) continue;
      const base = { month: report.firstMonth + at, rep: rep.rep };
      if (report.respectCapacity ? cell.atRisk > 0 : cell.over) {
        findings.push({
          ...base,
          kind: "qualified-leads",
          load: cell.qualifiedLeads,
          capacity: cell.capacity,
          utilisation: cell.utilisation,
          atRisk: cell.atRisk,
          atRiskDeals: cell.atRiskDeals,
          atRiskQuota: cell.atRiskQuota,
        });
      }
      if (cell.inquiryOver && cell.inquiryCapacity !== null) {
        findings.push({
          ...base,
          kind: "inquiries",
          load: cell.placedInquiries,
          capacity: cell.inquiryCapacity,
          utilisation: cell.inquiryUtilisation,
          atRisk: 0,
          atRiskDeals: 0,
          atRiskQuota: 0,
        });
      }
    }
  }
  return findings;
}
