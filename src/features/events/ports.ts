/**
 * What the events feature needs from storage. src/data/repositories/events*.ts implements
 * it with Prisma; seat counting is atomic there (conditional updates in a transaction), so
 * that concurrent clicks never give more seats than the capacity.
 */
import type { CdceEvent, EventKind, EventSlot, NewEvent, NewSlot, Registration } from "./model.js";

export interface EventFilter {
  /** Events ending after this instant. */
  from: Date;
  kinds?: EventKind[];
  /** Local events of this commune (and only those): its own and those it co-owns (EventCommune). */
  communeId?: string;
  theme?: string;
  language?: string;
  audience?: string;
  includeCancelled?: boolean;
  limit: number;
}

export type JoinOutcome = "going" | "waitlist" | "already_going" | "already_waitlist";

export interface JoinResult {
  outcome: JoinOutcome;
  registration: Registration;
  /** Seats of the event (or slot) taken right after this registration took one (outcome `going`). */
  seatsTaken?: number;
  /** Place on the waitlist when it was joined (outcome `waitlist`), when the repository counted it on the way. */
  position?: number;
}

/** What {@link EventRepository.join} is told besides who registers where. */
export interface JoinInput {
  eventId: string;
  slotId: string;
  personId: string;
  communeId: string | null;
  now: Date;
  requestedAt?: Date;
  /**
   * Written when the person gets a seat (their reminders). Inside the caller's unit of work,
   * in the same transaction as the registration; otherwise once the registration committed.
   */
  onGoing?: (registration: Registration) => Promise<void>;
  /**
   * The caller expects a free seat (the event was not full when read). Inside a unit of work,
   * the registration and `onGoing` are then written first and the seat is claimed last, so that
   * the seat's row lock, which every concurrent click waits for, is held only until the commit;
   * if the seat is gone by then, that work is rolled back and the person waits. Otherwise the
   * seat is claimed first (a full event: no lock is taken when no seat is free).
   */
  seatLikely?: boolean;
}

export interface LeaveResult {
  /** The registration that was left, or null when the person was not registered. */
  left: Registration | null;
  /** People moved from the waitlist to a seat (to be told at once). */
  promoted: Registration[];
}

export interface EventRepository {
  /** Stores a new event (and its slots) under a fresh short code. */
  create(event: NewEvent, slots?: NewSlot[]): Promise<CdceEvent>;
  get(id: string): Promise<CdceEvent | null>;
  /** By short code, ignoring case. */
  byCode(code: string): Promise<CdceEvent | null>;
  /** Changes fields; returns the stored event. */
  update(id: string, patch: Partial<Pick<CdceEvent, "startsAt" | "endsAt" | "state" | "sequence" | "sharedAt" | "capacity" | "link" | "title">>): Promise<CdceEvent>;
  /** Scheduled events ending after `from`, soonest first. */
  list(filter: EventFilter): Promise<CdceEvent[]>;
  /** The communes that co-own a local event besides its own (joint actions), oldest first. */
  coOwners(eventId: string): Promise<string[]>;
  /** Adds a co-owning commune; false when it already was one. */
  addCoOwner(eventId: string, communeId: string, at: Date): Promise<boolean>;
  /** Sessions of a series, in order. */
  series(seriesId: string): Promise<CdceEvent[]>;
  slots(eventId: string): Promise<EventSlot[]>;
  /** Registrations of an event (all slots unless `slotId` is given), oldest request first. */
  registrations(eventId: string, opts?: { statuses?: Registration["status"][]; slotId?: string; personId?: string }): Promise<Registration[]>;
  /** A person's registrations with their events, events ending after `from`. */
  forPerson(personId: string, from: Date): Promise<{ event: CdceEvent; registration: Registration }[]>;
  /** Registrations made from a commune (its members), with their events ending after `from`. */
  forCommune(communeId: string, from: Date): Promise<{ event: CdceEvent; registration: Registration }[]>;
  /**
   * Takes a seat if one is free, else a place on the waitlist. Idempotent: asking twice
   * keeps the first answer. Atomic: never more `going` than the capacity.
   */
  /**
   * Registers one person. `requestedAt` (default `now`) places them in the waitlist: when they
   * clicked, as the platform stamped it, so that the waitlist follows the clicks' order
   * whichever replica handled each click first.
   */
  join(input: JoinInput): Promise<JoinResult>;
  /** Place (1 = next) of a waiting registration on its event's (or slot's) waitlist, in request order. */
  waitlistPosition(registration: Registration): Promise<number>;
  /** Leaves the seat or the waitlist; a freed seat goes to the first on the waitlist. */
  leave(input: { eventId: string; slotId: string; personId: string }): Promise<LeaveResult>;
  /** Fills free seats from the waitlist (after a capacity increase). */
  promote(eventId: string, slotId: string): Promise<Registration[]>;
  /** Shifts every slot of an event by `deltaMs` (the event moved). */
  shiftSlots(eventId: string, deltaMs: number): Promise<void>;
  /** Records (or clears, with null) attendance. */
  setAttended(registrationId: string, at: Date | null): Promise<Registration | null>;
  /** A person's reminder offsets (`["7d","1d","1h"]`) and when they were set, or null for the defaults. */
  reminderPreference(personId: string): Promise<{ offsets: string[]; updatedAt: Date } | null>;
  setReminderOffsets(personId: string, offsets: string[]): Promise<void>;
}
