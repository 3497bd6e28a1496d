import { afterAll, describe, expect, it } from "vitest";
import { compute, removeFolders } from "./harness.js";

afterAll(removeFolders);

const two = (value: number) => String(value).padStart(2, "0");

/**
 * `months` months of Platform leads from 2025-01: `perMonth` inquiries a month, a tenth qualifying five days later, a
 * fifth of those won about 40 days after that at $75,000 ($45 a lead). Any `perMonth` that is a
 * multiple of 50 gives the same rates: 10% and 20%.
 */
function history(perMonth: number, months = 12): string {
  const rows = ["lead_id,created,source,product,rep,qualified_on,closed_on,outcome,amount,cost"];
  for (let month = 1; month <= months; month++) {
    const closeMonth = month === 12 ? "2026-01" : `2025-${two(month + 1)}`;
    for (let at = 0; at < perMonth; at++) {
      const qualified = at < perMonth / 10;
      const won = at < perMonth / 50;
      const closed = qualified ? `${closeMonth}-16` : `2025-${two(month)}-05`;
      rows.push([`L${month}-${at}`, `2025-${two(month)}-02`, "Web", "Platform", "Ana", qualified ? `2025-${two(month)}-07` : "", closed, won ? "won" : "lost", won ? "75000" : "", "45"].join(","));
    }
  }
  return `${rows.join("\n")}\n`;
}

interface ComputeJson {
  totals: { inquiries: number; qualified_leads: number };
  confidence: { periods: { budget: number; extra_budget: number }[]; thin_scopes: unknown[] };
}

async function at90(perMonth: number, extra: string[] = [], months = 12): Promise<ComputeJson> {
  const files = { "quotas.csv": "month,quota\n2027-03,2000000\n", "history.csv": history(perMonth, months) };
  const run = await compute(files, ["quotas.csv", "--history", "history.csv", "--no-config", "--surge", "0", "--confidence", "90", "--trials", "4000", "--format", "json", ...extra]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as ComputeJson;
}

describe("compute --confidence --history", () => {
  it("plans more inquiries at 90% on a thin history than on a thick one with the same rates, and names what is thin", async () => {
    const thin = await at90(50); // 600 leads: 60 qualified, 12 won
    const thick = await at90(1000); // 12,000 leads: 1,200 qualified, 240 won
    expect(thin.totals.inquiries).toBeGreaterThan(thick.totals.inquiries * 1.1);
    expect(thin.confidence.periods[0]?.extra_budget).toBeGreaterThan(thick.confidence.periods[0]?.extra_budget ?? 0);
    // 12 won amounts are too few to resample with trust; 60 qualified with 12 won, and 600 inquiries with 60 qualified, are enough.
    expect(thin.confidence.thin_scopes).toStrictEqual([{ rep: "", product: "", figure: "avg_deal_size", sample: 12, successes: null }]);
    expect(thick.confidence.thin_scopes).toStrictEqual([]);
  });

  it("keeps a rate a flag gives as known, and names a thin rate with its counts", async () => {
    const known = await at90(50, ["--close-rate", "20%", "--qualify-rate", "10%", "--deal-size", "75000", "--cycle-months", "2"]);
    // Nothing learned is used: the worked example's exact answer.
    expect(known.totals.inquiries).toBe(1688);
    expect(known.confidence.thin_scopes).toStrictEqual([]);
    // Six months, 300 leads: 30 qualified, 6 won; June's cohort is too young for its 40-day cycle
    // (the history ends 2025-07-16), so the close rate rests on 25 mature qualified leads, 5 won.
    const thin = await at90(50, ["--deal-size", "75000"], 6);
    expect(thin.confidence.thin_scopes).toStrictEqual([{ rep: "", product: "", figure: "qualified_to_won", sample: 25, successes: 5 }]);
  });
});
