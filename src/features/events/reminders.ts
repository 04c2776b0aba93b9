/**
 * When reminders go out: pure functions, tested across the DST changes.
 *
 * An offset is `<n>d` (n days before, at 09:00 in the person's zone), `<n>h` or `<n>m`
 * (exactly that long before the start). Defaults: 7 days and 1 day before at 09:00 and
 * 1 hour before for webinars and trainings; the day before and 2 hours before for local
 * events. People change theirs with `/cdce rappels 3j 1h`.
 */
import { atLocalTimeDaysBefore, type LocalTime } from "../../core/time/local.js";
import { wordTable } from "../../core/word-table.js";
import type { CdceEvent } from "./model.js";

export type Offset = `${number}${"d" | "h" | "m"}`;

export const DEFAULT_OFFSETS: Record<"network" | "local", Offset[]> = {
  network: ["7d", "1d", "1h"],
  local: ["1d", "2h"],
};

/** Day reminders go out at this local time. */
export const REMINDER_TIME: LocalTime = { hour: 9, minute: 0 };

/** Most offsets a person may keep (each one is a message). */
export const MAX_OFFSETS = 4;

const UNIT = wordTable<"d" | "h" | "m">({
  d: "d", j: "d", t: "d", jour: "d", jours: "d", day: "d", days: "d", dag: "d", dagen: "d", tag: "d", tage: "d",
  h: "h", u: "h", heure: "h", heures: "h", hour: "h", hours: "h", uur: "h", std: "h", stunde: "h", stunden: "h",
  m: "m", min: "m", mn: "m", minute: "m", minutes: "m", minuten: "m",
});

/**
 * Reads offsets typed by a person: `7j 1j 1h`, `7d,1d,1h`, `2 Tage 1 Stunde`, `1 dag 30 min`.
 * Returns null when something is unreadable or out of range (1 minute to 60 days).
 */
export function parseOffsets(raw: string): Offset[] | null {
  const s = raw.toLowerCase().replace(/[,;+]/g, " ").trim();
  if (!s) return null;
  const out: Offset[] = [];
  const re = /(\d{1,3})\s*([a-z]+)/g;
  let consumed = "";
  for (const m of s.matchAll(re)) {
    const unit = UNIT.get(m[2]!);
    if (!unit) return null;
    const n = Number(m[1]);
    const minutes = n * (unit === "d" ? 1440 : unit === "h" ? 60 : 1);
    if (n < 1 || minutes > 60 * 1440) return null;
    out.push(`${n}${unit}` as Offset);
    consumed += m[0];
  }
  if (out.length === 0 || consumed.replace(/\s/g, "").length !== s.replace(/\s/g, "").length) return null;
  const unique = [...new Set(out)].sort((a, b) => offsetMinutes(b) - offsetMinutes(a));
  return unique.length <= MAX_OFFSETS ? unique : null;
}

export function offsetMinutes(o: Offset): number {
  const n = Number.parseInt(o, 10);
  return o.endsWith("d") ? n * 1440 : o.endsWith("h") ? n * 60 : n;
}

/** The instant of one reminder: day offsets at 09:00 in `zone`, the others exactly before. */
export function reminderDue(start: Date, offset: Offset, zone: string): Date {
  const n = Number.parseInt(offset, 10);
  if (offset.endsWith("d")) return atLocalTimeDaysBefore(start, n, REMINDER_TIME, zone);
  return new Date(start.getTime() - offsetMinutes(offset) * 60_000);
}

/** `20270312T130000Z`: the start in a key, so that a moved event gets new keys. */
export const instantKey = (d: Date) => d.toISOString().replace(/[-:]|\.\d{3}/g, "");

/** Prefix of every reminder of an event (for one person when given). */
export const reminderPrefix = (eventId: string, personId?: string) => `evt:${eventId}:rem:${personId ? `${personId}:` : ""}`;

/** A compact, stable stamp of an instant for keys (base 36 milliseconds). */
export const stamp = (d: Date) => d.getTime().toString(36);

export interface PlannedReminder {
  key: string;
  offset: Offset;
  dueAt: Date;
  /** The start: a reminder still queued then is pointless and dropped. */
  expiresAt: Date;
}

/**
 * The reminders one registered person should get: those still ahead of `now`, before the
 * start, one per distinct instant (two offsets falling on the same minute make one message).
 *
 * Keys: `evt:<event>:rem:<person>:<version>:<start>:<offset>`. A cancelled key is never
 * queued again by the outbox, so whatever makes a new logical reminder is in the key:
 * `version` (the registration's request stamp and the preference's stamp: leaving and
 * joining again, or changing one's offsets, gives new keys) and the start (a move re-keys).
 */
export function planReminders(input: {
  event: Pick<CdceEvent, "id" | "startsAt">;
  personId: string;
  zone: string;
  offsets: readonly Offset[];
  now: Date;
  version?: string;
}): PlannedReminder[] {
  const { event, personId, zone, offsets, now } = input;
  const version = input.version ?? "0";
  const seen = new Set<number>();
  const out: PlannedReminder[] = [];
  for (const offset of offsets) {
    const dueAt = reminderDue(event.startsAt, offset, zone);
    if (dueAt.getTime() <= now.getTime() || dueAt.getTime() >= event.startsAt.getTime() || seen.has(dueAt.getTime())) continue;
    seen.add(dueAt.getTime());
    out.push({ key: `${reminderPrefix(event.id, personId)}${version}:${instantKey(event.startsAt)}:${offset}`, offset, dueAt, expiresAt: event.startsAt });
  }
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}
