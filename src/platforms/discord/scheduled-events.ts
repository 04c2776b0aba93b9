/**
 * The bot's events as the guild's scheduled events (Discord's "Events" list): one external
 * event (entity_type 3, `entity_metadata.location` = the link or the place) per CDCE event,
 * visible to the guild's members only (privacy_level 2), created, moved and cancelled as the
 * outbox's `calendar` rows ask (src/delivery/calendar-sync.ts), and the number of people who
 * clicked "Interested" (`user_count`, read with `with_user_count=true`).
 *
 * Needs the Manage Events permission (invite.ts). Routes (Discord's documentation, "Guild
 * Scheduled Event"): POST/GET `/guilds/{id}/scheduled-events`, GET/PATCH/DELETE
 * `/guilds/{id}/scheduled-events/{event}`; status 1 scheduled, 2 active, 3 completed,
 * 4 canceled; only a scheduled event can be canceled (an active one is deleted instead).
 */
import { DiscordAPIError, RESTJSONErrorCodes, Routes, type REST } from "discord.js";
import type { CalendarEntry, CalendarReader } from "../../core/calendar.js";
import type { SentMessage } from "../../core/outbound.js";
import { classifyDiscordError } from "./sender.js";

/** What the API returns of a scheduled event (the fields read here). */
interface ScheduledEvent {
  id: string;
  status: number;
  description?: string | null;
  user_count?: number;
}

const SCHEDULED = 1;
const ACTIVE = 2;
const CANCELED = 4;
const EXTERNAL = 3;
const GUILD_ONLY = 2;

/** Stands for "nothing on Discord" in the mapping (a cancellation of an entry never created). */
export const NO_ENTRY = "none";

const unknownEvent = (err: unknown) => err instanceof DiscordAPIError && (err.code === RESTJSONErrorCodes.UnknownGuildScheduledEvent || err.status === 404);

/** The fields that make the entry look like the event. */
function fields(entry: CalendarEntry) {
  return {
    name: entry.title,
    description: entry.description,
    scheduled_start_time: entry.startsAt.toISOString(),
    scheduled_end_time: entry.endsAt.toISOString(),
    entity_type: EXTERNAL,
    entity_metadata: { location: entry.location },
    privacy_level: GUILD_ONLY,
  };
}

/** The guild's scheduled events, as a calendar the outbox keeps in step. */
export function discordCalendar(rest: REST) {
  const call = async <T>(what: string, work: () => Promise<unknown>): Promise<T> => {
    try {
      return (await work()) as T;
    } catch (err) {
      throw classifyDiscordError(err, what);
    }
  };

  /** After a crash between Discord's answer and the mapping being saved: the entry made then. */
  async function findByMarker(guildId: string, marker: string): Promise<ScheduledEvent | undefined> {
    const list = await call<ScheduledEvent[]>(`list scheduled events of ${guildId}`, () => rest.get(Routes.guildScheduledEvents(guildId)));
    return list.find((e) => (e.status === SCHEDULED || e.status === ACTIVE) && (e.description ?? "").includes(marker));
  }

  async function cancel(guildId: string, id: string): Promise<void> {
    try {
      await rest.patch(Routes.guildScheduledEvent(guildId, id), { body: { status: CANCELED } });
    } catch (err) {
      if (unknownEvent(err)) return; // deleted on Discord already: what we wanted
      // Under way (active) or already over: it cannot be canceled, only deleted.
      if (err instanceof DiscordAPIError && err.status === 400) {
        await call(`delete scheduled event ${id}`, () => rest.delete(Routes.guildScheduledEvent(guildId, id)).catch((e: unknown) => (unknownEvent(e) ? undefined : Promise.reject(e))));
        return;
      }
      throw classifyDiscordError(err, `cancel scheduled event ${id}`);
    }
  }

  async function sync(guildId: string, entry: CalendarEntry, knownId: string | null): Promise<SentMessage> {
    let id = knownId && knownId !== NO_ENTRY ? knownId : (await findByMarker(guildId, entry.marker))?.id;
    if (entry.cancelled) {
      if (id) await cancel(guildId, id);
      return { externalId: id ?? NO_ENTRY };
    }
    if (id) {
      try {
        await rest.patch(Routes.guildScheduledEvent(guildId, id), { body: fields(entry) });
        return { externalId: id };
      } catch (err) {
        // Deleted by someone on Discord: made again below, since the event still stands.
        if (!unknownEvent(err)) throw classifyDiscordError(err, `update scheduled event ${id}`);
        id = undefined;
      }
    }
    const created = await call<ScheduledEvent>(`create a scheduled event in ${guildId}`, () => rest.post(Routes.guildScheduledEvents(guildId), { body: fields(entry) }));
    return { externalId: created.id };
  }

  const reader: CalendarReader = {
    async interested(guildId, externalId) {
      if (externalId === NO_ENTRY) return null;
      const query = new URLSearchParams({ with_user_count: "true" });
      const event = (await rest.get(Routes.guildScheduledEvent(guildId, externalId), { query })) as ScheduledEvent;
      return typeof event.user_count === "number" ? event.user_count : null;
    },
  };

  return { sync, reader };
}
