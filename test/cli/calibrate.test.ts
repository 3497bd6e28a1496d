import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { historyText } from "../../bench/generate-history.mjs";
import { filesIn, folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

const root = join(import.meta.dirname, "..", "..");
const HISTORY = readFileSync(join(root, "examples", "history.csv"), "utf8");
const QUOTAS = readFileSync(join(root, "examples", "quotas.csv"), "utf8");
const OUT = ["--ratios-out", "ratios.csv", "--cycles-out", "cycles.csv", "--sources-out", "sources.csv"];

/** Every file in a run's folder with its content. */
const contentsOf = (dir: string) => Object.fromEntries(filesIn(dir).map((name) => [name, readFileSync(join(dir, name), "utf8")]));

interface PlanJson {
  rows: { month: string; exact: { deals: number; qualified_leads: number; inquiries: number } }[];
  assumptions: { product: string; qualified_to_won: number; inquiry_to_qualified: number; avg_deal_size: number; sales_cycle: { lag_months: number; share: number }[] }[];
  baseline?: { from: string; to: string; rows: { month: string; baseline_inquiries: number | null }[]; peak: string | null };
}

describe("leadplan calibrate", () => {
  it("writes the ratio, cycle and source files, then the report", async () => {
    const dir = folderWith({ "history.csv": HISTORY });
    const run = await runIn(dir, ["calibrate", "history.csv", "--as-of", "2026-06-30", "--min-leads", "5", ...OUT, "--format", "csv"]);
    expect(run.stderr).toBe(
      'warning: fewer than --min-leads 5 leads behind some values, left empty in the files so the less specific row applies: product "Platform" has 4 won deals and 1 more\n',
    );
    expect(run.code).toBe(0);
    const files = contentsOf(dir);
    // 14 of the 22 inquiries of July 2025 - May 2026 qualified; 5 of the 11 leads qualified July 2025 - March 2026 were won.
    expect(files["ratios.csv"]).toBe(
      "rep,product,avg_deal_size,qualified_to_won,inquiry_to_qualified,cost_per_inquiry\n" +
        ",,47833.33,0.454545,0.636364,60\n,Platform,,0.666667,0.727273,69.17\n,Services,,0.2,0.545455,50.83\n",
    );
    expect(files["cycles.csv"]).toBe(
      "rep,product,stage,lag_months,share\n" +
        ",,sales_cycle,1,0.2\n,,sales_cycle,2,0.8\n,,qualification,0,1\n" +
        ",Platform,qualification,0,1\n,Services,qualification,0,1\n",
    );
    expect(files["sources.csv"]?.split("\n")[0]).toBe(
      "source,inquiries,share,inquiry_to_qualified,qualified_to_won,won_deals,cost_per_inquiry,cost_per_qualified_lead,cost_per_won_deal,revenue,median_cycle_days",
    );
    expect(run.stdout.split("\n").slice(0, 2)).toStrictEqual([
      "group,rep,product,source,inquiries,qualified_leads,won_deals,open_leads,inquiry_to_qualified,qualified_to_won,avg_deal_size,cost_per_inquiry,cost_per_qualified_lead,cost_per_won_deal,mean_cycle_days,mean_qualification_days,revenue,median_cycle_days,share",
      "all,,,,24,15,6,6,0.636364,0.454545,47833.33,60,94.29,207.43,55.6,7.5,287000,57,",
    ]);
  });

  it("gives products too few won deals no cycle of their own, and says so", async () => {
    const run = await runIn(folderWith({ "history.csv": HISTORY }), ["calibrate", "history.csv", "--min-leads", "5", "--cycles-out", "cycles.csv", "--format", "json"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      'warning: fewer than --min-leads 5 leads behind some values, left empty in the files so the less specific row applies: product "Platform" has 4 won deals and 1 more\n',
    );
  });

  it("round-trips: compute reads the files unchanged and plans as compute --history does", async () => {
    const history = historyText({ leads: 20_000, seed: 3 });
    const dir = folderWith({ "history.csv": history, "quotas.csv": "month,product,quota\n2027-01,Platform,480000\n2027-03,Services,120000\n2027-06,Analytics,300000\n" });
    const calibrated = await runIn(dir, ["calibrate", "history.csv", ...OUT, "--format", "json"]);
    expect(calibrated.code).toBe(0);
    const fromFiles = await runIn(dir, ["compute", "quotas.csv", "--ratios", "ratios.csv", "--cycles", "cycles.csv", "--no-config", "--format", "json"]);
    const fromHistory = await runIn(dir, ["compute", "quotas.csv", "--history", "history.csv", "--no-config", "--format", "json"]);
    expect([fromFiles.code, fromFiles.stderr, fromHistory.code]).toStrictEqual([0, "", 0]);
    const files = JSON.parse(fromFiles.stdout) as PlanJson;
    const learned = JSON.parse(fromHistory.stdout) as PlanJson;
    expect(files.assumptions.map((segment) => segment.product)).toStrictEqual(["Platform", "Services", "Analytics"]);
    expect(files.rows.map((row) => row.month)).toStrictEqual(learned.rows.map((row) => row.month));
    files.rows.forEach((row, index) => {
      const other = learned.rows[index]?.exact;
      expect(row.exact.inquiries).toBeCloseTo(other?.inquiries ?? Number.NaN, 1);
      expect(row.exact.qualified_leads).toBeCloseTo(other?.qualified_leads ?? Number.NaN, 2);
    });
    expect([learned.baseline?.from, learned.baseline?.to]).toStrictEqual(["2025-07", "2026-06"]);
  });

  it("stops at the first bad row with exit 2 and writes nothing", async () => {
    const bad = `${HISTORY}L25,2026-06-20,Web form,Platform,Ana,,2026-06-01,lost,,20\n`;
    const dir = folderWith({ "history.csv": bad });
    const run = await runIn(dir, ["calibrate", "history.csv", ...OUT, "--out", "report.txt"]);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr, files: filesIn(dir) }).toStrictEqual({
      code: 2,
      stdout: "",
      stderr: 'leadplan: history.csv:26: closed_on: expected a date on or after created (2026-06-20), found "2026-06-01"\n',
      files: ["history.csv"],
    });
  });

  it("with --skip-bad-rows goes on and reports the count and the first five", async () => {
    const bad = Array.from({ length: 6 }, (_, at) => `B${at},2026-06-0${at + 1},Web form,Platform,Ana,2026-06-10,2026-06-20,won,,20`).join("\n");
    const run = await runIn(folderWith({ "history.csv": `${HISTORY}${bad}\n` }), ["calibrate", "history.csv", "--skip-bad-rows", "--format", "json"]);
    expect(run.code).toBe(0);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe("warning: history.csv: skipped 6 bad rows of 30; the first 5:");
    expect(lines.slice(1)).toStrictEqual([26, 27, 28, 29, 30].map((line) => `warning:   history.csv:${line}: amount: expected the amount of a won lead, above 0, found ""`));
    expect((JSON.parse(run.stdout) as { skipped: { count: number } }).skipped.count).toBe(6);
  });

  it.each([
    [["--min-leads", "0"], 'leadplan: --min-leads: expected a whole number from 1 to 1,000,000, found "0"'],
    [["--date-format", "yesterday"], 'leadplan: --date-format: expected auto or a date pattern of y, M and d like MM/dd/yyyy, dd/MM/yyyy or dd.MM.yyyy, found "yesterday"'],
    [["--as-of", "2026-13-01"], 'leadplan: --as-of: expected a date as YYYY-MM-DD, found "2026-13-01"'],
    [["--map", "made=Created"], `leadplan: --map: expected a column name of leadplan's (lead_id, created, source, product, rep, qualified_on, closed_on, outcome, amount, cost, month, inquiries, qualified, won, revenue, spend) before =, found "made=Created" (found "made")`],
    [["--ratios-out", "history.csv"], 'leadplan: --ratios-out: expected an output file that is not one of the inputs, found "history.csv"'],
    [["--ratios-out", "a.csv", "--cycles-out", "a.csv"], 'leadplan: --cycles-out: expected a different file from --ratios-out, found "a.csv"'],
  ])("refuses %j before reading anything", async (args, stderr) => {
    const dir = folderWith({ "history.csv": HISTORY });
    const run = await runIn(dir, ["calibrate", "history.csv", ...args]);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr, files: filesIn(dir) }).toStrictEqual({ code: 2, stdout: "", stderr: `${stderr}\n`, files: ["history.csv"] });
  });

  it("refuses --cycles-out for a monthly aggregate, which has no lead dates", async () => {
    const dir = folderWith({ "monthly.csv": "month,source,product,inquiries,qualified,won,revenue,spend\n2026-01,Web,W,100,20,5,50000,1500\n" });
    const run = await runIn(dir, ["calibrate", "monthly.csv", "--ratios-out", "ratios.csv", "--cycles-out", "cycles.csv"]);
    expect([run.code, run.stderr, filesIn(dir)]).toStrictEqual([
      2,
      "leadplan: --cycles-out: a lead-level history: monthly.csv is a monthly aggregate, which has no lead dates to measure cycles with\n",
      ["monthly.csv"],
    ]);
  });
});

describe("leadplan compute --history", () => {
  it("derives what flags and files do not give, and shows the plan against the baseline", async () => {
    const dir = folderWith({ "history.csv": HISTORY, "quotas.csv": QUOTAS });
    const run = await runIn(dir, ["compute", "quotas.csv", "--history", "history.csv", "--close-rate", "20%", "--no-config", "--format", "json"]);
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout) as PlanJson;
    expect(plan.assumptions[0]).toMatchObject({ qualified_to_won: 0.2, avg_deal_size: 47833.333333333336 });
    expect(plan.assumptions[0]?.inquiry_to_qualified).toBeCloseTo(14 / 22, 12);
    expect(plan.baseline).toMatchObject({ from: "2025-07", to: "2026-05" });
    expect(plan.baseline?.rows.find((row) => row.month === "2027-01")?.baseline_inquiries).toBe(2);
  });

  it("lets the files win over history", async () => {
    const dir = folderWith({ "history.csv": HISTORY, "quotas.csv": QUOTAS, "ratios.csv": "avg_deal_size\n75000\n" });
    const run = await runIn(dir, ["compute", "quotas.csv", "--history", "history.csv", "--ratios", "ratios.csv", "--no-config", "--format", "json"]);
    expect((JSON.parse(run.stdout) as PlanJson).assumptions[0]?.avg_deal_size).toBe(75000);
  });

  it("refuses the history reading flags without --history", async () => {
    const run = await runIn(folderWith({ "quotas.csv": QUOTAS }), ["compute", "quotas.csv", "--map", "created=Created", "--no-config"]);
    expect([run.code, run.stderr]).toStrictEqual([2, "leadplan: --map: a flag for reading --history FILE: expected --history too\n"]);
  });
});
