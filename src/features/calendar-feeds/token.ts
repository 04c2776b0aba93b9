/**
 * Private feed tokens: 256 random bits, written in base64url (43 characters, safe in a URL
 * path). Only their SHA-256 is stored; a request's token is hashed, the row is found by that
 * hash, and the hashes are compared again in constant time, so neither the database nor the
 * timing of a lookup gives a usable token away.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Bytes of randomness in a token (the brief floor is 16; 32 costs nothing). */
const TOKEN_BYTES = 32;

/** What a token looks like in a path; anything else is not looked up at all. */
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{22,128}$/;

export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether two hex hashes are equal, in time that does not depend on where they differ. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
