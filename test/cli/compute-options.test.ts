import { linkSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compute, filesIn, folderWith, removeFolders, runIn } from "./harness.js";

interface PlanJson {
  inputs: { quotas: string; ratios: string | null; cycles: string | null };
  surge: { rate: number; quarters: string[]; fiscal_year_start: number };
  assumptions: {
    rep: string;
    avg_deal_size: number | null;
    qualified_to_won: number;
    inquiry_to_qualified: number;
    sales_cycle: { lag_months: number; share: number }[];
    qualification: { lag_months: number; share: number }[];
  }[];
}

const QUOTAS = "month,quota\n2027-01,100000\n";
const ASSUME = ["--deal-size", "10000", "--close-rate", "25%", "--qualify-rate", "10%", "--cycle-months", "1", "--cost-per-inquiry", "40"];
const NO_LAG = [{ lag_months: 0, share: 1 }];

/** The JSON plan of a run that must succeed without a warning. */
async function planOf(files: Record<string, string>, args: string[]): Promise<PlanJson> {
  const run = await compute(files, [...args, "--format", "json"]);
  expect({ code: run.code, stderr: run.stderr }).toStrictEqual({ code: 0, stderr: "" });
  return JSON.parse(run.stdout) as PlanJson;
}

const config = (values: object) => JSON.stringify(values);

afterAll(removeFolders);

describe("option precedence", () => {
  it("uses the built-in surge without a config or flags", async () => {
    const plan = await planOf({ "quotas.csv": QUOTAS }, ["quotas.csv", ...ASSUME]);
    expect(plan.surge).toStrictEqual({ rate: 0.3, quarters: ["Q4", "Q1"], fiscal_year_start: 1 });
  });

  it("lets the config beat the built-ins", async () => {
    const files = { "quotas.csv": QUOTAS, "leadplan.config.json": config({ surge: "10", surgeQuarters: ["Q2"], fiscalYearStart: "Apr" }) };
    const plan = await planOf(files, ["quotas.csv", ...ASSUME]);
    expect(plan.surge).toStrictEqual({ rate: 0.1, quarters: ["Q2"], fiscal_year_start: 4 });
  });

  it("lets flags beat the config", async () => {
    const files = { "quotas.csv": QUOTAS, "leadplan.config.json": config({ surge: "10", fiscalYearStart: "Apr", closeRate: "20%", dealSize: 50000 }) };
    const plan = await planOf(files, ["quotas.csv", ...ASSUME, "--surge", "50%", "--fiscal-year-start", "7", "--close-rate", "40%"]);
    expect(plan.surge).toStrictEqual({ rate: 0.5, quarters: ["Q4", "Q1"], fiscal_year_start: 7 });
    expect([plan.assumptions[0]?.qualified_to_won, plan.assumptions[0]?.avg_deal_size]).toStrictEqual([0.4, 10000]);
  });

  it("takes the output format from the config unless a flag gives one", async () => {
    const files = { "quotas.csv": QUOTAS, "leadplan.config.json": config({ format: "csv", surge: 0 }) };
    const fromConfig = await compute(files, ["quotas.csv", ...ASSUME]);
    expect(fromConfig.stdout).toBe(
      "month,quota,deals,qualified_leads,inquiries,surge_inquiries,budget\n2026-12,0,0,40,400,0,16000\n2027-01,100000,10,0,0,0,0\n",
    );
    const plan = await planOf(files, ["quotas.csv", ...ASSUME]);
    expect(plan.surge.rate).toBe(0);
  });

  it("lets flags beat the ratio and cycle files", async () => {
    const files = {
      "quotas.csv": QUOTAS,
      "ratios.csv": "avg_deal_size,qualified_to_won,inquiry_to_qualified\n50000,20%,10%\n",
      "cycles.csv": "sales_cycle_days\n30.4375\n",
    };
    const plan = await planOf(files, ["quotas.csv", "--ratios", "ratios.csv", "--cycles", "cycles.csv", "--close-rate", "40%", "--cycle-months", "2", "--cost-per-inquiry", "1"]);
    const [segment] = plan.assumptions;
    expect([segment?.avg_deal_size, segment?.qualified_to_won, segment?.inquiry_to_qualified, segment?.sales_cycle]).toStrictEqual([
      50000,
      0.4,
      0.1,
      [{ lag_months: 2, share: 1 }],
    ]);
  });

  it("lets the config fill only what the ratio and cycle files leave empty", async () => {
    const files = {
      "quotas.csv": QUOTAS,
      "ratios.csv": "rep,avg_deal_size,qualified_to_won,inquiry_to_qualified\n,,20%,\n",
      "cycles.csv": "sales_cycle_days,qualification_days\n,15\n",
      "leadplan.config.json": config({ dealSize: 75000, closeRate: "50%", qualifyRate: 0.1, cycleMonths: 3, qualifyDays: 60, costPerInquiry: 1 }),
    };
    const plan = await planOf(files, ["quotas.csv", "--ratios", "ratios.csv", "--cycles", "cycles.csv"]);
    expect(plan.assumptions).toStrictEqual([
      {
        rep: "",
        product: "",
        avg_deal_size: 75000,
        units_per_deal: 1,
        qualified_to_won: 0.2,
        inquiry_to_qualified: 0.1,
        cost_per_inquiry: 1,
        sales_cycle: [{ lag_months: 3, share: 1 }],
        qualification: [
          { lag_months: 0, share: 0.507187 },
          { lag_months: 1, share: 0.492813 },
        ],
      },
    ]);
  });

  it("prefers a rep's ratio row to the default row", async () => {
    const files = {
      "quotas.csv": "month,rep,quota\n2027-01,Ana,5\n2027-01,Ben,5\n",
      "ratios.csv": "rep,qualified_to_won\n,20%\nAna,30%\n",
    };
    const plan = await planOf(files, ["quotas.csv", "--ratios", "ratios.csv", "--deal-size", "1", "--qualify-rate", "1", "--cycle-days", "0", "--cost-per-inquiry", "1"]);
    expect(plan.assumptions.map((segment) => [segment.rep, segment.qualified_to_won])).toStrictEqual([
      ["Ana", 0.3],
      ["Ben", 0.2],
    ]);
  });
});

describe("the config file", () => {
  it("is read from --config, with its file paths relative to its own folder", async () => {
    const files = {
      "quotas.csv": QUOTAS,
      "leadplan.config.json": "not json",
      "team/plan.json": config({ ratios: "ratios.csv", cycles: "cycles.csv", costPerInquiry: "$1.50" }),
      "team/ratios.csv": "avg_deal_size,qualified_to_won,inquiry_to_qualified\n25000,20%,10%\n",
      "team/cycles.csv": "sales_cycle_months\n1.5\n",
    };
    const plan = await planOf(files, ["quotas.csv", "--config", "team/plan.json"]);
    expect(plan.inputs).toStrictEqual({ quotas: "quotas.csv", ratios: "team/ratios.csv", cycles: "team/cycles.csv" });
    expect(plan.assumptions[0]?.sales_cycle).toStrictEqual([
      { lag_months: 1, share: 0.5 },
      { lag_months: 2, share: 0.5 },
    ]);
  });

  it("is ignored with --no-config", async () => {
    const dir = folderWith({ "quotas.csv": QUOTAS, "leadplan.config.json": config({ surge: "10" }) });
    const withConfig = await runIn(dir, ["compute", "quotas.csv", ...ASSUME, "--format", "json"]);
    const withoutConfig = await runIn(dir, ["compute", "quotas.csv", ...ASSUME, "--format", "json", "--no-config"]);
    expect((JSON.parse(withConfig.stdout) as PlanJson).surge.rate).toBe(0.1);
    expect((JSON.parse(withoutConfig.stdout) as PlanJson).surge.rate).toBe(0.3);
  });

  it("is not even read with --no-config, so a broken one does not matter", async () => {
    const plan = await planOf({ "quotas.csv": QUOTAS, "leadplan.config.json": "{" }, ["quotas.csv", ...ASSUME, "--no-config"]);
    expect(plan.assumptions[0]?.qualification).toStrictEqual(NO_LAG);
  });
});

describe("standard input", () => {
  it("reads the quotas from stdin for -", async () => {
    const run = await compute({}, ["-", ...ASSUME, "--format", "json"], () => "month,quota\n2027-01,100000\n");
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as PlanJson).inputs.quotas).toBe("<stdin>");
  });

  it("names stdin in a message about its content", async () => {
    const run = await compute({}, ["-", ...ASSUME], () => "month,quota\n\n2027-01,x\n");
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toStrictEqual({
      code: 2,
      stdout: "",
      stderr: 'leadplan: <stdin>:3: quota: expected an amount, found "x"\n',
    });
  });
});

describe("--out", () => {
  it("writes the report to the file and nothing to stdout", async () => {
    const toStdout = await compute({ "quotas.csv": QUOTAS }, ["quotas.csv", ...ASSUME, "--format", "csv"]);
    const run = await compute({ "quotas.csv": QUOTAS }, ["quotas.csv", ...ASSUME, "--format", "csv", "--out", "plan.csv"]);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr, files: filesIn(run.dir) }).toStrictEqual({
      code: 0,
      stdout: "",
      stderr: "",
      files: ["plan.csv", "quotas.csv"],
    });
    expect(readFileSync(join(run.dir, "plan.csv"), "utf8")).toBe(toStdout.stdout);
  });

  it("replaces an existing file by renaming a complete new file over it, never writing into it", async () => {
    const dir = folderWith({ "quotas.csv": QUOTAS, "plan.csv": "old plan\n" });
    linkSync(join(dir, "plan.csv"), join(dir, "old-plan.csv"));
    const run = await runIn(dir, ["compute", "quotas.csv", ...ASSUME, "--format", "csv", "--out", "plan.csv"]);
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, "old-plan.csv"), "utf8")).toBe("old plan\n");
    expect(readFileSync(join(dir, "plan.csv"), "utf8")).toBe(
      "month,quota,deals,qualified_leads,inquiries,surge_inquiries,budget\n2026-12,0,0,52,520,120,20800\n2027-01,100000,10,0,0,0,0\n",
    );
    expect(filesIn(dir)).toStrictEqual(["old-plan.csv", "plan.csv", "quotas.csv"]);
  });

  it("leaves an existing output file unchanged when the input is bad", async () => {
    const dir = folderWith({ "quotas.csv": "month,quota\n2027-01,-5\n", "plan.csv": "old plan\n" });
    const run = await runIn(dir, ["compute", "quotas.csv", ...ASSUME, "--out", "plan.csv"]);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr, files: filesIn(dir) }).toStrictEqual({
      code: 2,
      stdout: "",
      stderr: 'leadplan: quotas.csv:2: quota: expected an amount of 0 or more, found "-5"\n',
      files: ["plan.csv", "quotas.csv"],
    });
    expect(readFileSync(join(dir, "plan.csv"), "utf8")).toBe("old plan\n");
  });

  it("may write to leadplan.config.json when no such file exists, as no config was read", async () => {
    const run = await compute({ "quotas.csv": QUOTAS }, ["quotas.csv", ...ASSUME, "--format", "csv", "--out", "leadplan.config.json"]);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr, files: filesIn(run.dir) }).toStrictEqual({
      code: 0,
      stdout: "",
      stderr: "",
      files: ["leadplan.config.json", "quotas.csv"],
    });
    expect(readFileSync(join(run.dir, "leadplan.config.json"), "utf8")).toBe(
      "month,quota,deals,qualified_leads,inquiries,surge_inquiries,budget\n2026-12,0,0,52,520,120,20800\n2027-01,100000,10,0,0,0,0\n",
    );
  });

  it("may write over leadplan.config.json with --no-config, as the config was not read", async () => {
    const run = await compute({ "quotas.csv": QUOTAS, "leadplan.config.json": config({ surge: "10" }) }, [
      "quotas.csv",
      ...ASSUME,
      "--format",
      "csv",
      "--no-config",
      "--out",
      "leadplan.config.json",
    ]);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toStrictEqual({ code: 0, stdout: "", stderr: "" });
    expect(readFileSync(join(run.dir, "leadplan.config.json"), "utf8")).toBe(
      "month,quota,deals,qualified_leads,inquiries,surge_inquiries,budget\n2026-12,0,0,52,520,120,20800\n2027-01,100000,10,0,0,0,0\n",
    );
  });

  it("refuses a folder that does not exist before reading anything, and leaves no temporary file", async () => {
    const run = await compute({ "quotas.csv": QUOTAS }, ["quotas.csv", ...ASSUME, "--out", "missing/plan.csv"]);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr, files: filesIn(run.dir) }).toStrictEqual({
      code: 2,
      stdout: "",
      stderr: 'leadplan: --out: expected a file in a folder that exists, found "missing/plan.csv"\n',
      files: ["quotas.csv"],
    });
  });
});

describe("a segment without a cost per inquiry", () => {
  const files = {
    "quotas.csv": "month,rep,quota\n2027-01,Ana,100000\n2027-03,Ben,100000\n",
    "ratios.csv": "rep,cost_per_inquiry\nAna,40\n",
  };
  const args = ["quotas.csv", "--ratios", "ratios.csv", ...ASSUME.slice(0, 8), "--surge", "0"];
  const WARNING =
    'warning: ratios.csv: no cost_per_inquiry for 1 of 2 segments (first: rep "Ben"): the budget has no value (give --cost-per-inquiry or a cost_per_inquiry column)\n';

  it("leaves the budget of every month empty, even a month it buys nothing in", async () => {
    const run = await compute(files, [...args, "--format", "csv"]);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toStrictEqual({
      code: 0,
      stdout:
        "month,quota,deals,qualified_leads,inquiries,surge_inquiries,budget\n" +
        "2026-12,0,0,40,400,0,\n2027-01,100000,10,0,0,0,\n2027-02,0,0,40,400,0,\n2027-03,100000,10,0,0,0,\n",
      stderr: WARNING,
    });
  });

  it("leaves the budget empty only in its own rows by segment, and in the totals of every view", async () => {
    const segments = await compute(files, [...args, "--format", "csv", "--by", "segment"]);
    expect(segments.stdout).toBe(
      "month,rep,product,quota,deals,qualified_leads,inquiries,surge_inquiries,budget\n" +
        "2026-12,Ana,,0,0,40,400,0,16000\n2027-01,Ana,,100000,10,0,0,0,0\n2027-02,Ben,,0,0,40,400,0,\n2027-03,Ben,,100000,10,0,0,0,\n",
    );
    const budgets: Record<string, unknown> = {};
    for (const by of ["month", "quarter", "rep", "product", "segment"]) {
      const run = await compute(files, [...args, "--format", "json", "--by", by]);
      const plan = JSON.parse(run.stdout) as { rows: { budget: number | null }[]; totals: { budget: number | null; exact: { budget: number | null } } };
      budgets[by] = { rows: plan.rows.map((row) => row.budget), total: plan.totals.budget, exact: plan.totals.exact.budget };
    }
    expect(budgets).toStrictEqual({
      month: { rows: [null, null, null, null], total: null, exact: null },
      quarter: { rows: [null, null], total: null, exact: null },
      rep: { rows: [16000, null], total: null, exact: null },
      product: { rows: [null], total: null, exact: null },
      segment: { rows: [16000, 0, null, null], total: null, exact: null },
    });
  });
});
