import { type Command, Option } from "commander";
import { HELP_GROUPS, inHelpGroup } from "./help-groups.js";

/** `--decimal-comma` / `--decimal-point`, as commander gives them. */
export interface DecimalFlags {
  decimalComma?: boolean;
  decimalPoint?: boolean;
}

/**
 * The flags that state the decimal mark of every input file and number flag, for files that do
 * not reveal it themselves (`75.000` alone reads two ways).
 */
export function addDecimalMarkOptions(command: Command): Command {
  return inHelpGroup(command, HELP_GROUPS.reading, (group) =>
    group
      .addOption(new Option("--decimal-comma", "numbers in every file and flag use a decimal comma: 1.200.000,50 and 12,5% (--vary lists then use ;)").conflicts("decimalPoint"))
      .option("--decimal-point", "numbers in every file and flag use a decimal point: 1,200,000.50 and 12.5%"),
  );
}

/** The mark the flags state, in the config's spelling (`comma`, `point`), or undefined. */
export function decimalMarkOfFlags(flags: DecimalFlags): string | undefined {
  if (flags.decimalComma === true) return "comma";
  return flags.decimalPoint === true ? "point" : undefined;
}
