/**
 * A linked channel that is a forum (channel type 15): what the outbox posts there becomes a
 * forum post, a thread opened with the message (`POST /channels/{forum}/threads`, Discord's
 * "Start Thread in Forum or Media Channel"), filed under the reply's `tags` as the forum's
 * tags (`applied_tags`, at most 5). Tags the forum lacks are added to it (`PATCH
 * /channels/{forum}` with `available_tags`, at most 20) when the bot may (Manage Channels);
 * otherwise the existing ones are matched by name, and the post goes out with those. People
 * answer in the post's thread. Text channels are not affected: their posts stay messages.
 *
 * The post's id (the outbox's `externalId`) is the thread's, which is also its first
 * message's. After a crash, the post is looked for among the forum's active threads by the
 * bot's thread name (forum posts take no nonce).
 */
import { DiscordAPIError, Routes, type REST } from "discord.js";
import { clip } from "../../core/clip.js";
import type { SentMessage } from "../../core/outbound.js";
import { fold } from "../../core/fold.js";
import type { ChannelRef, Reply } from "../../core/types.js";
import type { DiscordMessage } from "./render.js";
import { classifyDiscordError, nonceFor, snowflakeAt } from "./sender.js";

export const GUILD_FORUM = 15;
const MAX_APPLIED_TAGS = 5;
const MAX_AVAILABLE_TAGS = 20;

interface ForumTag {
  id: string;
  name: string;
  moderated?: boolean;
  emoji_id?: string | null;
  emoji_name?: string | null;
}

interface ChannelInfo {
  type: number;
  available_tags?: ForumTag[];
}

interface ThreadLike {
  id: string;
  parent_id?: string | null;
  name?: string;
}

/** How long a channel's type (and its tags) is trusted before being read again. */
const INFO_TTL_MS = 5 * 60_000;

/** The thread's title: the reply's header, else its text; never empty, at most 100 characters. */
export function threadName(reply: Reply): string {
  const header = reply.blocks.find((b) => b.type === "header");
  const raw = (header && "text" in header ? header.text : reply.text).split("\n")[0]!.trim();
  return clip(raw || "CDCE", 100);
}

const sameTag = (a: string, b: string) => fold(a) === fold(b);

export class DiscordForums {
  private readonly info = new Map<string, { at: number; value: ChannelInfo }>();

  constructor(private readonly rest: REST) {}

  /** Whether the channel is a forum (its type read once every few minutes). */
  async isForum(channelId: string): Promise<boolean> {
    return (await this.channel(channelId)).type === GUILD_FORUM;
  }

  private async channel(channelId: string, fresh = false): Promise<ChannelInfo> {
    const hit = this.info.get(channelId);
    if (!fresh && hit && performance.now() - hit.at < INFO_TTL_MS) return hit.value;
    try {
      const value = (await this.rest.get(Routes.channel(channelId))) as ChannelInfo;
      this.info.set(channelId, { at: performance.now(), value });
      return value;
    } catch (err) {
      throw classifyDiscordError(err, `read channel ${channelId}`);
    }
  }

  /** The ids of the forum's tags named `names`, adding the missing ones when allowed. */
  async tagIds(forumId: string, names: readonly string[]): Promise<string[]> {
    const wanted = [...new Map(names.map((n) => [fold(n), n.trim()])).values()].filter(Boolean).slice(0, MAX_APPLIED_TAGS);
    if (wanted.length === 0) return [];
    let tags = (await this.channel(forumId)).available_tags ?? [];
    const missing = wanted.filter((n) => !tags.some((t) => sameTag(t.name, n)));
    if (missing.length) {
      // Read again first: another replica (or a moderator) may have added them meanwhile.
      tags = (await this.channel(forumId, true)).available_tags ?? [];
      const still = wanted.filter((n) => !tags.some((t) => sameTag(t.name, n))).slice(0, Math.max(0, MAX_AVAILABLE_TAGS - tags.length));
      if (still.length) tags = await this.addTags(forumId, tags, still);
    }
    return wanted.map((n) => tags.find((t) => sameTag(t.name, n))?.id).filter((id): id is string => !!id);
  }

  /** Adds tags to the forum; without the right to (403), keeps the ones it has. */
  private async addTags(forumId: string, tags: ForumTag[], names: string[]): Promise<ForumTag[]> {
    // Discord replaces the whole list: existing tags are sent back as they are (with their ids).
    const body = { available_tags: [...tags, ...names.map((name) => ({ name: clip(name, 20), moderated: false }))] };
    try {
      const updated = (await this.rest.patch(Routes.channel(forumId), { body })) as ChannelInfo;
      this.info.set(forumId, { at: performance.now(), value: updated });
      return updated.available_tags ?? tags;
    } catch (err) {
      if (err instanceof DiscordAPIError && (err.status === 403 || err.status === 400)) return tags;
      throw classifyDiscordError(err, `add tags to forum ${forumId}`);
    }
  }

  /** Opens the forum post: the first message starts the thread, the others follow in it. */
  async post(forumId: string, idempotencyKey: string, reply: Reply, parts: DiscordMessage[]): Promise<SentMessage> {
    const applied_tags = await this.tagIds(forumId, reply.tags ?? []);
    const [first, ...rest] = parts;
    let thread: ThreadLike;
    try {
      thread = (await this.rest.post(Routes.threads(forumId), { body: { name: threadName(reply), message: first, applied_tags } })) as ThreadLike;
    } catch (err) {
      throw classifyDiscordError(err, `open a post in forum ${forumId}`);
    }
    for (const [i, part] of rest.entries()) {
      try {
        await this.rest.post(Routes.channelMessages(thread.id), { body: { ...part, nonce: nonceFor(idempotencyKey, i + 1), enforce_nonce: true } });
      } catch (err) {
        throw classifyDiscordError(err, `post in thread ${thread.id}`);
      }
    }
    return { externalId: thread.id };
  }

  /** The bot's post of that title opened in the forum since `since`, if any. */
  async find(target: ChannelRef, since: Date, reply: Reply | undefined): Promise<SentMessage | null> {
    if (!reply) return null;
    const name = threadName(reply);
    const after = BigInt(snowflakeAt(since));
    try {
      const active = (await this.rest.get(Routes.guildActiveThreads(target.workspaceId))) as { threads: ThreadLike[] };
      const hit = active.threads.find((t) => t.parent_id === target.channelId && t.name === name && BigInt(t.id) > after);
      return hit ? { externalId: hit.id } : null;
    } catch (err) {
      throw classifyDiscordError(err, `read threads of ${target.workspaceId}`);
    }
  }

  /**
   * Takes the post down: the whole thread when the bot may (Manage Threads), else its first
   * message (the bot's own), which leaves the thread without its content.
   */
  async remove(threadId: string): Promise<void> {
    try {
      await this.rest.delete(Routes.channel(threadId));
      return;
    } catch (err) {
      if (err instanceof DiscordAPIError && err.status === 404) return;
      if (!(err instanceof DiscordAPIError && err.status === 403)) throw classifyDiscordError(err, `delete thread ${threadId}`);
    }
    try {
      await this.rest.delete(Routes.channelMessage(threadId, threadId));
    } catch (err) {
      if (err instanceof DiscordAPIError && err.status === 404) return;
      throw classifyDiscordError(err, `delete post ${threadId}`);
    }
  }
}
