/**
 * Commands and replies as they travel between replicas (src/cluster/shared-work.ts): JSON
 * with the two kinds of value JSON has no word for tagged, so they come back as they left:
 * instants (`{"$date": "…"}`) and bytes (`{"$bytes": "<base64>"}`, the files of a reply).
 * Anything else a reply holds is already plain data (see Reply in src/core/types.ts).
 */
import type { IncomingCommand, Reply } from "../core/types.js";

const DATE = "$date";
const BYTES = "$bytes";

function encode(value: unknown): string {
  // Tagged in a copy before JSON.stringify: Dates and Buffers have a toJSON that a replacer
  // would only see the result of.
  return JSON.stringify(tagged(value));
}

function tagged(value: unknown): unknown {
  if (value instanceof Date) return { [DATE]: value.toISOString() };
  if (value instanceof Uint8Array) return { [BYTES]: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64") };
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(tagged);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = tagged(v);
  return out;
}

function decode<T>(text: string): T {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const keys = Object.keys(value);
      if (keys.length === 1 && keys[0] === DATE) return new Date(String((value as Record<string, unknown>)[DATE]));
      if (keys.length === 1 && keys[0] === BYTES) return new Uint8Array(Buffer.from(String((value as Record<string, unknown>)[BYTES]), "base64"));
    }
    return value;
  }) as T;
}

export const encodeIncoming = (incoming: IncomingCommand): string => encode(incoming);
export const decodeIncoming = (text: string): IncomingCommand => decode<IncomingCommand>(text);
export const encodeReply = (reply: Reply): string => encode(reply);
export const decodeReply = (text: string): Reply => decode<Reply>(text);
