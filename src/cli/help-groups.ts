import { type Command, Help, type Option } from "commander";

/**
 * The headings of the flags several commands share, in the order help lists them, after the
 * command's own flags (commander's `Options:`, with `-h`).
 */
export const HELP_GROUPS = {
  own: "Options:",
  assumptions: "Assumptions:",
  capacity: "Capacity (a team to check the plan against):",
  reading: "Reading files:",
  output: "Output:",
  config: "Config file:",
} as const;

const ORDER: readonly string[] = Object.values(HELP_GROUPS);
// groupItems keeps no state: one plain Help does the grouping, then the groups are put in order.
const HELP = new Help();

/**
 * Adds flags under `heading` and goes back to the heading in force before, so a helper that adds
 * shared flags (`--encoding`) files them under its heading in any command that calls it.
 */
export function inHelpGroup<C extends Command>(command: C, heading: string, add: (command: C) => unknown): C {
  const previous = command.optionsGroup();
  command.optionsGroup(heading);
  add(command);
  // An empty heading is commander's "none": later flags are the command's own again.
  command.optionsGroup(previous);
  return command;
}

/** Help with the command's own flags first, then the shared groups in the order of HELP_GROUPS. */
export function ownFlagsFirst(command: Command): Command {
  return command.configureHelp({
    groupItems<T extends Command | Option>(unsorted: T[], visible: T[], groupOf: (item: T) => string): Map<string, T[]> {
      const groups = HELP.groupItems(unsorted, visible, groupOf);
      const rank = (heading: string) => (ORDER.includes(heading) ? ORDER.indexOf(heading) : ORDER.length);
      return new Map([...groups].filter(([, items]) => items.length > 0).sort(([a], [b]) => rank(a) - rank(b)));
    },
  });
}

/**
 * Leaves out of help the shared flags a command refuses (`--view` on track and scenarios: they
 * refuse anything but its default); the command still reads them, to refuse them in one line.
 */
export function hideRefused(command: Command, longs: readonly string[]): Command {
  for (const option of command.options) if (option.long !== undefined && longs.includes(option.long)) option.hideHelp();
  return command;
}
