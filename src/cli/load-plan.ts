import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { SegmentInput } from "../core/plan.js";
import { readCycles } from "../io/cycles.js";
import { checkOutputPath, readTextFile } from "../io/files.js";
import { InputError, type InputIssue } from "../io/input-issue.js";
import { type QuotaFile, readQuotas } from "../io/quotas.js";
import { readRatios } from "../io/ratios.js";
import type { LocatedAssumptions } from "../io/scoped-table.js";
import { assignAssumptions } from "../io/segments.js";
import { CONFIG_FILE, type ComputeSettings, type RawSettings, resolveSettings } from "../io/settings.js";
import type { CliEnvironment } from "./environment.js";
import type { PlanFlags } from "./plan-options.js";

/** Everything a planning command has read and checked before it plans. */
export interface LoadedPlan {
  settings: ComputeSettings;
  quotas: QuotaFile;
  segments: SegmentInput[];
  warnings: InputIssue[];
  /** Every file read (as the user named it), which `--out` must not replace. */
  inputs: string[];
  /** Reads another input file the same way (for a command's own extra files). */
  read: (path: string) => { name: string; content: string };
}

async function loadConfig(flags: PlanFlags, environment: CliEnvironment): Promise<{ values: RawSettings | undefined; file: string }> {
  if (flags.config === false) return { values: undefined, file: CONFIG_FILE };
  if (flags.config === "-") {
    throw new InputError({ code: "option.invalid", file: "--config", expected: "a file: only QUOTAS may read standard input", found: "-" });
  }
  const file = flags.config ?? CONFIG_FILE;
  const path = resolve(environment.cwd, file);
  if (flags.config === undefined && !existsSync(path)) return { values: undefined, file };
  // zod is loaded only when there is a config to check: it is the slowest import of all.
  const { readConfig } = await import("../io/config-reader.js");
  return { values: readConfig(path, file), file };
}

/**
 * Validates the options (flags, then config, then built-ins), checks `--out` against every input
 * before reading any, then reads the quotas, the ratio and cycle files, and gives every quota
 * segment its assumptions. `extraInputs` are a command's own files, checked against `--out` too.
 */
export async function loadPlan(quotasPath: string, flags: PlanFlags, environment: CliEnvironment, extraInputs: readonly string[] = []): Promise<LoadedPlan> {
  const config = await loadConfig(flags, environment);
  const settings = resolveSettings(flags, config.values, config.file);
  for (const name of ["ratios", "cycles"] as const) {
    if (settings[name] !== "-") continue;
    const expected = "a file: only QUOTAS may read standard input";
    throw new InputError(
      flags[name] === "-"
        ? { code: "option.invalid", file: `--${name}`, expected, found: "-" }
        : { code: "config.invalid", file: config.file, column: name, expected, found: "-" },
    );
  }
  const inputs = [quotasPath, settings.ratios, settings.cycles, config.values === undefined ? undefined : config.file, ...extraInputs].filter(
    (path): path is string => path !== undefined,
  );
  if (flags.out !== undefined) checkOutputPath(flags.out, environment.cwd, inputs);
  const read = (path: string) => readTextFile(path, environment.cwd, environment.readStdin);

  const quotasInput = read(quotasPath);
  const quotas = readQuotas(quotasInput.content, quotasInput.name);
  const warnings: InputIssue[] = [...quotas.warnings];
  const scoped: LocatedAssumptions[] = [];
  for (const [path, reader] of [
    [settings.ratios, readRatios],
    [settings.cycles, readCycles],
  ] as const) {
    if (path === undefined) continue;
    const input = read(path);
    const file = reader(input.content, input.name);
    scoped.push(...file.rows);
    warnings.push(...file.warnings);
  }
  const assigned = assignAssumptions(quotas, scoped, settings);
  warnings.push(...assigned.warnings);
  return { settings, quotas, segments: assigned.segments, warnings, inputs, read };
}
