import { afterAll, describe, expect, it } from "vitest";
import { binomialAtLeast, binomialQuantile } from "../../src/core/confidence-binomial.js";
import { runBin } from "../golden/run-bin.js";
import { folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

// README's worked example: $2,000,000 due in March at $75,000 deals, 20% close after 2 months,
// 10% qualification; January brought 1,340 inquiries and 120 qualified leads, nothing won yet.
const WORKED = ["--deal-size", "75000", "--close-rate", "20%", "--qualify-rate", "10%", "--cycle-months", "2", "--surge", "0", "--cost-per-inquiry", "45"];
const FILES = {
  "quotas.csv": 'month,quota\n2027-03,"$2,000,000"\n',
  "actuals.csv": "month,inquiries,qualified,won,revenue\n2027-01,1340,120,0,0\n",
  "no-revenue.csv": "month,inquiries,qualified,won\n2027-01,1340,120,0\n",
  "units.csv": "month,units\n2027-03,20\n",
};
const run = (args: readonly string[]) => runIn(folderWith(FILES), [...args, ...WORKED]);
const lastLine = (stderr: string) => stderr.trimEnd().split("\n").at(-1);

describe("track --forecast, README's worked example", () => {
  it("is P(Bin(120, 20%) ≥ 27) for the quarter and the year, and revenue at the binomial's percentiles", async () => {
    const result = await run(["track", "quotas.csv", "actuals.csv", "--forecast", "--format", "json"]);
    expect(result.code).toBe(0);
    const { forecast } = JSON.parse(result.stdout) as { forecast: { method: string; periods: { period: string; probability: number; revenue: Record<string, number> }[] } };
    expect(forecast.method).toBe("exact");
    expect(forecast.periods.map((period) => period.period)).toEqual(["2027-Q1", "2027"]);
    const chance = binomialAtLeast(120, 0.2, 27);
    expect(chance).toBeCloseTo(0.279, 3);
    for (const period of forecast.periods) {
      expect(period.probability).toBe(Math.round(chance * 1e6) / 1e6);
      expect(period.revenue).toEqual({ p10: 75_000 * binomialQuantile(120, 0.2, 0.1), p50: 75_000 * binomialQuantile(120, 0.2, 0.5), p90: 75_000 * binomialQuantile(120, 0.2, 0.9) });
    }
    expect(forecast.periods[0]?.revenue).toEqual({ p10: 1_350_000, p50: 1_800_000, p90: 2_250_000 });
  });

  it("writes the forecast's table as CSV with --section forecast, and names it on stderr otherwise", async () => {
    const table = await run(["track", "quotas.csv", "actuals.csv", "--forecast", "--format", "csv", "--section", "forecast"]);
    expect(table.stdout.split("\n")[0]).toBe("period,quota,won_to_date,expected_in_flight,expected_to_come,probability,revenue_p10,revenue_p50,revenue_p90");
    expect(table.stdout.split("\n")[1]).toBe("2027-Q1,2000000,0,1800000,0,0.279026,1350000,1800000,2250000");
    const checkpoints = await run(["track", "quotas.csv", "actuals.csv", "--forecast", "--format", "csv"]);
    expect(checkpoints.stdout.split("\n")[0]).toBe("month,measure,plan,actual,variance,percent_of_plan,status");
    expect(checkpoints.stderr).toContain("note: the CSV holds the checkpoints table; --section forecast writes the other\n");
  });

  it("takes --section checkpoints with or without --forecast", async () => {
    for (const flags of [[], ["--forecast"]]) {
      const result = await run(["track", "quotas.csv", "actuals.csv", ...flags, "--format", "csv", "--section", "checkpoints"]);
      expect(result.code).toBe(0);
      expect(result.stdout.split("\n")[0]).toBe("month,measure,plan,actual,variance,percent_of_plan,status");
      expect(result.stderr).not.toContain("note:");
    }
  });

  it("leaves the report as it was without --forecast (no forecast key, no section)", async () => {
    const result = await run(["track", "quotas.csv", "actuals.csv", "--format", "json"]);
    expect(JSON.parse(result.stdout)).not.toHaveProperty("forecast");
    const table = await run(["track", "quotas.csv", "actuals.csv"]);
    expect(table.stdout).not.toContain("Forecast");
  });
});

describe("--fail-below and --fail-on forecast", () => {
  it.each([
    [["--fail-below", "50"], 1, "leadplan: 27.9% chance of making 2027, under --fail-below 50%; exit 1 (--fail-on behind, the default, and --fail-below 50)"],
    [["--fail-on", "forecast", "--fail-below", "30%"], 1, "leadplan: 27.9% chance of making 2027, under --fail-below 30%; exit 1 (--fail-on forecast)"],
    [["--fail-on", "forecast", "--fail-below", "25"], 0, undefined],
    [["--fail-below", "27.9"], 0, undefined],
  ])("%j exits %i", async (flags, code, summary) => {
    const result = await run(["track", "quotas.csv", "actuals.csv", ...flags]);
    expect(result.code).toBe(code);
    expect(result.stdout).toContain("Forecast as of 2027-01");
    if (summary !== undefined) expect(lastLine(result.stderr)).toBe(summary);
    else expect(result.stderr).not.toContain("exit 1");
  });

  it.each([
    [["--fail-below", "120"], 'leadplan: --fail-below: expected a percentage above 0 and up to 100, like 80 or 80%, found "120"'],
    [["--fail-below", "0"], 'leadplan: --fail-below: expected a percentage above 0 and up to 100, like 80 or 80%, found "0"'],
    [["--fail-on", "forecast"], "leadplan: --fail-on: forecast: no threshold to check the year against: expected --fail-below PCT"],
    [["--fail-on", "behind", "--fail-below", "80"], "leadplan: --fail-below: expected forecast in --fail-on's list (--fail-on behind leaves it out), or no --fail-on, found \"80\""],
    [["--trials", "0", "--forecast"], 'leadplan: --trials: expected a whole number of trials from 1 to 100,000, found "0"'],
    [["--trials", "2000000", "--forecast"], 'leadplan: --trials: expected a whole number of trials from 1 to 100,000, found "2000000"'],
    [["--seed", "-1", "--forecast"], 'leadplan: --seed: expected a whole number from 0 to 4,294,967,295, found "-1"'],
    [["--section", "forecast", "--format", "csv"], 'leadplan: --section: expected a table this run makes: forecast needs --forecast, found "forecast"'],
    [["--section", "forecast", "--forecast"], 'leadplan: --section: expected --format csv: the other formats show every section, found "forecast"'],
  ])("%j is refused before any file is read, exit 2", async (flags, message) => {
    const result = await runIn(folderWith({}), ["track", "missing.csv", "missing-too.csv", ...flags, ...WORKED]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`${message}\n`);
  });

  it.each([
    [["quotas.csv", "no-revenue.csv"], "leadplan: no-revenue.csv:1: revenue: missing column: expected a revenue column for --forecast (it counts revenue won to date)"],
    [["units.csv", "no-revenue.csv"], "leadplan: --forecast: quotas in money with a deal size for every row: a forecast in units is not made yet"],
  ])("refuses files it cannot forecast from: %j", async (files, message) => {
    const result = await run(["track", ...files, "--forecast"]);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split("\n").at(-1)).toBe(message);
  });
});

describe("track --forecast on a configured funnel", () => {
  it("counts April's 320 SQLs in flight and March's MQLs, which became them, not again: P(Bin(320, 25%) ≥ 100)", () => {
    const args = ["track", "examples/funnel-quotas.csv", "examples/funnel-actuals.csv", "--ratios", "examples/funnel-ratios.csv", "--cycles", "examples/funnel-cycles.csv"];
    const result = runBin([...args, "--funnel", "inquiry,mql,sql,won", "--surge", "0", "--forecast", "--as-of", "2027-04", "--format", "json"]);
    const { forecast } = JSON.parse(result.stdout) as { forecast: { method: string; periods: { period: string; probability: number }[] } };
    expect(forecast.method).toBe("exact");
    expect(forecast.periods[0]).toMatchObject({ period: "2027-Q2", probability: Math.round(binomialAtLeast(320, 0.25, 100) * 1e6) / 1e6 });
  });
});

describe("the same seed, the same bytes", () => {
  it("under America/Los_Angeles and Pacific/Kiritimati, in every format", () => {
    const args = ["track", "examples/quotas.csv", "examples/actuals.csv", "--ratios", "examples/ratios.csv", "--cycles", "examples/cycles.csv", "--forecast", "--as-of", "2027-02", "--trials", "1000"];
    for (const format of ["json", "table", "html"]) {
      const west = runBin([...args, "--format", format], { env: { TZ: "America/Los_Angeles", LANG: "en_US.UTF-8" } });
      const east = runBin([...args, "--format", format], { env: { TZ: "Pacific/Kiritimati", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8" } });
      expect(west.stdout.length).toBeGreaterThan(0);
      expect(east.stdout).toBe(west.stdout);
    }
  });

  it("another seed draws other trials", () => {
    const args = ["track", "examples/quotas.csv", "examples/actuals.csv", "--ratios", "examples/ratios.csv", "--cycles", "examples/cycles.csv", "--forecast", "--format", "json", "--trials", "2000"];
    const forecastOf = (seed: string) => (JSON.parse(runBin([...args, "--seed", seed]).stdout) as { forecast: unknown }).forecast;
    expect(forecastOf("1")).toEqual(forecastOf("1"));
    expect(forecastOf("2")).not.toEqual(forecastOf("1"));
  });
});
