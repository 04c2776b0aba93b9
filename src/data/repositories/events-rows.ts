/** Row <-> domain conversions of the events tables, checked by zod on the way out. */
import { z } from "zod";
import type { Event as EventRow, EventSlot as SlotRow, Registration as RegistrationRow } from "../../generated/sqlite/client.js";
import { EVENT_AUDIENCES, EVENT_KINDS, EVENT_STATES, REGISTRATION_STATUSES, type CdceEvent, type EventSlot, type Registration } from "../../features/events/index.js";
import { checkStored, localeSchema, parseStored } from "../json.js";
import { instant, num } from "./watch-sql.js";

const kindSchema = z.enum(EVENT_KINDS);
const stateSchema = z.enum(EVENT_STATES);
const statusSchema = z.enum(REGISTRATION_STATUSES);
const audiencesSchema = z.array(z.enum(EVENT_AUDIENCES));
export const offsetsSchema = z.array(z.string().regex(/^\d{1,3}[dhm]$/)).max(6);

export function toEvent(row: EventRow): CdceEvent {
  const origin = (column: string) => ({ table: "Event", column, id: row.id });
  return {
    id: row.id,
    code: row.code,
    kind: checkStored(kindSchema, row.kind, origin("kind")),
    title: row.title,
    theme: row.theme,
    description: row.description,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    timeZone: row.timeZone,
    link: row.link,
    place: row.place,
    capacity: row.capacity,
    goingCount: row.goingCount,
    language: checkStored(localeSchema, row.language, origin("language")),
    audiences: parseStored(audiencesSchema, row.audiences, origin("audiences")),
    communeId: row.communeId,
    seriesId: row.seriesId,
    state: checkStored(stateSchema, row.state, origin("state")),
    campaign: row.campaign,
    sharedAt: row.sharedAt,
    sequence: row.sequence,
    createdBy: row.createdBy,
  };
}

/** An Event row read in plain SQL, with whether it has slots: dates and counts as each driver answers them. */
export type RawEventRow = { [K in keyof EventRow]: unknown } & { id: string; hasSlots: unknown };

export function eventRowOf(raw: RawEventRow): EventRow {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const when = (v: unknown, column: string) => {
    const d = instant(v);
    if (!d) throw new Error(`Event ${raw.id}: ${column} is not an instant`);
    return d;
  };
  return {
    id: raw.id,
    code: String(raw.code),
    kind: String(raw.kind),
    title: String(raw.title),
    theme: String(raw.theme),
    description: text(raw.description),
    startsAt: when(raw.startsAt, "startsAt"),
    endsAt: when(raw.endsAt, "endsAt"),
    timeZone: String(raw.timeZone),
    link: text(raw.link),
    place: text(raw.place),
    capacity: raw.capacity === null || raw.capacity === undefined ? null : num(raw.capacity),
    goingCount: num(raw.goingCount),
    language: String(raw.language),
    audiences: String(raw.audiences),
    communeId: text(raw.communeId),
    seriesId: text(raw.seriesId),
    state: String(raw.state),
    campaign: text(raw.campaign),
    sharedAt: instant(raw.sharedAt),
    sequence: num(raw.sequence),
    createdBy: text(raw.createdBy),
    createdAt: when(raw.createdAt, "createdAt"),
    updatedAt: when(raw.updatedAt, "updatedAt"),
  };
}

export function toSlot(row: SlotRow): EventSlot {
  return {
    id: row.id,
    eventId: row.eventId,
    position: row.position,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    capacity: row.capacity,
    takenCount: row.takenCount,
  };
}

export function toRegistration(row: RegistrationRow): Registration {
  return {
    id: row.id,
    eventId: row.eventId,
    personId: row.personId,
    slotId: row.slotId,
    communeId: row.communeId,
    status: checkStored(statusSchema, row.status, { table: "Registration", column: "status", id: row.id }),
    requestedAt: row.requestedAt,
    attendedAt: row.attendedAt,
  };
}

/** Short codes: no 0/o, 1/l/i to read them aloud; always a letter and a digit. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

export function newCode(random: () => number = Math.random): string {
  for (;;) {
    let code = "";
    for (let i = 0; i < 5; i++) code += ALPHABET[Math.floor(random() * ALPHABET.length)];
    if (/\d/.test(code) && /[a-z]/.test(code)) return code;
  }
}
