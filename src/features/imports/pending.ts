/** Imports waiting for their "Appliquer" click: how long they wait, and their keys. */
import { randomBytes } from "node:crypto";

/** Long enough to read the report, short enough that a forgotten one does not apply stale data. */
export const PENDING_MINUTES = 30;

/** A key that cannot be guessed (the button carries it, nothing else). */
export function newPendingKey(): string {
  return randomBytes(12).toString("base64url");
}
