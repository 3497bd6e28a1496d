import { describe, expect, it } from "vitest";
import { lagFromMonths } from "../../src/core/lag.js";
import { type AssumptionLayers, type AssumptionValues, type ScopedAssumptions, assumptionResolver } from "../../src/core/resolve.js";

const complete: AssumptionValues = { avgDealSize: 75_000, closeRate: 0.2, qualifyRate: 0.1, salesCycle: lagFromMonths(2) };

function layers(scoped: ScopedAssumptions[], overrides: AssumptionValues = {}, defaults: AssumptionValues = {}): AssumptionLayers {
  return { overrides, scoped, defaults };
}

describe("assumptionResolver precedence", () => {
  // Every layer gives a different close rate; the strongest one present wins.
  const all = {
    flag: 0.9,
    repProduct: 0.8,
    product: 0.7,
    rep: 0.6,
    defaultRow: 0.5,
    config: 0.4,
  };
  type Layer = keyof typeof all;
  function resolveWith(present: readonly Layer[]) {
    const has = (layer: Layer) => present.includes(layer);
    const scoped: ScopedAssumptions[] = [];
    // Listed weakest first, so the file order cannot be what decides.
    if (has("defaultRow")) scoped.push({ rep: "", product: "", values: { closeRate: all.defaultRow } });
    if (has("rep")) scoped.push({ rep: "Ann", product: "", values: { closeRate: all.rep } });
    if (has("product")) scoped.push({ rep: "", product: "X", values: { closeRate: all.product } });
    if (has("repProduct")) scoped.push({ rep: "Ann", product: "X", values: { closeRate: all.repProduct } });
    const { closeRate: _fromConfig, ...config } = complete;
    const defaults = has("config") ? { ...config, closeRate: all.config } : config;
    return assumptionResolver(layers(scoped, has("flag") ? { closeRate: all.flag } : {}, defaults))("Ann", "X", true);
  }

  it.each<{ present: Layer[]; closeRate: number }>([
    { present: ["flag", "repProduct", "product", "rep", "defaultRow", "config"], closeRate: 0.9 },
    { present: ["repProduct", "product", "rep", "defaultRow", "config"], closeRate: 0.8 },
    { present: ["product", "rep", "defaultRow", "config"], closeRate: 0.7 },
    { present: ["rep", "defaultRow", "config"], closeRate: 0.6 },
    { present: ["defaultRow", "config"], closeRate: 0.5 },
    { present: ["config"], closeRate: 0.4 },
    { present: ["flag", "config"], closeRate: 0.9 },
    { present: ["rep", "product"], closeRate: 0.7 },
  ])("takes the close rate $closeRate from the strongest of $present", ({ present, closeRate }) => {
    expect(resolveWith(present)).toMatchObject({ ok: true, assumptions: { closeRate } });
  });

  it("reports the close rate missing when no layer gives one", () => {
    expect(resolveWith([])).toEqual({ ok: false, missing: ["closeRate"] });
  });
});

describe("assumptionResolver per field", () => {
  it("resolves each field on its own, falling through to the next layer that gives it", () => {
    const resolve = assumptionResolver(
      layers(
        [
          { rep: "Ann", product: "X", values: { closeRate: 0.3 } },
          { rep: "", product: "X", values: { avgDealSize: 50_000, qualifyRate: 0.99 } },
          { rep: "Ann", product: "", values: { costPerInquiry: 40, avgDealSize: 1 } },
          { rep: "", product: "", values: { salesCycle: lagFromMonths(3), closeRate: 0.01 } },
        ],
        { qualifyRate: 0.11 },
        { unitsPerDeal: 5, salesCycle: lagFromMonths(9), costPerInquiry: 99 },
      ),
    );
    expect(resolve("Ann", "X", true)).toEqual({
      ok: true,
      assumptions: {
        avgDealSize: 50_000, // product row beats rep row
        unitsPerDeal: 5, // config
        closeRate: 0.3, // rep+product row
        qualifyRate: 0.11, // flag beats product row
        costPerInquiry: 40, // rep row beats config
        salesCycle: [{ lagMonths: 3, share: 1 }], // default row beats config
        qualification: [{ lagMonths: 0, share: 1 }], // built-in
      },
    });
  });

  it("falls back to the built-ins: one unit a deal, no qualification time, no cost", () => {
    const resolved = assumptionResolver(layers([], complete))("Ann", "X", true);
    expect(resolved).toMatchObject({ ok: true, assumptions: { unitsPerDeal: 1, qualification: [{ lagMonths: 0, share: 1 }], costPerInquiry: null } });
  });

  it("combines a ratios row and a cycles row of the same scope", () => {
    const resolve = assumptionResolver(
      layers([
        { rep: "", product: "", values: { avgDealSize: 20_000, closeRate: 0.25, qualifyRate: 0.2 } },
        { rep: "", product: "", values: { salesCycle: lagFromMonths(1.5), qualification: lagFromMonths(0.25) } },
      ]),
    );
    expect(resolve("Ann", "X", true)).toEqual({
      ok: true,
      assumptions: {
        avgDealSize: 20_000,
        unitsPerDeal: 1,
        closeRate: 0.25,
        qualifyRate: 0.2,
        costPerInquiry: null,
        salesCycle: [{ lagMonths: 1, share: 0.5 }, { lagMonths: 2, share: 0.5 }],
        qualification: [{ lagMonths: 0, share: 0.75 }, { lagMonths: 1, share: 0.25 }],
      },
    });
  });

  it.each([
    { rep: "Ann", product: "X", closeRate: 0.3 },
    { rep: "Ann", product: "Y", closeRate: 0.6 }, // rep row
    { rep: "Bob", product: "X", closeRate: 0.7 }, // product row
    { rep: "Bob", product: "Y", closeRate: 0.5 }, // default row
    { rep: "", product: "", closeRate: 0.5 }, // unassigned: only the default row applies
    { rep: "Ann", product: "", closeRate: 0.6 }, // no product: the rep row
    { rep: "", product: "X", closeRate: 0.7 }, // no rep: the product row
  ])("gives rep $rep with product $product the close rate $closeRate of the rows in its scope", ({ rep, product, closeRate }) => {
    const resolve = assumptionResolver(
      layers([
        { rep: "Ann", product: "X", values: { closeRate: 0.3 } },
        { rep: "Ann", product: "", values: { closeRate: 0.6 } },
        { rep: "", product: "X", values: { closeRate: 0.7 } },
        { rep: "", product: "", values: { closeRate: 0.5 } },
      ], {}, complete),
    );
    expect(resolve(rep, product, true)).toMatchObject({ ok: true, assumptions: { closeRate } });
  });
});

describe("assumptionResolver missing fields", () => {
  it.each<{ given: AssumptionValues; needsDealSize: boolean; missing: string[] }>([
    { given: {}, needsDealSize: true, missing: ["avgDealSize", "closeRate", "qualifyRate", "salesCycle"] },
    { given: {}, needsDealSize: false, missing: ["closeRate", "qualifyRate", "salesCycle"] },
    { given: { closeRate: 0.2, qualifyRate: 0.1 }, needsDealSize: true, missing: ["avgDealSize", "salesCycle"] },
    { given: { avgDealSize: 1, closeRate: 0.2, salesCycle: lagFromMonths(1) }, needsDealSize: true, missing: ["qualifyRate"] },
  ])("reports $missing when the config gives $given", ({ given, needsDealSize, missing }) => {
    expect(assumptionResolver(layers([], {}, given))("Ann", "X", needsDealSize)).toEqual({ ok: false, missing });
  });

  it("does not need a deal size for a segment that plans in units", () => {
    const { avgDealSize: _unused, ...withoutDealSize } = complete;
    expect(assumptionResolver(layers([], {}, withoutDealSize))("Ann", "X", false)).toMatchObject({ ok: true, assumptions: { avgDealSize: null } });
  });

  it("does not take values from another rep's or another product's rows", () => {
    const resolve = assumptionResolver(
      layers([
        { rep: "Bob", product: "", values: { closeRate: 0.2 } },
        { rep: "", product: "Y", values: { qualifyRate: 0.1 } },
        { rep: "Bob", product: "X", values: { avgDealSize: 5 } },
      ], {}, { salesCycle: lagFromMonths(1) }),
    );
    expect(resolve("Ann", "X", true)).toEqual({ ok: false, missing: ["avgDealSize", "closeRate", "qualifyRate"] });
  });
});

describe("assumptionResolver on many segments", () => {
  // Segments whose chains hold the same rows resolve alike and share one resolution; a segment
  // with a row of its own, or that needs no deal size, is resolved on its own.
  const resolve = assumptionResolver(layers([{ rep: "Ann", product: "", values: { closeRate: 0.5 } }], {}, complete));

  it("gives segments with the same rows one resolution, and others their own", () => {
    const bob = resolve("Bob", "X", true);
    const cleo = resolve("Cleo", "Y", true);
    const ann = resolve("Ann", "X", true);
    expect(cleo).toBe(bob);
    expect(ann).not.toBe(bob);
    expect(ann).toMatchObject({ ok: true, assumptions: { closeRate: 0.5 } });
    expect(bob).toMatchObject({ ok: true, assumptions: { closeRate: 0.2 } });
    expect(resolve("Ann", "Y", true)).toBe(ann);
  });

  it("keeps a segment that needs no deal size apart from one that does", () => {
    const units = assumptionResolver(layers([], {}, { closeRate: 0.2, qualifyRate: 0.1, salesCycle: lagFromMonths(2) }));
    expect(units("Bob", "X", false)).toMatchObject({ ok: true });
    expect(units("Bob", "X", true)).toEqual({ ok: false, missing: ["avgDealSize"] });
  });
});
