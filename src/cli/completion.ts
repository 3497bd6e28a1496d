import { Argument, Command, Help, type Option } from "commander";
import { type CompletionFlag, type CompletionModel, type Completes, SHELLS, type Shell, completionScript } from "../render/completion.js";
import type { CliEnvironment } from "./environment.js";

const EXAMPLES = `
Examples:
  $ eval "$(leadplan completion bash)"   (in ~/.bashrc)
  $ eval "$(leadplan completion zsh)"    (in ~/.zshrc, after compinit)
  $ leadplan completion fish > ~/.config/fish/completions/leadplan.fish

Exit codes: 0 script written; 2 a shell that is not bash, zsh or fish.`;

/** `leadplan completion bash|zsh|fish`: a completion script, read from the commands themselves. */
export function completionCommand(environment: CliEnvironment): Command {
  return new Command("completion")
    .summary("print a shell completion script (bash, zsh, fish)")
    .description("Print a completion script for the shell: commands, each command's flags, the choices of flags such as --format and --by, and file names for files.")
    .addArgument(new Argument("<SHELL>", "the shell").choices(SHELLS))
    .addHelpText("after", EXAMPLES)
    .action((shell: Shell, _flags: unknown, command: Command) => {
      const program = command.parent;
      if (program === null) throw new Error("completion runs as a command of the program");
      environment.stdout(completionScript(completionModel(program), shell));
    });
}

const help = new Help();

/**
 * The program's commands and the flags help shows for each (not those it hides), read from
 * commander, so the script never lags behind a flag. A value named FILE (or DIR) completes to
 * file (folder) names, one with choices to them; the arguments of a command to its choices, or files.
 */
export function completionModel(program: Command): CompletionModel {
  const commands = program.commands.filter((command) => command.name() !== "help");
  return {
    program: program.name(),
    flags: help.visibleOptions(program).map(flagOf),
    commands: commands.map((command) => {
      const [first] = command.registeredArguments;
      const operands: Completes =
        first?.argChoices !== undefined ? { kind: "choice", words: first.argChoices } : first?.name() === "DIR" ? { kind: "folder" } : { kind: "file" };
      return { name: command.name(), summary: command.summary() || command.description(), flags: help.visibleOptions(command).map(flagOf), operands };
    }),
  };
}

function flagOf(option: Option): CompletionFlag {
  const flag: CompletionFlag = { description: option.description };
  if (option.long !== undefined) flag.long = option.long;
  if (option.short !== undefined) flag.short = option.short;
  // An optional value (`--excel [LOCALE]`) is left to the word after it: that is usually a file.
  if (option.required) flag.value = valueOf(option);
  return flag;
}

function valueOf(option: Option): Completes {
  if (option.argChoices !== undefined) return { kind: "choice", words: option.argChoices };
  const placeholder = /[<[]([^>\]]+)[>\]]/.exec(option.flags)?.[1] ?? "value";
  if (placeholder === "FILE") return { kind: "file" };
  if (placeholder === "DIR") return { kind: "folder" };
  return { kind: "any", placeholder };
}
