import { describe, expect, it } from "vitest";
import type { CatchUpPlan } from "../../src/core/catch-up.js";
import type { LeakEffect } from "../../src/core/leak.js";
import { type TrackReport, windowText } from "../../src/render/track/report.js";
import { effectFault, effectName } from "../../src/render/track/stage-names.js";
import { month } from "../core/helpers.js";

describe("effectName and effectFault", () => {
  it.each([
    [{ from: null, to: "inquiries" }, "inquiry volume", "too few inquiries"],
    [{ from: null, to: "won" }, "deal volume", "too few deals"],
    [{ from: "inquiries", to: "qualified" }, "qualification rate", "poor qualification"],
    [{ from: "qualified", to: "won" }, "close rate", "poor closing"],
    [{ from: "won", to: "revenue" }, "deal size", "smaller deals"],
    // Without a qualified column, one effect spans two steps.
    [{ from: "inquiries", to: "won" }, "qualification rate and close rate", "poor qualification or poor closing"],
  ] as const)("names %j as %s", (effect, name, fault) => {
    const withRevenue: LeakEffect = { ...effect, revenue: -1 };
    expect([effectName(withRevenue), effectFault(withRevenue)]).toEqual([name, fault]);
  });
});

describe("windowText", () => {
  const text = (asOf: string, window: CatchUpPlan["window"], windowEnd: string, fiscalYearStart: number) =>
    windowText({ asOf: month(asOf), fiscalYearStart } as TrackReport, { window, windowEnd: month(windowEnd) } as CatchUpPlan);

  it.each([
    ["2027-02", "quarter", "2027-03", 1, "the rest of fiscal 2027-Q1 (to 2027-03)"],
    ["2027-02", "year", "2027-12", 1, "the rest of fiscal year 2027 (to 2027-12)"],
    // A fiscal year from November: February 2027 is in FY2027's second quarter (November is Q1).
    ["2027-02", "quarter", "2027-04", 11, "the rest of FY2027-Q2 (to 2027-04)"],
    ["2027-02", "year", "2027-10", 11, "the rest of FY2027 (to 2027-10)"],
  ] as const)("as of %s, %s window", (asOf, window, end, start, expected) => {
    expect(text(asOf, window, end, start)).toBe(expected);
  });
});
