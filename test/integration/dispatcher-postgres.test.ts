import { describe, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/test-app.js";
import { dispatcherSuite } from "./dispatcher-suite.js";
import { pgReachable, scratchPostgres } from "./data/support.js";

/** A seeded (or empty) app over a fresh PostgreSQL schema, dropped when the app closes. */
async function pgApp(seed: boolean): Promise<TestApp> {
  const scratch = scratchPostgres();
  const app = await createTestApp({ databaseUrl: scratch.url, seed });
  return {
    ...app,
    async close() {
      await app.close();
      await scratch.cleanup();
    },
  };
}

if (await pgReachable("dispatcher-postgres")) {
  dispatcherSuite("core commands on PostgreSQL", () => pgApp(true), () => pgApp(false));
} else {
  describe.skip("core commands on PostgreSQL (PostgreSQL unreachable)", () => it("skipped", () => {}));
}
