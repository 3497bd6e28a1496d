// The baseline the issue names: csv-parse alone reading the same file (sync API, default options).
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";

const records = parse(readFileSync(process.argv[2], "utf8"));
if (records.length === 0) process.exitCode = 1;
