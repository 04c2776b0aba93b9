/**
 * The bot's events mirrored on a platform's own calendar (a Discord guild's scheduled
 * events): what a feature asks for (a {@link CalendarEntry}, queued through the outbox so a
 * crash never leaves the platform out of step), where the mapping to the platform's entry is
 * kept ({@link CalendarMirrorStore}, implemented in src/data), and how many people there said
 * they are interested ({@link PlatformCalendars}, registered by the platform adapters).
 */
import { z } from "zod";
import type { Platform } from "./types.js";

/** One event as a platform calendar shows it; the outbox stores it as the row's payload. */
export const calendarEntrySchema = z.object({
  /** The event's id: one entry per event and workspace. */
  ref: z.string().min(1).max(100),
  /** The event's version (bumped by each move, edit or cancellation): an older one never wins. */
  sequence: z.number().int().min(0),
  title: z.string().min(1).max(100),
  description: z.string().max(1000),
  /**
   * Text the description always contains and no other event's does (`/cdce webinaire k3x9q`):
   * after a crash between the platform's answer and the mapping being saved, the entry is
   * found by it instead of being created twice.
   */
  marker: z.string().min(1).max(100),
  startsAt: z.coerce.date(),
  endsAt: z.coerce.date(),
  /** The link (online) or the place; at most 100 characters (Discord's limit). */
  location: z.string().min(1).max(100),
  cancelled: z.boolean(),
});
export type CalendarEntry = z.infer<typeof calendarEntrySchema>;

/** The outbox payload of a `calendar` row: the entry, and a one-line summary for `/cdce admin envois`. */
export function encodeCalendarPayload(entry: CalendarEntry, summary: string): string {
  return JSON.stringify({ text: summary, calendar: calendarEntrySchema.parse(entry) });
}

export function decodeCalendarPayload(payload: string): CalendarEntry {
  return calendarEntrySchema.parse((JSON.parse(payload) as { calendar?: unknown }).calendar);
}

/** The platform's entry for one event in one workspace. */
export interface CalendarMirror {
  ref: string;
  platform: Platform;
  workspaceId: string;
  externalId: string;
  sequence: number;
  cancelled: boolean;
}

/** Where the mapping event → platform entry is kept. */
export interface CalendarMirrorStore {
  get(ref: string, platform: Platform, workspaceId: string): Promise<CalendarMirror | null>;
  /** Records the entry at this sequence (never lowers a stored sequence). */
  save(mirror: CalendarMirror): Promise<void>;
  /** Every workspace's entry for the event. */
  forRef(ref: string): Promise<CalendarMirror[]>;
}

/** What a platform says of its entries (Discord: `user_count` of a guild scheduled event). */
export interface CalendarReader {
  /** People interested in the entry; null when the platform does not say. May throw. */
  interested(workspaceId: string, externalId: string): Promise<number | null>;
}

/**
 * The calendar readers of the platforms running in this process, with a short cache and a
 * time limit: a reply that shows the count never waits long for it, and a card shown many
 * times in a row asks the platform once.
 */
export class PlatformCalendars {
  private readonly readers = new Map<Platform, CalendarReader>();
  private readonly cache = new Map<string, { at: number; value: number | null }>();

  constructor(private readonly o: { ttlMs?: number; timeoutMs?: number; now?: () => number } = {}) {}

  register(platform: Platform, reader: CalendarReader): void {
    this.readers.set(platform, reader);
  }

  /**
   * People interested in the event over every platform that mirrors it, or null when none
   * can tell now (no mirror, no reader running here, no answer in time).
   */
  async interested(mirrors: readonly CalendarMirror[]): Promise<number | null> {
    const counts = await Promise.all(mirrors.filter((m) => !m.cancelled).map((m) => this.one(m)));
    const known = counts.filter((c): c is number => c !== null);
    return known.length ? known.reduce((a, b) => a + b, 0) : null;
  }

  private async one(m: CalendarMirror): Promise<number | null> {
    const reader = this.readers.get(m.platform);
    if (!reader) return null;
    // The machine's clock, not the services' one: a cache lifetime is about real seconds.
    const now = this.o.now ?? (() => performance.now());
    const key = `${m.platform}\u0000${m.workspaceId}\u0000${m.externalId}`;
    const hit = this.cache.get(key);
    if (hit && now() - hit.at < (this.o.ttlMs ?? 60_000)) return hit.value;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), this.o.timeoutMs ?? 800)));
    const asked = reader.interested(m.workspaceId, m.externalId).then(
      (value) => {
        this.cache.set(key, { at: now(), value });
        return value;
      },
      () => null,
    );
    try {
      return await Promise.race([asked, late]);
    } finally {
      clearTimeout(timer);
    }
  }
}
