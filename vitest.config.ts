import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", "./test/summary-reporter.ts"],
    // Golden and time-zone tests start the built bin many times; on a loaded 2-core machine a
    // single test can take longer than vitest's default 5 s.
    testTimeout: 30_000,
  },
});
