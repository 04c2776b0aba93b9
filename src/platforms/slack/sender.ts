/**
 * The outbound part of the Slack platform (the port's `PlatformSender`): messages the bot posts on its own (reminders, alerts,
 * announcements), called by the outbox under its limiters. It posts, finds and removes;
 * it never waits or retries itself: each failure is classified (DeliveryError) so that the
 * outbox paces and retries (Retry-After on 429, backoff on 5xx) and nothing is lost silently.
 */
import type { webApi } from "@slack/bolt";
import type { ChannelRef } from "../../core/types.js";
import { DeliveryError, type OutboundMessage, type SentMessage } from "../../core/outbound.js";
import type { ChatPlatform } from "../../core/platform.js";
import { classifySlackError } from "./errors.js";
import { homeView, slackPayloads } from "./render.js";

/** `metadata.event_type` of every outbox post; its payload carries the idempotency key. */
export const OUTBOX_EVENT_TYPE = "cdce_outbox";

/** How far back `findSent` looks: 5 pages of 200 messages. */
const HISTORY_PAGES = 5;
const HISTORY_PAGE_SIZE = 200;

type SenderClient = Pick<webApi.WebClient, "chat" | "conversations" | "views">;

/** A user id (`U…`, `W…` on Enterprise Grid) rather than a conversation id. */
const isUserId = (id: string) => /^[UW][A-Z0-9]+$/.test(id);

export interface SlackSenderOptions {
  /** The workspace of the token (auth.test `team_id`); targets elsewhere are refused. */
  teamId?: () => string | undefined;
}

function checkTarget(target: ChannelRef, options: SlackSenderOptions): void {
  if (target.platform !== "slack") throw new DeliveryError("permanent", `not a Slack target: ${target.platform}`);
  const team = options.teamId?.();
  // One token serves one workspace: a message for another one can never go through.
  if (team && target.workspaceId && target.workspaceId !== team) {
    throw new DeliveryError("permanent", `target workspace ${target.workspaceId} is not this app's workspace`);
  }
}

/** The outbound methods of the Slack platform. */
export type SlackSender = Pick<ChatPlatform, "platform" | "send" | "findSent" | "openDirect" | "remove">;

/** Builds the sender over a Web API client configured to fail fast (see index.ts). */
export function createSlackSender(client: SenderClient, options: SlackSenderOptions = {}): SlackSender {
  // A person's DM channel never changes: one conversations.open per person and process.
  const directs = new Map<string, string>();
  async function openDirect(workspaceId: string, userId: string): Promise<ChannelRef> {
    let channelId = directs.get(userId);
    if (!channelId) {
      try {
        const res = await client.conversations.open({ users: userId, return_im: false });
        channelId = res.channel?.id;
      } catch (err) {
        throw classifySlackError(err, "conversations.open");
      }
      if (!channelId) throw new DeliveryError("transient", "conversations.open: no channel in the answer");
      directs.set(userId, channelId);
    }
    return { platform: "slack", workspaceId, channelId };
  }

  return {
    platform: "slack",
    openDirect,

    async send(message: OutboundMessage): Promise<SentMessage> {
      checkTarget(message.target, options);
      if (message.place?.kind === "home") {
        // A home is published, not posted: its target's channel id is the user id.
        try {
          await client.views.publish({ user_id: message.target.channelId, view: homeView(message.reply) });
        } catch (err) {
          throw classifySlackError(err, "views.publish");
        }
        return { externalId: `home:${message.target.channelId}` };
      }
      // One logical message, one Slack message: the idempotency key names exactly one post,
      // so an oversized reply is cut (with a marker) rather than split.
      const [payload] = slackPayloads(message.reply, { maxMessages: 1 });
      try {
        const res = await client.chat.postMessage({
          channel: message.target.channelId,
          ...payload!,
          unfurl_links: false,
          metadata: { event_type: OUTBOX_EVENT_TYPE, event_payload: { key: message.idempotencyKey } },
        });
        if (!res.ts) throw new DeliveryError("transient", "chat.postMessage: no ts in the answer");
        return { externalId: res.ts };
      } catch (err) {
        throw classifySlackError(err, "chat.postMessage");
      }
    },

    async findSent(target: ChannelRef, idempotencyKey: string, since: Date): Promise<SentMessage | null> {
      checkTarget(target, options);
      let channel = target.channelId;
      if (isUserId(channel)) {
        // Posted to a user id, the message lives in the DM channel: history needs its id.
        // Without it (an app installed before im:write) nothing can be searched: "not found".
        const direct = await openDirect(target.workspaceId, channel).catch(() => null);
        if (!direct) return null;
        channel = direct.channelId;
      }
      let cursor: string | undefined;
      for (let page = 0; page < HISTORY_PAGES; page++) {
        let res: Awaited<ReturnType<SenderClient["conversations"]["history"]>>;
        try {
          res = await client.conversations.history({
            channel,
            oldest: (since.getTime() / 1000).toFixed(6),
            // Without this flag Slack strips the metadata we look for.
            include_all_metadata: true,
            limit: HISTORY_PAGE_SIZE,
            cursor,
          });
        } catch (err) {
          throw classifySlackError(err, "conversations.history");
        }
        for (const m of res.messages ?? []) {
          const meta = m.metadata as { event_type?: string; event_payload?: { key?: unknown } } | undefined;
          if (meta?.event_type === OUTBOX_EVENT_TYPE && meta.event_payload?.key === idempotencyKey && m.ts) return { externalId: m.ts };
        }
        cursor = res.response_metadata?.next_cursor || undefined;
        if (!res.has_more || !cursor) break;
      }
      return null;
    },

    async remove(target: ChannelRef, externalId: string): Promise<void> {
      checkTarget(target, options);
      try {
        await client.chat.delete({ channel: target.channelId, ts: externalId });
      } catch (err) {
        // Already gone is what we wanted: removing twice must not fail the outbox.
        if ((err as { data?: { error?: string } }).data?.error === "message_not_found") return;
        throw classifySlackError(err, "chat.delete");
      }
    },
  };
}
