import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

// $150,000 due in 2027-03 at $75,000 deals, 20% close, 10% qualify, a 1-month cycle, no surge,
// $45 an inquiry: 100 inquiries in 2027-02, $4,500.
const ASSUME = ["--deal-size", "75000", "--close-rate", "20%", "--qualify-rate", "10%", "--cycle-months", "1", "--surge", "0", "--cost-per-inquiry", "45"];
const FILES = { "quotas.csv": "month,quota\n2027-03,150000\n" };
const scenarios = (args: readonly string[], files: Readonly<Record<string, string>> = FILES) => runIn(folderWith(files), ["scenarios", "quotas.csv", ...ASSUME, ...args]);
const compute = (args: readonly string[]) => runIn(folderWith(FILES), ["compute", "quotas.csv", ...ASSUME, ...args]);

describe("leadplan scenarios", () => {
  it("gives each scenario the totals compute gives with the same overrides as flags", async () => {
    const run = await scenarios(["--vary", "cost_per_inquiry=60", "--vary", "inquiry_to_qualified=25%", "--format", "csv"]);
    expect(run.code).toBe(0);
    const [, , scenario] = run.stdout.trim().split("\n");
    const plan = await compute(["--cost-per-inquiry", "60", "--qualify-rate", "25%", "--format", "json"]);
    const totals = (JSON.parse(plan.stdout) as { totals: { inquiries: number; budget: number } }).totals;
    // 10 qualified ÷ 25% = 40 inquiries × $60 = $2,400.
    expect([totals.inquiries, totals.budget]).toEqual([40, 2_400]);
    expect(scenario).toBe("cost_per_inquiry=60 inquiry_to_qualified=25%,40,10,2,2400,-2100,-46.67,-60,-60,240,1200,62.5,2400");
  });

  it("writes a CSV with stable columns, the baseline first", async () => {
    const run = await scenarios(["--scenarios", "scenarios.csv", "--format", "csv"], { ...FILES, "scenarios.csv": "scenario,cost_per_inquiry\ndearer,60\n" });
    expect(run.stdout).toBe(
      [
        "scenario,inquiries,qualified_leads,deals,budget,budget_change,budget_change_percent,inquiries_change,inquiries_change_percent,cost_per_qualified_lead,cost_per_deal,quota_per_dollar,budget_2027-Q1",
        "baseline,100,10,2,4500,0,0,0,0,450,2250,33.33,4500",
        "dearer,100,10,2,6000,1500,33.33,0,0,600,3000,25,6000",
        "",
      ].join("\n"),
    );
  });

  it("refuses a scenario column that is no assumption, naming it", async () => {
    const run = await scenarios(["--scenarios", "s.csv"], { ...FILES, "s.csv": "scenario,cost_per_lead,colour\nx,1,red\n" });
    expect([run.code, run.stdout]).toEqual([2, ""]);
    expect(run.stderr).toBe(
      "leadplan: s.csv:1: cost_per_lead, colour: unknown assumption: expected any of avg_deal_size, units_per_deal, qualified_to_won, inquiry_to_qualified, cost_per_inquiry, surge, sales_cycle_days, sales_cycle_months, qualification_days, qualification_months, commission_rate, commission_per_deal, confidence\n",
    );
  });

  it("refuses a bad value in a scenario row at its line", async () => {
    const run = await scenarios(["--scenarios", "s.csv"], { ...FILES, "s.csv": "scenario,qualified_to_won\nok,20%\nbad,150%\n" });
    expect(run.stderr).toBe('leadplan: s.csv:3: qualified_to_won: expected a rate above 0 and at most 100%, like 25% or 0.25, found "150%"\n');
  });

  it("refuses a --vary that names no assumption", async () => {
    const run = await scenarios(["--vary", "price=1,2"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^leadplan: --vary: expected NAME=V1,V2,\.\.\. with NAME one of avg_deal_size, .*, found "price=1,2"\n$/);
  });

  it("announces a grid of more than 1,000 scenarios on stderr, without asking", async () => {
    // 201 costs × 5 close rates = 1,005 scenarios, each a row after the baseline.
    const values = Array.from({ length: 201 }, (_, index) => 20 + index).join(",");
    const run = await scenarios(["--vary", `cost_per_inquiry=${values}`, "--vary", "qualified_to_won=10%,15%,20%,25%,30%", "--format", "csv"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("scenarios: 1005 combinations\n");
    expect(run.stdout.trim().split("\n")).toHaveLength(1 + 1 + 1_005);
  });

  it("refuses a grid of more than 100,000 scenarios before reading anything", async () => {
    const values = Array.from({ length: 400 }, (_, index) => 1 + index).join(",");
    const run = await scenarios(["--vary", `cost_per_inquiry=${values}`, "--vary", `avg_deal_size=${values}`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("leadplan: --vary: expected at most 100,000 combinations, found 160,000\n");
  });

  it("refuses --optimize-mix without sources", async () => {
    const run = await scenarios(["--optimize-mix"]);
    expect(run.stderr).toBe("leadplan: --optimize-mix: expected --sources FILE to choose the mix from\n");
  });

  it("refuses sources whose shares do not make 100% for a fixed mix", async () => {
    const sources = "source,share,inquiry_to_qualified,qualified_to_won,cost_per_inquiry\nweb,50%,10%,20%,10\nshow,30%,30%,50%,100\n";
    const run = await scenarios(["--sources", "sources.csv"], { ...FILES, "sources.csv": sources });
    expect(run.stderr).toBe("leadplan: sources.csv: share: expected shares that sum to 100%, found 80% (or use --optimize-mix)\n");
  });

  it("says which months the sources' caps cannot cover", async () => {
    // 2 won deals from web alone: 2 ÷ (10% × 20%) = 100 inquiries, capped at 60: 0.8 short, 4 of the 10 qualified leads.
    const sources = "source,inquiry_to_qualified,qualified_to_won,cost_per_inquiry,max_inquiries_per_month\nweb,10%,20%,10,60\n";
    const run = await scenarios(["--sources", "sources.csv", "--optimize-mix", "--format", "json"], { ...FILES, "sources.csv": sources });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("warning: 2027-02: the sources' caps leave 4 qualified leads and 0.8 won deals short of the need\n");
  });

  it("counts each scenario's rep-months over capacity, and fails --strict on any", async () => {
    // 10 qualified leads in 2027-02 shared by two reps of capacity 4: 5 each, both over. A 25%
    // qualification rate leaves the qualified leads as they are; a 40% close rate halves them.
    const args = ["--reps-count", "2", "--rep-capacity", "4", "--vary", "qualified_to_won=20%,40%", "--format", "csv"];
    const run = await scenarios(args);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n").map((line) => line.split(",").at(-1))).toEqual(["rep_months_over_capacity", "2", "2", "0", ""]);
    expect(run.stderr).toBe("warning: baseline: 2 rep-months over capacity\nwarning: qualified_to_won=20%: 2 rep-months over capacity\n");
    const strict = await scenarios([...args, "--strict"]);
    expect([strict.code, strict.stdout]).toEqual([1, run.stdout]);
  });

  it("refuses a capacity-only view, which scenarios have no place for", async () => {
    const run = await scenarios(["--reps-count", "2", "--rep-capacity", "4", "--view", "team"]);
    expect(run.stderr).toBe('leadplan: --view: expected plan for scenarios (capacity shows as a column per scenario), found "team"\n');
  });

  it("reads the sources file calibrate writes", async () => {
    const history = readFileSync(join(import.meta.dirname, "..", "..", "examples", "history.csv"), "utf8");
    const dir = folderWith({ ...FILES, "history.csv": history });
    const calibrated = await runIn(dir, ["calibrate", "history.csv", "--sources-out", "sources.csv", "--format", "csv"]);
    expect(calibrated.code).toBe(0);
    const run = await runIn(dir, ["scenarios", "quotas.csv", ...ASSUME, "--sources", "sources.csv", "--optimize-mix", "--format", "json"]);
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as { sources: { sources: { source: string }[]; months: { inquiries: Record<string, number> }[] } };
    expect(document.sources.sources.map((entry) => entry.source)).toEqual(["Referral", "Trade show", "Web form"]);
    // Referral costs nothing per won deal and has no cap: the whole need comes from it. 2 won
    // deals at 100% × 33.3333% (calibrate writes six decimals) = 6.000006 inquiries, so 7 whole.
    expect(document.sources.months.find((month) => (month.inquiries.Referral ?? 0) > 0)?.inquiries).toEqual({ Referral: 7, "Trade show": 0, "Web form": 0 });
  });
});
