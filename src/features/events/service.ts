/**
 * The events feature's use cases, over the repository and the Notifier: create and
 * announce, RSVP with waitlist promotion, reminders, cancellation and moves. Everything the
 * bot says on its own goes through the Notifier with stable keys:
 * - `evt:<id>:announce:s<sequence>`            announcement to the network's channels
 * - `evt:<id>:rem:<person>:<version>:<start>:<offset>`   a reminder (see planReminders)
 * - `evt:<id>:promoted:<person>:<requested>`   "a seat freed up, you are in"
 * - `evt:<id>:cancelled:<person>`, `evt:<id>:moved:s<sequence>:<person>`
 */
import type { Logger } from "../../core/logger.js";
import type { Notifier } from "../../core/notify.js";
import type { Repositories } from "../../core/ports.js";
import { DEFAULT_TIME_ZONE, type Actor } from "../../core/types.js";
import type { CdceEvent, NewEvent, NewSlot, Registration } from "./model.js";
import { isNetworkEvent } from "./model.js";
import type { EventRepository, JoinResult, LeaveResult } from "./ports.js";
import { DEFAULT_OFFSETS, planReminders, reminderPrefix, stamp, type Offset } from "./reminders.js";
import { announcement, notice, seriesAnnouncement, whenText } from "./render.js";
import { reply } from "../../core/reply.js";
import { promotedPrefix } from "./told.js";
import { translator } from "../../core/i18n/catalogue.js";
import { interestedIn, mirrorOnCalendars, type EventCalendar } from "./calendar.js";

export interface EventServiceDeps {
  repo: EventRepository;
  notifier: Notifier;
  repos: Repositories;
  logger: Logger;
  /** Where events are mirrored on platform calendars (absent: not mirrored, no count shown). */
  calendar?: EventCalendar;
}

export class EventService {
  constructor(private readonly deps: EventServiceDeps) {}

  get repo(): EventRepository {
    return this.deps.repo;
  }

  /** Creates a network webinar or training and announces it to the network's channels. */
  async createNetwork(input: NewEvent, now: Date): Promise<CdceEvent> {
    const event = await this.deps.repo.create(input);
    await this.announce(event, now);
    await this.attendancePrompt(event);
    await mirrorOnCalendars(this.deps.notifier, event, now);
    this.deps.logger.info({ event: event.id, code: event.code, kind: event.kind }, "event created");
    return event;
  }

  /**
   * Creates the sessions of a series (each its own event and RSVP) and announces the
   * series once, with a button per upcoming session.
   */
  async createSeries(sessions: NewEvent[], now: Date): Promise<CdceEvent[]> {
    const created: CdceEvent[] = [];
    for (const input of sessions) {
      const event = await this.deps.repo.create(input);
      await this.attendancePrompt(event);
      await mirrorOnCalendars(this.deps.notifier, event, now);
      created.push(event);
    }
    const first = created[0];
    if (first) {
      await this.deps.notifier.enqueue({
        key: `series:${first.seriesId}:announce`,
        to: { kind: "purpose", purpose: "network" },
        dueAt: now,
        expiresAt: created[created.length - 1]!.startsAt,
        render: seriesAnnouncement(created),
      });
    }
    this.deps.logger.info({ series: first?.seriesId, sessions: created.length }, "series created");
    return created;
  }

  /** Creates a local event of a commune (with its volunteer slots); not announced. */
  async createLocal(input: NewEvent, slots: NewSlot[], now: Date): Promise<CdceEvent> {
    const event = await this.deps.repo.create(input, slots);
    await mirrorOnCalendars(this.deps.notifier, event, now);
    // An awareness action of the commune (criterion 4 of the title), dated when it happens,
    // so the momentum watch counts it (and knows when it falls in the Semaine).
    if (event.communeId) {
      await this.deps.repos.activity.record({
        communeId: event.communeId,
        personId: event.createdBy,
        kind: "event",
        at: event.startsAt,
        data: { eventId: event.id, code: event.code, title: event.title, type: event.theme, criteria: [4], campaign: event.campaign },
      });
    }
    this.deps.logger.info({ event: event.id, code: event.code, commune: event.communeId }, "local event created");
    return event;
  }

  /** Posts the event with its RSVP buttons in every network channel (every platform). */
  async announce(event: CdceEvent, now: Date, intro: "ev.announce.intro" | "ev.announce.shared" = "ev.announce.intro", commune = "", partnerNames: readonly string[] = []): Promise<void> {
    await this.deps.notifier.enqueue({
      key: `evt:${event.id}:announce:s${event.sequence}`,
      to: { kind: "purpose", purpose: "network" },
      dueAt: now,
      expiresAt: event.startsAt,
      render: announcement(event, intro, { commune }, partnerNames),
    });
  }

  /**
   * When the session is over, coordination's channels get "who came?" with the button that
   * records attendance. Queued at creation, re-keyed by each move (the sequence in the key).
   */
  async attendancePrompt(event: CdceEvent): Promise<void> {
    if (!isNetworkEvent(event)) return;
    await this.deps.notifier.enqueue({
      key: `evt:${event.id}:attendance:s${event.sequence}`,
      to: { kind: "purpose", purpose: "coordination" },
      dueAt: event.endsAt,
      expiresAt: new Date(event.endsAt.getTime() + 7 * 86_400_000),
      render: (locale) => {
        const t = translator(locale);
        return reply(locale, [
          { type: "section", text: t("ev.attendance.prompt", { title: event.title, code: event.code }) },
          { type: "actions", buttons: [{ label: t("ev.attendance.button"), command: `webinaire presences ${event.code}`, style: "primary" }] },
        ], "channel");
      },
    });
  }

  /**
   * Registers the actor (the event, or one slot of it); reminders when a seat is taken, in the
   * same unit of work. `requestedAt`: when the person clicked (the waitlist's order), `now` by
   * default. The result says which reminder offsets the person gets when seated.
   */
  async join(event: CdceEvent, actor: Actor, slotId: string, now: Date, requestedAt: Date = now): Promise<JoinResult & { offsets?: Offset[] }> {
    // An event that was full when read (in this unit) most likely still is: the seat is asked
    // for first and nothing is prepared for it. Otherwise the registration and its reminders
    // are written first and the seat is claimed last (see JoinInput.seatLikely): in a burst,
    // every click that can still get a seat waits for the seat's row until the click before it
    // commits, so the less work after the seat is taken, the shorter the queue.
    const full = slotId === "" && event.capacity !== null && event.goingCount >= event.capacity;
    let offsets: Offset[] | undefined;
    const onGoing = async () => {
      // The actor is the person: their zone is known without a read.
      const pref = await this.offsetsFor(actor.personId, event);
      offsets = pref.offsets;
      await this.scheduleReminders(event, actor.personId, now, { zone: actor.timeZone, pref });
    };
    const result = await this.deps.repo.join({ eventId: event.id, slotId, personId: actor.personId, communeId: actor.communeIds[0] ?? null, now, requestedAt, seatLikely: !full, onGoing });
    return offsets ? { ...result, offsets } : result;
  }

  /** Unregisters the actor; whoever gets the freed seat is told at once and gets reminders. */
  async leave(event: CdceEvent, actor: Actor, slotId: string, now: Date): Promise<LeaveResult> {
    const result = await this.deps.repo.leave({ eventId: event.id, slotId, personId: actor.personId });
    if (!result.left) return result;
    const others = await this.deps.repo.registrations(event.id, { statuses: ["going", "waitlist"] });
    // Reminders are per person and event: keep them while the person holds another slot.
    if (!others.some((r) => r.personId === actor.personId)) await this.deps.notifier.cancel(reminderPrefix(event.id, actor.personId));
    await this.notifyPromoted(event, result.promoted, now);
    return result;
  }

  async notifyPromoted(event: CdceEvent, promoted: Registration[], now: Date): Promise<void> {
    for (const r of promoted) {
      const zone = await this.zoneOf(r.personId);
      await this.deps.notifier.enqueue({
        key: `${promotedPrefix(event.id)}${r.personId}:${stamp(r.requestedAt)}`,
        to: { kind: "person", personId: r.personId },
        dueAt: now,
        expiresAt: event.startsAt,
        render: notice(event, zone, (t, locale) => t("ev.notice.promoted", { title: event.title, when: whenText(event, zone, locale) })),
      });
      await this.scheduleReminders(event, r.personId, now);
      this.deps.logger.info({ event: event.id, person: r.personId }, "promoted from the waitlist");
    }
  }

  /** The person's offsets (and their stamp), else the defaults of the event's kind. */
  async offsetsFor(personId: string, event: Pick<CdceEvent, "kind">): Promise<{ offsets: Offset[]; stamp: string }> {
    const own = await this.deps.repo.reminderPreference(personId);
    if (own && own.offsets.length) return { offsets: own.offsets as Offset[], stamp: stamp(own.updatedAt) };
    return { offsets: DEFAULT_OFFSETS[isNetworkEvent(event) ? "network" : "local"], stamp: own ? stamp(own.updatedAt) : "d" };
  }

  /**
   * Queues the reminders one person should get for one event (idempotent by key). They are
   * anchored on the start of the earliest slot the person holds (volunteers), else the event's.
   */
  async scheduleReminders(
    event: CdceEvent,
    personId: string,
    now: Date,
    prepared?: { zone: string; pref: { offsets: Offset[]; stamp: string } },
  ): Promise<number> {
    const held = await this.deps.repo.registrations(event.id, { statuses: ["going"], personId });
    if (held.length === 0 || event.state !== "scheduled") return 0;
    const slots = held.some((r) => r.slotId) ? await this.deps.repo.slots(event.id) : [];
    const starts = held.map((r) => slots.find((s) => s.id === r.slotId)?.startsAt ?? event.startsAt);
    const anchor = new Date(Math.min(...starts.map((d) => d.getTime())));
    const requested = new Date(Math.min(...held.map((r) => r.requestedAt.getTime())));
    const zone = prepared?.zone ?? (await this.zoneOf(personId));
    const pref = prepared?.pref ?? (await this.offsetsFor(personId, event));
    // The sequence too: a new link or title gives new reminders (their text is frozen when queued).
    const version = `${stamp(requested)}.${pref.stamp}.s${event.sequence}`;
    const plans = planReminders({ event: { id: event.id, startsAt: anchor }, personId, zone, offsets: pref.offsets, now, version });
    // One write for all of them: the person's accounts are looked up once.
    const queued = await this.deps.notifier.enqueueAll(
      plans.map((p) => ({
        key: p.key,
        to: { kind: "person", personId },
        dueAt: p.dueAt,
        expiresAt: p.expiresAt,
        render: notice(event, zone, (t, locale) => t("ev.notice.reminder", { title: event.title, when: whenText(event, zone, locale), offset: p.offset })),
      })),
    );
    // Planned is not queued: a person with no Slack or Discord account gets none of them.
    return queued.queued + queued.duplicates > 0 ? plans.length : 0;
  }

  /** After a change of offsets: drops the person's queued reminders and plans them again. */
  async replanFor(personId: string, now: Date): Promise<number> {
    let count = 0;
    for (const { event, registration } of await this.deps.repo.forPerson(personId, now)) {
      if (registration.status !== "going" || event.state !== "scheduled") continue;
      await this.deps.notifier.cancel(reminderPrefix(event.id, personId));
      count += await this.scheduleReminders(event, personId, now);
    }
    return count;
  }

  /** Cancels the event: no reminder goes out any more, every registered person is told. */
  async cancel(event: CdceEvent, now: Date): Promise<CdceEvent> {
    const cancelled = await this.deps.repo.update(event.id, { state: "cancelled", sequence: event.sequence + 1 });
    await this.deps.notifier.cancel(reminderPrefix(event.id));
    await this.deps.notifier.cancel(`evt:${event.id}:announce:`);
    await this.deps.notifier.cancel(`evt:${event.id}:attendance:`);
    await mirrorOnCalendars(this.deps.notifier, cancelled, now);
    for (const personId of await this.registeredPeople(event.id)) {
      const zone = await this.zoneOf(personId);
      await this.deps.notifier.enqueue({
        key: `evt:${event.id}:cancelled:${personId}`,
        to: { kind: "person", personId },
        dueAt: now,
        expiresAt: event.endsAt,
        render: notice(cancelled, zone, (t, locale) => t("ev.notice.cancelled", { title: event.title, when: whenText(event, zone, locale) }), { buttons: false }),
      });
    }
    this.deps.logger.info({ event: event.id }, "event cancelled");
    return cancelled;
  }

  /** Moves the event: registered people are told, reminders are planned again for the new time. */
  async move(event: CdceEvent, startsAt: Date, endsAt: Date, now: Date): Promise<CdceEvent> {
    const moved = await this.deps.repo.update(event.id, { startsAt, endsAt, sequence: event.sequence + 1 });
    await this.deps.repo.shiftSlots(event.id, startsAt.getTime() - event.startsAt.getTime());
    await this.deps.notifier.cancel(`evt:${event.id}:attendance:`);
    await this.attendancePrompt(moved);
    await mirrorOnCalendars(this.deps.notifier, moved, now);
    await this.deps.notifier.cancel(reminderPrefix(event.id));
    const going = await this.deps.repo.registrations(event.id, { statuses: ["going"] });
    for (const personId of await this.registeredPeople(event.id)) {
      const zone = await this.zoneOf(personId);
      await this.deps.notifier.enqueue({
        key: `evt:${event.id}:moved:s${moved.sequence}:${personId}`,
        to: { kind: "person", personId },
        dueAt: now,
        expiresAt: moved.startsAt,
        render: notice(moved, zone, (t, locale) => t("ev.notice.moved", { title: moved.title, when: whenText(moved, zone, locale), before: whenText(event, zone, locale) })),
      });
    }
    for (const personId of new Set(going.map((r) => r.personId))) await this.scheduleReminders(moved, personId, now);
    this.deps.logger.info({ event: event.id, from: event.startsAt, to: startsAt }, "event moved");
    return moved;
  }

  /**
   * Changes the title, the link or the capacity. A larger capacity fills from the waitlist
   * (each promoted person told at once); a new title or link re-plans the queued reminders.
   */
  async edit(event: CdceEvent, patch: { title?: string; link?: string; capacity?: number | null }, now: Date): Promise<{ event: CdceEvent; promoted: Registration[] }> {
    const details = (patch.title !== undefined && patch.title !== event.title) || (patch.link !== undefined && patch.link !== event.link);
    let updated = await this.deps.repo.update(event.id, { ...patch, ...(details ? { sequence: event.sequence + 1 } : {}) });
    let promoted: Registration[] = [];
    if (patch.capacity !== undefined) {
      promoted = await this.deps.repo.promote(event.id, "");
      updated = (await this.deps.repo.get(event.id)) ?? updated;
      await this.notifyPromoted(updated, promoted, now);
    }
    if (details) {
      await mirrorOnCalendars(this.deps.notifier, updated, now);
      await this.deps.notifier.cancel(reminderPrefix(event.id));
      const going = await this.deps.repo.registrations(event.id, { statuses: ["going"] });
      for (const personId of new Set(going.map((r) => r.personId))) await this.scheduleReminders(updated, personId, now);
    }
    return { event: updated, promoted };
  }

  /** People interested in the event on the platforms' calendars (Discord), or null when unknown now. */
  interested(event: Pick<CdceEvent, "id" | "state">): Promise<number | null> {
    return interestedIn(this.deps.calendar, event);
  }

  /** Everyone holding a seat or waiting, once each. */
  private async registeredPeople(eventId: string): Promise<string[]> {
    const regs = await this.deps.repo.registrations(eventId, { statuses: ["going", "waitlist"] });
    return [...new Set(regs.map((r) => r.personId))];
  }

  private async zoneOf(personId: string): Promise<string> {
    return (await this.deps.repos.identity.getPerson(personId))?.timeZone ?? DEFAULT_TIME_ZONE;
  }
}
