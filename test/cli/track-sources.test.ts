import { afterAll, describe, expect, it } from "vitest";
import { folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

// $10,000 deals, 50% close, 25% qualify, a 2-month cycle, no surge: the plan's overall rates are
// 25% qualified and 50% closed. The sources file expects Web 10% and 20%, Events 30% and 40%.
const ASSUME = ["--deal-size", "10000", "--close-rate", "50%", "--qualify-rate", "25%", "--cycle-months", "2", "--surge", "0", "--cost-per-inquiry", "10"];
const FILES = {
  "quotas.csv": "month,quota\n2027-02,300000\n2027-03,300000\n2027-04,300000\n2027-05,300000\n",
  // January: Web 10 of 100 (10%, on its 10%), Events 6 of 40 (15% against 30%: far behind).
  // February: Web 8 of 100 (8%: behind, from 9% on track and 8% behind), Events 12 of 40 (30%).
  "actuals.csv": "month,source,inquiries,qualified,won,cost\n2027-01,Web,100,10,2,1000\n2027-01,Events,40,6,1,3000\n2027-02,Web,100,8,0,1000\n2027-02,Events,40,12,3,3000\n",
  "sources.csv": "source,share,inquiry_to_qualified,qualified_to_won,cost_per_inquiry\nWeb,50%,10%,20%,10\nEvents,30%,30%,40%,75\nPartners,20%,20%,30%,20\n",
  "plain.csv": "month,inquiries,qualified\n2027-01,140,16\n",
  "costonly.csv": "month,inquiries,cost\n2027-01,140,4000\n",
  "typo.csv": "month,source,inquiries,qualified\n2027-01,web,100,10\n",
  "other.csv": "month,source,inquiries,qualified\n2027-01,Webinar,100,10\n2027-01,,5,1\n",
  "noqualified.csv": "month,source,inquiries,won\n2027-01,Web,100,2\n",
  "badsources.csv": "source,inquiry_to_qualified\nWeb,10%\n",
  "daily.csv": "date,source,inquiries,qualified\n2027-01-05,Web,60,6\n2027-01-20,Web,40,2\n",
  "wonly.csv": "month,source,won\n2027-01,Web,2\n2027-01,Events,1\n",
  "costblank.csv": "month,inquiries,qualified,cost\n2027-01,140,16,\n2027-02,100,10,n/a\n",
  "silent.csv": "month,source,inquiries,qualified\n2027-01,Web,0,0\n2027-01,Webinar,40,4\n",
  // Marketing's own file: the rates alone, no share, no cost (track reads neither).
  "rates.csv": "source,inquiry_to_qualified,qualified_to_won\nWeb,10%,20%\nEvents,30%,40%\n",
  // Seven sources the file does not name, and a blank one: five warned about by name, then a count.
  "many.csv": "month,source,inquiries,qualified\n2027-01,Webinar,10,1\n2027-01,Podcast,10,1\n2027-01,Referral,10,1\n2027-01,,10,1\n2027-01,Radio,10,1\n2027-01,Print,10,1\n2027-01,Outbound,10,1\n2027-01,Affiliate,10,1\n",
  "six.csv": "month,source,inquiries,qualified\n2027-01,A,10,1\n2027-01,B,10,1\n2027-01,C,10,1\n2027-01,D,10,1\n2027-01,E,10,1\n2027-01,F,10,1\n",
  "literal.csv": "month,source,inquiries,qualified\n2027-01,Web,100,10\n2027-01,(no source),5,1\n2027-01,,5,1\n",
  "literalsources.csv": "source,inquiry_to_qualified,qualified_to_won\nWeb,10%,20%\n(no source),5%,10%\n",
  "twins.csv": "month,source,inquiries,qualified\n2027-01,Web,100,10\n2027-01,web,50,5\n2027-01,Caf\u00e9,10,1\n2027-01,Cafe\u0301,10,1\n",
};
const run = (args: readonly string[]) => runIn(folderWith(FILES), ["track", "quotas.csv", ...args, ...ASSUME]);
const SOURCES = ["--by", "source", "--sources", "sources.csv"];

describe("track --by source: lead quality by source", () => {
  it("checks each source's qualification rate per month against the sources file and names the misses in the headline", async () => {
    const result = await run(["actuals.csv", ...SOURCES]);
    expect(result.stdout.split("\n")[0]).toMatch(
      /; lead quality below expected: Events: 15\.0% qualified against 30\.0% expected in 2027-01, Web: 8\.0% qualified against 10\.0% expected in 2027-02$/,
    );
    expect(result.stdout).toContain("Lead quality by source, per month, against each source's expected rates");
    // Events in January: 3,000 ÷ 6 qualified = 500, ÷ 1 won = 3,000; 1 of 6 closed, 16.7%.
    expect(result.stdout).toContain("│ 2027-01 │ Events   │        40 │         6 │       15.0% │    30.0% │ far behind   │   1 │   16.7% │          40.0% │ 3,000 │           500 │   3,000 │");
    // Partners is in the file and sent nothing: shown with 0, no rate of nothing.
    expect(result.stdout).toContain("│ 2027-01 │ Partners │         0 │         0 │           – │    20.0% │ no inquiries │   0 │       – │          30.0% │     0 │             – │       – │");
    expect(result.stdout).toContain("No leads in the actuals compared from Partners: shown with 0.");
  });

  it("exits 1 on --fail-on source and says why", async () => {
    const result = await run(["actuals.csv", ...SOURCES, "--fail-on", "source"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("leadplan: 2 source qualification rates below expected; exit 1 (--fail-on source)\n");
    expect((await run(["actuals.csv", ...SOURCES, "--fail-on", "source", "--tolerance", "50"])).code).toBe(0);
  });

  it("compares to the plan's overall rates without --sources, and says so", async () => {
    const result = await run(["actuals.csv", "--by", "source"]);
    expect(result.stdout).toContain("against the plan's overall rates");
    expect(result.stdout).toContain("Expected: the plan's overall rates (no --sources file), the same for every source.");
    expect(result.stdout).toContain("│ 2027-01 │ Events │        40 │         6 │       15.0% │    25.0% │ far behind │");
  });

  it("shows lead quality whenever the actuals have a source column, and sums over it in the checkpoints", async () => {
    const result = await run(["actuals.csv", "--sources", "sources.csv"]);
    expect(result.stdout).toContain("Lead quality by source, per month");
    expect(result.stdout).toMatch(/│ 2027-01 │ Inquiries\s+│\s+\d+ │\s+140 │/);
  });

  it("is additive in JSON and its own CSV section; markdown and HTML show it", async () => {
    const json = JSON.parse((await run(["actuals.csv", ...SOURCES, "--format", "json"])).stdout) as { schema: string; by: string; sources: { rows: unknown[]; totals: unknown[]; expected_from: string; file: string } };
    expect(json).toMatchObject({ schema: "leadplan.track/1", by: "month", sources: { expected_from: "sources", file: "sources.csv" } });
    expect(json.sources.rows[1]).toEqual({
      month: "2027-01",
      source: "Events",
      inquiries: 40,
      qualified: 6,
      won: 1,
      qualify_rate: 0.15,
      expected_qualify_rate: 0.3,
      close_rate: 0.166667,
      expected_close_rate: 0.4,
      cost: 3000,
      cost_per_qualified: 500,
      cost_per_won: 3000,
      status: "far_behind",
    });
    const csv = await run(["actuals.csv", ...SOURCES, "--format", "csv", "--section", "sources"]);
    expect(csv.stdout.split("\n").slice(0, 2)).toEqual([
      "month,source,inquiries,qualified,qualify_rate,expected_qualify_rate,status,won,close_rate,expected_close_rate,cost,cost_per_qualified,cost_per_won",
      "2027-01,Web,100,10,10,10,on_track,2,20,20,1000,100,500",
    ]);
    expect(csv.stdout).toContain("\ntotal,Events,80,18,22.5,30,far_behind,4,22.22,40,6000,333.33,1500\n");
    expect((await run(["actuals.csv", ...SOURCES, "--format", "csv"])).stderr).toContain("note: the CSV holds the checkpoints; --section sources writes lead quality by source\n");
    for (const format of ["markdown", "html"]) expect((await run(["actuals.csv", ...SOURCES, "--format", format])).stdout).toContain("Lead quality by source, per month");
  });

  it("takes the sources file from the config's sources key (shared with scenarios), the flag over it", async () => {
    const dir = folderWith({ ...FILES, "leadplan.config.json": JSON.stringify({ sources: "sources.csv" }), "other-sources.csv": "source,inquiry_to_qualified,qualified_to_won,cost_per_inquiry\nWeb,5%,20%,10\nEvents,5%,40%,75\n" });
    const fromConfig = await runIn(dir, ["track", "quotas.csv", "actuals.csv", "--by", "source", ...ASSUME]);
    expect(fromConfig.stdout).toContain("│ 2027-01 │ Events   │        40 │         6 │       15.0% │    30.0% │ far behind   │");
    const fromFlag = await runIn(dir, ["track", "quotas.csv", "actuals.csv", "--by", "source", "--sources", "other-sources.csv", ...ASSUME]);
    expect(fromFlag.stdout).toContain("│ 2027-01 │ Events │        40 │         6 │       15.0% │     5.0% │ on track │");
  });

  it("refuses the config's by: source with a hint that it is a flag of track only", async () => {
    const folder = folderWith({ ...FILES, "leadplan.config.json": '{ "by": "source" }' });
    const result = await runIn(folder, ["track", "quotas.csv", "actuals.csv", ...ASSUME]);
    expect(result).toMatchObject({
      code: 2,
      stderr:
        'leadplan: leadplan.config.json: by: expected one of month, quarter, rep, product, segment, month,rep, month,product, quarter,rep, quarter,product, found "source" (--by source is a flag of track only: the config\'s by is shared with compute and scenarios)\n',
    });
  });

  it("rows by half-month with --every half-month", async () => {
    const result = await run(["daily.csv", "--by", "source", "--sources", "sources.csv", "--every", "half-month"]);
    expect(result.stdout).toContain("Lead quality by source, per half-month");
    expect(result.stdout).toContain("│ 2027-01-H1 │ Web      │        60 │         6 │       10.0% │    10.0% │ on track     │");
    expect(result.stdout).toContain("│ 2027-01-H2 │ Web      │        40 │         2 │        5.0% │    10.0% │ far behind   │");
  });

  it("warns about a source the file does not name, and rows with none: compared to nothing", async () => {
    const result = await run(["other.csv", ...SOURCES]);
    expect(result.stderr).toContain('warning: other.csv:2: source: source "Webinar" is not in sources.csv: compared to nothing\n');
    expect(result.stderr).toContain("warning: other.csv:3: source: rows with no source: compared to nothing\n");
    expect(result.stdout).toContain("│ 2027-01 │ Webinar     │       100 │        10 │       10.0% │        – │ not compared │");
  });

  it("warns about the first five sources the file does not name, one line each, then counts the rest", async () => {
    const result = await run(["many.csv", ...SOURCES, "--format", "json"]);
    const lines = result.stderr.split("\n").filter((line) => line.includes("many.csv"));
    expect(lines).toEqual([
      'warning: many.csv:2: source: source "Webinar" is not in sources.csv: compared to nothing',
      'warning: many.csv:3: source: source "Podcast" is not in sources.csv: compared to nothing',
      'warning: many.csv:4: source: source "Referral" is not in sources.csv: compared to nothing',
      "warning: many.csv:5: source: rows with no source: compared to nothing",
      'warning: many.csv:6: source: source "Radio" is not in sources.csv: compared to nothing',
      'warning: many.csv:7: source: source "Print" is not in sources.csv: compared to nothing',
      "warning: many.csv: source: 2 more sources are not in sources.csv: compared to nothing",
    ]);
    // The JSON's warnings are the same list; every source is still in the report, compared to nothing.
    const document = JSON.parse(result.stdout) as { warnings: string[]; sources: { totals: { source: string }[] } };
    expect(document.warnings.filter((line) => line.startsWith("many.csv"))).toEqual(lines.map((line) => line.slice("warning: ".length)));
    expect(document.sources.totals.filter((row) => ["Outbound", "Affiliate"].includes(row.source))).toHaveLength(2);
    // One past the cap: "1 more source is".
    const six = await run(["six.csv", ...SOURCES]);
    expect(six.stderr).toContain("warning: six.csv: source: 1 more source is not in sources.csv: compared to nothing\n");
    expect(six.stderr).not.toContain('"F"');
  });

  it("refuses a source literally named (no source), which would print as the rows with a blank source", async () => {
    const message = (file: string, line: number) =>
      `leadplan: ${file}:${line}: source: expected a source name other than (no source), which the report shows for rows with a blank source, found "(no source)" (rename the source, or leave it blank if it means no source)\n`;
    expect(await run(["literal.csv", "--by", "source"])).toMatchObject({ code: 2, stderr: message("literal.csv", 3) });
    // Shown whenever the actuals have a source column, so refused without --by source too.
    expect(await run(["literal.csv"])).toMatchObject({ code: 2, stderr: message("literal.csv", 3) });
    expect(await run(["actuals.csv", "--by", "source", "--sources", "literalsources.csv"])).toMatchObject({ code: 2, stderr: message("literalsources.csv", 3) });
  });

  it("does not say every source qualified when nothing was compared (no inquiries, or no expected rate)", async () => {
    const result = await run(["silent.csv", ...SOURCES]);
    expect(result.stdout).toContain("\nNo source and period had both inquiries and an expected rate: nothing was compared.\n");
    expect(result.stdout).not.toContain("Every source qualified");
  });

  it("runs the checkpoints of actuals with a source column but no inquiries or qualified column, with a warning, unless lead quality is asked for", async () => {
    const result = await run(["wonly.csv"]);
    expect(result.code).toBeLessThan(2);
    expect(result.stderr).toContain("warning: wonly.csv:1: inquiries, qualified: missing column: lead quality by source needs inquiries and qualified columns beside source: not shown\n");
    expect(result.stdout).toMatch(/│ 2027-01 │ Deals won\s+│\s+[\d,]+ │\s+3 │/);
    expect(result.stdout).not.toContain("Lead quality");
    expect(await run(["wonly.csv", "--fail-on", "source"])).toMatchObject({ code: 2, stderr: "leadplan: wonly.csv:1: inquiries, qualified: missing column: lead quality by source needs inquiries and qualified columns beside source\n" });
  });

  it("reads a sources file of rates alone: share and cost_per_inquiry are not needed in track", async () => {
    const result = await run(["actuals.csv", "--by", "source", "--sources", "rates.csv", "--format", "csv", "--section", "sources"]);
    expect(result.stderr).not.toContain("missing column");
    // Events in January: 6 of 40, 15% against the file's 30%: far behind.
    expect(result.stdout).toContain("2027-01,Events,40,6,15,30,far_behind,1,16.67,40,3000,500,3000\n");
  });

  it("warns about two spellings of one source in the actuals (case, spaces, Unicode form): read as two sources", async () => {
    const result = await run(["twins.csv", "--by", "source"]);
    expect(result.stderr).toContain('warning: twins.csv:3: source "web" differs from "Web" (line 2) only in case or spaces: read as two sources\n');
    expect(result.stderr).toContain('warning: twins.csv:5: source "Cafe\u0301" differs from "Caf\u00e9" (line 4) only in Unicode form: read as two sources\n');
  });

  it("warns about --sources and cost with no source column, and leaves the report as it was", async () => {
    const plain = await run(["plain.csv", "--sources", "sources.csv"]);
    expect(plain.stderr).toContain("warning: plain.csv:1: source: --sources: the actuals have no source column: lead quality by source is not checked\n");
    expect(plain.stdout).not.toContain("Lead quality");
    expect((await run(["costonly.csv"])).stderr).toContain("warning: costonly.csv:1: cost: cost per source needs a source column: ignored\n");
    // Not read without a source column: a blank or a note in it does not stop the run.
    const blank = await run(["costblank.csv"]);
    expect(blank.code).toBeLessThan(2);
    expect(blank.stderr).toContain("warning: costblank.csv:1: cost: cost per source needs a source column: ignored\n");
  });

  it.each([
    [["plain.csv", "--by", "source"], "leadplan: plain.csv:1: source: missing column: expected a source column for --by source\n"],
    [["plain.csv", "--fail-on", "source"], "leadplan: plain.csv:1: source: missing column: expected a source column for --fail-on source\n"],
    [["plain.csv", "--format", "csv", "--section", "sources"], "leadplan: plain.csv:1: source: --section sources: expected a source column in the actuals\n"],
    [["noqualified.csv", "--by", "source"], "leadplan: noqualified.csv:1: qualified: missing column: lead quality by source needs inquiries and qualified columns beside source\n"],
    [["typo.csv", ...SOURCES], 'leadplan: typo.csv:2: source: source "web": sources.csv has "Web": expected the same spelling in both files\n'],
    [["actuals.csv", "--by", "source", "--sources", "badsources.csv"], "leadplan: badsources.csv:1: qualified_to_won: missing column: expected source, inquiry_to_qualified, qualified_to_won\n"],
    [
      ["actuals.csv", "--by", "sources"],
      "leadplan: option '--by <VIEW>' argument 'sources' is invalid. Allowed choices are month, quarter, rep, product, segment, month,rep, month,product, quarter,rep, quarter,product, source. (see 'leadplan track --help')\n",
    ],
  ])("refuses %j in one line, exit 2", async (args, message) => {
    expect(await run(args)).toMatchObject({ code: 2, stderr: message });
  });

  it("refuses --by source with a configured funnel before reading a file", async () => {
    const funnel = ["--funnel", "inquiry,mql,sql,won", "--rate", "inquiry_to_mql=50%", "--rate", "mql_to_sql=50%", "--rate", "sql_to_won=50%", "--deal-size", "10000", "--lag", "sql_to_won=2m", "--cost", "inquiry=10"];
    const result = await runIn(folderWith(FILES), ["track", "quotas.csv", "missing.csv", "--by", "source", ...funnel]);
    expect(result).toMatchObject({ code: 2, stderr: "leadplan: --by source: not with --funnel inquiry,mql,sql,won: lead quality by source compares the default funnel's inquiries, qualified and won only (for now)\n" });
    // --section sources too: "expected a source column in the actuals" was said of actuals that have one.
    const section = await runIn(folderWith(FILES), ["track", "quotas.csv", "missing.csv", "--format", "csv", "--section", "sources", ...funnel]);
    expect(section).toMatchObject({ code: 2, stderr: "leadplan: --section sources: not with --funnel inquiry,mql,sql,won: lead quality by source compares the default funnel's inquiries, qualified and won only (for now)\n" });
  });
});

describe("README's worked example of lead quality by source", () => {
  it("prints every line README quotes", async () => {
    const { readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const repo = join(import.meta.dirname, "..", "..");
    const readme = readFileSync(join(repo, "README.md"), "utf8");
    const block = /<!-- track-sources-example -->\n```\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
    const quoted = block.split("\n").filter(Boolean);
    expect(quoted).toHaveLength(6);
    const args = ["track", "examples/quotas.csv", "examples/source-actuals.csv", "--ratios", "examples/ratios.csv", "--cycles", "examples/cycles.csv", "--by", "source", "--sources", "examples/sources.csv"];
    const csv = await runIn(repo, [...args, "--format", "csv", "--section", "sources", "--fail-on", "source"]);
    const lines = csv.stdout.split("\n");
    for (const line of quoted) expect(lines).toContain(line);
    expect(csv).toMatchObject({ code: 1, stderr: "leadplan: 2 source qualification rates below expected; exit 1 (--fail-on source)\n" });
    const table = await runIn(repo, args);
    expect(table.stdout.split("\n")[0]).toMatch(/lead quality below expected: Trade show: 4\.1% qualified against 20\.0% expected in 2027-01, Trade show: 17\.4% qualified against 20\.0% expected in 2027-02$/);
  });
});
