import { afterAll, describe, expect, it } from "vitest";
import { folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

// $10,000 deals, 50% close, 25% qualify, a 1-month cycle, no surge, $10 an inquiry: $260,000 due
// in 2027-02 is 26 deals, 52 qualified leads, 208 inquiries: a budget of 2,080, 80 a deal.
const ASSUME = ["--deal-size", "10000", "--close-rate", "50%", "--qualify-rate", "25%", "--cycle-months", "1", "--surge", "0", "--cost-per-inquiry", "10"];
const FILES = { "quotas.csv": "month,quota\n2027-02,260000\n", "ratios.csv": "commission_rate\n10%\n" };
const run = (args: readonly string[]) => runIn(folderWith(FILES), [...args, ...ASSUME]);

describe("commission: a closed deal's cost with it", () => {
  it("shows marketing and commission per deal side by side, their sum and the total", async () => {
    // 10% of 10,000 = 1,000 a deal; 80 + 1,000 = 1,080; 26 × 1,000 = 26,000.
    const result = await run(["compute", "quotas.csv", "--commission-rate", "10%"]);
    expect(result.stdout).toContain("per closed deal 80.00 marketing + 1,000.00 commission = 1,080.00 · commission 26,000.00 in total");
  });

  it("takes the ratio file's column, and a flag's amount per deal over it", async () => {
    const byFile = await run(["compute", "quotas.csv", "--ratios", "ratios.csv", "--format", "json"]);
    const totals = (stdout: string) => (JSON.parse(stdout) as { totals: Record<string, unknown> }).totals;
    expect(totals(byFile.stdout)).toMatchObject({ cost_per_deal: 80, commission: 26_000, commission_per_deal: 1_000, cost_per_deal_with_commission: 1_080 });
    const byFlag = await run(["compute", "quotas.csv", "--ratios", "ratios.csv", "--commission-per-deal", "500", "--format", "json"]);
    expect(totals(byFlag.stdout)).toMatchObject({ commission: 13_000, commission_per_deal: 500, cost_per_deal_with_commission: 580 });
  });

  it("leaves the report as it was without one", async () => {
    const result = await run(["compute", "quotas.csv", "--format", "json"]);
    expect(result.stdout).not.toContain("commission");
  });

  it("refuses both readings at once, in one line", async () => {
    const result = await run(["compute", "quotas.csv", "--commission-rate", "10%", "--commission-per-deal", "500"]);
    expect(result).toMatchObject({ code: 2, stderr: "leadplan: --commission-per-deal: both --commission-rate and --commission-per-deal, which set the same assumption: expected one of them\n" });
  });

  it("scenarios vary it: a Commission/deal column", async () => {
    const result = await run(["scenarios", "quotas.csv", "--vary", "commission_per_deal=300,600", "--format", "csv"]);
    expect(result.code, result.stderr).toBe(0);
    const [header, baseline, low, high] = result.stdout.trim().split("\n");
    const at = (header ?? "").split(",").indexOf("commission_per_deal");
    expect(at).toBeGreaterThan(0);
    expect([baseline, low, high].map((line) => (line ?? "").split(",")[at])).toEqual(["", "300", "600"]);
  });
});
