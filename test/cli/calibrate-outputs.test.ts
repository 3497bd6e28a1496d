import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { historyText } from "../../bench/generate-history.mjs";
import { filesIn, folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

// Issue 10, item 6: everything calibrate writes, compute and scenarios read; a file that cannot
// be filled, or a count that cannot be, is refused in one line with nothing written.

const root = join(import.meta.dirname, "..", "..");
const example = (name: string) => readFileSync(join(root, "examples", name), "utf8");
const OUT = ["--ratios-out", "ratios.csv", "--cycles-out", "cycles.csv", "--sources-out", "sources.csv"];

const HISTORIES: [string, string, string[]][] = [
  ["the example history", example("history.csv"), ["--min-leads", "5"]],
  ["a generated history (seed 1, 5,000 leads)", historyText({ leads: 5_000, seed: 1 }), []],
  ["a generated history (seed 7, 800 leads, by rep)", historyText({ leads: 800, seed: 7 }), ["--by-rep"]],
  ["a generated history (seed 11, 300 leads)", historyText({ leads: 300, seed: 11 }), ["--min-leads", "1"]],
];

describe("everything calibrate writes, compute and scenarios read", () => {
  it.each(HISTORIES)("from %s", async (_, history, flags) => {
    const dir = folderWith({ "history.csv": history, "quotas.csv": example("quotas.csv") });
    const calibrated = await runIn(dir, ["calibrate", "history.csv", ...flags, ...OUT, "--out", "report.txt"]);
    expect(calibrated.code).toBe(0);
    expect(filesIn(dir)).toEqual(["cycles.csv", "history.csv", "quotas.csv", "ratios.csv", "report.txt", "sources.csv"]);
    // Warnings may say that a product of the history has no quota; nothing is refused.
    const onlyWarnings = (stderr: string) => stderr.split("\n").filter((line) => line !== "" && !line.startsWith("warning: "));
    const planned = await runIn(dir, ["compute", "quotas.csv", "--ratios", "ratios.csv", "--cycles", "cycles.csv", "--format", "csv"]);
    expect([planned.code, onlyWarnings(planned.stderr)]).toEqual([0, []]);
    for (const mix of [[], ["--optimize-mix"]]) {
      const mixed = await runIn(dir, ["scenarios", "quotas.csv", "--ratios", "ratios.csv", "--cycles", "cycles.csv", "--sources", "sources.csv", ...mix, "--format", "json"]);
      expect([mixed.code, onlyWarnings(mixed.stderr)]).toEqual([0, []]);
    }
  });

  it("from a monthly aggregate (ratios and sources)", async () => {
    const monthly = "month,source,product,inquiries,qualified,won,revenue,spend\n2026-01,Web,Platform,100,20,5,250000,1500\n2026-02,Show,Platform,40,12,4,200000,6000\n";
    const dir = folderWith({ "monthly.csv": monthly, "quotas.csv": example("quotas.csv") });
    expect((await runIn(dir, ["calibrate", "monthly.csv", "--ratios-out", "ratios.csv", "--sources-out", "sources.csv"])).code).toBe(0);
    const planned = await runIn(dir, ["compute", "quotas.csv", "--ratios", "ratios.csv", "--cycle-months", "2", "--format", "csv"]);
    expect([planned.code, planned.stderr]).toEqual([0, ""]);
    const mixed = await runIn(dir, ["scenarios", "quotas.csv", "--ratios", "ratios.csv", "--cycle-months", "2", "--sources", "sources.csv", "--format", "csv", "--section", "sources"]);
    expect([mixed.code, mixed.stderr]).toEqual([0, ""]);
    expect(mixed.stdout.split("\n")[0]).toBe("line,source,share,inquiries,won_deals,budget,cost_per_won_deal,monthly_cap");
  });
});

describe("calibrate refuses a file it cannot fill, writing nothing", () => {
  const NO_WON = [
    "lead_id,created,source,product,rep,qualified_on,closed_on,outcome,amount,cost",
    "1,2026-01-05,Web,Platform,Ana,2026-01-09,2026-02-01,lost,,20",
    "2,2026-01-07,Web,Platform,Ana,,2026-01-20,lost,,20",
    "3,2026-02-02,Show,Platform,Ben,2026-02-06,,open,,100",
    "",
  ].join("\n");

  it("refuses --cycles-out from a history with no won deal, naming what to give instead", async () => {
    const dir = folderWith({ "history.csv": NO_WON });
    const run = await runIn(dir, ["calibrate", "history.csv", ...OUT, "--out", "report.txt"]);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr, files: filesIn(dir) }).toStrictEqual({
      code: 2,
      stdout: "",
      stderr: "leadplan: --cycles-out: no won deal in history.csv to measure the sales cycle from: expected a history with won deals (or leave out --cycles-out and give compute --cycle-days or --cycle-months)\n",
      files: ["history.csv"],
    });
  });

  it("refuses --sources-out when a source has no cost, which scenarios could not price", async () => {
    const history = example("history.csv").replace(/^(L\d+,[^,]*,Referral,.*),\d+$/gm, "$1,");
    const dir = folderWith({ "history.csv": history });
    const run = await runIn(dir, ["calibrate", "history.csv", "--sources-out", "sources.csv"]);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr, files: filesIn(dir) }).toStrictEqual({
      code: 2,
      stdout: "",
      stderr: 'leadplan: --sources-out: no cost for source "Referral" in history.csv: expected a cost on some of each source\'s leads (or leave out --sources-out and write the sources file by hand)\n',
      files: ["history.csv"],
    });
  });
});

describe("a monthly aggregate's impossible counts are errors at their line", () => {
  it.each([
    ["2026-02,Web,Platform,100,200,5,250000,1500", 'monthly.csv:3: qualified: expected at most the row\'s 100 inquiries, found "200"'],
    ["2026-02,Web,Platform,100,20,30,250000,1500", 'monthly.csv:3: won: expected at most the row\'s 20 qualified leads, found "30"'],
  ])("refuses %j", async (row, message) => {
    const monthly = `month,source,product,inquiries,qualified,won,revenue,spend\n2026-01,Web,Platform,100,20,5,250000,1500\n${row}\n`;
    const dir = folderWith({ "monthly.csv": monthly });
    const run = await runIn(dir, ["calibrate", "monthly.csv", "--ratios-out", "ratios.csv", "--format", "csv"]);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr, files: filesIn(dir) }).toStrictEqual({ code: 2, stdout: "", stderr: `leadplan: ${message}\n`, files: ["monthly.csv"] });
  });
});
