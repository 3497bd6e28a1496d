import { afterAll, describe, expect, it } from "vitest";
import { compute, folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

const ASSUME = ["--close-rate", "20%", "--qualify-rate", "10%", "--cycle-months", "2", "--cost-per-inquiry", "45", "--surge", "0", "--format", "csv"];
const WORKED = "month,quota,deals,qualified_leads,inquiries,surge_inquiries,budget\n2027-01,0,0,134,1334,0,60030\n2027-02,0,0,0,0,0,0\n2027-03,2000000,27,0,0,0,0\n";

describe("a European file is read with its decimal comma", () => {
  it("plans the worked example from a ; file with 2.000.000,00 and a deal size of 75.000 stated with --decimal-comma", async () => {
    const run = await compute({ "quotas.csv": "month;quota\n2027-03;2.000.000,00\n" }, ["quotas.csv", "--deal-size", "75.000", "--decimal-comma", ...ASSUME]);
    expect(run).toMatchObject({ code: 0, stdout: WORKED, stderr: "" });
  });

  it("reads 750.000 as 750000 once another number of the file shows the decimal comma", async () => {
    const run = await compute({ "quotas.csv": "month;quota\n2027-02;750.000\n2027-03;1.250.000,00\n" }, ["quotas.csv", "--deal-size", "75000", ...ASSUME]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n").filter((line) => line.startsWith("2027-0") && !line.startsWith("2027-01"))).toStrictEqual([
      "2027-02,750000,10,0,0,0,0",
      "2027-03,1250000,17,0,0,0,0",
    ]);
  });

  it("refuses --deal-size 75.000 without a stated mark: it is 75 or 75,000", async () => {
    const run = await compute({ "quotas.csv": "month,quota\n2027-03,2000000\n" }, ["quotas.csv", "--deal-size", "75.000", ...ASSUME]);
    expect(run).toMatchObject({
      code: 2,
      stdout: "",
      stderr:
        'leadplan: --deal-size: expected an amount, found "75.000" (it reads as 75000 with a decimal comma or 75 with a decimal point: give --decimal-comma or --decimal-point, or write it without a thousands separator)\n',
    });
  });

  it("reads --deal-size 75.000 as 75 with --decimal-point", async () => {
    const run = await compute({ "quotas.csv": "month,quota\n2027-03,7500\n" }, ["quotas.csv", "--deal-size", "75.000", "--decimal-point", ...ASSUME]);
    expect(run.stdout).toContain("2027-03,7500,100,0,0,0,0");
  });

  it("reads $75,000 on the command line as 75000, as US files write it", async () => {
    const run = await compute({ "quotas.csv": "month,quota\n2027-03,2000000\n" }, ["quotas.csv", "--deal-size", "$75,000", ...ASSUME]);
    expect(run).toMatchObject({ code: 0, stdout: WORKED });
  });

  it("takes the mark from the config key decimalMark, and JSON numbers keep their decimal point", async () => {
    const files = {
      "quotas.csv": "month;quota\n2027-03;2.000.000\n",
      "leadplan.config.json": JSON.stringify({ decimalMark: "comma", dealSize: "75.000", costPerInquiry: 45.0, closeRate: "20%" }),
    };
    const run = await runIn(folderWith(files), ["compute", "quotas.csv", "--qualify-rate", "10%", "--cycle-months", "2", "--surge", "0", "--format", "csv"]);
    expect(run).toMatchObject({ code: 0, stdout: WORKED, stderr: "" });
  });

  it("refuses --decimal-comma with --decimal-point", async () => {
    const run = await compute({ "quotas.csv": "month,quota\n2027-03,2000000\n" }, ["quotas.csv", "--decimal-comma", "--decimal-point"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("leadplan: option '--decimal-comma' cannot be used with option '--decimal-point' (see 'leadplan compute --help')\n");
  });

  it("reads --vary values separated by ; with --decimal-comma", async () => {
    const files = { "quotas.csv": "month,quota\n2027-03,2000000\n" };
    const run = await runIn(folderWith(files), [
      "scenarios", "quotas.csv", "--deal-size", "75000", ...ASSUME, "--decimal-comma", "--vary", "cost_per_inquiry=40,5;60",
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("cost_per_inquiry=40,5");
    expect(run.stdout).toContain("cost_per_inquiry=60");
  });
});

describe("percent points: --surge, --tolerance and --sensitivity take 30 or 30%, never 0.3", () => {
  const HINT = "(0.3 would mean 0.3 percent here: write 30 or 30% for 30 percent, or 0.3% for 0.3 percent)";
  it("refuses --surge 0.3, naming the reading it would get", async () => {
    const run = await compute({ "quotas.csv": "month,quota\n2027-03,2000000\n" }, ["quotas.csv", "--deal-size", "75000", "--close-rate", "0.2", "--qualify-rate", "0.1", "--cycle-months", "2", "--surge", "0.3"]);
    expect(run.stderr).toBe(`leadplan: --surge: expected a percentage from 0 to 1000, like 30 or 30%, found "0.3" ${HINT}\n`);
  });

  it("refuses --tolerance 0.3 in track", async () => {
    const run = await runIn(folderWith({ "quotas.csv": "month,quota\n2027-03,2000000\n", "actuals.csv": "month,revenue\n2027-01,0\n" }), [
      "track", "quotas.csv", "actuals.csv", "--deal-size", "75000", "--close-rate", "20%", "--qualify-rate", "10%", "--cycle-months", "2", "--tolerance", "0.3",
    ]);
    expect(run.stderr).toBe(`leadplan: --tolerance: expected a percentage from 0 to 100, like 10 or 10%, found "0.3" ${HINT}\n`);
  });

  it("refuses --sensitivity 0.3 in scenarios", async () => {
    const run = await runIn(folderWith({ "quotas.csv": "month,quota\n2027-03,2000000\n" }), [
      "scenarios", "quotas.csv", "--deal-size", "75000", "--close-rate", "20%", "--qualify-rate", "10%", "--cycle-months", "2", "--sensitivity", "0.3",
    ]);
    expect(run.stderr).toBe(`leadplan: --sensitivity: expected a percentage above 0 and below 100, like 10 or 10%, found "0.3" ${HINT}\n`);
  });

  it("plans --surge 0.3% as 0.3 percent when the percent sign says so", async () => {
    const run = await compute({ "quotas.csv": "month,quota\n2027-03,2000000\n" }, ["quotas.csv", "--deal-size", "75000", "--close-rate", "20%", "--qualify-rate", "10%", "--cycle-months", "2", "--surge", "0.3%", "--format", "json"]);
    expect(JSON.parse(run.stdout).surge.rate).toBe(0.003);
  });
});

describe("history files read US amounts as every comma-separated file does", () => {
  const HEADER = "lead_id,created,source,product,rep,qualified_on,closed_on,outcome,amount,cost\n";
  const WON = 'L01,2025-07-03,Trade show,Platform,Ana,2025-07-10,2025-09-05,won,"$60,000",150\n';

  it("reads $60,000 in a comma-separated history as 60000", async () => {
    const run = await runIn(folderWith({ "history.csv": HEADER + WON }), ["calibrate", "history.csv", "--format", "json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).scopes[0].avg_deal_size).toBe(60000);
  });

  it("refuses a later decimal comma that would mean $60,000 was misread", async () => {
    const later = 'L02,2025-09-04,Web form,Platform,Ana,2025-09-10,2025-10-05,won,"12,5",20\n';
    const run = await runIn(folderWith({ "history.csv": HEADER + WON + later }), ["calibrate", "history.csv"]);
    expect(run).toMatchObject({
      code: 2,
      stderr:
        'leadplan: history.csv:3: amount: expected one decimal mark in a file, found "12,5" (it has a decimal comma, but line 2 has "$60,000" read with a comma grouping thousands: write the file one way, or give --decimal-comma or --decimal-point)\n',
    });
  });
});
