import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { filesIn, folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

// Names as a CRM passes them on from web forms: each would run as a formula in a spreadsheet.
const LINK = '=HYPERLINK("http://x","y")';
const LINK_CELL = '"=HYPERLINK(""http://x"",""y"")"';
const GUARDED_LINK = `"'=HYPERLINK(""http://x"",""y"")"`;
const QUOTAS = `month,rep,product,quota\n2027-01,+1,${LINK_CELL},300000\n2027-02,@SUM(A1),-1+1,120000\n`;
const ASSUMPTIONS = ["--deal-size", "60000", "--close-rate", "25%", "--qualify-rate", "10%", "--cycle-days", "30", "--cost-per-inquiry", "40"];

const run = (files: Record<string, string>, args: string[]) => runIn(folderWith({ "quotas.csv": QUOTAS, ...files }), args);

describe("every CSV leadplan writes guards name columns, and only them", () => {
  it("compute --by segment", async () => {
    const result = await run({}, ["compute", "quotas.csv", ...ASSUMPTIONS, "--by", "segment", "--format", "csv"]);
    expect([result.code, result.stderr]).toStrictEqual([0, ""]);
    expect(result.stdout).toBe(
      "month,rep,product,quota,deals,qualified_leads,inquiries,surge_inquiries,budget\n" +
        `2026-12,'+1,${GUARDED_LINK},0,0,26,257,59,10280\n` +
        `2027-01,'+1,${GUARDED_LINK},300000,5,1,4,1,160\n` +
        "2027-01,'@SUM(A1),'-1+1,0,0,11,103,24,4120\n" +
        "2027-02,'@SUM(A1),'-1+1,120000,2,1,2,0,80\n",
    );
  });

  it("compute --by product", async () => {
    const result = await run({}, ["compute", "quotas.csv", ...ASSUMPTIONS, "--by", "product", "--format", "csv"]);
    expect(result.stdout.split("\n").map((line) => line.split(",")[0])).toStrictEqual(["product", "'-1+1", `"'=HYPERLINK(""http://x""`, ""]);
  });

  it("the capacity view", async () => {
    const result = await run({ "reps.csv": "rep,capacity\n+1,5\n@SUM(A1),5\n" }, ["compute", "quotas.csv", ...ASSUMPTIONS, "--reps", "reps.csv", "--view", "capacity", "--format", "csv"]);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n").slice(0, 3)).toStrictEqual([
      "month,rep,availability,qualified_leads,capacity,utilisation,over,placed,moved_in,moved_out,at_risk,at_risk_deals,at_risk_quota,inquiries,placed_inquiries,inquiry_capacity,inquiry_utilisation,inquiry_over",
      "2026-12,'+1,1,26,5,5.2,true,26,0,0,0,0,0,257,257,,,false",
      "2026-12,'@SUM(A1),1,0,5,0,false,0,0,0,0,0,0,0,0,,,false",
    ]);
  });

  it("track: names guarded, negative variances written as numbers", async () => {
    const actuals = `month,rep,product,won,revenue\n2027-01,+1,${LINK_CELL},2,100000\n`;
    const result = await run({ "actuals.csv": actuals }, ["track", "quotas.csv", "actuals.csv", ...ASSUMPTIONS, "--by", "segment", "--format", "csv"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      "month,rep,product,measure,plan,actual,variance,percent_of_plan,status\n" +
        `2027-01,'+1,${GUARDED_LINK},won,5,2,-3,40,far_behind\n` +
        `2027-01,'+1,${GUARDED_LINK},revenue,300000,100000,-200000,33.33,far_behind\n` +
        "2027-01,'@SUM(A1),'-1+1,won,0,0,0,,on_track\n" +
        "2027-01,'@SUM(A1),'-1+1,revenue,0,0,0,,on_track\n" +
        "total,,,won,5,2,-3,40,far_behind\n" +
        "total,,,revenue,300000,100000,-200000,33.33,far_behind\n",
    );
  });

  it("scenarios: the scenario names, not the negative changes", async () => {
    const scenarios = `scenario,surge\n${LINK_CELL},0\n-1+1,10%\n`;
    const result = await run({ "scenarios.csv": scenarios }, ["scenarios", "quotas.csv", ...ASSUMPTIONS, "--scenarios", "scenarios.csv", "--format", "csv"]);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n").slice(1)).toStrictEqual([
      "baseline,366,39,7,14640,0,0,0,0,375.38,2091.43,28.69,10280,4360",
      `${GUARDED_LINK},282,30,7,11280,-3360,-22.95,-84,-22.95,376,1611.43,37.23,7920,3360`,
      "'-1+1,310,33,7,12400,-2240,-15.3,-56,-15.3,375.76,1771.43,33.87,8680,3720",
      "",
    ]);
  });

  it("--no-formula-guard writes the names as they came", async () => {
    const result = await run({}, ["compute", "quotas.csv", ...ASSUMPTIONS, "--by", "rep", "--format", "csv", "--no-formula-guard"]);
    expect(result.stdout.split("\n").map((line) => line.split(",")[0])).toStrictEqual(["rep", "+1", "@SUM(A1)", ""]);
  });
});

// The example history with every source, product and rep renamed to something hostile.
const root = join(import.meta.dirname, "..", "..");
const RENAMED: Record<string, string> = { "Trade show": LINK, "Web form": "-1+1", Referral: "@SUM(A1)", Platform: "+Platform", Services: "=Services", Ana: "@Ana", Ben: "-Ben" };
const cell = (text: string) => (/[",]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
const HISTORY = readFileSync(join(root, "examples", "history.csv"), "utf8")
  .split("\n")
  .map((line) => line.split(",").map((field) => cell(RENAMED[field] ?? field)).join(","))
  .join("\n");
const OUT = ["--ratios-out", "ratios.csv", "--cycles-out", "cycles.csv", "--sources-out", "sources.csv"];

describe("calibrate's report and files, and reading them back", () => {
  it("guards the names in the report and in every file it writes", async () => {
    const dir = folderWith({ "history.csv": HISTORY });
    const result = await runIn(dir, ["calibrate", "history.csv", "--as-of", "2026-06-30", "--by-rep", "--min-leads", "1", ...OUT, "--format", "csv"]);
    expect([result.code, result.stderr]).toStrictEqual([0, ""]);
    const read = (name: string) => readFileSync(join(dir, name), "utf8");
    expect(read("ratios.csv").split("\n").map((line) => line.split(",").slice(0, 2).join(","))).toStrictEqual([
      "rep,product",
      ",",
      ",'+Platform",
      ",'=Services",
      "'-Ben,'+Platform",
      "'-Ben,'=Services",
      "'@Ana,'+Platform",
      "'@Ana,'=Services",
      "",
    ]);
    expect(new Set(read("cycles.csv").split("\n").map((line) => line.split(",").slice(0, 2).join(",")))).toStrictEqual(
      new Set(["rep,product", ",", ",'+Platform", ",'=Services", ""]),
    );
    expect(read("sources.csv").split("\n").map((line) => line.split(",")[0])).toStrictEqual(["source", "'@SUM(A1)", `"'=HYPERLINK(""http://x""`, "'-1+1", ""]);
    const report = result.stdout.split("\n").map((line) => line.split(",").slice(0, 4).join(","));
    expect(report).toContain("source,,,'-1+1");
    expect(report).toContain("rep_product,'@Ana,'+Platform,");
  });

  it("compute and scenarios read the files back under the original names, with the same figures", async () => {
    const clean = readFileSync(join(root, "examples", "history.csv"), "utf8");
    const quotas = "month,rep,product,quota\n2027-01,Ana,Platform,300000\n2027-03,Ben,Services,120000\n";
    const hostileQuotas = `month,rep,product,quota\n2027-01,@Ana,+Platform,300000\n2027-03,-Ben,=Services,120000\n`;
    const plan = async (history: string, quotasText: string) => {
      const dir = folderWith({ "history.csv": history, "quotas.csv": quotasText });
      const calibrated = await runIn(dir, ["calibrate", "history.csv", "--as-of", "2026-06-30", "--by-rep", "--min-leads", "1", ...OUT, "--format", "json"]);
      expect(calibrated.code).toBe(0);
      const computed = await runIn(dir, ["compute", "quotas.csv", "--ratios", "ratios.csv", "--cycles", "cycles.csv", "--format", "json"]);
      const mixed = await runIn(dir, ["scenarios", "quotas.csv", "--ratios", "ratios.csv", "--cycles", "cycles.csv", "--sources", "sources.csv", "--format", "json"]);
      expect([computed.code, computed.stderr, mixed.code], computed.stderr).toStrictEqual([0, "", 0]);
      return { computed: computed.stdout, mixed: mixed.stdout, ratios: readFileSync(join(dir, "ratios.csv"), "utf8") };
    };
    const original = await plan(clean, quotas);
    const hostile = await plan(HISTORY, hostileQuotas);
    // JSON is no spreadsheet: it carries the names as they are, so renaming back must give the clean run.
    expect(hostile.ratios).toContain(",'+Platform,");
    const back = (text: string) => Object.entries(RENAMED).reduce((json, [name, renamed]) => json.replaceAll(JSON.stringify(renamed), JSON.stringify(name)), text);
    const json = JSON.parse(hostile.mixed) as { sources: { sources: { source: string }[] } };
    expect(json.sources.sources.map((source) => source.source)).toStrictEqual(["@SUM(A1)", LINK, "-1+1"]);
    expect(hostile.computed).toContain('"product": "+Platform"');
    expect(back(hostile.computed)).toBe(original.computed);
    expect(back(hostile.mixed)).toBe(original.mixed);
  });

  it("--no-formula-guard writes the files raw, and they read back the same", async () => {
    const dir = folderWith({ "history.csv": HISTORY });
    const result = await runIn(dir, ["calibrate", "history.csv", "--sources-out", "sources.csv", "--no-formula-guard", "--format", "json"]);
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, "sources.csv"), "utf8").split("\n").map((line) => line.split(",")[0])).toStrictEqual(["source", "@SUM(A1)", `"=HYPERLINK(""http://x""`, "-1+1", ""]);
  });
});

describe("--excel", () => {
  const args = ["compute", "quotas.csv", "--deal-size", "60000", "--close-rate", "25%", "--qualify-rate", "10%", "--cycle-days", "30", "--cost-per-inquiry", "12.5"];

  it("us: a BOM, commas and decimal points, CSV without --format", async () => {
    const result = await run({}, [...args, "--excel"]);
    expect(result.stdout).toBe(
      "\uFEFFmonth,quota,deals,qualified_leads,inquiries,surge_inquiries,budget\n2026-12,0,0,26,257,59,3212.5\n2027-01,300000,5,12,107,25,1337.5\n2027-02,120000,2,1,2,0,25\n",
    );
  });

  it("eu: a BOM, semicolons and decimal commas, names still guarded", async () => {
    const result = await run({}, [...args, "--by", "segment", "--excel", "eu", "--format", "csv"]);
    expect(result.stdout).toBe(
      "\uFEFFmonth;rep;product;quota;deals;qualified_leads;inquiries;surge_inquiries;budget\n" +
        `2026-12;'+1;${GUARDED_LINK};0;0;26;257;59;3212,5\n` +
        `2027-01;'+1;${GUARDED_LINK};300000;5;1;4;1;50\n` +
        "2027-01;'@SUM(A1);'-1+1;0;0;11;103;24;1287,5\n" +
        "2027-02;'@SUM(A1);'-1+1;120000;2;1;2;0;25\n",
    );
  });

  it("eu for track: the percent of plan with a decimal comma", async () => {
    const actuals = `month,rep,product,won,revenue\n2027-01,+1,${LINK_CELL},2,100000\n`;
    const result = await run({ "actuals.csv": actuals }, ["track", "quotas.csv", "actuals.csv", ...ASSUMPTIONS, "--excel", "eu"]);
    expect(result.stdout.split("\n").slice(0, 3)).toStrictEqual([
      "\uFEFFmonth;measure;plan;actual;variance;percent_of_plan;status",
      "2027-01;won;5;2;-3;40;far_behind",
      "2027-01;revenue;300000;100000;-200000;33,33;far_behind",
    ]);
  });

  it("calibrate: the report in the Excel form, the files for leadplan plain", async () => {
    const dir = folderWith({ "history.csv": HISTORY });
    const result = await runIn(dir, ["calibrate", "history.csv", "--as-of", "2026-06-30", "--ratios-out", "ratios.csv", "--excel", "eu"]);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")[1]).toBe("all;;;;24;15;6;6;0,636364;0,454545;47833,33;60;94,29;207,43;55,6;7,5;287000;57;");
    expect(readFileSync(join(dir, "ratios.csv"), "utf8").split("\n")[1]).toBe(",,47833.33,0.454545,0.636364,60");
  });

  it.each([
    [["--excel", "fr"], 'leadplan: --excel: expected a locale, us or eu, found "fr" (a bare --excel goes after the file names)'],
    [["--excel", "--format", "json"], 'leadplan: --format: expected csv with --excel (or no --format), found "json"'],
  ])("refuses %j and writes nothing", async (flags, stderr) => {
    const dir = folderWith({ "quotas.csv": QUOTAS });
    const result = await runIn(dir, [...args, ...flags, "--out", "plan.csv"]);
    expect({ code: result.code, stdout: result.stdout, stderr: result.stderr, files: filesIn(dir) }).toStrictEqual({ code: 2, stdout: "", stderr: `${stderr}\n`, files: ["quotas.csv"] });
  });

  it("says so when a bare --excel takes the file name for its locale", async () => {
    const result = await run({}, ["compute", "--excel", "quotas.csv", ...ASSUMPTIONS.slice(0, 2)]);
    expect([result.code, result.stderr]).toStrictEqual([2, 'leadplan: --excel: expected a locale, us or eu, found "quotas.csv" (a bare --excel goes after the file names)\n']);
  });
});
