import { afterAll, describe, expect, it } from "vitest";
import { compute, folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

// 50% close, 25% qualification, a 1-month cycle, $10 an inquiry, no surge: a $100,000 quota in
// February needs 100,000 / deal size deals, twice that in qualified leads and 8 times in inquiries.
const RATES = ["--close-rate", "50%", "--qualify-rate", "25%", "--cycle-months", "1", "--cost-per-inquiry", "10", "--surge", "0"];
const ASSUME = ["--deal-size", "10000", ...RATES];
const BY_PRODUCT = "month,product,quota\n2027-02,Services,100000\n2027-02,Platform,100000\n";
const BY_REP = "month,rep,quota\n2027-02,Chloé,100000\n2027-02,Ben,100000\n";

const refused = (line: string) => ({ code: 2, stdout: "", stderr: `leadplan: ${line}\n` });

describe("a near-miss between the quotas and another file is an error naming both spellings", () => {
  it("a ratio row for services against the quotas' Services", async () => {
    const run = await compute({ "quotas.csv": BY_PRODUCT, "ratios.csv": "product,avg_deal_size\n,75000\nservices,15000\n" }, ["quotas.csv", "--ratios", "ratios.csv", ...RATES]);
    expect(run).toMatchObject(
      refused('ratios.csv:3: product "services": no quota segment has this spelling, but quotas.csv:2 has "Services": expected the same spelling in both files'),
    );
  });

  it("a cycle row for services against the quotas' Services", async () => {
    const run = await compute({ "quotas.csv": BY_PRODUCT, "cycles.csv": "product,sales_cycle_days\n,90\nservices,30\n" }, [
      "quotas.csv",
      "--cycles",
      "cycles.csv",
      "--deal-size",
      "10000",
      "--close-rate",
      "50%",
      "--qualify-rate",
      "25%",
    ]);
    expect(run).toMatchObject(
      refused('cycles.csv:3: product "services": no quota segment has this spelling, but quotas.csv:2 has "Services": expected the same spelling in both files'),
    );
  });

  it("a rep written with an inner double space", async () => {
    const quotas = "month,rep,quota\n2027-02,Ben,100000\n2027-02,Ana Lopez,100000\n";
    const run = await compute({ "quotas.csv": quotas, "ratios.csv": "rep,avg_deal_size\n,75000\nAna  Lopez,15000\n" }, ["quotas.csv", "--ratios", "ratios.csv", ...RATES]);
    expect(run).toMatchObject(
      refused('ratios.csv:3: rep "Ana  Lopez": no quota segment has this spelling, but quotas.csv:3 has "Ana Lopez": expected the same spelling in both files'),
    );
  });

  it("Chloe in the reps file against the quotas' Chloé", async () => {
    const run = await compute({ "quotas.csv": BY_REP, "reps.csv": "rep,capacity\nBen,50\nChloe,50\n" }, ["quotas.csv", ...ASSUME, "--reps", "reps.csv"]);
    expect(run).toMatchObject(
      refused('reps.csv:3: rep "Chloe": no quota segment has this spelling, but quotas.csv:2 has "Chloé": expected the same spelling in both files'),
    );
  });

  it("Chloe in the actuals against the quotas' Chloé", async () => {
    const actuals = "month,rep,won,revenue\n2027-02,Ben,10,100000\n2027-02,Chloe,10,100000\n";
    const run = await runIn(folderWith({ "quotas.csv": BY_REP, "actuals.csv": actuals }), ["track", "quotas.csv", "actuals.csv", ...ASSUME]);
    expect(run).toMatchObject(
      refused('actuals.csv:3: rep "Chloe": no quota segment has this spelling, but quotas.csv:2 has "Chloé": expected the same spelling in both files'),
    );
  });

  it("a history's services against the quotas' Services, at the history line that first writes it", async () => {
    const history = [
      "created,product,qualified_on,closed_on,outcome,amount",
      "2026-01-05,Services,2026-01-10,2026-02-01,won,15000",
      "2026-01-06,services,2026-01-12,2026-02-03,won,15000",
      "",
    ].join("\n");
    const run = await compute({ "quotas.csv": BY_PRODUCT, "history.csv": history }, ["quotas.csv", "--history", "history.csv"]);
    expect(run).toMatchObject(
      refused('history.csv:3: product "services": no quota segment has this spelling, but quotas.csv:2 has "Services": expected the same spelling in both files'),
    );
  });

  it("the same letters in two Unicode forms, with a hint to retype one", async () => {
    const decomposed = "Chloe\u0301";
    const run = await compute({ "quotas.csv": BY_REP, "reps.csv": `rep,capacity\nBen,50\n${decomposed},50\n` }, ["quotas.csv", ...ASSUME, "--reps", "reps.csv"]);
    expect(run).toMatchObject(
      refused(
        `reps.csv:3: rep "${decomposed}": no quota segment has this spelling, but quotas.csv:2 has "Chloé": expected the same spelling in both files (the same letters stored in two Unicode forms: retype one of them)`,
      ),
    );
  });
});

describe("names that match nothing, or differ only in case within one file, are warnings", () => {
  it("a ratio row for a misspelt product applies to nothing", async () => {
    const ratios = "product,avg_deal_size\n,75000\nServcies,15000\n";
    const run = await compute({ "quotas.csv": BY_PRODUCT, "ratios.csv": ratios }, ["quotas.csv", "--ratios", "ratios.csv", ...RATES]);
    expect(run).toMatchObject({ code: 0, stderr: 'warning: ratios.csv:3: product "Servcies": no quota segment has this product: the row applies to nothing\n' });
  });

  it("rows that apply to nothing: the first five each, then a count (a calibrated file holds old products)", async () => {
    const ratios = ["product,avg_deal_size", ",75000", ...["Old 1", "Old 2", "Old 3", "Old 4", "Old 5", "Old 6", "Old 7"].map((name) => `${name},15000`), ""].join("\n");
    const run = await compute({ "quotas.csv": BY_PRODUCT, "ratios.csv": ratios }, ["quotas.csv", "--ratios", "ratios.csv", ...RATES]);
    expect(run.stderr.split("\n").slice(4)).toStrictEqual([
      'warning: ratios.csv:7: product "Old 5": no quota segment has this product: the row applies to nothing',
      "warning: ratios.csv: 2 more rows apply to no quota segment",
      "",
    ]);
  });

  it("no warning for a rep × product row whose rep and product each have quota, but not together (calibrate writes such rows)", async () => {
    const quotas = "month,rep,product,quota\n2027-02,Ana,Platform,100000\n2027-02,Ben,Services,100000\n";
    const run = await compute({ "quotas.csv": quotas, "ratios.csv": "rep,product,avg_deal_size\n,,75000\nAna,Services,15000\n" }, ["quotas.csv", "--ratios", "ratios.csv", ...RATES]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
  });

  it("Ana and ana in one quota file: read as two reps, with a warning naming both lines", async () => {
    const quotas = "month,rep,quota\n2027-02,Ana,100000\n2027-02,Ben,100000\n2027-02,ana,100000\n";
    const run = await compute({ "quotas.csv": quotas }, ["quotas.csv", ...ASSUME, "--by", "rep", "--format", "csv"]);
    expect(run).toMatchObject({ code: 0, stderr: 'warning: quotas.csv:4: rep "ana" differs from "Ana" (line 2) only in case or spaces: read as two reps\n' });
    expect(run.stdout).toContain("\nana,100000,10,20,80,0,800\n");
  });

  it("Dana and dana in one actuals file, neither in the quotas", async () => {
    const quotas = "month,rep,quota\n2027-02,Ana,100000\n";
    const actuals = "month,rep,won,revenue\n2027-02,Ana,10,100000\n2027-02,Dana,1,1000\n2027-02,dana,1,1000\n";
    const run = await runIn(folderWith({ "quotas.csv": quotas, "actuals.csv": actuals }), ["track", "quotas.csv", "actuals.csv", ...ASSUME, "--format", "csv"]);
    expect(run.stderr).toBe(
      [
        'warning: actuals.csv:4: rep "dana" differs from "Dana" (line 3) only in case or spaces: read as two reps',
        'warning: actuals.csv:3: rep "Dana" is not in the quotas: 1 row left out',
        'warning: actuals.csv:4: rep "dana" is not in the quotas: 1 row left out',
        "",
      ].join("\n"),
    );
  });

  it("Services and services in one history, for calibrate", async () => {
    const history = [
      "created,product,qualified_on,closed_on,outcome,amount",
      "2026-01-05,Services,2026-01-10,2026-02-01,won,15000",
      "2026-01-06,services,2026-01-12,2026-02-03,won,15000",
      "",
    ].join("\n");
    const run = await runIn(folderWith({ "history.csv": history }), ["calibrate", "history.csv", "--format", "csv"]);
    expect(run.code).toBe(0);
    expect(run.stderr.split("\n")).toContain('warning: history.csv:3: product "services" differs from "Services" (line 2) only in case or spaces: read as two products');
  });
});

describe("names match exactly, after trimming", () => {
  it("Zoë and Zoé stay two reps: a ratio row for Zoë gives only Zoë its deal size", async () => {
    const quotas = "month,rep,quota\n2027-02,Zoë,100000\n2027-02,Zoé,100000\n";
    const run = await compute({ "quotas.csv": quotas, "ratios.csv": "rep,avg_deal_size\nZoë,10000\n,50000\n", "reps.csv": "rep,capacity\nZoé,50\nZoë,50\n" }, [
      "quotas.csv",
      "--ratios",
      "ratios.csv",
      "--reps",
      "reps.csv",
      ...RATES,
      "--by",
      "rep",
      "--format",
      "csv",
    ]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout.split("\n").slice(0, 3)).toStrictEqual([
      "rep,quota,deals,qualified_leads,inquiries,surge_inquiries,budget",
      "Zoé,100000,2,4,16,0,160",
      "Zoë,100000,10,20,80,0,800",
    ]);
  });

  it('" Ana " in the ratios, reps and actuals is the quotas\' Ana', async () => {
    const quotas = "month,rep,quota\n2027-02,Ana,100000\n";
    const files = {
      "quotas.csv": quotas,
      "ratios.csv": 'rep,avg_deal_size\n" Ana ",10000\n',
      "reps.csv": 'rep,capacity\n" Ana ",50\n',
      "actuals.csv": 'month,rep,won,revenue\n2027-02," Ana ",10,100000\n',
    };
    const run = await runIn(folderWith(files), ["track", "quotas.csv", "actuals.csv", "--ratios", "ratios.csv", "--reps", "reps.csv", ...RATES, "--format", "csv"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("2027-02,revenue,100000,100000,0,100,on_track");
  });

  it("a lead history's product of only spaces is no product, as an empty cell is", async () => {
    const history = (product: string) =>
      ["created,product,qualified_on,closed_on,outcome,amount", `2026-01-05,${product},2026-01-10,2026-02-01,won,15000`, "2026-01-06,Platform,2026-01-12,,lost,", ""].join("\n");
    const args = ["calibrate", "history.csv", "--format", "csv"];
    const blank = await runIn(folderWith({ "history.csv": history('" "') }), args);
    const empty = await runIn(folderWith({ "history.csv": history("") }), args);
    expect(blank).toMatchObject({ code: 0, stderr: empty.stderr });
    expect(blank.stdout).toBe(empty.stdout);
  });
});
