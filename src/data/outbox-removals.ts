/**
 * Taking posted messages down through the outbox: for each sent row, a `removal`
 * row on the same target carrying the posted message's id, processed by the worker like any
 * other row (durable, retried). Used by `Notifier.retract` (a deleted initiative) and by the
 * erasure of a person (posts that name them).
 *
 * The content of a withdrawn message is not kept: the sent row's payload is replaced by a
 * neutral stub, and removal rows carry the stub only. Nobody reads a withdrawn message's
 * text again, and it may name a person who asked to be forgotten.
 */
import type { Db } from "./client.js";
import type { OutboxMessage } from "../generated/sqlite/client.js";
import { isUniqueViolation } from "./errors.js";
import { withSavepoint } from "./transaction.js";

/** A valid neutral Reply (see src/delivery/payload.ts) that says nothing about anyone. */
export const WITHDRAWN_PAYLOAD = JSON.stringify({ visibility: "channel", text: "(withdrawn)", blocks: [], locale: "fr" });

/**
 * Queues the removal of these sent rows and forgets their content; returns how many
 * removals are queued or were already waiting (a second call queues nothing new).
 */
export async function queueRemovals(
  db: Db,
  sent: readonly OutboxMessage[],
  now: Date,
  keyOf: (row: OutboxMessage) => string = (r) => `${r.idempotencyKey}#remove`,
): Promise<number> {
  let count = 0;
  for (const r of sent) {
    if (r.state !== "sent" || !r.externalId || r.kind === "removal") continue;
    try {
      // withSavepoint(): inside a unit of work, a removal already queued must not spoil the transaction.
      await withSavepoint(db, () => db.outboxMessage.create({
        data: {
          idempotencyKey: keyOf(r),
          kind: "removal",
          platform: r.platform,
          workspaceId: r.workspaceId,
          channelId: r.channelId,
          userId: r.userId,
          payload: WITHDRAWN_PAYLOAD,
          dueAt: now,
          nextAttemptAt: now,
          externalId: r.externalId,
          createdAt: now,
        },
      }));
    } catch (e) {
      if (!isUniqueViolation(e)) throw e; // queued by an earlier call: still counts
    }
    await db.outboxMessage.updateMany({ where: { id: r.id, state: "sent" }, data: { payload: WITHDRAWN_PAYLOAD } });
    count++;
  }
  return count;
}
