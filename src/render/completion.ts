/** A command line's shape, as a completion script needs it: read from the commander program (src/cli/completion.ts). */
export interface CompletionModel {
  program: string;
  /** Flags of the program itself (`--version`, `--help`). */
  flags: readonly CompletionFlag[];
  commands: readonly CompletionCommand[];
}

export interface CompletionCommand {
  name: string;
  summary: string;
  flags: readonly CompletionFlag[];
  /** What the positional arguments complete to: files, folders, or one of some words. */
  operands: Completes;
}

export interface CompletionFlag {
  long?: string;
  short?: string;
  description: string;
  /** Undefined for a switch; else what its value completes to. */
  value?: Completes;
}

/** What a word completes to: a file, a folder, one of some choices, or anything (no suggestion). */
export type Completes = { kind: "file" } | { kind: "folder" } | { kind: "choice"; words: readonly string[] } | { kind: "any"; placeholder: string };

export const SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

/** The completion script for `shell`: source it (see README.md, Shell completion). */
export function completionScript(model: CompletionModel, shell: Shell): string {
  switch (shell) {
    case "bash":
      return bashScript(model);
    case "zsh":
      return zshScript(model);
    case "fish":
      return fishScript(model);
  }
}

const spellings = (flag: CompletionFlag) => [flag.short, flag.long].filter((text): text is string => text !== undefined);
/** A word for a shell script, in single quotes: `it's` → `'it'\''s'`. */
const quoted = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();
const identifier = (name: string) => name.replace(/[^A-Za-z0-9]/g, "_");

function bashCompletes(completes: Completes): string {
  switch (completes.kind) {
    case "file":
      return `compopt -o filenames 2>/dev/null; COMPREPLY=( $(compgen -f -- "$cur") )`;
    case "folder":
      return `compopt -o filenames 2>/dev/null; COMPREPLY=( $(compgen -d -- "$cur") )`;
    case "choice":
      return `COMPREPLY=( $(compgen -W ${quoted(completes.words.join(" "))} -- "$cur") )`;
    case "any":
      return "COMPREPLY=()";
  }
}

function bashScript(model: CompletionModel): string {
  const name = identifier(model.program);
  const top = [...model.commands.map((command) => command.name), ...model.flags.flatMap(spellings)].join(" ");
  const cases = model.commands.map((command) => {
    const valued = command.flags.filter((flag) => flag.value !== undefined);
    const values = valued.map((flag) => `        ${spellings(flag).join("|")}) ${bashCompletes(flag.value as Completes)}; return ;;`);
    return [
      `    ${command.name})`,
      ...(values.length === 0 ? [] : ['      case "$prev" in', ...values, "      esac"]),
      `      if [[ "$cur" == -* ]]; then COMPREPLY=( $(compgen -W ${quoted(command.flags.flatMap(spellings).join(" "))} -- "$cur") ); else ${bashCompletes(command.operands)}; fi`,
      "      ;;",
    ].join("\n");
  });
  return `# ${model.program} completion for bash: add to ~/.bashrc
#   eval "$(${model.program} completion bash)"
_${name}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=( $(compgen -W ${quoted(top)} -- "$cur") )
    return
  fi
  case "\${COMP_WORDS[1]}" in
${cases.join("\n")}
  esac
}
complete -F _${name} ${model.program}
`;
}

/** A description inside a zsh `_arguments` spec, where brackets and colons end fields. */
const zshText = (text: string) => oneLine(text).replace(/\\/g, "\\\\").replace(/([[\]:])/g, "\\$1");

function zshCompletes(completes: Completes, placeholder = "value"): string {
  switch (completes.kind) {
    case "file":
      return `:${placeholder}:_files`;
    case "folder":
      return `:${placeholder}:_files -/`;
    case "choice":
      return `:${placeholder}:(${completes.words.join(" ")})`;
    case "any":
      return `:${completes.placeholder}: `;
  }
}

function zshScript(model: CompletionModel): string {
  const name = identifier(model.program);
  const described = model.commands.map((command) => `    ${quoted(`${command.name}:${oneLine(command.summary).replace(/:/g, "\\:")}`)}`);
  const cases = model.commands.map((command) => {
    const specs = command.flags.flatMap((flag) =>
      spellings(flag).map((spelling) => `        ${quoted(`${spelling}[${zshText(flag.description)}]${flag.value === undefined ? "" : zshCompletes(flag.value, "value")}`)}`),
    );
    return [`    ${command.name})`, "      _arguments -s \\", ...specs.map((spec) => `${spec} \\`), `        ${quoted(`*${zshCompletes(command.operands, "file")}`)}`, "      ;;"].join("\n");
  });
  return `#compdef ${model.program}
# ${model.program} completion for zsh: add to ~/.zshrc, after compinit
#   eval "$(${model.program} completion zsh)"
_${name}() {
  local -a commands
  commands=(
${described.join("\n")}
  )
  if (( CURRENT == 2 )); then
    _describe command commands
    return
  fi
  case $words[2] in
${cases.join("\n")}
  esac
}
compdef _${name} ${model.program}
`;
}

/** A word for fish, in single quotes (fish escapes only `\\` and `'` there). */
const fishQuoted = (text: string) => `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

function fishCompletes(completes: Completes): string {
  switch (completes.kind) {
    case "file":
      return " -r -F";
    case "folder":
      return ` -r -x -a '(__fish_complete_directories)'`;
    case "choice":
      return ` -x -a ${fishQuoted(completes.words.join(" "))}`;
    case "any":
      return " -x";
  }
}

function fishScript(model: CompletionModel): string {
  const p = model.program;
  const lines = [`# ${p} completion for fish: save as ~/.config/fish/completions/${p}.fish`, `#   ${p} completion fish > ~/.config/fish/completions/${p}.fish`, `complete -c ${p} -f`];
  for (const command of model.commands) lines.push(`complete -c ${p} -n __fish_use_subcommand -a ${command.name} -d ${fishQuoted(oneLine(command.summary))}`);
  for (const command of model.commands) {
    const when = `-n ${fishQuoted(`__fish_seen_subcommand_from ${command.name}`)}`;
    for (const flag of command.flags) {
      const names = [flag.short === undefined ? "" : ` -s ${flag.short.slice(1)}`, flag.long === undefined ? "" : ` -l ${flag.long.slice(2)}`].join("");
      lines.push(`complete -c ${p} ${when}${names}${flag.value === undefined ? "" : fishCompletes(flag.value)} -d ${fishQuoted(oneLine(flag.description))}`);
    }
    const operands = command.operands.kind === "file" ? " -F" : fishCompletes(command.operands).replace(" -r", "");
    lines.push(`complete -c ${p} ${when}${operands}`);
  }
  return `${lines.join("\n")}\n`;
}
