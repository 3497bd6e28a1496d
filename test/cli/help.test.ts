import { afterAll, describe, expect, it } from "vitest";
import { folderWith, removeFolders, runIn } from "./harness.js";

afterAll(removeFolders);

const help = async (command: string) => (await runIn(folderWith({}), [command, "--help"])).stdout;
const HEADINGS = ["Options:", "Assumptions:", "Capacity (a team to check the plan against):", "Reading files:", "Output:", "Config file:"];

describe("each command's help", () => {
  it.each(["compute", "track", "scenarios"])("%s lists its own flags first, then the shared ones under headings", async (command) => {
    const text = await help(command);
    const at = HEADINGS.map((heading) => text.indexOf(`\n${heading}\n`));
    expect(at.every((position) => position > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const own = text.slice(at[0], at[1]);
    expect(own).toContain("--fail-on <LIST>");
    expect(own).toContain("-h, --help");
    expect(own).not.toContain("--ratios");
  });

  it("lists track's and scenarios' own flags before the shared ones", async () => {
    const track = await help("track");
    expect(track.indexOf("--tolerance")).toBeLessThan(track.indexOf("--ratios"));
    const scenarios = await help("scenarios");
    expect(scenarios.indexOf("--vary")).toBeLessThan(scenarios.indexOf("--ratios"));
  });

  it("leaves out --view where it is refused (track, scenarios), and keeps it in compute", async () => {
    expect(await help("track")).not.toContain("--view");
    expect(await help("scenarios")).not.toContain("--view");
    expect(await help("compute")).toContain("--view <TABLE>");
  });

  it.each([
    ["compute", "1 a check of --fail-on (or --strict) failed"],
    ["track", "1 a check of --fail-on failed (by default: behind"],
    ["scenarios", "1 with a team, a check of --fail-on (or --strict) failed"],
  ])("%s's exit codes say when it exits 1", async (command, line) => {
    expect((await help(command)).replace(/\s+/g, " ")).toContain(line);
  });

  it("names the checks each command takes in --fail-on's help", async () => {
    expect((await help("compute")).replace(/\s+/g, " ")).toContain("a comma list of capacity, inquiry-capacity, at-risk, vacation, or none (default: none; --strict adds every capacity check; vacation, reps away in surge months, only when named)");
    expect((await help("track")).replace(/\s+/g, " ")).toContain("a comma list of behind, follow-up, source, capacity, inquiry-capacity, at-risk, forecast, or none (default: behind;");
  });

  it("still refuses --view capacity on track in one line", async () => {
    const run = await runIn(folderWith({}), ["track", "q.csv", "a.csv", "--reps", "r.csv", "--view", "capacity"]);
    expect(run).toMatchObject({ code: 2, stderr: 'leadplan: --view: expected plan for track (its capacity tables print after the report), found "capacity"\n' });
  });
});
