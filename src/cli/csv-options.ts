import { type Command, Option } from "commander";
import { InputError } from "../io/input-issue.js";
import { HELP_GROUPS, inHelpGroup } from "./help-groups.js";
import { type CsvOptions, EXCEL_LOCALES, type ExcelLocale } from "../render/csv-writer.js";

/** `--excel [LOCALE]` and `--no-formula-guard`, as commander gives them. */
export interface CsvFlags {
  /** True for a bare `--excel`, the locale when one is given. */
  excel?: ExcelLocale | true;
  /** False with `--no-formula-guard`. */
  formulaGuard?: boolean;
}

/** Adds the two flags every command that writes CSV takes. */
export function addCsvOptions(command: Command): Command {
  const excel = new Option("--excel [LOCALE]", "CSV that Excel opens right on a double-click: a BOM, and the separator and decimal mark of LOCALE, us (, and .) or eu (; and ,) (default: us); implies --format csv");
  return inHelpGroup(command, HELP_GROUPS.output, (group) =>
    group
      .addOption(excel.argParser(excelLocale))
      .option("--no-formula-guard", "write names that begin with = + - @ as they came, without the quote that keeps spreadsheets from running them"),
  );
}

/**
 * Checked as commander reads it: an optional value takes the next word, so `--excel quotas.csv`
 * must say that, not report QUOTAS as missing.
 */
function excelLocale(text: string): ExcelLocale {
  if ((EXCEL_LOCALES as readonly string[]).includes(text)) return text as ExcelLocale;
  throw new InputError({ code: "option.invalid", file: "--excel", expected: `a locale, ${EXCEL_LOCALES.join(" or ")}`, found: text, hint: "a bare --excel goes after the file names" });
}

/**
 * Checks the CSV flags before any file is read. `--excel` implies `--format csv`; a `--format`
 * flag that asks for another format is refused, not overridden. Returns the CSV options and the
 * format flag to use (`csv` when `--excel` is given).
 */
export function csvOptionsOf<F extends string>(flags: CsvFlags & { format?: F | undefined }): { csv: CsvOptions; format: F | "csv" | undefined } {
  const guard = flags.formulaGuard !== false;
  if (flags.excel === undefined) return { csv: { guard, excel: null }, format: flags.format };
  if (flags.format !== undefined && flags.format !== "csv") {
    throw new InputError({ code: "option.invalid", file: "--format", expected: "csv with --excel (or no --format)", found: flags.format });
  }
  return { csv: { guard, excel: flags.excel === true ? "us" : flags.excel }, format: "csv" };
}
