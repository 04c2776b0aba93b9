import { describe } from "vitest";
import { createPostgresTestApp } from "../helpers/test-app.js";
import { pgReachable } from "./data/support.js";
import { peopleActSuite } from "./people-act-suite.js";

const pgUp = await pgReachable("people-act-postgres");

// Skipped as a whole (with pgReachable's notice) when the server is down.
describe.skipIf(!pgUp)("people of a commune on PostgreSQL", () => {
  peopleActSuite("proposals, tasks and the ambassadors' network on PostgreSQL", () => createPostgresTestApp({ seed: true }));
});
