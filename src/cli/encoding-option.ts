import { type Command, InvalidArgumentError } from "commander";
import { HELP_GROUPS, inHelpGroup } from "./help-groups.js";
import { ENCODINGS, type Encoding, parseEncoding } from "../io/text-encoding.js";

/** `--encoding`, which every command takes for every file it reads. */
export interface EncodingFlags {
  encoding?: Encoding;
}

function encodingArgument(text: string): Encoding {
  const parsed = parseEncoding(text);
  if (parsed.ok) return parsed.value;
  // Commander turns this into a one-line usage error naming the flag and the value.
  throw new InvalidArgumentError(`expected ${parsed.expected}`);
}

/** Adds `--encoding NAME`, checked (and its aliases resolved) before any file is read. */
export function addEncodingOption(command: Command): Command {
  return inHelpGroup(command, HELP_GROUPS.reading, (group) =>
    group.option(
      "--encoding <NAME>",
      `how every input file (and stdin) is encoded: ${ENCODINGS.join(", ")} (default: auto, which reads UTF-8, UTF-16 with a BOM, or else Windows-1252 with a warning)`,
      encodingArgument,
    ),
  );
}
