// The calibrate benchmark's target baseline (issue 16): a whole DuckDB process reading the same
// history file itself (read_csv_auto) and running a plain aggregate by product and rep: counts,
// the average won amount and the average days from created to closed. Prints one line.
import { DuckDBInstance } from "@duckdb/node-api";

const file = process.argv[2];
const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
const reader = await connection.runAndReadAll(`
  SELECT product, rep, count(*) AS leads, count(closed_on) AS closed, avg(amount) AS average_amount,
         avg(date_diff('day', CAST(created AS DATE), closed_on)) AS average_days
  FROM read_csv_auto('${file.replaceAll("'", "''")}')
  GROUP BY product, rep`);
const rows = reader.getRows();
console.log(`${rows.length} groups`);
if (rows.length === 0) process.exitCode = 1;
