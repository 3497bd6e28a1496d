import { type HistoryOptions, type HistoryRead, historySource, readHistory } from "../io/history-reader.js";
import type { Encoding } from "../io/text-encoding.js";
import type { ReadEnvironment } from "./environment.js";

/** Files smaller than this read in well under a second: no bar for them. */
const PROGRESS_FROM_BYTES = 20 * 1024 * 1024;

/**
 * Reads a history, with a progress bar on stderr when stderr is a terminal and the file is large
 * (cli-progress, loaded only then); silent otherwise, so pipes and logs stay clean.
 */
export async function loadHistory(path: string, options: HistoryOptions, environment: ReadEnvironment, encoding?: Encoding): Promise<HistoryRead> {
  const held = environment.inMemory?.get(path);
  // A history held in memory streams as standard input would, under its own name.
  const source = held === undefined ? historySource(path, environment.cwd, environment.readStdin, encoding) : { ...historySource("-", environment.cwd, () => Buffer.from(held), encoding), name: path };
  if (environment.stderrIsTTY !== true || source.size === null || source.size < PROGRESS_FROM_BYTES) return readHistory(source, options);
  // cli-progress is CommonJS: bundled, its exports arrive as the default export.
  const imported = await import("cli-progress");
  const { SingleBar, Presets } = (imported as { default?: typeof imported }).default ?? imported;
  const megabytes = (bytes: number) => Math.round(bytes / 1e5) / 10;
  const bar = new SingleBar(
    { stream: process.stderr, format: `reading ${source.name} [{bar}] {percentage}% · {value}/{total} MB · {eta}s left`, hideCursor: true, clearOnComplete: true },
    Presets.shades_classic,
  );
  bar.start(megabytes(source.size), 0);
  try {
    return await readHistory(source, options, (bytesRead) => bar.update(megabytes(bytesRead)));
  } finally {
    bar.stop();
  }
}
