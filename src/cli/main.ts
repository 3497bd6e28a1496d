import { Command, CommanderError } from "commander";
import { InputError, printable } from "../io/input-issue.js";
import { CheckFailed } from "./check-failed.js";
import type { ConfigFlags } from "./config-flags.js";
import type { CliEnvironment } from "./environment.js";
import { exitCodeFor } from "./exit-code.js";
import { ownFlagsFirst } from "./help-groups.js";

export const VERSION = "0.1.0";

type CommandFactory = (environment: CliEnvironment) => Command;

/**
 * Each command in the order help lists them, loaded on demand: a run imports only the command it
 * names (and so only the libraries that command needs), which keeps startup near bare Node's.
 * Help, and a name that is no command, load them all.
 */
const COMMANDS: Record<string, () => Promise<CommandFactory>> = {
  compute: async () => (await import("./compute.js")).computeCommand,
  track: async () => (await import("./track.js")).trackCommand,
  calibrate: async () => (await import("./calibrate.js")).calibrateCommand,
  scenarios: async () => (await import("./scenarios.js")).scenariosCommand,
  init: async () => (await import("./init.js")).initCommand,
  completion: async () => (await import("./completion.js")).completionCommand,
};

async function commandsFor(args: readonly string[]): Promise<CommandFactory[]> {
  // The completion script is read from every command, so `completion` loads them all.
  const named = args[0] !== undefined && args[0] !== "completion" && Object.hasOwn(COMMANDS, args[0]) ? [args[0]] : Object.keys(COMMANDS);
  return Promise.all(named.map((name) => (COMMANDS[name] as () => Promise<CommandFactory>)()));
}

/**
 * Runs one command line and returns its exit code. Nothing here exits the process or touches
 * stdout directly, so tests run the whole CLI in-process.
 */
export async function runCli(environment: CliEnvironment): Promise<number> {
  // Usage errors follow the one-line rule of every other error: `leadplan: …` with a pointer to help.
  const output = (commandName: string) => ({
    writeOut: environment.stdout,
    writeErr: environment.stderr,
    outputError: (message: string, write: (text: string) => void) => {
      // The message may echo what was typed (`unknown option '--x…'`): escaped and bounded like every other.
      const oneLine = printable(message.replace(/^error: /, "").replace(/\s*\n\s*/g, " ").trim(), 1000);
      write(`leadplan: ${oneLine} (see '${commandName} --help')\n`);
    },
  });
  const program = new Command("leadplan")
    .description("Work the sales funnel backward: from quota to the inquiries and qualified leads marketing must generate each month.")
    .version(VERSION, "-V, --version")
    .configureOutput(output("leadplan"))
    .exitOverride()
    .addHelpText(
      "after",
      "\nExamples:\n  $ leadplan init plan && cd plan && leadplan compute quotas.csv   (template files to start from)\n" +
        "  $ leadplan compute examples/quotas.csv --ratios examples/ratios.csv --cycles examples/cycles.csv",
    );
  for (const factory of await commandsFor(environment.args)) program.addCommand(factory(environment));
  for (const command of program.commands) {
    ownFlagsFirst(command.configureOutput(output(`leadplan ${command.name()}`)).exitOverride());
  }
  // Before the action runs: the config's keys become the values of the flags the command line left out.
  let fromConfig: ConfigFlags | undefined;
  program.hook("preAction", async (_program, command) => {
    // Loaded only by a command that reads a config: `--version`, init and completion do not pay for it.
    if (command.options.some((option) => option.long === "--config")) fromConfig = await (await import("./config-flags.js")).applyConfigFlags(command, environment);
  });
  try {
    await program.parseAsync([...environment.args], { from: "user" });
    return exitCodeFor("done");
  } catch (thrown) {
    // A value the config gave is named as its key in the config file, not as the flag it stands for.
    const error = fromConfig === undefined ? thrown : fromConfig.relabel(thrown);
    // A check that failed has printed its report already: one closing line says what failed and why it exits 1.
    if (error instanceof CheckFailed) {
      environment.stderr(`leadplan: ${printable(error.message, 1000)}\n`);
      return exitCodeFor("check-failed");
    }
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
