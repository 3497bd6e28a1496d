// For scale in the calibrate benchmark: Papa Parse alone streaming the file to string arrays in
// chunks, the parser calibrate uses, with no work per row.
import { createReadStream } from "node:fs";
import Papa from "papaparse";

let rows = 0;
await new Promise((resolve, reject) => {
  Papa.parse(createReadStream(process.argv[2], { encoding: "utf8", highWaterMark: 128 * 1024 }), {
    delimiter: ",",
    chunk: (results) => {
      rows += results.data.length;
    },
    complete: resolve,
    error: reject,
  });
});
if (rows === 0) process.exitCode = 1;
