import { afterAll, describe, expect, it } from "vitest";
import { compute, removeFolders } from "./harness.js";

afterAll(removeFolders);

// 40 units due in 2027-03 at 10 units a deal: 4 deals; 25% close: 16 qualified leads a month earlier.
const ASSUME = ["--units-per-deal", "10", "--close-rate", "25%", "--qualify-rate", "10%", "--cycle-months", "1", "--surge", "0"];

describe("quotas in units: the units stand next to the quota", () => {
  it("a units-only plan reads units 40, 4 deals in CSV (no quota in money: empty)", async () => {
    const run = await compute({ "quotas.csv": "month,units\n2027-03,40\n" }, ["quotas.csv", ...ASSUME, "--format", "csv"]);
    expect(run.stdout).toBe("month,quota,units,deals,qualified_leads,inquiries,surge_inquiries,budget\n2027-02,,0,0,16,160,0,\n2027-03,,40,4,0,0,0,\n");
  });

  it("shows them in the table too", async () => {
    const run = await compute({ "quotas.csv": "month,units\n2027-03,40\n" }, ["quotas.csv", ...ASSUME]);
    expect(run.stdout.split("\n")[1]).toBe("│ Month   │ Quota │ Units │ Deals │ Qualified leads │ Inquiries │ Surge inquiries │ Budget │");
  });

  it("a quota file without units keeps its columns", async () => {
    const run = await compute({ "quotas.csv": "month,quota\n2027-03,40000\n" }, ["quotas.csv", ...ASSUME, "--deal-size", "10000", "--format", "csv"]);
    expect(run.stdout.split("\n")[0]).toBe("month,quota,deals,qualified_leads,inquiries,surge_inquiries,budget");
  });
});
