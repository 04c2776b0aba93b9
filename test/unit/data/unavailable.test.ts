/**
 * Which failures are told as "the database is unavailable, nothing was saved": a database
 * away, frozen or locked, however deeply wrapped; never an ordinary failure (a bug, a broken
 * constraint), which keeps the generic reply and its error log.
 */
import { describe, expect, it } from "vitest";
import { databaseUnavailableError, isDatabaseUnavailable } from "../../../src/data/unavailable.js";

/** The shape of Prisma's error over a driver adapter error. */
const prismaOver = (code: string, cause: Record<string, unknown>) => Object.assign(new Error("Invalid invocation"), { code, meta: { driverAdapterError: Object.assign(new Error("adapter"), { cause }) } });

describe("database unavailable", () => {
  it("recognises a database away, frozen or locked", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("Can't reach database server"), { code: "P1001" }))).toBe(true);
    expect(isDatabaseUnavailable(prismaOver("P1008", { kind: "SocketTimeout", originalCode: "SQLITE_BUSY" }))).toBe(true);
    expect(isDatabaseUnavailable(prismaOver("P2010", { kind: "postgres", code: "57014", originalCode: "57014" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Query read timeout"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: new Error("Connection terminated unexpectedly") }))).toBe(true);
  });

  it("leaves every other failure to the generic reply", () => {
    expect(isDatabaseUnavailable(prismaOver("P2002", { kind: "UniqueConstraintViolation", originalCode: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("Record to update not found"), { code: "P2025" }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable("a string")).toBe(false);
    expect(databaseUnavailableError(new Error("bug"))).toBeUndefined();
  });

  it("keeps the original error for the logs only", () => {
    const original = Object.assign(new Error("Can't reach database server"), { code: "P1001" });
    const error = databaseUnavailableError(original)!;
    expect(error.code).toBe("database_unavailable");
    expect(error.messageKey).toBe("error.databaseUnavailable");
    expect(error.cause).toBe(original);
  });
});
