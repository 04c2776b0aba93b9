import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup/features.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration suites open servers and databases: keep a few files in parallel only (2 cores here).
    maxWorkers: 2,
    reporters: ["default"],
  },
});
