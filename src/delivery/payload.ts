/**
 * The neutral message stored in an outbox row: a {@link Reply}, as JSON. Validated with zod
 * when it is written (a feature's bug fails at enqueue, in the feature's stack) and when it
 * is read back (a bad row is recorded as failed instead of crashing the dispatcher).
 */
import { z } from "zod";
import { LOCALES, type Reply } from "../core/types.js";

const button = z.object({
  label: z.string().min(1).max(80),
  command: z.string().min(1).max(400),
  style: z.enum(["primary", "danger"]).optional(),
});

const field = z.object({ label: z.string(), value: z.string() });

const block = z.discriminatedUnion("type", [
  z.object({ type: z.literal("header"), text: z.string() }),
  z.object({ type: z.literal("section"), text: z.string(), fields: z.array(field).optional() }),
  z.object({ type: z.literal("context"), text: z.string() }),
  z.object({ type: z.literal("actions"), buttons: z.array(button) }),
  z.object({ type: z.literal("divider") }),
]);

/**
 * A Reply that can be posted on its own: no form (there is nobody to fill it in) and no
 * field errors. Visibility is kept but ignored: an outbox message is always visible to
 * everyone in its channel (or DM).
 */
export const outboundReplySchema = z.object({
  visibility: z.enum(["ephemeral", "channel"]),
  text: z.string().max(40_000),
  blocks: z.array(block).max(200),
  locale: z.enum(LOCALES),
  tags: z.array(z.string().min(1).max(20)).max(5).optional(),
});

/** Serialises a reply for the outbox; throws (zod) when it cannot be posted on its own. */
export function encodePayload(reply: Reply): string {
  if (reply.form) throw new Error("an outbox message cannot carry a form");
  return JSON.stringify(outboundReplySchema.parse(reply));
}

/** Reads a stored payload back; throws when the row holds something else. */
export function decodePayload(text: string): Reply {
  return outboundReplySchema.parse(JSON.parse(text)) as Reply;
}
