import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { historyText } from "../../bench/generate-history.mjs";
import { folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

// Issue 12, item 3: the source mix of a configured funnel. A source gives a rate per step; the
// mix buys top-stage entries for the stage before won, so the steps above it multiply into one
// rate (the mix places no lag, as the default funnel's does not).

const FUNNEL = ["--funnel", "inquiry,mql,sql,won"];
/** The worked example: 400 SQLs in April from 100 deals in June. */
const WORKED = [...FUNNEL, "--deal-size", "10000", "--rate", "sql_to_won=25%", "--lag", "sql_to_won=2m", "--rate", "mql_to_sql=50%", "--lag", "mql_to_sql=1m", "--rate", "inquiry_to_mql=20%", "--cost", "inquiry=10", "--surge", "0"];
const QUOTAS = { "quotas.csv": "month,quota\n2027-06,1000000\n" };

interface SourcesJson {
  sources: { sources: Record<string, unknown>[]; months: { month: string; inquiries: Record<string, number>; budget: number; short_won: number }[] };
}

async function mix(sources: string, extra: readonly string[] = []): Promise<SourcesJson["sources"]> {
  const dir = folderWith({ ...QUOTAS, "sources.csv": sources });
  const run = await runIn(dir, ["scenarios", "quotas.csv", ...WORKED, "--sources", "sources.csv", "--format", "json", ...extra]);
  expect([run.code, run.stderr]).toEqual([0, ""]);
  return (JSON.parse(run.stdout) as SourcesJson).sources;
}

describe("scenarios --sources with a configured funnel", () => {
  it("buys the stage before won's need at the product of the steps above it", async () => {
    // 400 SQLs ÷ (50% × 20%) = 4,000 inquiries; half from each source at its own rates: 400 ÷ (0.5 × 0.1 + 0.5 × 0.05) = 5,334.
    const one = await mix("source,share,sql_to_won,mql_to_sql,inquiry_to_mql,cost_per_inquiry\nWeb,100%,25%,50%,20%,10\n");
    expect(one.months.find((month) => month.month === "2027-04")).toMatchObject({ inquiries: { Web: 4000 }, budget: 40000, short_won: 0 });
    expect(one.sources[0]).toEqual({ source: "Web", share: 1, sql_to_won: 0.25, mql_to_sql: 0.5, inquiry_to_mql: 0.2, cost_per_inquiry: 10, max_inquiries_per_month: null });
    const two = await mix("source,share,sql_to_won,mql_to_sql,inquiry_to_mql,cost_per_inquiry\nWeb,50%,25%,50%,20%,10\nEvents,50%,25%,25%,20%,30\n");
    expect(two.months.find((month) => month.month === "2027-04")?.inquiries).toEqual({ Web: 2667, Events: 2667 });
  });

  it("reads a rate no lead could reach as 0, and refuses the default funnel's columns naming the step ones", async () => {
    const dead = await mix("source,share,sql_to_won,mql_to_sql,inquiry_to_mql,cost_per_inquiry\nWeb,100%,25%,50%,20%,10\nDead,0%,,,0,5\n");
    expect(dead.sources[1]).toMatchObject({ source: "Dead", sql_to_won: 0, mql_to_sql: 0, inquiry_to_mql: 0 });
    const dir = folderWith({ ...QUOTAS, "sources.csv": "source,share,inquiry_to_qualified,qualified_to_won,cost_per_inquiry\nWeb,100%,10%,25%,10\n" });
    const run = await runIn(dir, ["scenarios", "quotas.csv", ...WORKED, "--sources", "sources.csv"]);
    expect({ code: run.code, stderr: run.stderr }).toEqual({
      code: 2,
      stderr: "leadplan: sources.csv:1: sql_to_won: missing column: expected source, sql_to_won, mql_to_sql, inquiry_to_mql, cost_per_inquiry, share\n",
    });
  });

  it("reads back what calibrate --funnel --sources-out writes", async () => {
    const dir = folderWith({ ...QUOTAS, "history.csv": historyText({ leads: 4_000, seed: 3, stages: ["inquiry", "mql", "sql", "won"] }) });
    const calibrated = await runIn(dir, ["calibrate", "history.csv", ...FUNNEL, "--sources-out", "sources.csv", "--out", "report.txt"]);
    expect(calibrated.code).toBe(0);
    const written = readFileSync(join(dir, "sources.csv"), "utf8");
    expect(written.split("\n")[0]).toBe("source,inquiry,share,sql_to_won,mql_to_sql,inquiry_to_mql,won_deals,cost_per_inquiry,cost_per_won_deal,revenue,median_cycle_days");
    for (const extra of [[], ["--optimize-mix"]]) {
      const run = await runIn(dir, ["scenarios", "quotas.csv", ...WORKED, "--sources", "sources.csv", "--format", "json", ...extra]);
      expect(run.code).toBe(0);
      // calibrate writes no max_inquiries_per_month caps, so the optimum buys from one source and says so.
      if (extra.length === 0) expect(run.stderr).toBe("");
      else expect(run.stderr).toMatch(/^warning: the cheapest mix buys every inquiry from one source: [\d,]+ inquiries from \w+; \w+ has no max_inquiries_per_month cap/);
      const april = (JSON.parse(run.stdout) as SourcesJson).sources.months.find((month) => month.month === "2027-04");
      expect(Object.values(april?.inquiries ?? {}).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
    }
  });

  it("names the top stage in the source-mix titles (mql,sql,won: MQL, not inquiries), CSV and JSON keys unchanged", async () => {
    const dir = folderWith({ ...QUOTAS, "sources.csv": "source,share,sql_to_won,mql_to_sql,cost_per_mql\nWeb,50%,25%,50%,10\nEvents,50%,25%,25%,30\n" });
    const args = ["scenarios", "quotas.csv", "--funnel", "mql,sql,won", "--deal-size", "10000", "--rate", "sql_to_won=25%", "--lag", "sql_to_won=2m", "--rate", "mql_to_sql=50%", "--lag", "mql_to_sql=1m", "--cost", "mql=10", "--surge", "0", "--sources", "sources.csv"];
    const markdown = await runIn(dir, [...args, "--format", "markdown"]);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain("| Source | Share of MQL | MQL | Won deals | Budget | Cost per won deal | Monthly cap |\n");
    expect(markdown.stdout).not.toMatch(/[Ii]nquiries/);
    const html = await runIn(dir, [...args, "--format", "html"]);
    expect(html.stdout).toContain("MQL to buy from each source, by month");
    expect(html.stdout).toContain("Source mix by month: MQL to buy from each source");
    expect(html.stdout).toContain("MQL per month");
    expect(html.stdout).not.toMatch(/[Ii]nquiries (to buy|per month)/);
    const csv = await runIn(dir, [...args, "--format", "csv", "--section", "sources"]);
    expect(csv.stdout.split("\n")[0]).toBe("line,source,share,inquiries,won_deals,budget,cost_per_won_deal,monthly_cap");
  });
});
