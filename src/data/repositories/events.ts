/** Prisma implementation of the events repository: events, slots, RSVPs, preferences. */
import { randomUUID } from "node:crypto";
import type { Db } from "../client.js";
import type { CdceEvent, NewEvent, NewSlot, Registration, EventFilter, EventRepository, JoinInput, JoinResult, LeaveResult } from "../../features/events/index.js";
import { isNotFound, isUniqueViolation } from "../errors.js";
import { inTransaction, rootOf, withSavepoint } from "../transaction.js";
import { parseStored } from "../json.js";
import { eventRowOf, newCode, offsetsSchema, toEvent, toRegistration, toSlot, type RawEventRow } from "./events-rows.js";
import { claimSeat, promoteInTx, releaseSeat, SeatConflict, SeatGone, withRetry, type Tx } from "./events-seats.js";

/**
 * Whether an event has volunteer slots, per database client: slots are written with their
 * event, in the same statement, and never added or removed afterwards, so the answer read once
 * stays true for the event's life (ids are never reused). Saves a round trip on every click.
 */
const slotted = new WeakMap<object, Map<string, boolean>>();
const MAX_REMEMBERED_EVENTS = 10_000;

export class PrismaEventRepository implements EventRepository {
  private readonly hasSlots: Map<string, boolean>;

  constructor(private readonly db: Db) {
    const root = rootOf(db);
    let known = slotted.get(root);
    if (!known) slotted.set(root, (known = new Map()));
    this.hasSlots = known;
  }

  async create(event: NewEvent, slots: NewSlot[] = []): Promise<CdceEvent> {
    const ordered = [...slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    for (let attempt = 0; ; attempt++) {
      try {
        const data = {
          ...event,
          code: newCode(),
          audiences: JSON.stringify(event.audiences),
          slots: { create: ordered.map((s, i) => ({ ...s, position: i + 1 })) },
        };
        // withSavepoint(): inside a unit of work, a code already taken must not spoil the transaction.
        const row = await withSavepoint(this.db, () => this.db.event.create({ data }));
        return toEvent(row);
      } catch (error) {
        // A code already taken (1 in ~20 million per pair): draw another.
        if (!isUniqueViolation(error) || attempt >= 5) throw error;
      }
    }
  }

  async get(id: string): Promise<CdceEvent | null> {
    const row = await this.db.event.findUnique({ where: { id } });
    return row ? toEvent(row) : null;
  }

  async byCode(code: string): Promise<CdceEvent | null> {
    const clean = code.trim().toLowerCase();
    if (!/^[a-z0-9]{3,12}$/.test(clean)) return null;
    // Plain SQL: every click of a burst asks (an ORM query is compiled each time, several times
    // this one's CPU); whether the event has slots comes with it (see `slotted`).
    const rows = await this.db.$queryRaw<RawEventRow[]>`
      SELECT e.*, EXISTS (SELECT 1 FROM "EventSlot" s WHERE s."eventId" = e."id") AS "hasSlots"
      FROM "Event" e WHERE e."code" = ${clean}`;
    const raw = rows[0];
    if (!raw) return null;
    this.rememberSlots(raw.id, raw.hasSlots === true || Number(raw.hasSlots) === 1);
    return toEvent(eventRowOf(raw));
  }

  private rememberSlots(eventId: string, has: boolean): void {
    if (this.hasSlots.size >= MAX_REMEMBERED_EVENTS) this.hasSlots.clear();
    this.hasSlots.set(eventId, has);
  }

  async update(id: string, patch: Parameters<EventRepository["update"]>[1]): Promise<CdceEvent> {
    return toEvent(await this.db.event.update({ where: { id }, data: patch }));
  }

  async list(f: EventFilter): Promise<CdceEvent[]> {
    const rows = await this.db.event.findMany({
      where: {
        endsAt: { gt: f.from },
        ...(f.includeCancelled ? {} : { state: "scheduled" }),
        ...(f.kinds ? { kind: { in: f.kinds } } : {}),
        // Its own local events, and the joint ones it co-owns.
        ...(f.communeId !== undefined ? { OR: [{ communeId: f.communeId }, { id: { in: await this.coOwned(f.communeId) } }] } : {}),
        ...(f.theme ? { theme: f.theme } : {}),
        ...(f.language ? { language: f.language } : {}),
        // A JSON array in a String column: the quoted value is unambiguous on both providers.
        ...(f.audience ? { audiences: { contains: JSON.stringify(f.audience) } } : {}),
      },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      take: Math.max(1, Math.floor(f.limit)),
    });
    return rows.map(toEvent);
  }

  private async coOwned(communeId: string): Promise<string[]> {
    const rows = await this.db.eventCommune.findMany({ where: { communeId }, select: { eventId: true } });
    return rows.map((r) => r.eventId);
  }

  async coOwners(eventId: string): Promise<string[]> {
    const rows = await this.db.eventCommune.findMany({ where: { eventId }, orderBy: [{ addedAt: "asc" }, { communeId: "asc" }] });
    return rows.map((r) => r.communeId);
  }

  async addCoOwner(eventId: string, communeId: string, at: Date): Promise<boolean> {
    try {
      // withSavepoint(): inside a unit of work, a pair already there must not spoil the transaction.
      await withSavepoint(this.db, () => this.db.eventCommune.create({ data: { eventId, communeId, addedAt: at } }));
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async series(seriesId: string): Promise<CdceEvent[]> {
    const rows = await this.db.event.findMany({ where: { seriesId }, orderBy: [{ startsAt: "asc" }, { id: "asc" }] });
    return rows.map(toEvent);
  }

  async slots(eventId: string) {
    // Most events (every webinar) have none, and every click asks: looked for in plain SQL
    // once per event and process, then known (see `slotted`).
    let has = this.hasSlots.get(eventId);
    if (has === undefined) {
      const any = await this.db.$queryRaw<Array<{ one: number | bigint }>>`SELECT 1 AS "one" FROM "EventSlot" WHERE "eventId" = ${eventId} LIMIT 1`;
      has = any.length > 0;
      this.rememberSlots(eventId, has);
    }
    if (!has) return [];
    const rows = await this.db.eventSlot.findMany({ where: { eventId }, orderBy: { position: "asc" } });
    return rows.map(toSlot);
  }

  async registrations(eventId: string, opts: { statuses?: Registration["status"][]; slotId?: string; personId?: string } = {}): Promise<Registration[]> {
    const rows = await this.db.registration.findMany({
      where: {
        eventId,
        ...(opts.statuses ? { status: { in: opts.statuses } } : {}),
        ...(opts.slotId !== undefined ? { slotId: opts.slotId } : {}),
        ...(opts.personId !== undefined ? { personId: opts.personId } : {}),
      },
      orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
    });
    return rows.map(toRegistration);
  }

  async forPerson(personId: string, from: Date) {
    const rows = await this.db.registration.findMany({
      where: { personId, status: { in: ["going", "waitlist"] }, event: { endsAt: { gt: from } } },
      include: { event: true },
      orderBy: [{ event: { startsAt: "asc" } }, { id: "asc" }],
    });
    return rows.map(({ event, ...r }) => ({ event: toEvent(event), registration: toRegistration(r) }));
  }

  async forCommune(communeId: string, from: Date) {
    const rows = await this.db.registration.findMany({
      where: { communeId, status: { in: ["going", "waitlist"] }, event: { endsAt: { gt: from }, state: "scheduled" } },
      include: { event: true },
      orderBy: [{ event: { startsAt: "asc" } }, { requestedAt: "asc" }, { id: "asc" }],
      take: 500,
    });
    return rows.map(({ event, ...r }) => ({ event: toEvent(event), registration: toRegistration(r) }));
  }

  async join(input: JoinInput): Promise<JoinResult> {
    const { onGoing } = input;
    // Outside a unit of work this transaction is the registration alone: what comes with a
    // seat is written once it committed, as a separate step.
    if (!inTransaction(this.db)) {
      const result = await this.joinOnce(input, false, undefined);
      if (result.outcome === "going") await onGoing?.(result.registration);
      return result;
    }
    if (input.seatLikely) {
      try {
        return await this.joinOnce(input, true, onGoing);
      } catch (error) {
        // The seat went to someone else meanwhile: the savepoint took the registration and
        // what came with it back; the seat is now asked for first.
        if (!(error instanceof SeatGone)) throw error;
      }
    } else {
      const waiting = await this.joinWhenFull(input);
      if (waiting) return waiting;
    }
    return this.joinOnce(input, false, onGoing);
  }

  /**
   * An event full when read (most clicks of a burst): the person goes on the waitlist in two
   * statements of the unit of work, without the savepoint a seat needs. Nothing here waits
   * for the seat's row (a full row does not match the conditional increment), and nothing is
   * written before a step that could fail for a race. null: the careful way is needed (a seat
   * came free meanwhile, or the person's row moved under this try), nothing left written.
   */
  private async joinWhenFull(input: JoinInput): Promise<JoinResult | null> {
    const { eventId, slotId } = input;
    const seat = await claimSeat(this.db, eventId, slotId, input.now);
    if (seat) {
      // Given back at once: the careful way takes it again, with its savepoint.
      await releaseSeat(this.db, eventId, slotId);
      return null;
    }
    const inserted = await this.insertRegistration(this.db, input, "waitlist");
    if (inserted) return { outcome: "waitlist", registration: inserted.registration, ...(inserted.position !== undefined ? { position: inserted.position } : {}) };
    try {
      const existing = await this.existingRegistration(this.db, input, "waitlist");
      return "outcome" in existing ? existing : { outcome: "waitlist", registration: existing };
    } catch (error) {
      if (error instanceof SeatConflict) return null;
      throw error;
    }
  }

  /**
   * The registration inserted straight away (plain SQL: an ORM query costs several times its
   * CPU); null when the person already has a row for this event (a double click, a comeback).
   * A waiting one comes back with its place (one round trip less for most clicks of a burst):
   * those waiting who asked earlier, as waitlistPosition() counts them.
   */
  private async insertRegistration(tx: Tx | Db, input: JoinInput, status: "going" | "waitlist"): Promise<{ registration: Registration; position?: number } | null> {
    const { eventId, slotId, personId, communeId, now, requestedAt = now } = input;
    const id = randomUUID();
    const registration: Registration = { id, eventId, slotId, personId, communeId, status, requestedAt, attendedAt: null };
    if (status === "going") {
      const inserted = await tx.$queryRaw<Array<{ id: string }>>`
        INSERT INTO "Registration" ("id", "eventId", "personId", "slotId", "communeId", "status", "requestedAt", "attendedAt", "createdAt", "updatedAt")
        VALUES (${id}, ${eventId}, ${personId}, ${slotId}, ${communeId}, ${status}, ${requestedAt}, ${null}, ${now}, ${now})
        ON CONFLICT ("eventId", "slotId", "personId") DO NOTHING
        RETURNING "id"`;
      return inserted.length ? { registration } : null;
    }
    const inserted = await tx.$queryRaw<Array<{ id: string; ahead: number | bigint }>>`
      INSERT INTO "Registration" ("id", "eventId", "personId", "slotId", "communeId", "status", "requestedAt", "attendedAt", "createdAt", "updatedAt")
      VALUES (${id}, ${eventId}, ${personId}, ${slotId}, ${communeId}, ${status}, ${requestedAt}, ${null}, ${now}, ${now})
      ON CONFLICT ("eventId", "slotId", "personId") DO NOTHING
      RETURNING "id", (SELECT COUNT(*) FROM "Registration" w
        WHERE w."eventId" = ${eventId} AND w."slotId" = ${slotId} AND w."status" = 'waitlist'
          AND (w."requestedAt" < ${requestedAt} OR (w."requestedAt" = ${requestedAt} AND w."id" < ${id}))) AS "ahead"`;
    return inserted.length ? { registration, position: Number(inserted[0]!.ahead) + 1 } : null;
  }

  /**
   * The person's row is there: the same place again (a result), or a comeback (the row of
   * someone who left, given `status`). SeatConflict when it moved under this try.
   */
  private async existingRegistration(tx: Tx | Db, input: JoinInput, status: "going" | "waitlist"): Promise<JoinResult | Registration> {
    const { eventId, slotId, personId, communeId, now, requestedAt = now } = input;
    const existing = await tx.registration.findUnique({ where: { eventId_slotId_personId: { eventId, slotId, personId } } });
    // Gone between the insert and this read (left and erased): the try is run again.
    if (!existing) throw new SeatConflict();
    if (existing.status !== "left") {
      // A double click whose later click was handled first: the place is the first click's.
      const first = requestedAt < existing.requestedAt ? requestedAt : existing.requestedAt;
      if (first !== existing.requestedAt) await tx.registration.updateMany({ where: { id: existing.id, requestedAt: { gt: first } }, data: { requestedAt: first } });
      return { outcome: existing.status === "going" ? "already_going" : "already_waitlist", registration: toRegistration({ ...existing, requestedAt: first }) };
    }
    const data = { status, requestedAt, communeId, attendedAt: null };
    const moved = await tx.registration.updateMany({ where: { id: existing.id, status: "left" }, data });
    if (moved.count === 0) throw new SeatConflict();
    return toRegistration({ ...existing, ...data });
  }

  /**
   * One try of a registration, in a transaction (a savepoint inside a unit of work). `seatLast`:
   * the registration as `going` and `onGoing` first, the seat at the end (SeatGone when there
   * is none left); else the seat first, and `onGoing` after it when one was taken.
   */
  private joinOnce(input: JoinInput, seatLast: boolean, onGoing: JoinInput["onGoing"]): Promise<JoinResult> {
    const { eventId, slotId, now } = input;
    return withRetry(this.db, async (tx) => {
      const isResult = (r: JoinResult | Registration): r is JoinResult => "outcome" in r;
      if (seatLast) {
        const inserted = await this.insertRegistration(tx, input, "going");
        const registration: Registration | JoinResult = inserted ? inserted.registration : await this.existingRegistration(tx, input, "going");
        if (isResult(registration)) return registration;
        await onGoing?.(registration);
        // Last before the commit: the seat's row stays locked for the shortest time.
        const seat = await claimSeat(tx, eventId, slotId, now);
        if (!seat) throw new SeatGone();
        return { outcome: "going", registration, ...(seat.taken !== undefined ? { seatsTaken: seat.taken } : {}) };
      }
      const seat = await claimSeat(tx, eventId, slotId, now);
      const status = seat ? "going" : "waitlist";
      const inserted = await this.insertRegistration(tx, input, status);
      const registration: Registration | JoinResult = inserted ? inserted.registration : await this.existingRegistration(tx, input, status);
      if (isResult(registration)) {
        // Already there: the seat just taken goes back.
        if (seat) await releaseSeat(tx, eventId, slotId);
        return registration;
      }
      if (!seat) return { outcome: "waitlist", registration, ...(inserted?.position !== undefined ? { position: inserted.position } : {}) };
      await onGoing?.(registration);
      return { outcome: "going", registration, ...(seat.taken !== undefined ? { seatsTaken: seat.taken } : {}) };
    });
  }

  async waitlistPosition(registration: Registration): Promise<number> {
    const { eventId, slotId, requestedAt, id } = registration;
    // Counted, not read: the waitlist of a burst holds hundreds of rows (plain SQL: every waitlisted click asks).
    const rows = await this.db.$queryRaw<Array<{ n: number | bigint }>>`
      SELECT COUNT(*) AS "n" FROM "Registration"
      WHERE "eventId" = ${eventId} AND "slotId" = ${slotId} AND "status" = 'waitlist'
        AND ("requestedAt" < ${requestedAt} OR ("requestedAt" = ${requestedAt} AND "id" <= ${id}))`;
    return Number(rows[0]?.n ?? 0);
  }

  leave(input: { eventId: string; slotId: string; personId: string }): Promise<LeaveResult> {
    const { eventId, slotId, personId } = input;
    return withRetry(this.db, async (tx) => {
      const existing = await tx.registration.findUnique({ where: { eventId_slotId_personId: { eventId, slotId, personId } } });
      if (!existing || existing.status === "left") return { left: null, promoted: [] };
      const moved = await tx.registration.updateMany({ where: { id: existing.id, status: existing.status }, data: { status: "left" } });
      if (moved.count === 0) throw new SeatConflict();
      if (existing.status !== "going") return { left: toRegistration(existing), promoted: [] };
      await releaseSeat(tx, eventId, slotId);
      return { left: toRegistration(existing), promoted: await promoteInTx(tx, eventId, slotId) };
    });
  }

  promote(eventId: string, slotId: string): Promise<Registration[]> {
    return withRetry(this.db, (tx) => promoteInTx(tx, eventId, slotId));
  }

  async shiftSlots(eventId: string, deltaMs: number): Promise<void> {
    const slots = await this.db.eventSlot.findMany({ where: { eventId } });
    await this.db.$transaction(
      slots.map((s) => this.db.eventSlot.update({ where: { id: s.id }, data: { startsAt: new Date(s.startsAt.getTime() + deltaMs), endsAt: new Date(s.endsAt.getTime() + deltaMs) } })),
    );
  }

  async setAttended(registrationId: string, at: Date | null): Promise<Registration | null> {
    try {
      return toRegistration(await this.db.registration.update({ where: { id: registrationId }, data: { attendedAt: at } }));
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async reminderPreference(personId: string): Promise<{ offsets: string[]; updatedAt: Date } | null> {
    const row = await this.db.reminderPreference.findUnique({ where: { personId } });
    if (!row) return null;
    return { offsets: parseStored(offsetsSchema, row.offsets, { table: "ReminderPreference", column: "offsets", id: personId }), updatedAt: row.updatedAt };
  }

  async setReminderOffsets(personId: string, offsets: string[]): Promise<void> {
    const value = JSON.stringify(offsetsSchema.parse(offsets));
    await this.db.reminderPreference.upsert({ where: { personId }, create: { personId, offsets: value }, update: { offsets: value } });
  }
}
