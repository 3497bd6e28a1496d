import { readFileSync } from "node:fs";
import type { ReadEnvironment } from "../cli/environment.js";
import { InputError } from "../io/input-issue.js";

/** A value in a row held in memory: text as a file would hold it, or a number (written with a decimal point). */
export type Cell = string | number | null | undefined;

/** Rows held in memory, one object per row, keyed by column name (the file's header). */
export type Rows = readonly Readonly<Record<string, Cell>>[];

/**
 * An input as the command takes it: a path (relative to `cwd`; `-` reads standard input), rows
 * already in memory, or CSV text in memory. Rows and text are read by the very reader a file goes
 * through: row `i` (from 0) is line `i + 2` of its messages, the header being line 1.
 */
export type Input = string | Rows | { readonly csv: string; readonly name?: string };

/** Where the library reads from: the working directory, and the inputs it holds in memory. */
export interface InputPlace {
  environment: ReadEnvironment;
  /** The name an input goes by: its path, or `<name>` for one held in memory. */
  nameOf(input: Input, name: string): string;
  nameOf(input: Input | undefined, name: string): string | undefined;
}

/**
 * The reading environment of one library call. Nothing is read yet: inputs held in memory are
 * named `<quotas>`, `<actuals>`… so messages say which one a line is in.
 */
export function inputPlace(cwd: string | undefined): InputPlace {
  const held = new Map<string, string>();
  const environment: ReadEnvironment = { cwd: cwd ?? process.cwd(), readStdin: () => readFileSync(0), inMemory: held };
  function nameOf(input: Input | undefined, name: string): string | undefined {
    if (input === undefined || typeof input === "string") return input;
    // A JavaScript caller's null, number or { csv: 5 } would fail deep inside a reader with a TypeError.
    const given = input as unknown;
    if (typeof given !== "object" || given === null || (!Array.isArray(given) && typeof (given as { csv?: unknown }).csv !== "string")) {
      throw new InputError({ code: "config.invalid", file: "options", column: name, expected: "a path, rows or { csv: text }", found: given === null || typeof given !== "object" ? String(given) : JSON.stringify(given) });
    }
    const key = "csv" in input && typeof input.csv === "string" ? `<${(input as { name?: string }).name ?? name}>` : `<${name}>`;
    held.set(key, Array.isArray(input) ? rowsCsv(input as Rows) : (input as { csv: string }).csv);
    return key;
  }
  return { environment, nameOf: nameOf as InputPlace["nameOf"] };
}

/** Rows as CSV text: a header of every column in the order first seen, then one line per row. */
export function rowsCsv(rows: Rows): string {
  const columns: string[] = [];
  for (const row of rows) for (const column of Object.keys(row)) if (!columns.includes(column)) columns.push(column);
  const lines = [columns.map(quoted), ...rows.map((row) => columns.map((column) => quoted(cellText(row[column]))))];
  return `${lines.map((line) => line.join(",")).join("\n")}\n`;
}

/** A number as its plain digits (1e21 as 1 and 21 zeros), as the config's numbers are read. */
function cellText(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return value.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
  return value;
}

function quoted(text: string): string {
  return /[",;\t\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
