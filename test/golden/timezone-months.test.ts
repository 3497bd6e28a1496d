import { describe, expect, it } from "vitest";
import { runBin } from "./run-bin.js";

// Months written as spreadsheets write them are read from their text alone, never through a Date
// of the machine's zone: a first or last day of a month stays in its month everywhere.
const settings = [
  { TZ: "UTC", LANG: "C" },
  { TZ: "America/Los_Angeles", LANG: "en_US.UTF-8" },
  { TZ: "Pacific/Kiritimati", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8" },
  { TZ: "Pacific/Pago_Pago", LANG: "fr_FR.UTF-8" },
];
const args = ["compute", "-", "--deal-size", "1000", "--close-rate", "50%", "--qualify-rate", "50%", "--cycle-months", "0", "--surge", "0", "--cost-per-inquiry", "10", "--format", "csv"];
const expected = "month,quota,deals,qualified_leads,inquiries,surge_inquiries,budget\n2027-01,100000,100,200,400,0,4000\n2027-02,100000,100,200,400,0,4000\n2027-03,100000,100,200,400,0,4000\n";

describe("month spellings do not depend on the machine's time zone or locale", () => {
  it.each([
    ["Excel months", "month,quota\nJan-27,100000\nFebruary 2027,100000\n2027/03,100000\n", []],
    ["ISO date-times at midnight", "month,quota\n2027-01-01T00:00:00,100000\n2027-02-28T23:59:59,100000\n2027-03-01 00:00,100000\n", []],
    ["day-first dates", "month,quota\n01/01/2027,100000\n28/02/2027,100000\n31/03/2027,100000\n", ["--date-format", "dd/MM/yyyy"]],
    ["month-first dates", "month,quota\n01/31/2027,100000\n02/01/2027,100000\n03/31/2027,100000\n", ["--date-format", "MM/dd/yyyy"]],
    ["wide Excel month columns", "rep,Jan-27,Feb-27,Mar-27\n,100000,100000,100000\n", []],
  ])("reads %s as the same months everywhere", (_name, quotas, flags) => {
    for (const env of settings) {
      const output = runBin([...args, ...flags], { stdin: quotas, env });
      expect([output.status, output.stderr, output.stdout]).toStrictEqual([0, "", expected]);
    }
  });
});
