/**
 * Seats, atomically. A seat is taken by a *conditional* increment of the counter
 * (`goingCount < capacity`) inside the same transaction as the registration row: on
 * PostgreSQL the row lock makes a concurrent transaction re-check the condition after the
 * first commits; on SQLite the adapter runs one transaction at a time. So concurrent
 * clicks never give more seats than the capacity, and a failed step rolls the seat back.
 */
import type { Db } from "../client.js";
import type { Registration } from "../../features/events/index.js";
import { DataError } from "../errors.js";
import { toRegistration } from "./events-rows.js";
import { errorCodes } from "../sqlite-busy.js";

/** The client inside an interactive transaction. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Thrown inside a transaction when a conditional update lost a race: the caller retries. */
export class SeatConflict extends Error {
  override readonly name = "SeatConflict";
}

/**
 * Thrown inside a registration's savepoint when the seat it expected was taken meanwhile: the
 * savepoint is rolled back (with what was written for the seat) and the registration tried
 * again, seat first. Not retried by {@link withRetry}.
 */
export class SeatGone extends Error {
  override readonly name = "SeatGone";
}

/**
 * Takes one seat of the event (slotId "") or of the slot; null when full. For the event, it
 * says how many seats are taken afterwards. The event's seat is one statement comparing the counter with the capacity in the
 * row itself (plain SQL, the same text on both providers: an ORM query costs several times its
 * CPU, and this one runs for every click of a burst). An event that is gone matches nothing,
 * like a full one; the registration written with it then breaks its foreign key.
 */
export async function claimSeat(tx: Tx, eventId: string, slotId: string, now: Date = new Date()): Promise<{ taken?: number } | null> {
  if (slotId === "") {
    const rows = await tx.$queryRaw<Array<{ goingCount: number | bigint }>>`
      UPDATE "Event" SET "goingCount" = "goingCount" + 1, "updatedAt" = ${now}
      WHERE "id" = ${eventId} AND ("capacity" IS NULL OR "goingCount" < "capacity")
      RETURNING "goingCount"`;
    return rows.length === 1 ? { taken: Number(rows[0]!.goingCount) } : null;
  }
  const slot = await tx.eventSlot.findUnique({ where: { id: slotId }, select: { capacity: true, eventId: true } });
  if (!slot || slot.eventId !== eventId) throw new DataError("not_found", `No slot ${slotId} in event ${eventId}`);
  const r = await tx.eventSlot.updateMany({ where: { id: slotId, takenCount: { lt: slot.capacity } }, data: { takenCount: { increment: 1 } } });
  return r.count === 1 ? {} : null;
}

/** Gives one seat back (never below zero). */
export async function releaseSeat(tx: Tx, eventId: string, slotId: string): Promise<void> {
  if (slotId === "") await tx.event.updateMany({ where: { id: eventId, goingCount: { gt: 0 } }, data: { goingCount: { decrement: 1 } } });
  else await tx.eventSlot.updateMany({ where: { id: slotId, takenCount: { gt: 0 } }, data: { takenCount: { decrement: 1 } } });
}

/** Moves the first people of the waitlist to free seats, in request order. */
export async function promoteInTx(tx: Tx, eventId: string, slotId: string): Promise<Registration[]> {
  const promoted: Registration[] = [];
  for (let guard = 0; guard < 1000; guard++) {
    const next = await tx.registration.findFirst({
      where: { eventId, slotId, status: "waitlist" },
      orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
    });
    if (!next) break;
    if ((await claimSeat(tx, eventId, slotId)) === null) break;
    const moved = await tx.registration.updateMany({ where: { id: next.id, status: "waitlist" }, data: { status: "going" } });
    if (moved.count === 0) {
      // Someone else moved or removed this person meanwhile: give the seat back, look again.
      await releaseSeat(tx, eventId, slotId);
      continue;
    }
    promoted.push(toRegistration({ ...next, status: "going" }));
  }
  return promoted;
}

/**
 * Runs `work` in a transaction, again when it lost a race (a unique key taken by a
 * concurrent double click, a conditional update that matched nothing).
 */
export async function withRetry<T>(db: Db, work: (tx: Tx) => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await db.$transaction(work, { timeout: 15_000, maxWait: 15_000 });
    } catch (error) {
      const retryable = error instanceof SeatConflict || (error as { code?: unknown })?.code === "P2002" || (error as { code?: unknown })?.code === "P2034" || waitedTooLongForSeat(error);
      if (!retryable || i >= attempts) throw error;
    }
  }
}

/**
 * PostgreSQL cancelled a statement that outlasted the statement timeout (57014). In a burst on
 * one event, every click that can still get a seat waits for the event's row until the click
 * before it commits, and under load that queue can outlast the timeout: the database is busy,
 * not away. The try was rolled back whole (its savepoint), so running it again is safe; a
 * database that is really away fails otherwise (connection and client-side query timeouts) and
 * is not tried again here.
 */
function waitedTooLongForSeat(error: unknown): boolean {
  return errorCodes(error).includes("57014");
}
