/** The identity of this replica in leases and outbox claims. */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

/**
 * `<host>-<pid>-<random>`, lower case letters, digits and dashes only (claims are matched by
 * prefix, so no SQL wildcard may appear); new at every start, so a restarted process never
 * mistakes the claims of its dead predecessor for its own.
 */
export function newInstanceId(): string {
  const host = hostname().toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "host";
  return `${host}-${process.pid}-${randomBytes(3).toString("hex")}`;
}
