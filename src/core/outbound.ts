/**
 * What the core needs from a platform to send a message on its own (not a reply):
 * reminders, alerts, announcements. The durable outbox (src/delivery) calls these under its
 * rate limiters. Every `ChatPlatform` (src/core/platform.ts) is a `PlatformSender`; the outbox and
 * its limiters need no more than this part of the port, so test doubles provide only it.
 */
import type { CalendarEntry } from "./calendar.js";
import type { ChannelRef, Platform, Reply } from "./types.js";

export interface OutboundMessage {
  /** The same logical message always has the same key: it is never sent twice. */
  idempotencyKey: string;
  target: ChannelRef;
  reply: Reply;
  /**
   * Where the reply goes instead of a new message: a person's home (Slack's App Home tab,
   * `target.channelId` is then the user id), or a live board: one message, edited in place of
   * the one posted earlier (`externalId`; absent: not posted yet). Absent: a new message.
   */
  place?: { kind: "home" } | { kind: "replace"; externalId?: string };
}

/**
 * What the bot keeps current rather than posts once: a person's home, a channel's board. Its
 * outbox rows carry no content: the content is built when the row is sent, so that several
 * changes queued close together publish the latest state once.
 */
export type LiveSurfaceKind = "home" | "board";

/** The content of a live surface now; `replaces`: the board message to edit in place. */
export interface LiveContent {
  reply: Reply;
  replaces?: string;
}

/** Builds live surfaces at send time (the home feature implements it; the outbox calls it). */
export interface LiveViews {
  /** The surface's content now, or null when there is nothing to show there any more. */
  render(kind: LiveSurfaceKind, target: ChannelRef): Promise<LiveContent | null>;
  /** A board was posted anew (its first post, or its message was deleted): the id to edit next time. */
  placed(kind: LiveSurfaceKind, target: ChannelRef, externalId: string): Promise<void>;
}

export interface SentMessage {
  /** The platform's id of the posted message (Slack `ts`, Discord message id). */
  externalId: string;
}

/**
 * A failed send, classified so the dispatcher knows what to do:
 * `rate_limited` waits `retryAfterMs` then retries; `transient` (5xx, timeout) retries with
 * backoff; `permanent` (no permission, unknown channel) gives up and tells coordination;
 * `unauthorized` (the bot's token revoked or wrong) is no message's fault: the platform's
 * deliveries pause, every message stays queued, until a restart with a valid token.
 */
export class DeliveryError extends Error {
  constructor(
    readonly kind: "rate_limited" | "transient" | "permanent" | "unauthorized",
    message: string,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "DeliveryError";
  }
}

export interface PlatformSender {
  readonly platform: Platform;
  /** Posts the message; throws DeliveryError on failure. */
  send(message: OutboundMessage): Promise<SentMessage>;
  /**
   * After a crash, tells whether a message with this key was already posted to the target
   * (searching recent history: Slack metadata, Discord nonce); returns its id if so.
   */
  findSent?(target: ChannelRef, idempotencyKey: string, since: Date, reply?: Reply): Promise<SentMessage | null>;
  /**
   * The direct-message channel with a user (Slack `conversations.open`, Discord
   * `POST /users/@me/channels`), for notifications to a person. Without it the outbox posts
   * to the user id itself (which Slack accepts).
   */
  openDirect?(workspaceId: string, userId: string): Promise<ChannelRef>;
  /** Removes a posted message (a deleted initiative, a cancelled announcement). */
  remove?(target: ChannelRef, externalId: string): Promise<void>;
  /**
   * Brings the workspace's calendar entry for `entry.ref` in step with it: created when
   * `knownId` is null (or found first by `entry.marker`, after a crash), changed, or
   * cancelled. Returns the entry's id. Throws DeliveryError. Platforms without a calendar
   * leave it out (the outbox then queues no calendar row for them).
   */
  syncCalendar?(workspaceId: string, entry: CalendarEntry, knownId: string | null): Promise<SentMessage>;
}
