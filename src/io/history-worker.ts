import { parentPort, workerData } from "node:worker_threads";
import { type ChunkWork, readChunks } from "./history-chunks.js";

// A worker thread of the parallel history read (history-parallel.ts starts it from the bundle
// scripts/bundle.mjs writes beside the CLI's: dist/history-worker.cjs). The batches' buffers are
// moved to the main thread, not copied.
readChunks(workerData as ChunkWork, (message) => {
  parentPort?.postMessage(message, message.kind === "rows" ? [message.ints.buffer as ArrayBuffer, message.floats.buffer as ArrayBuffer, message.bytes.buffer as ArrayBuffer] : []);
});
