import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { DEFAULT_MODEL, historyChunks, truthOf } from "../../bench/generate-history.mjs";
import { calibrate } from "../../src/core/calibrate.js";
import { readHistory } from "../../src/io/history-reader.js";

// 200,000 leads drawn from a known model (bench/generate-history.mjs, seed 7) over 24 months up
// to the export date: about a quarter are still open, as in a real CRM.
const LEADS = 200_000;
const truth = truthOf(DEFAULT_MODEL);

async function calibrated() {
  const read = await readHistory(
    { name: "generated.csv", size: null, open: () => Readable.from(historyChunks({ leads: LEADS, seed: 7 })) },
    { map: new Map(), dateFormat: "auto", skipBadRows: false, byRep: false, asOf: null },
  );
  return calibrate(read.history, read.names, { asOf: null, shape: read.shape });
}

describe("calibrate recovers a known truth from 200,000 generated leads", async () => {
  const calibration = await calibrated();
  const all = calibration.scopes[0];
  const products = calibration.scopes.filter((scope) => scope.product !== "");

  it("has a real share of leads still open", () => {
    expect(all?.inquiries).toBe(LEADS);
    expect((all?.openLeads ?? 0) / LEADS).toBeGreaterThan(0.2);
  });

  it.each([["all leads"], ...DEFAULT_MODEL.products.map((product) => [product.name])])("rates within one percentage point: %s", (name) => {
    const scope = name === "all leads" ? all : products.find((product) => product.product === name);
    const expected = name === "all leads" ? truth.all : truth.products[name];
    expect(Math.abs((scope?.qualifyRate ?? 0) - (expected?.inquiryToQualified ?? 1))).toBeLessThan(0.01);
    expect(Math.abs((scope?.closeRate ?? 0) - (expected?.qualifiedToWon ?? 1))).toBeLessThan(0.01);
  });

  it.each([["all leads"], ...DEFAULT_MODEL.products.map((product) => [product.name])])("mean sales cycle within two days: %s", (name) => {
    const scope = name === "all leads" ? all : products.find((product) => product.product === name);
    const expected = name === "all leads" ? truth.all : truth.products[name];
    expect(Math.abs((scope?.meanCycleDays ?? 0) - (expected?.meanCycleDays ?? 1e9))).toBeLessThan(2);
  });

  it("recovers deal sizes within 2% and the cost per inquiry within 1%", () => {
    for (const scope of products) {
      const expected = truth.products[scope.product];
      expect(Math.abs((scope.avgDealSize ?? 0) / (expected?.avgDealSize ?? 1) - 1)).toBeLessThan(0.02);
      expect(Math.abs((scope.costPerInquiry ?? 0) / (expected?.costPerInquiry ?? 1) - 1)).toBeLessThan(0.01);
    }
  });

  it("ranks the sources by cost per won deal, each rate within two percentage points", () => {
    for (const source of calibration.sources) {
      const expected = truth.sources[source.source];
      expect(Math.abs((source.qualifyRate ?? 0) - (expected?.inquiryToQualified ?? 1))).toBeLessThan(0.02);
      expect(Math.abs((source.closeRate ?? 0) - (expected?.qualifiedToWon ?? 1))).toBeLessThan(0.02);
    }
    const costs = calibration.sources.map((source) => source.costPerWonDeal ?? Number.POSITIVE_INFINITY);
    expect(costs).toStrictEqual([...costs].sort((a, b) => a - b));
  });

  it("recovers the seasonality within 0.05", () => {
    calibration.baseline.seasonality.forEach((index, month) => {
      expect(Math.abs((index ?? 0) - (truth.seasonality[month] ?? 0))).toBeLessThan(0.05);
    });
  });

  it("does better than counting open leads as lost, which misses by more than a point", () => {
    const naiveClose = (all?.wonDeals ?? 0) / (all?.qualifiedLeads ?? 1);
    expect(Math.abs(naiveClose - truth.all.qualifiedToWon)).toBeGreaterThan(0.01);
  });
});
