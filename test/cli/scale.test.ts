import { afterAll, describe, expect, it } from "vitest";
import { compute, removeFolders } from "./harness.js";

afterAll(removeFolders);

const RATES = ["--deal-size", "500", "--close-rate", "20%", "--qualify-rate", "10%", "--cycle-months", "1", "--cost-per-inquiry", "1", "--no-config"];

describe("many names never overflow the stack (a spread of 150,000 items did)", () => {
  it("plans 150,000 reps by rep", async () => {
    const rows = Array.from({ length: 150_000 }, (_, index) => `2027-01,R${index},1000`).join("\n");
    const run = await compute({ "quotas.csv": `month,rep,quota\n${rows}\n` }, ["quotas.csv", ...RATES, "--by", "rep", "--format", "csv"]);
    expect([run.code, run.stderr]).toStrictEqual([0, ""]);
    expect(run.stdout.split("\n")).toHaveLength(150_002);
  }, 60_000);
});

describe("capacity warnings name the first rep-months and count the rest", () => {
  it("warns 20 rep-months one by one, then one line with the count", async () => {
    const run = await compute({ "quotas.csv": "month,quota\n2027-03,3000000\n" }, ["quotas.csv", ...RATES, "--surge", "0", "--reps-count", "30", "--rep-capacity", "1"]);
    const warnings = run.stderr.trimEnd().split("\n");
    expect(warnings).toHaveLength(21);
    expect(warnings[0]).toBe("warning: 2027-02: rep 1 must work 1,000 qualified leads, capacity 1 (100,000%)");
    expect(warnings[20]).toBe("warning: and 10 more rep-months over capacity (the capacity table, --view capacity, lists every one)");
  });
});
