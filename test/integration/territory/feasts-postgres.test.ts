import { describe } from "vitest";
import { createPostgresTestApp } from "../../helpers/test-app.js";
import { pgReachable } from "../data/support.js";
import { feastsSuite } from "./feasts-suite.js";

const pgUp = await pgReachable("feasts-postgres");

// Skipped as a whole (with pgReachable's notice) when the server is down.
describe.skipIf(!pgUp)("local feasts on PostgreSQL", () => {
  feastsSuite("local feasts on PostgreSQL", (now) => createPostgresTestApp({ now }));
});
