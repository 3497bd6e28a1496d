import { existsSync, mkdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { Command } from "commander";
import { InputError } from "../io/input-issue.js";
import { commitOutputs } from "../io/output-commit.js";
import { TEMPLATES } from "../io/templates.js";
import type { CliEnvironment } from "./environment.js";

const EXAMPLES = `
Examples:
  $ leadplan init plan && cd plan && leadplan compute quotas.csv
  $ leadplan track quotas.csv actuals.csv --reps reps.csv   (in the folder init wrote)
  $ leadplan init . --force   (write the templates over the ones here)

Exit codes: 0 files written; 2 a file is there already (without --force) or cannot be written:
one line on stderr, nothing written.`;

/** `leadplan init [DIR]`: template input files that compute runs on as written. */
export function initCommand(environment: CliEnvironment): Command {
  return new Command("init")
    .summary("write template input files (quotas, ratios, cycles, reps, actuals, config) to start from")
    .description(
      `Write ${TEMPLATES.map((template) => template.file).join(", ")} into DIR (made if missing), each with a header and ` +
        "two example rows: `leadplan compute quotas.csv` runs on them as written (the config names the ratio and cycle files). " +
        "Replace the rows with your own. Files that are there already are not overwritten without --force.",
    )
    .argument("[DIR]", "folder to write into", ".")
    .option("--force", "overwrite template files that are there already")
    .addHelpText("after", EXAMPLES)
    .action(async (dir: string, flags: { force?: boolean }) => {
      const folder = resolve(environment.cwd, dir);
      if (existsSync(folder) && !statSync(folder).isDirectory()) {
        throw new InputError({ code: "option.invalid", file: dir, expected: "a folder to write the templates into, found a file" });
      }
      const files = TEMPLATES.map((template) => ({ flag: "DIR", path: join(dir, template.file), content: template.content }));
      // Checked for every file before any is written: a refused run leaves the folder as it was.
      const there = files.find((file) => existsSync(resolve(environment.cwd, file.path)));
      if (there !== undefined && flags.force !== true) {
        throw new InputError({ code: "file.unwritable", file: there.path, expected: "already there: expected a folder without these files", hint: "--force overwrites them" });
      }
      mkdirSync(folder, { recursive: true });
      await commitOutputs(files, environment.cwd);
      const cd = dir === "." ? "" : `cd ${/^[\w./-]+$/.test(dir) ? dir : `'${dir.replace(/'/g, `'\\''`)}'`} && `;
      environment.stdout(`wrote ${files.map((file) => file.path).join(", ")}\nnext: ${cd}leadplan compute quotas.csv\n`);
    });
}
