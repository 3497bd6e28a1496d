import { describe, expect, it } from "vitest";
import { runBin } from "./run-bin.js";

// The simulation's figures rest on a seeded generator and locale-free text: the same inputs and
// seed must give the same bytes on any machine, in any time zone and language.
const ARGS = ["compute", "examples/quotas.csv", "--config", "examples/leadplan.config.json", "--confidence", "90", "--trials", "2000"];

describe("compute --confidence under other time zones and locales", () => {
  it.each([
    { TZ: "Pacific/Kiritimati", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8" },
    { TZ: "America/St_Johns", LANG: "hi_IN.UTF-8", LC_ALL: "ar_EG.UTF-8" },
  ])("prints the same table and JSON under $TZ and $LC_ALL", (env) => {
    for (const format of ["table", "json"]) {
      const reference = runBin([...ARGS, "--format", format]);
      expect(reference.status).toBe(0);
      expect(runBin([...ARGS, "--format", format], { env })).toEqual(reference);
    }
  });

  it("gives other figures with another seed (the seed is used)", () => {
    const json = (seed: string) => runBin([...ARGS, "--format", "json", "--seed", seed]).stdout;
    expect(json("1")).not.toBe(json("2"));
  });
});
