/**
 * Erasing a person from the events tables (called by the privacy repository's `erase`):
 * their registrations and reminder preference go, the seats they held are given back and
 * filled from the waitlists in request order, and events they created lose their author.
 * (Their reminders live in the outbox, keyed with their person id: erased there.)
 */
import type { Db } from "../client.js";
import { promoteInTx, withRetry } from "./events-seats.js";

export async function eraseEventData(db: Db, personId: string): Promise<{ registrations: number; preferences: number }> {
  const held = await db.registration.findMany({ where: { personId, status: "going" }, select: { eventId: true, slotId: true } });
  const registrations = (await db.registration.deleteMany({ where: { personId } })).count;
  for (const { eventId, slotId } of new Map(held.map((h) => [`${h.eventId}/${h.slotId}`, h])).values()) {
    await withRetry(db, async (tx) => {
      // The counter follows the rows that are left, then free seats go to whoever waits.
      const going = await tx.registration.count({ where: { eventId, slotId, status: "going" } });
      if (slotId === "") await tx.event.update({ where: { id: eventId }, data: { goingCount: going } });
      else await tx.eventSlot.update({ where: { id: slotId }, data: { takenCount: going } });
      await promoteInTx(tx, eventId, slotId);
    });
  }
  await db.event.updateMany({ where: { createdBy: personId }, data: { createdBy: null } });
  const preferences = (await db.reminderPreference.deleteMany({ where: { personId } })).count;
  return { registrations, preferences };
}
