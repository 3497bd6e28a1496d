import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { filesIn, folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

const ASSUME = ["--deal-size", "10000", "--close-rate", "25%", "--qualify-rate", "10%", "--cycle-months", "1", "--cost-per-inquiry", "40"];
const QUOTAS = "month,quota\n2027-01,100000\n";

/** Exit 2, the one stderr line, nothing on stdout and every file as it was. */
async function expectRefused(files: Record<string, string>, args: string[], stderr: string): Promise<void> {
  const dir = folderWith(files);
  const run = await runIn(dir, args);
  const contents = Object.fromEntries(filesIn(dir).map((name) => [name, readFileSync(join(dir, name), "utf8")]));
  expect({ code: run.code, stdout: run.stdout, stderr: run.stderr, contents }).toStrictEqual({ code: 2, stdout: "", stderr, contents: files });
}

describe("value ranges: a value outside its documented range is refused at its cell or flag", () => {
  it.each([
    ["a deal size of a ten-billionth", ["--deal-size", "0.0000000001"], 'leadplan: --deal-size: expected an amount from 0.01 to 1,000,000,000,000, found "0.0000000001"\n'],
    ["a close rate of a ten-billionth", ["--close-rate", "0.0000000001"], 'leadplan: --close-rate: expected a rate from 0.0001% to 100% (0.000001 to 1), like 25% or 0.25, found "0.0000000001"\n'],
    ["a qualification rate below one in a million", ["--qualify-rate", "0.00001%"], 'leadplan: --qualify-rate: expected a rate from 0.0001% to 100% (0.000001 to 1), like 25% or 0.25, found "0.00001%"\n'],
    ["a cost per inquiry above a billion", ["--cost-per-inquiry", "1000000001"], 'leadplan: --cost-per-inquiry: expected a cost from 0 to 1,000,000,000 per inquiry, found "1000000001"\n'],
    ["units per deal of a thousandth", ["--units-per-deal", "0.001"], 'leadplan: --units-per-deal: expected an amount from 0.01 to 1,000,000,000,000, found "0.001"\n'],
  ])("flags: %s", async (_name, flags, stderr) => {
    await expectRefused({ "quotas.csv": QUOTAS }, ["compute", "quotas.csv", ...ASSUME, ...flags], stderr);
  });

  it.each([
    ["a deal size of 1e300", '{"dealSize": 1e300}', `leadplan: leadplan.config.json: dealSize: expected an amount from 0.01 to 1,000,000,000,000, found "1e+300"\n`],
    ["a close rate of 1e-7", '{"closeRate": 1e-7}', 'leadplan: leadplan.config.json: closeRate: expected a rate from 0.0001% to 100% (0.000001 to 1), like 25% or 0.25, found "1e-7"\n'],
  ])("config numbers: %s", async (_name, config, stderr) => {
    await expectRefused({ "quotas.csv": QUOTAS, "leadplan.config.json": config }, ["compute", "quotas.csv", "--cycle-months", "1"], stderr);
  });

  it("a quota of twenty digits, which a double cannot hold exactly", async () => {
    await expectRefused(
      { "quotas.csv": "month,quota\n2027-01,99999999999999999999\n" },
      ["compute", "quotas.csv", ...ASSUME],
      'leadplan: quotas.csv:2: quota: expected an amount from 0 to 1,000,000,000,000, found "99999999999999999999"\n',
    );
  });

  it("units above a trillion", async () => {
    await expectRefused(
      { "quotas.csv": "month,units\n2027-01,1000000000001\n" },
      ["compute", "quotas.csv", ...ASSUME, "--units-per-deal", "1"],
      'leadplan: quotas.csv:2: units: expected an amount from 0 to 1,000,000,000,000, found "1000000000001"\n',
    );
  });

  it("a wide quota cell above a trillion", async () => {
    await expectRefused(
      { "quotas.csv": "rep,product,2027-01\nAna,Platform,\"2,000,000,000,000\"\n" },
      ["compute", "quotas.csv", ...ASSUME],
      'leadplan: quotas.csv:2: 2027-01: expected an amount from 0 to 1,000,000,000,000, found "2,000,000,000,000"\n',
    );
  });

  it("a cost in a ratios file above a billion", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS, "ratios.csv": "avg_deal_size,qualified_to_won,inquiry_to_qualified,cost_per_inquiry\n10000,25%,10%,5000000000\n" },
      ["compute", "quotas.csv", "--ratios", "ratios.csv", "--cycle-months", "1"],
      'leadplan: ratios.csv:2: cost_per_inquiry: expected a cost from 0 to 1,000,000,000 per inquiry, found "5000000000"\n',
    );
  });

  it("a cost in a scenarios file above a billion", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS, "scenarios.csv": "scenario,cost_per_inquiry\ndear,1000000000000\n" },
      ["scenarios", "quotas.csv", ...ASSUME, "--scenarios", "scenarios.csv"],
      'leadplan: scenarios.csv:2: cost_per_inquiry: expected a cost from 0 to 1,000,000,000 per inquiry, found "1000000000000"\n',
    );
  });

  it("a tracked revenue above a trillion", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS, "actuals.csv": "month,revenue\n2027-01,1000000000001\n" },
      ["track", "quotas.csv", "actuals.csv", ...ASSUME, "--as-of", "2027-01"],
      'leadplan: actuals.csv:2: revenue: expected an amount from 0 to 1,000,000,000,000, found "1000000000001"\n',
    );
  });

  it("a tracked count above a trillion", async () => {
    await expectRefused(
      { "quotas.csv": QUOTAS, "actuals.csv": "month,inquiries\n2027-01,1000000000001\n" },
      ["track", "quotas.csv", "actuals.csv", ...ASSUME, "--as-of", "2027-01"],
      'leadplan: actuals.csv:2: inquiries: expected a whole number from 0 to 1,000,000,000,000, found "1000000000001"\n',
    );
  });

  it("a history amount above a trillion", async () => {
    const history = "lead_id,created,product,qualified_on,closed_on,outcome,amount\nL1,2026-01-05,Platform,2026-01-10,2026-02-01,won,1000000000001\n";
    await expectRefused({ "history.csv": history }, ["calibrate", "history.csv", "--as-of", "2026-06-30"], 'leadplan: history.csv:2: amount: expected an amount from 0 to 1,000,000,000,000, found "1000000000001"\n');
  });
});

describe("result size: a figure past 2^53 is refused before anything is written, never printed as Infinity or an exponent", () => {
  it("a trillion due at a cent a deal and one-in-a-million rates", async () => {
    await expectRefused(
      { "quotas.csv": "month,quota\n2027-01,1000000000000\n" },
      ["compute", "quotas.csv", "--deal-size", "0.01", "--close-rate", "0.000001", "--qualify-rate", "0.000001", "--cycle-months", "1", "--cost-per-inquiry", "1000000000", "--format", "csv"],
      'leadplan: the plan: totals deals: expected a figure of at most 90,071,992,547,409.92 (2^53 cents, the most a double holds exactly to the cent), found "about 1 × 10^14" (the quotas, deal sizes, rates and costs ask for more than any plan can hold: check them for a misplaced digit)\n',
    );
  });

  it("91 quotas of 999,999,999,999.99 would sum to a figure a double cannot hold to the cent: refused, not printed rounded", async () => {
    const quotas = `month,rep,quota\n${Array.from({ length: 91 }, (_, at) => `2027-01,rep${at},999999999999.99`).join("\n")}\n`;
    await expectRefused(
      { "quotas.csv": quotas },
      ["compute", "quotas.csv", ...ASSUME, "--format", "csv"],
      'leadplan: the plan: totals quota: expected a figure of at most 90,071,992,547,409.92 (2^53 cents, the most a double holds exactly to the cent), found "about 9.1 × 10^13" (the quotas, deal sizes, rates and costs ask for more than any plan can hold: check them for a misplaced digit)\n',
    );
  });

  it("ten thousand segments of a trillion each sum past 2^53 cents", async () => {
    const quotas = `month,rep,quota\n${Array.from({ length: 10_000 }, (_, at) => `2027-01,rep${at},1000000000000`).join("\n")}\n`;
    await expectRefused(
      { "quotas.csv": quotas },
      ["compute", "quotas.csv", ...ASSUME, "--format", "json"],
      'leadplan: the plan: totals quota: expected a figure of at most 90,071,992,547,409.92 (2^53 cents, the most a double holds exactly to the cent), found "about 1 × 10^16" (the quotas, deal sizes, rates and costs ask for more than any plan can hold: check them for a misplaced digit)\n',
    );
  });

  it("twenty quotas of a trillion sum exactly", async () => {
    const quotas = `month,rep,quota\n${Array.from({ length: 20 }, (_, at) => `2027-01,rep${at},1000000000000`).join("\n")}\n`;
    const run = await runIn(folderWith({ "quotas.csv": quotas }), ["compute", "quotas.csv", ...ASSUME, "--format", "json"]);
    expect(run.code).toBe(0);
    const totals = (JSON.parse(run.stdout) as { totals: Record<string, unknown> }).totals;
    expect([totals.quota, totals.deals, totals.budget]).toStrictEqual([20_000_000_000_000, 2_000_000_000, 4_160_000_000_000]);
  });
});
