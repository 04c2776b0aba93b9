import { describe } from "vitest";
import { createPostgresTestApp } from "../helpers/test-app.js";
import { dispatcherSuite, PUBLIC_URL } from "./dispatcher-suite.js";
import { pgReachable } from "./data/support.js";

const pgUp = await pgReachable("dispatcher-postgres");

// Skipped as a whole (every test of the suite reported skipped, with pgReachable's notice) when the server is down.
describe.skipIf(!pgUp)("dispatcher on PostgreSQL", () => {
  dispatcherSuite("core commands on PostgreSQL", () => createPostgresTestApp({ seed: true, publicUrl: PUBLIC_URL }), () => createPostgresTestApp({ seed: false }));
});
