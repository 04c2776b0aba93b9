import { describe } from "vitest";
import { createPostgresTestApp } from "../../helpers/test-app.js";
import { pgReachable } from "../data/support.js";
import { neighboursSuite } from "./neighbours-suite.js";

const pgUp = await pgReachable("neighbours-postgres");

// Skipped as a whole (with pgReachable's notice) when the server is down.
describe.skipIf(!pgUp)("neighbours on PostgreSQL", () => {
  neighboursSuite("neighbours on PostgreSQL", (now) => createPostgresTestApp({ now }));
});
