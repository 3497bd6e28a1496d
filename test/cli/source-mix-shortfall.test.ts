import { afterAll, describe, expect, it } from "vitest";
import { filesIn, folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

// Issue 10, item 4: a source mix that cannot bring the need is never a silent 0 inquiries.
// $100,000 due in March at $10,000 deals and 50% close: 10 won deals from 20 qualified leads in February.
const ASSUME = ["--deal-size", "10000", "--close-rate", "50%", "--qualify-rate", "25%", "--cycle-months", "1", "--surge", "0", "--cost-per-inquiry", "10"];
const QUOTAS = "month,quota\n2027-03,100000\n";
const HEADER = "source,share,inquiry_to_qualified,qualified_to_won,cost_per_inquiry\n";
const scenarios = (sources: string, args: readonly string[] = []) =>
  runIn(folderWith({ "quotas.csv": QUOTAS, "sources.csv": sources }), ["scenarios", "quotas.csv", ...ASSUME, "--sources", "sources.csv", ...args]);

describe("an empty rate in a sources file is an error, not a rate of 0", () => {
  it.each([
    [`${HEADER}Web,100%,,20%,20\n`, 'sources.csv:2: inquiry_to_qualified: expected a share from 0 to 100%, like 40% or 0.4, found ""'],
    [`${HEADER}Web,100%,10%,,20\n`, 'sources.csv:2: qualified_to_won: expected a share from 0 to 100%, like 40% or 0.4, found ""'],
    [`${HEADER}Web,100%,%,20%,20\n`, 'sources.csv:2: inquiry_to_qualified: expected a share from 0 to 100%, like 40% or 0.4, found "%"'],
  ])("refuses %j, writing nothing", async (sources, message) => {
    const run = await scenarios(sources, ["--out", "report.txt"]);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr, files: filesIn(run.dir) }).toStrictEqual({ code: 2, stdout: "", stderr: `leadplan: ${message}\n`, files: ["quotas.csv", "sources.csv"] });
  });

  it("reads calibrate's empty rates where nothing could measure them, and never buys that source", async () => {
    // calibrate --sources-out: a source with no inquiries has no qualify rate; one with no qualified lead no close rate.
    const sources = [
      "source,inquiries,share,inquiry_to_qualified,qualified_to_won,won_deals,cost_per_inquiry",
      "Web,100,100%,25%,50%,12,10",
      "Fair,0,0%,,,0,40",
      "Cold,50,0%,0%,,0,5",
      "",
    ].join("\n");
    const run = await scenarios(sources, ["--optimize-mix", "--format", "json"]);
    // No caps (as calibrate writes the file): the optimum buys from the one source that closes, and says so.
    expect([run.code, run.stderr]).toEqual([
      0,
      "warning: the cheapest mix buys every inquiry from one source: 80 inquiries from Web, which produced 100 in the history; Web has no max_inquiries_per_month cap to stop it (give each source the most a month can bring)\n",
    ]);
    const months = (JSON.parse(run.stdout) as { sources: { months: { month: string; inquiries: Record<string, number> }[] } }).sources.months;
    expect(months.find((month) => month.month === "2027-02")?.inquiries).toEqual({ Web: 80, Fair: 0, Cold: 0 });
  });
});

describe("a mix whose sources cannot bring the need warns with the shortfall, in every format", () => {
  const NONE_QUALIFY = `${HEADER}Web,60%,0%,20%,20\nShow,40%,0,30%,100\n`;
  const WARNING = "warning: 2027-02: no source in the mix qualifies a lead: the mix leaves 20 qualified leads and 10 won deals short of the need\n";

  it.each(["table", "markdown", "csv", "json"])("warns in %s when no source qualifies a lead (a fixed mix)", async (format) => {
    const run = await scenarios(NONE_QUALIFY, ["--format", format]);
    // CSV holds the scenarios table and says where the mix went.
    const note = format === "csv" ? "note: the CSV holds the scenarios table; --section sources writes the other\n" : "";
    expect([run.code, run.stderr]).toEqual([0, `${WARNING}${note}`]);
  });

  it("gives the shortfall in the JSON", async () => {
    const run = await scenarios(NONE_QUALIFY, ["--format", "json"]);
    const document = JSON.parse(run.stdout) as { sources: { months: { month: string; short_qualified: number; short_won: number; budget: number }[] }; warnings: string[] };
    expect(document.sources.months.find((month) => month.month === "2027-02")).toMatchObject({ budget: 0, short_qualified: 20, short_won: 10 });
    expect(document.warnings).toEqual([WARNING.slice("warning: ".length, -1)]);
  });

  it("warns when the mix's qualified leads never close", async () => {
    const run = await scenarios(`${HEADER}Web,100%,10%,0%,20\n`);
    expect([run.code, run.stderr]).toEqual([0, "warning: 2027-02: no source in the mix closes a lead: the mix leaves 0 qualified leads and 10 won deals short of the need\n"]);
  });

  it("warns when no source can close a lead in an optimised mix", async () => {
    const run = await scenarios(`${HEADER}Web,,0%,20%,20\nShow,,10%,0%,100\n`, ["--optimize-mix"]);
    expect([run.code, run.stderr]).toEqual([0, "warning: 2027-02: no source in the mix closes a lead: the mix leaves 20 qualified leads and 10 won deals short of the need\n"]);
  });

  it("gives the qualified leads behind the deals the caps leave short", async () => {
    // 40 inquiries (the cap) × 25% × 50% bring 5 of the 10 won deals: 5 short, 10 of the 20 qualified leads.
    const run = await scenarios("source,inquiry_to_qualified,qualified_to_won,cost_per_inquiry,max_inquiries_per_month\nWeb,25%,50%,10,40\n", ["--optimize-mix"]);
    expect([run.code, run.stderr]).toEqual([0, "warning: 2027-02: the sources' caps leave 10 qualified leads and 5 won deals short of the need\n"]);
  });
});
