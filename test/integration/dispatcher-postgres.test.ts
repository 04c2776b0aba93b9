import { describe } from "vitest";
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

const pgUp = await pgReachable("dispatcher-postgres");

// Skipped as a whole (every test of the suite reported skipped, with pgReachable's notice) when the server is down.
describe.skipIf(!pgUp)("dispatcher on PostgreSQL", () => {
  dispatcherSuite("core commands on PostgreSQL", () => pgApp(true), () => pgApp(false));
});
