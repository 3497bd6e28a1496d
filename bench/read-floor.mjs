// The baseline of the calibrate benchmark: a bare Node stream read of the file with UTF-8 decoding
// (default chunk size), touching every chunk and nothing else.
import { createReadStream } from "node:fs";

let characters = 0;
for await (const chunk of createReadStream(process.argv[2], { encoding: "utf8" })) characters += chunk.length;
if (characters === 0) process.exitCode = 1;
