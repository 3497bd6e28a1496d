import { Command, CommanderError } from "commander";
import { InputError } from "../io/input-issue.js";
import { computeCommand } from "./compute.js";
import type { CliEnvironment } from "./environment.js";
import { exitCodeFor } from "./exit-code.js";

export const VERSION = "0.1.0";

/**
 * Runs one command line and returns its exit code. Nothing here exits the process or touches
 * stdout directly, so tests run the whole CLI in-process.
 */
export async function runCli(environment: CliEnvironment): Promise<number> {
  const program = new Command("leadplan")
    .description("Work the sales funnel backward: from quota to the inquiries and qualified leads marketing must generate each month.")
    .version(VERSION, "-V, --version")
    .showHelpAfterError("(add --help for usage)")
    .configureOutput({ writeOut: environment.stdout, writeErr: environment.stderr })
    .exitOverride()
    .addCommand(computeCommand(environment));
  for (const command of program.commands) {
    command.configureOutput({ writeOut: environment.stdout, writeErr: environment.stderr }).exitOverride().showHelpAfterError("(add --help for usage)");
  }
  try {
    await program.parseAsync([...environment.args], { from: "user" });
    return exitCodeFor("done");
  } catch (error) {
    if (error instanceof InputError) {
      environment.stderr(`leadplan: ${error.message}\n`);
      return exitCodeFor("bad-input");
    }
    if (error instanceof CommanderError) {
      // Help and version end with code 0; every usage error is bad input.
      return error.exitCode === 0 ? exitCodeFor("done") : exitCodeFor("bad-input");
    }
    throw error;
  }
}
