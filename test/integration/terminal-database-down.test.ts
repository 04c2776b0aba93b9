/**
 * The terminal started on a PostgreSQL that does not answer: the person reads, in the
 * language they asked for, that the database is unavailable and nothing was saved (then the
 * driver's line for whoever runs it), not only a driver's "connect ECONNREFUSED".
 */
import { describe, expect, it } from "vitest";
import { freePort } from "../helpers/local-services.js";
import { runNode } from "../helpers/child.js";
import { translator } from "../../src/core/i18n/catalogue.js";

const start = (args: string[], env: Record<string, string>) => runNode(["--import", "tsx", "src/main.ts", ...args], env);

describe("terminal with the database down", { timeout: 120_000 }, () => {
  it("says the database is unavailable in the asked language", async () => {
    const closedPort = await freePort(); // nothing listens there: connections are refused
    const r = await start(["--once", "/cdce aide", "--lang", "de"], { DATABASE_URL: `postgresql://root@127.0.0.1:${closedPort}/test` });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(translator("de")("error.databaseUnavailable"));
    expect(r.stderr).toContain("ECONNREFUSED");
  });
});
