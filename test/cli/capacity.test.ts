import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compute, filesIn, removeFolders } from "./harness.js";

afterAll(removeFolders);

// $10,000 deals, 50% close, 25% qualify, a 1-month cycle, no surge: $10,000 due in month M needs
// 2 qualified leads and 8 inquiries in M-1.
const ASSUME = ["--deal-size", "10000", "--close-rate", "50%", "--qualify-rate", "25%", "--cycle-months", "1", "--surge", "0", "--cost-per-inquiry", "10"];
// Ana: $260,000 due in February → 52 leads and 208 inquiries in January. Ben: $100,000 → 20 and 80.
const QUOTAS = "month,rep,quota\n2027-02,Ana,260000\n2027-02,Ben,100000\n";
const REPS = "rep,capacity,inquiry_capacity\nAna,30,150\nBen,50,300\n";
const FILES = { "quotas.csv": QUOTAS, "reps.csv": REPS };

const OVERLOAD = [
  "warning: 2027-01: Ana must work 52 qualified leads, capacity 30 (173%)\n",
  "warning: 2027-01: Ana must follow up 208 inquiries, capacity 150 (139%)\n",
].join("");
/** The closing line of a run --strict fails. */
const STRICT_SUMMARY = "leadplan: 1 capacity warning, 1 inquiry-capacity warning; exit 1 (--strict)\n";

describe("compute --reps", () => {
  it("prints the plan, then the capacity per rep and the team, and warns of every overload", async () => {
    const run = await compute(FILES, ["quotas.csv", ...ASSUME, "--reps", "reps.csv"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(OVERLOAD);
    const capacity = run.stdout.slice(run.stdout.indexOf("Capacity (reps.csv)"));
    expect(capacity).toContain("│ 2027-01 │ Ana │      100% │            52 ! │       30 │ 173% ! │     208 ! │                150 │      139% ! │");
    expect(capacity).toContain("│ 2027-01 │ Ben │      100% │              20 │       50 │    40% │        80 │                300 │         27% │");
    // Team: 72 leads against 80 (90%), yet Ana is 22 over: ⌈22 / 40⌉ = 1 extra rep (average of 30 and 50).
    expect(capacity).toContain("│ 2027-01 │              72 │       80 │ 90% │ 22 ! │        1 ! │       288 │                450 │         64% │             1 ! │");
    expect(capacity).toContain("Extra reps: leads over each rep's capacity ÷ 40 (the team's average full-month capacity), rounded up; most in a month: 1.");
  });

  it("with --strict, exits 1 after printing the whole report", async () => {
    const plain = await compute(FILES, ["quotas.csv", ...ASSUME, "--reps", "reps.csv"]);
    const strict = await compute(FILES, ["quotas.csv", ...ASSUME, "--reps", "reps.csv", "--strict"]);
    expect({ code: strict.code, stdout: strict.stdout, stderr: strict.stderr }).toStrictEqual({ code: 1, stdout: plain.stdout, stderr: OVERLOAD + STRICT_SUMMARY });
  });

  it("with --strict, exits 0 when the team can follow up every lead", async () => {
    const run = await compute({ ...FILES, "reps.csv": "rep,capacity\nAna,60\nBen,20\n" }, ["quotas.csv", ...ASSUME, "--reps", "reps.csv", "--strict"]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
  });

  it("with --strict and --out, writes the report and still exits 1", async () => {
    const run = await compute(FILES, ["quotas.csv", ...ASSUME, "--reps", "reps.csv", "--strict", "--format", "csv", "--out", "plan.csv"]);
    expect([run.code, run.stdout, run.stderr]).toEqual([1, "", OVERLOAD + STRICT_SUMMARY]);
    expect(readFileSync(join(run.dir, "plan.csv"), "utf8")).toBe("month,quota,deals,qualified_leads,inquiries,surge_inquiries,budget\n2027-01,0,0,72,288,0,2880\n2027-02,360000,36,0,0,0,0\n");
  });

  it("keeps the plan CSV as it is, the warnings on stderr", async () => {
    const without = await compute(FILES, ["quotas.csv", ...ASSUME, "--format", "csv"]);
    const run = await compute(FILES, ["quotas.csv", ...ASSUME, "--format", "csv", "--reps", "reps.csv"]);
    expect([run.stdout, run.stderr]).toEqual([without.stdout, OVERLOAD]);
  });

  it("gives the capacity per rep and month as CSV with --view capacity", async () => {
    const run = await compute(FILES, ["quotas.csv", ...ASSUME, "--format", "csv", "--reps", "reps.csv", "--view", "capacity"]);
    expect(run.stdout).toBe(
      [
        "month,rep,availability,qualified_leads,capacity,utilisation,over,placed,moved_in,moved_out,at_risk,at_risk_deals,at_risk_quota,inquiries,placed_inquiries,inquiry_capacity,inquiry_utilisation,inquiry_over",
        "2027-01,Ana,1,52,30,1.733333,true,52,0,0,0,0,0,208,208,150,1.386667,true",
        "2027-01,Ben,1,20,50,0.4,false,20,0,0,0,0,0,80,80,300,0.266667,false",
        "2027-02,Ana,1,0,30,0,false,0,0,0,0,0,0,0,0,150,0,false",
        "2027-02,Ben,1,0,50,0,false,0,0,0,0,0,0,0,0,300,0,false",
        "",
      ].join("\n"),
    );
  });

  it("gives the team per month as CSV with --view team", async () => {
    const run = await compute(FILES, ["quotas.csv", ...ASSUME, "--format", "csv", "--reps", "reps.csv", "--view", "team"]);
    expect(run.stdout.split("\n").slice(0, 2)).toEqual([
      "month,qualified_leads,capacity,utilisation,excess,extra_reps,placed,moved,at_risk,at_risk_deals,at_risk_quota,inquiries,placed_inquiries,inquiry_capacity,inquiry_utilisation,inquiry_excess,extra_follow_up",
      "2027-01,72,80,0.9,22,1,72,0,0,0,0,288,288,450,0.64,58,1",
    ]);
  });

  it("adds a capacity object and the warnings to the JSON, and nothing without a team", async () => {
    const run = await compute(FILES, ["quotas.csv", ...ASSUME, "--format", "json", "--reps", "reps.csv", "--respect-capacity"]);
    const document = JSON.parse(run.stdout) as { capacity: Record<string, unknown>; warnings: string[] };
    // Respecting capacity: January is the plan's first month, so Ana's 22 excess leads fit nowhere:
    // 22 × 50% = 11 deals × $10,000 = $110,000 of quota at risk.
    expect(document.capacity).toMatchObject({
      source: "reps.csv",
      respect_capacity: true,
      average_capacity: 40,
      totals: { qualified_leads: 72, placed: 50, moved: 0, at_risk: 22, at_risk_deals: 11, at_risk_quota: 110_000, peak_extra_reps: 1, peak_extra_follow_up: 0 },
    });
    expect(document.warnings).toEqual(["2027-01: Ana must work 52 qualified leads, capacity 30 (173%): 22 fit in no earlier month, quota at risk 110,000"]);
    const plain = await compute(FILES, ["quotas.csv", ...ASSUME, "--format", "json"]);
    expect(Object.keys(JSON.parse(plain.stdout) as object)).not.toContain("capacity");
  });

  it("shares quota without a rep among --reps-count anonymous reps", async () => {
    // $300,000 → 60 leads over 3 reps of 25: 20 each (80%), none over.
    const run = await compute({ "quotas.csv": "month,quota\n2027-02,300000\n" }, ["quotas.csv", ...ASSUME, "--reps-count", "3", "--rep-capacity", "25", "--view", "capacity", "--format", "markdown"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("| 2027-01 | rep 3 | 100% | 20 | 25 | 80% |");
    expect(run.stderr).toBe("");
  });
});

describe("compute --reps refuses bad input, writing nothing", () => {
  async function expectRefused(files: Record<string, string>, args: string[], stderr: string): Promise<void> {
    const run = await compute(files, args);
    const contents = Object.fromEntries(filesIn(run.dir).map((name) => [name, readFileSync(join(run.dir, name), "utf8")]));
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr, contents }).toStrictEqual({ code: 2, stdout: "", stderr, contents: files });
  }

  it.each([
    [["--reps", "reps.csv", "--reps-count", "2"], "leadplan: option '--reps-count <N>' cannot be used with option '--reps <FILE>' (see 'leadplan compute --help')"],
    [["--reps", "reps.csv", "--rep-capacity", "2"], "leadplan: option '--rep-capacity <N>' cannot be used with option '--reps <FILE>' (see 'leadplan compute --help')"],
    [["--reps-count", "2"], "leadplan: --reps-count: a count without a capacity: expected --rep-capacity N too"],
    [["--rep-capacity", "30"], "leadplan: --rep-capacity: a capacity without a count: expected --reps-count N too"],
    [["--reps-count", "0", "--rep-capacity", "30"], 'leadplan: --reps-count: expected a whole number from 1 to 100,000, found "0"'],
    [["--reps-count", "2", "--rep-capacity", "none"], 'leadplan: --rep-capacity: expected a number of qualified leads above 0 and at most 1,000,000, like 30, found "none"'],
    [["--respect-capacity"], "leadplan: --respect-capacity: no reps to check against: expected --reps FILE, or --reps-count N with --rep-capacity N"],
    [["--strict"], "leadplan: --strict: no reps to check against: expected --reps FILE, or --reps-count N with --rep-capacity N"],
    [["--view", "team"], "leadplan: --view: no reps to check against: expected --reps FILE, or --reps-count N with --rep-capacity N"],
    [["--reps", "reps.csv", "--view", "reps"], "leadplan: option '--view <TABLE>' argument 'reps' is invalid. Allowed choices are plan, capacity, team. (see 'leadplan compute --help')"],
    [["--reps", "-"], 'leadplan: --reps: expected a file: only QUOTAS may read standard input, found "-"'],
    [["--reps", "nope.csv"], "leadplan: nope.csv: cannot read the file: no such file"],
    [["--reps", "reps.csv", "--out", "reps.csv"], 'leadplan: --out: expected an output file that is not one of the inputs, found "reps.csv"'],
  ])("refuses %j", async (flags, message) => {
    await expectRefused(FILES, ["quotas.csv", ...ASSUME, ...flags], `${message}\n`);
  });

  it("names the quota line of a rep the reps file does not list", async () => {
    await expectRefused(
      { ...FILES, "reps.csv": "rep,capacity\nAna,30\n" },
      ["quotas.csv", ...ASSUME, "--reps", "reps.csv"],
      'leadplan: quotas.csv:3: rep: expected a rep listed in reps.csv, found "Ben" (add a row for "Ben" to reps.csv)\n',
    );
  });

  it("names the quota line of a rep when the team is anonymous", async () => {
    await expectRefused(
      FILES,
      ["quotas.csv", ...ASSUME, "--reps-count", "2", "--rep-capacity", "30"],
      'leadplan: quotas.csv:2: rep: expected no rep name with --reps-count (its reps are anonymous), found "Ana" (name the reps in --reps FILE instead)\n',
    );
  });

  it("reports a bad value in the reps file at its line and column", async () => {
    await expectRefused(
      { ...FILES, "reps.csv": "rep,capacity,2027-01\nAna,30,1\nBen,50,120%\n" },
      ["quotas.csv", ...ASSUME, "--reps", "reps.csv", "--strict"],
      'leadplan: reps.csv:3: 2027-01: expected a share of the month from 0 to 1, like 0.5 or 50%, found "120%"\n',
    );
  });
});
