/**
 * How a feature makes the bot speak on its own: reminders, deadline warnings, alerts,
 * digests. Features build a {@link Notification} and hand it to `services.notifier`; they
 * never know the database, the platforms, the rate limits or the retries.
 *
 * ```ts
 * // In a scheduled scan (src/scheduler/jobs/...) or a command handler:
 * await services.notifier.enqueue({
 *   key: `webinar:${webinar.id}:reminder:day-before`,       // stable: same reminder, same key
 *   to: { kind: "purpose", purpose: "commune", communeId },  // fans out to every linked channel
 *   dueAt: daysBeforeAt(webinar.startsAt, 1, "09:00", commune.timeZone),
 *   expiresAt: webinar.startsAt,                             // pointless once it has started
 *   render: (locale) => message(locale, translator(locale)("webinar.reminder", { title }), "channel"),
 * });
 * // The webinar is cancelled: drop every reminder not sent yet.
 * await services.notifier.cancel(`webinar:${webinar.id}:`);
 * ```
 *
 * What the outbox behind it guarantees (src/delivery):
 * - **Once**: one row per (key, concrete target). Enqueueing the same notification again
 *   (a scan that runs twice, two replicas, a restart) queues nothing new: `duplicates` counts it.
 * - **On time, or not at all**: sent at `dueAt` or as soon as possible after (catch-up after a
 *   downtime, spread under the rate limits); dropped and recorded as `expired` once
 *   `expiresAt` has passed.
 * - **Never lost**: kept in the database until sent; retried on 5xx, timeouts and 429s; a
 *   message that cannot be delivered ends `failed` and coordination is told once.
 * - **With the change it announces**: in a command (each runs in `services.transaction`), the
 *   rows are written in the same transaction as the change: both are kept, or neither.
 *
 * Rules for keys: stable, made of what identifies the logical message (`fom:<communeId>:
 * deadline:2027-03-01`), never of the current time; colon-separated from general to
 * specific, so that `cancel(prefix)` can drop a family of messages. Replies to a command
 * are not notifications: return them from the command instead.
 */
import type { ChannelPurpose } from "./ports.js";
import type { CalendarEntry } from "./calendar.js";
import type { ChannelRef, Locale, Platform, Reply } from "./types.js";

/**
 * Who receives a notification. Each recipient fans out into concrete targets at enqueue time:
 * - `channel`: that one channel (language: its commune's first language if it is linked to a
 *   commune, French otherwise);
 * - `person`: a direct message on each of the person's platform accounts (Slack, Discord; the
 *   terminal has no inbox), in the person's language; `platforms` restricts the accounts;
 * - `purpose`: every channel linked with that purpose (`/cdce config canal`), on every
 *   platform, optionally for one commune only; commune channels in the commune's first
 *   language, network and coordination channels in French.
 */
export type Recipient =
  | { kind: "channel"; channel: ChannelRef }
  | { kind: "person"; personId: string; platforms?: Platform[] }
  | { kind: "purpose"; purpose: ChannelPurpose; communeId?: string };

/** One logical message, to one recipient (possibly many concrete targets). */
export interface Notification {
  /** Idempotency key of the logical message (see the rules above). At most 200 characters. */
  key: string;
  to: Recipient;
  /** When it should be posted (UTC instant; compute local times with src/core/time/local.ts). */
  dueAt: Date;
  /** After this instant it is dropped (recorded as `expired`) instead of being sent late. */
  expiresAt?: Date;
  /**
   * Builds the message in one language. Called at enqueue time, once per language needed by
   * the targets, so the stored message does not change if translations do later.
   */
  render(locale: Locale): Reply;
}

/**
 * An event to keep in step on the platforms' own calendars (Discord's scheduled events) of
 * every workspace the recipient reaches; one outbox row per workspace, under
 * `<key>|<platform>:<workspace>:`. Platforms without a calendar get nothing.
 */
export interface CalendarNotification {
  /** Stable, like a message's: `evt:<id>:calendar:s<sequence>`. */
  key: string;
  to: Recipient;
  dueAt: Date;
  expiresAt?: Date;
  entry: CalendarEntry;
  /** One line for `/cdce admin envois`. */
  summary: string;
}

export interface EnqueueResult {
  /** Concrete targets newly queued. */
  queued: number;
  /** Concrete targets already queued earlier under the same key (not queued again). */
  duplicates: number;
}

/** The port features use to send messages on their own. Built in src/app.ts. */
export interface Notifier {
  /** Queues the notification for each concrete target of its recipient. Never posts directly. */
  enqueue(notification: Notification): Promise<EnqueueResult>;
  /** Queues several notifications as one write (a person's reminders): each recipient is resolved once. */
  enqueueAll(notifications: readonly Notification[]): Promise<EnqueueResult>;
  /**
   * Cancels every message not yet being posted whose key starts with `keyPrefix`; returns
   * how many. Messages already sent are not removed from the platforms.
   */
  cancel(keyPrefix: string): Promise<number>;
  /**
   * Withdraws a family of messages (a deleted initiative): cancels those not posted yet,
   * and queues the removal, from their platform, of those already posted. The removals go
   * through the outbox like any message (durable, paced, retried); retracting twice queues
   * nothing new.
   */
  retract(keyPrefix: string): Promise<RetractResult>;
  /**
   * Whether the recipient has at least one concrete target now (a channel linked for that
   * purpose, an account of that person): replies say "announced" or "shared" only then.
   */
  reaches(to: Recipient): Promise<boolean>;
  /**
   * How many notifications whose key starts with `keyPrefix` this notifier put in the outbox
   * (queued now, or found already queued under the same key) since it was built. In a
   * command, the notifier is the unit of work's own: a reply says that someone "is told",
   * "reminded" or "announced" only when this says the message is in the outbox.
   */
  queuedUnder(keyPrefix: string): number;
  /**
   * Queues a refresh of a live surface, built when it is sent. `key` names the refresh: the
   * same key twice queues one refresh (several changes in one pacing window publish once).
   */
  refresh(surface: LiveSurface, at: { key: string; dueAt: Date }): Promise<EnqueueResult>;
  /** Queues a calendar update for each workspace with a calendar the recipient reaches (absent: none). */
  calendar?(n: CalendarNotification): Promise<EnqueueResult>;
}

/**
 * A surface the bot keeps current (src/core/outbound.ts): a person's home on the platforms
 * that have one (Slack's App Home), or the board pinned in a channel.
 */
export type LiveSurface = { kind: "home"; personId: string } | { kind: "board"; channel: ChannelRef };

export interface RetractResult {
  /** Messages that were still waiting and will never be posted. */
  cancelled: number;
  /** Posted messages whose removal is now queued. */
  removing: number;
}

// --------------------------------------------------------------------- administration

export const OUTBOX_STATES = ["pending", "sending", "sent", "failed", "cancelled", "expired"] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** One queued message as coordination sees it (`/cdce admin envois`). */
export interface OutboxEntry {
  id: string;
  key: string;
  state: OutboxState;
  target: ChannelRef & { userId?: string };
  dueAt: Date;
  expiresAt: Date | null;
  nextAttemptAt: Date;
  attempts: number;
  lastError: string | null;
  /** Plain-text summary of the message. */
  summary: string;
  /** When it was posted (sent messages). */
  sentAt?: Date | null;
}

/**
 * Which posted messages to list (`/cdce boite`: what arrived in the terminal): the channel
 * messages of one workspace (all its channels, one of them, or none) and the direct
 * messages of one person there.
 */
export interface DeliveredQuery {
  platform: Platform;
  workspaceId: string;
  /** `"all"` channels, one channel id, or `null` for no channel message. */
  channels: "all" | string | null;
  /** This platform user's direct messages too. */
  directTo?: string;
  limit: number;
}

/** What `/cdce admin envois` needs: look at the queue, retry or cancel one message. */
export interface OutboxAdmin {
  /** Messages in these states, most urgent first (failed: latest first; others: due first). */
  list(states: readonly OutboxState[], limit: number): Promise<OutboxEntry[]>;
  counts(): Promise<Record<OutboxState, number>>;
  /** Puts a failed, cancelled or expired message back in the queue, due now; false if not possible. */
  retry(id: string, now: Date): Promise<boolean>;
  /** Cancels a pending or failed message; false if it is being sent or already done. */
  cancel(id: string): Promise<boolean>;
  /** Posted messages (removals aside), the `limit` most recent, oldest first. */
  delivered(query: DeliveredQuery): Promise<OutboxEntry[]>;
}
