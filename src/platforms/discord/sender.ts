/**
 * Messages the bot posts on its own (reminders, alerts) go out through this sender, called
 * by the durable outbox (src/delivery) under its per-channel limiters, and rendered by
 * render.ts as command replies are.
 *
 * Rate limits: @discordjs/rest would queue channel-message requests and silently wait out
 * 429s (forever when Retry-After is missing). The client is built with `rejectOnRateLimit`
 * for `/channels/:id/messages` routes (see `CHANNEL_MESSAGE_ROUTES`), so a limit — a 429 or
 * an exhausted bucket known from the X-RateLimit-* headers — throws at once. It is turned
 * into `DeliveryError("rate_limited", retryAfterMs)` and the outbox owns the pacing:
 * it delays, never drops. Interaction replies are not affected (other routes). A 429 whose
 * wait is only in its JSON body gets it as a header first (`honourBodyRetryAfter`).
 *
 * Idempotency: every post carries `nonce` = a hash of the idempotency key and
 * `enforce_nonce: true`, so Discord returns the already-created message instead of a
 * duplicate when the same message is sent again within its dedup window (minutes).
 */
import { createHash } from "node:crypto";
import { DiscordAPIError, HTTPError, RateLimitError, RESTJSONErrorCodes, Routes, type REST, type RESTOptions, type ResponseLike } from "discord.js";
import { DeliveryError, type OutboundMessage, type SentMessage } from "../../core/outbound.js";
import type { ChatPlatform } from "../../core/platform.js";
import type { ChannelRef, Reply } from "../../core/types.js";
import { DiscordForums } from "./forum.js";
import { discordCalendar } from "./scheduled-events.js";
import type { CustomIdStore } from "./custom-ids.js";
import { renderReply } from "./render.js";

/** Route prefixes (as @discordjs/rest names buckets) whose rate limits throw instead of wait. */
export const CHANNEL_MESSAGE_ROUTES = ["/channels/:id/messages"];

/**
 * Every route the outbox calls: channel posts, forum posts (threads) and the guild's
 * scheduled events. A limit there goes back to the outbox, which owns the pacing.
 */
export const OUTBOX_ROUTES = [...CHANNEL_MESSAGE_ROUTES, "/channels/:id/threads", "/guilds/:id/scheduled-events"];

/** Used when Discord gives no wait at all (neither Retry-After nor `retry_after` in the body). */
const DEFAULT_RETRY_MS = 1000;

/** `retry_after` (seconds) of a 429's JSON body, when it is a usable number. */
function bodyRetryAfter(text: string): number | undefined {
  try {
    const seconds = (JSON.parse(text) as { retry_after?: unknown }).retry_after;
    return typeof seconds === "number" && Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Wraps the REST client's `makeRequest` so that a 429 whose wait is only in its JSON body
 * (`retry_after`, seconds, as some answers of Discord's edge come) carries it as a
 * Retry-After header too. @discordjs/rest reads only the headers: without this it sees no
 * wait at all, rejects with a zero wait (channel posts) or retries at once (other routes).
 * The body is kept as it was, for the client's own error.
 */
export function honourBodyRetryAfter(makeRequest: RESTOptions["makeRequest"]): RESTOptions["makeRequest"] {
  return async (url, init) => {
    const res = await makeRequest(url, init);
    if (res.status !== 429 || res.headers.get("retry-after") !== null) return res;
    const text = await res.text();
    const seconds = bodyRetryAfter(text);
    const headers = new Headers(res.headers as HeadersInit);
    if (seconds !== undefined) headers.set("retry-after", String(seconds));
    return new Response(text, { status: res.status, statusText: res.statusText, headers }) as ResponseLike;
  };
}

/** Discord epoch (2015-01-01), for turning a date into a snowflake for `after=`. */
const DISCORD_EPOCH = 1420070400000n;

/** A nonce of at most 25 characters, always the same for the same key and part. */
export function nonceFor(idempotencyKey: string, part = 0): string {
  const input = part === 0 ? idempotencyKey : `${idempotencyKey}#${part}`;
  return createHash("sha256").update(input).digest("base64url").slice(0, 25);
}

/** A snowflake at `date`: messages created after it have larger ids. */
export function snowflakeAt(date: Date): string {
  const ms = BigInt(Math.max(0, date.getTime())) - DISCORD_EPOCH;
  return ((ms > 0n ? ms : 0n) << 22n).toString();
}

const PERMANENT_CODES = new Set<number>([
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.UnknownGuild,
  RESTJSONErrorCodes.CannotSendMessagesToThisUser,
  RESTJSONErrorCodes.UnknownMessage,
]);

/** Classifies any error of a Discord REST call for the outbox. */
export function classifyDiscordError(err: unknown, what: string): DeliveryError {
  if (err instanceof DeliveryError) return err;
  if (err instanceof RateLimitError) {
    const ms = err.retryAfter > 0 ? err.retryAfter : err.timeToReset > 0 ? err.timeToReset : DEFAULT_RETRY_MS;
    return new DeliveryError("rate_limited", `${what}: rate limited (${err.route})`, Math.ceil(ms), { cause: err });
  }
  if (err instanceof DiscordAPIError) {
    const code = typeof err.code === "number" ? err.code : 0;
    if (err.status === 429) {
      const seconds = (err.rawError as { retry_after?: unknown }).retry_after;
      const ms = typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds * 1000) : DEFAULT_RETRY_MS;
      return new DeliveryError("rate_limited", `${what}: rate limited`, ms, { cause: err });
    }
    if (err.status >= 500) return new DeliveryError("transient", `${what}: Discord ${err.status}`, undefined, { cause: err });
    // 401: the bot token is wrong or was reset: every call fails alike, the outbox pauses Discord.
    if (err.status === 401) return new DeliveryError("unauthorized", `${what}: 401 ${err.message}`, undefined, { cause: err });
    // Missing Access, Missing Permissions, Unknown Channel... and every other 4xx (an invalid
    // body) fail the same way each time: retrying would only loop.
    const why = PERMANENT_CODES.has(code) ? "no access to the channel" : "refused";
    return new DeliveryError("permanent", `${what}: ${why}: ${err.status} ${err.message} (code ${code})`, undefined, { cause: err });
  }
  if (err instanceof HTTPError) {
    if (err.status === 401) return new DeliveryError("unauthorized", `${what}: HTTP 401`, undefined, { cause: err });
    return new DeliveryError(err.status >= 500 ? "transient" : "permanent", `${what}: HTTP ${err.status}`, undefined, { cause: err });
  }
  // Timeouts (AbortError/TimeoutError), resets, refused connections: try again later.
  const name = err instanceof Error ? err.name : "";
  return new DeliveryError("transient", `${what}: ${name || "network error"}`, undefined, { cause: err });
}

interface MessageLike {
  id: string;
  nonce?: string | number | null;
}

/** The outbound methods of the Discord platform. */
export type DiscordSender = Pick<ChatPlatform, "platform" | "send" | "findSent" | "openDirect" | "remove" | "syncCalendar">;

/** The reply with its buttons in one row set at the end, in their order. */
function buttonsLast(reply: Reply): Reply {
  const buttons = reply.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : []));
  const rest = reply.blocks.filter((b) => b.type !== "actions");
  return { ...reply, blocks: buttons.length ? [...rest, { type: "actions", buttons }] : rest };
}

/**
 * The outbound part of the Discord platform (the port's `PlatformSender`) over the client's
 * REST instance. A linked forum gets forum posts (forum.ts); the guild's scheduled events
 * mirror the bot's events (scheduled-events.ts).
 */
export function createDiscordSender(rest: REST, ids: CustomIdStore): DiscordSender {
  const forums = new DiscordForums(rest);
  const calendar = discordCalendar(rest);
  return {
    platform: "discord",

    async send({ idempotencyKey, target, reply, place }: OutboundMessage): Promise<SentMessage> {
      // A live board is one message, to be edited in place: its buttons gathered under it
      // (buttons between sections would cut it into several messages), anything past one
      // message's limits left out.
      const live = place?.kind === "replace";
      const parts = live ? renderReply(buttonsLast(reply), ids).slice(0, 1) : renderReply(reply, ids);
      if (!live && (await forums.isForum(target.channelId))) return forums.post(target.channelId, idempotencyKey, reply, parts);
      if (place?.kind === "replace" && place.externalId) {
        // Deleted meanwhile by someone: posted anew below, and the outbox records the new id.
        try {
          await rest.patch(Routes.channelMessage(target.channelId, place.externalId), { body: parts[0] });
          return { externalId: place.externalId };
        } catch (err) {
          if (!(err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.UnknownMessage)) throw classifyDiscordError(err, `edit message ${place.externalId}`);
        }
      }
      let first: string | undefined;
      // A long reply is several messages; each has its own nonce, so a retry after a
      // failure in the middle re-posts nothing that already went out (within the window).
      for (const [i, part] of parts.entries()) {
        try {
          const body = { ...part, nonce: nonceFor(idempotencyKey, i), enforce_nonce: true };
          const sent = (await rest.post(Routes.channelMessages(target.channelId), { body })) as MessageLike;
          first ??= sent.id;
        } catch (err) {
          throw classifyDiscordError(err, `post to channel ${target.channelId}`);
        }
      }
      return { externalId: first! };
    },

    /**
     * Looks for the message among the channel's recent messages (up to 100 since `since`).
     * Discord echoes `nonce` when a message is created; whether it keeps it in history is
     * not guaranteed, so after the dedup window this may answer null (see docs/discord.md).
     */
    async findSent(target: ChannelRef, idempotencyKey: string, since: Date, reply?: Reply): Promise<SentMessage | null> {
      if (await forums.isForum(target.channelId)) return forums.find(target, since, reply);
      const nonce = nonceFor(idempotencyKey);
      try {
        const query = new URLSearchParams({ limit: "100", after: snowflakeAt(since) });
        const recent = (await rest.get(Routes.channelMessages(target.channelId), { query })) as MessageLike[];
        const hit = recent.find((m) => String(m.nonce ?? "") === nonce);
        return hit ? { externalId: hit.id } : null;
      } catch (err) {
        throw classifyDiscordError(err, `read channel ${target.channelId}`);
      }
    },

    /** The DM channel with a user (created by Discord on first use, the same one after). */
    async openDirect(workspaceId: string, userId: string): Promise<ChannelRef> {
      try {
        const dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as { id: string };
        return { platform: "discord", workspaceId, channelId: dm.id };
      } catch (err) {
        throw classifyDiscordError(err, `open a direct message with ${userId}`);
      }
    },

    async remove(target: ChannelRef, externalId: string): Promise<void> {
      if (await forums.isForum(target.channelId).catch(() => false)) return forums.remove(externalId);
      try {
        await rest.delete(Routes.channelMessage(target.channelId, externalId));
      } catch (err) {
        // Already gone is what we wanted.
        if (err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.UnknownMessage) return;
        throw classifyDiscordError(err, `delete message ${externalId}`);
      }
    },

    syncCalendar: (workspaceId, entry, knownId) => calendar.sync(workspaceId, entry, knownId),
  };
}
