import { describe, expect, it } from "vitest";
import { runBin } from "./run-bin.js";

// Months are integers, never Dates, and numbers are formatted without the locale: the same
// inputs must give the same bytes on a machine in any time zone or language.
const settings = [
  { TZ: "UTC", LANG: "C" },
  { TZ: "America/Los_Angeles", LANG: "en_US.UTF-8" },
  { TZ: "Pacific/Kiritimati", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8" },
  { TZ: "Asia/Kolkata", LANG: "fr_FR.UTF-8" },
];
const examples = ["compute", "examples/quotas.csv", "--ratios", "examples/ratios.csv", "--cycles", "examples/cycles.csv"];

describe("output does not depend on the machine's time zone or locale", () => {
  it.each(["table", "csv", "json", "markdown"])("%s output is byte-identical everywhere", (format) => {
    const outputs = settings.map((env) => runBin([...examples, "--format", format, "--by", "segment"], { env }));
    for (const output of outputs) {
      expect(output.status).toBe(0);
      expect(output.stdout).toBe(outputs[0]?.stdout);
    }
    expect(outputs[0]?.stdout.length).toBeGreaterThan(500);
  });

  it("reads a date at a month boundary as its own month in every time zone", () => {
    const quotas = "month,quota\n2027-03-01,100000\n2027-04-30,100000\n";
    const args = ["compute", "-", "--deal-size", "1000", "--close-rate", "50%", "--qualify-rate", "50%", "--cycle-months", "0", "--surge", "0", "--format", "csv"];
    for (const env of settings) {
      const output = runBin(args, { stdin: quotas, env });
      expect(output.stdout).toBe("month,quota,deals,qualified_leads,inquiries,surge_inquiries,budget\n2027-03,100000,100,200,400,0,\n2027-04,100000,100,200,400,0,\n");
    }
  });
});
