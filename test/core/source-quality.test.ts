import { describe, expect, it } from "vitest";
import { halfIndex } from "../../src/core/half-month.js";
import { computePlan } from "../../src/core/plan.js";
import { type SourceExpectation, checkSourceQuality, planSourceRates, sourcesBelow } from "../../src/core/source-quality.js";
import type { ActualEntry, TrackPeriod } from "../../src/core/track.js";
import { NO_SURGE, assumptions, month, quota, segment } from "./helpers.js";

// examples/sources.csv: Web form 8% qualified, 15% close; Trade show 20%, 30%; Referral 30%, 35%.
const EXPECTED = new Map<string, SourceExpectation>([
  ["Web form", { qualifyRate: 0.08, closeRate: 0.15 }],
  ["Trade show", { qualifyRate: 0.2, closeRate: 0.3 }],
  ["Referral", { qualifyRate: 0.3, closeRate: 0.35 }],
]);
const JAN_FEB: TrackPeriod = { first: month("2027-01"), last: month("2027-02") };
const lead = (at: string, source: string, inquiries: number, qualified: number, won: number, cost: number): ActualEntry => ({
  month: month(at),
  rep: "",
  product: "",
  source,
  values: { inquiries, qualified, won },
  cost,
});
const check = (entries: ActualEntry[], extra: { hasCost?: boolean; hasWon?: boolean; expected?: ReadonlyMap<string, SourceExpectation> | null; period?: TrackPeriod } = {}) =>
  checkSourceQuality({
    entries,
    period: extra.period ?? JAN_FEB,
    hasWon: extra.hasWon ?? true,
    hasCost: extra.hasCost ?? true,
    tolerance: 0.1,
    expected: extra.expected === undefined ? EXPECTED : extra.expected,
    planRates: { qualifyRate: 0.1, closeRate: 0.25 },
  });
const ENTRIES = [lead("2027-01", "Web form", 200, 16, 2, 4000), lead("2027-01", "Trade show", 100, 5, 1, 15000), lead("2027-02", "Web form", 100, 10, 0, 2000)];

describe("checkSourceQuality: each source's leads against its expected rates", () => {
  it("works a month of three sources by hand", () => {
    const quality = check(ENTRIES);
    const row = (period: string, source: string) => quality.rows.find((line) => line.period === period && line.source === source);
    // Web form: 16 of 200 qualified is 8%, on its 8%; 2 of 16 closed, 12.5%; 4,000 ÷ 16 = 250 a lead, ÷ 2 = 2,000 a deal.
    expect(row("2027-01", "Web form")).toMatchObject({ inquiries: 200, qualified: 16, won: 2, cost: 4000, qualifyRate: 0.08, closeRate: 0.125, costPerQualified: 250, costPerWon: 2000, status: "on-track" });
    // Trade show: 5 of 100 is 5% against 20%: below 16% (twice the tolerance under), far behind.
    expect(row("2027-01", "Trade show")).toMatchObject({ qualifyRate: 0.05, closeRate: 0.2, costPerQualified: 3000, costPerWon: 15000, status: "far-behind" });
    // Referral, in the file but not in the actuals: a row of 0, and no rate of nothing.
    expect(row("2027-01", "Referral")).toMatchObject({ inquiries: 0, qualified: 0, won: 0, cost: 0, qualifyRate: null, closeRate: null, costPerQualified: null, costPerWon: null, status: null });
    // February: no deal won, so no cost per won deal (never 0 or Infinity); Trade show sent nothing.
    expect(row("2027-02", "Web form")).toMatchObject({ qualifyRate: 0.1, closeRate: 0, costPerQualified: 200, costPerWon: null, status: "on-track" });
    expect(row("2027-02", "Trade show")).toMatchObject({ inquiries: 0, qualifyRate: null, status: null });
  });

  it("keeps the file's source order in every period, then totals per source over the period", () => {
    const quality = check(ENTRIES);
    expect(quality.rows.map((row) => `${row.period} ${row.source}`)).toEqual([
      "2027-01 Web form",
      "2027-01 Trade show",
      "2027-01 Referral",
      "2027-02 Web form",
      "2027-02 Trade show",
      "2027-02 Referral",
    ]);
    // Web form over both months: 26 of 300 qualified (8.67%), 2 won, 6,000 ÷ 26 = 230.77, ÷ 2 = 3,000.
    expect(quality.totals[0]).toMatchObject({ period: "total", source: "Web form", inquiries: 300, qualified: 26, won: 2, cost: 6000, costPerQualified: 230.77, costPerWon: 3000, status: "on-track" });
    expect(quality.totals.map((row) => row.source)).toEqual(["Web form", "Trade show", "Referral"]);
  });

  it.each([
    [18, "on-track"],
    [17, "behind"],
    [16, "behind"],
    [15, "far-behind"],
  ] as const)("checks %i of 100 qualified against 20% at a 10%% tolerance as %s (on track from 18%%, behind from 16%%)", (qualified, status) => {
    const quality = check([lead("2027-01", "Trade show", 100, qualified, 0, 0)]);
    expect(quality.rows[1]?.status).toBe(status);
    expect(sourcesBelow(quality).length).toBe(status === "on-track" ? 0 : 1);
  });

  it("compares a source the file does not name to nothing, listed after the file's", () => {
    const quality = check([lead("2027-01", "Webinar", 50, 1, 0, 0), lead("2027-01", "", 10, 1, 0, 0)]);
    expect(quality.rows.slice(0, 5).map((row) => [row.source, row.expected, row.status])).toEqual([
      ["Web form", EXPECTED.get("Web form"), null],
      ["Trade show", EXPECTED.get("Trade show"), null],
      ["Referral", EXPECTED.get("Referral"), null],
      ["Webinar", null, null],
      ["", null, null],
    ]);
  });

  it("compares every source to the plan's rates without a sources file, sources in code-unit order", () => {
    const quality = check(ENTRIES, { expected: null });
    expect(quality.expectedFrom).toBe("plan");
    expect(quality.totals.map((row) => [row.source, row.expected?.qualifyRate])).toEqual([
      ["Trade show", 0.1],
      ["Web form", 0.1],
    ]);
    // Trade show's 5% against the plan's 10% is far behind; Web form's 8% behind (under 9%).
    expect(sourcesBelow(quality).map((row) => `${row.period} ${row.source} ${row.status}`)).toEqual(["2027-01 Trade show far-behind", "2027-01 Web form behind"]);
  });

  it("leaves won, close rate and costs empty, never 0, when the actuals lack the column", () => {
    const row = check(ENTRIES, { hasWon: false, hasCost: false }).rows[0];
    expect(row).toMatchObject({ won: null, closeRate: null, cost: null, costPerQualified: null, costPerWon: null, qualifyRate: 0.08 });
  });

  it("rows by half with --every half-month", () => {
    const h1 = halfIndex(month("2027-01"), 1);
    const period: TrackPeriod = { first: month("2027-01"), last: month("2027-01"), cut: { every: "half-month", first: h1, last: h1 + 1, firstDay: 0, lastDay: 0 } };
    const entries = [
      { ...lead("2027-01", "Web form", 100, 8, 1, 0), half: h1 },
      { ...lead("2027-01", "Web form", 100, 4, 0, 0), half: h1 + 1 },
    ];
    const quality = check(entries, { period });
    expect(quality.rows.filter((row) => row.source === "Web form").map((row) => [row.period, row.qualifyRate, row.status])).toEqual([
      ["2027-01-H1", 0.08, "on-track"],
      ["2027-01-H2", 0.04, "far-behind"],
    ]);
  });
});

describe("planSourceRates: the plan's overall rates, as the leak diagnosis assumes them", () => {
  it("is qualified ÷ inquiries and deals ÷ qualified over the whole plan", () => {
    // 100,000 due at 10,000 a deal: 10 deals, 40 qualified at 25%, 400 inquiries at 10%.
    const plan = computePlan([segment("Ana", "X", assumptions({ avgDealSize: 10_000, closeRate: 0.25, qualifyRate: 0.1 }), [quota("2027-03", 100_000)])], NO_SURGE);
    const rates = planSourceRates(plan);
    expect(rates?.qualifyRate).toBeCloseTo(0.1, 12);
    expect(rates?.closeRate).toBeCloseTo(0.25, 12);
  });
});
