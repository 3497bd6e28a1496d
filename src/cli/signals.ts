import { removePendingTemporaries } from "../io/output-commit.js";

/** The exit code of a run stopped by a signal: 128 + its number, as shells report it. */
const STOPPED_BY = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Runs `work` (the commit of a run's output files) so that Ctrl-C, a kill or a closed terminal
 * removes the temporary files it has written and exits 129 (SIGHUP), 130 (SIGINT) or 143
 * (SIGTERM). The handlers are registered once per run, here, and only while output is being
 * written: registered at startup, they would keep Ctrl-C from stopping a run blocked in a
 * synchronous read of standard input, as Node runs a signal handler only between tasks.
 */
export async function removingTemporariesOnInterrupt<T>(work: () => Promise<T>): Promise<T> {
  const removers = (Object.keys(STOPPED_BY) as (keyof typeof STOPPED_BY)[]).map((signal) => {
    const handler = () => {
      removePendingTemporaries();
      process.exit(STOPPED_BY[signal]);
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  try {
    return await work();
  } finally {
    for (const remove of removers) remove();
  }
}
