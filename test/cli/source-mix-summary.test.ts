import { afterAll, describe, expect, it } from "vitest";
import { folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

// $100,000 due in March at $10,000 deals, 50% close, 25% qualify, $10 an inquiry, no surge: the
// plan needs 20 qualified leads and 80 inquiries in February ($800), 10 deals ($80 a deal).
const ASSUME = ["--deal-size", "10000", "--close-rate", "50%", "--qualify-rate", "25%", "--cycle-months", "1", "--surge", "0", "--cost-per-inquiry", "10"];
// Web: 5% of its inquiries win ($10: $200 a won deal); Show: 30% ($30: $100 a won deal). No caps.
const SOURCES = "source,inquiries,share,inquiry_to_qualified,qualified_to_won,cost_per_inquiry\nWeb,5000,50%,20%,25%,10\nShow,711,50%,40%,75%,30\n";
const scenarios = (args: readonly string[]) =>
  runIn(folderWith({ "quotas.csv": "month,quota\n2027-03,100000\n", "sources.csv": SOURCES }), ["scenarios", "quotas.csv", ...ASSUME, "--sources", "sources.csv", ...args]);

interface Line {
  inquiries: number;
  won_deals: number;
  budget: number;
  cost_per_won_deal: number;
}
interface Mix {
  total: Line;
  given_shares: Line | null;
  plan: Line;
  won_deals: Record<string, unknown>;
  one_source: unknown;
}
const mixOf = (stdout: string) => (JSON.parse(stdout) as { sources: Mix }).sources;
const WARNING =
  "warning: the cheapest mix buys every inquiry from one source: 34 inquiries from Show, which produced 711 in the history; Show has no max_inquiries_per_month cap to stop it (give each source the most a month can bring)\n";

describe("the source mix, readable", () => {
  it("sums the given shares and sets them beside the plan at its own cost per inquiry", async () => {
    const run = await scenarios(["--format", "json"]);
    expect(run.stderr).toBe("");
    const mix = mixOf(run.stdout);
    // 20 qualified ÷ (50% × 20% + 50% × 40%) = 66.7 inquiries: 34 from each. Won: 34 × 5% + 34 × 30% = 11.9; $340 + $1,020.
    expect(mix.total).toEqual({ inquiries: 68, won_deals: 11.9, budget: 1360, cost_per_won_deal: 114.29, qualified_leads: 20.4 });
    expect(mix.given_shares).toBeNull();
    expect(mix.plan).toEqual({ inquiries: 80, won_deals: 10, budget: 800, cost_per_won_deal: 80 });
    // The shares buy the plan's 20 qualified leads; the sources close 58.3% of them, the ratio file 50%.
    expect(mix.won_deals).toEqual({ sized_on: "qualified_leads", qualified_leads: 20, at_ratio_file_rates: 10, from_surge: 0, plan_deals: 10, in_mix: 11.9 });
  });

  it("explains the won deals and compares the cost per won deal under the table", async () => {
    const run = await scenarios([]);
    expect(run.stdout).toContain("│ Total                        │               100% │        68 │      11.9 │  1,360 │            114.29 │           – │");
    expect(run.stdout).toContain("│ Plan at its cost per inquiry │                  – │        80 │        10 │    800 │                80 │           – │");
    expect(run.stdout).toContain(
      "Won deals: the given shares buy the plan's 20 qualified leads and the sources close 58.3% of them: 11.9 won deals. At the ratio file's close rates the same leads close into 10 (50.0%): the 10 deals the quota needs (10 in the plan, each segment's month rounded up to whole deals).\n",
    );
    expect(run.stdout).toContain("Cost per won deal: 114.29 in this mix, +42.9% against the plan at its own cost per inquiry (80).\n");
  });

  it("with --optimize-mix and no caps, warns that the optimum buys everything from one source, with its history, in every format", async () => {
    for (const format of ["table", "markdown", "html", "json"]) {
      const run = await scenarios(["--optimize-mix", "--format", format]);
      expect([format, run.code, run.stderr]).toEqual([format, 0, WARNING]);
    }
    const csv = await scenarios(["--optimize-mix", "--format", "csv", "--section", "sources"]);
    expect(csv.stderr).toBe(WARNING);
    // 10 won deals ÷ 30% = 33.3: 34 inquiries from Show ($1,020, 10.2 won); the given shares cost $1,360 for 11.9.
    expect(csv.stdout).toBe(
      [
        "line,source,share,inquiries,won_deals,budget,cost_per_won_deal,monthly_cap",
        "source,Web,0,0,0,0,200,",
        "source,Show,1,34,10.2,1020,100,",
        "total,Total,1,34,10.2,1020,100,",
        "given_shares,Given shares instead,,68,11.9,1360,114.29,",
        "plan,Plan at its cost per inquiry,,80,10,800,80,",
        "",
      ].join("\n"),
    );
    const json = mixOf((await scenarios(["--optimize-mix", "--format", "json"])).stdout);
    expect(json.one_source).toEqual({ source: "Show", inquiries: 34, history_inquiries: 711 });
  });

  it("does not warn when the one source bought has a cap", async () => {
    const capped = "source,share,inquiry_to_qualified,qualified_to_won,cost_per_inquiry,max_inquiries_per_month\nWeb,50%,20%,25%,10,1000\nShow,50%,40%,75%,30,1000\n";
    const run = await runIn(folderWith({ "quotas.csv": "month,quota\n2027-03,100000\n", "sources.csv": capped }), ["scenarios", "quotas.csv", ...ASSUME, "--sources", "sources.csv", "--optimize-mix"]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
  });
});
