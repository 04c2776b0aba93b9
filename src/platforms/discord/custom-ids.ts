/**
 * Discord custom ids hold at most 100 characters. A button carries its `/cdce` line in
 * the id itself when it fits (`c:kit jeunes page:2`), so it survives restarts; longer
 * payloads (long lines, forms with their typed values) live in a small bounded in-memory
 * map and the id holds a short key (`k:Ab3dEf9x`). A key that fell out of the map (or was
 * lost in a restart) resolves to `expired`, and the user is told to run the command again.
 */
import { randomBytes } from "node:crypto";
import type { Form } from "../../core/types.js";

/** Discord's limit for component and modal custom ids. */
export const MAX_CUSTOM_ID = 100;

/** What a stored custom id stands for. */
export type CustomIdEntry =
  /** Run this `/cdce` line. */
  | { kind: "command"; line: string }
  /** Open this form again, pre-filled with `values` (after a failed submission). */
  | { kind: "form"; form: Form; values: Record<string, string> };

/** A custom id read back: an entry, or why there is none. */
export type ResolvedCustomId = CustomIdEntry | { kind: "expired" } | { kind: "unknown" };

/** A least-recently-used map of custom id payloads, bounded so memory stays flat. */
export class CustomIdStore {
  private readonly entries = new Map<string, CustomIdEntry>();

  constructor(private readonly capacity = 2000) {}

  /** The custom id of a button that runs `line`. */
  forCommand(line: string): string {
    const inline = `c:${line}`;
    return inline.length <= MAX_CUSTOM_ID ? inline : this.put({ kind: "command", line });
  }

  /** Stores an entry and returns its custom id (`k:<key>`). */
  put(entry: CustomIdEntry): string {
    // 9 random bytes: 12 base64url characters, no practical collision within the map.
    const key = randomBytes(9).toString("base64url");
    this.entries.set(key, entry);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return `k:${key}`;
  }

  /** What a custom id stands for; a hit refreshes the entry's place in the LRU order. */
  resolve(customId: string): ResolvedCustomId {
    if (customId.startsWith("c:")) return { kind: "command", line: customId.slice(2) };
    if (!customId.startsWith("k:")) return { kind: "unknown" };
    const key = customId.slice(2);
    const entry = this.entries.get(key);
    if (!entry) return { kind: "expired" };
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }
}
