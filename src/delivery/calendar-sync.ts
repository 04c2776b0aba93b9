/**
 * A `calendar` outbox row in the worker: brings one workspace's platform calendar entry (a
 * Discord guild scheduled event) in step with one event of the bot.
 *
 * Crash-safe and in order:
 * - the mapping event → entry (src/core/calendar.ts `CalendarMirrorStore`) is read first; a row
 *   older than what the entry already shows (its `sequence`) is done at once, never applied
 *   over a newer one (a retry arriving after a move);
 * - the platform call is idempotent by itself: without a known entry the sender looks for one
 *   carrying the event's marker before creating one, so a replica that died between the
 *   platform's answer and the mapping being saved leaves no duplicate behind;
 * - rows of one workspace run one at a time (`PacedSender.exclusive`).
 * Failures are settled like a post's (retried, or failed and reported) by the caller.
 */
import { decodeCalendarPayload, type CalendarEntry, type CalendarMirrorStore } from "../core/calendar.js";
import type { Logger } from "../core/logger.js";
import { DeliveryError } from "../core/outbound.js";
import type { OutboxRow } from "./outbox.js";
import type { OutboxPlatform } from "./worker.js";

export interface CalendarSyncContext {
  mirrors: CalendarMirrorStore;
  /** Marks the row `sending` (an attempt); false when the claim was lost. */
  markSending(): Promise<boolean>;
  /** Marks the row `sent` with the entry's id. */
  markSent(externalId: string): Promise<void>;
  logger: Logger;
}

/** Thrown when the row must not go on (claim lost): the caller gives it back untouched. */
export class CalendarClaimLost extends Error {}

/** Reads the row's entry; throws a `permanent` DeliveryError for an unreadable one. */
export function calendarEntryOf(row: OutboxRow): CalendarEntry {
  try {
    return decodeCalendarPayload(row.payload);
  } catch (err) {
    throw new DeliveryError("permanent", `unreadable calendar payload: ${String((err as Error).message).slice(0, 200)}`);
  }
}

/** Applies the row. Resolves when recorded; throws DeliveryError (or CalendarClaimLost). */
export async function syncCalendarRow(ctx: CalendarSyncContext, p: OutboxPlatform, row: OutboxRow): Promise<void> {
  const entry = calendarEntryOf(row);
  const { platform, workspaceId } = row.target;
  const sync = p.sender.syncCalendar?.bind(p.sender);
  if (!sync) throw new DeliveryError("permanent", `${platform} has no calendar`);
  await p.pacer.exclusive(row.target, async () => {
    const known = await ctx.mirrors.get(entry.ref, platform, workspaceId);
    if (known && known.sequence > entry.sequence) {
      ctx.logger.info({ ref: entry.ref, sequence: entry.sequence, shown: known.sequence }, "calendar: a newer version is already shown, nothing to do");
      await ctx.markSent(known.externalId);
      return;
    }
    if (!(await ctx.markSending())) throw new CalendarClaimLost("claim");
    const { externalId } = await sync(workspaceId, entry, known?.externalId ?? null);
    await ctx.mirrors.save({ ref: entry.ref, platform, workspaceId, externalId, sequence: entry.sequence, cancelled: entry.cancelled });
    await ctx.markSent(externalId);
    ctx.logger.info({ ref: entry.ref, sequence: entry.sequence, externalId, cancelled: entry.cancelled }, "calendar: entry in step");
  });
}
