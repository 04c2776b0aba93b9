/**
 * The {@link Notifier} features call (src/core/notify.ts), over the outbox: turns a
 * recipient into concrete targets (channels, direct messages), renders the message once per
 * language needed, and queues one row per target under the key `<notification key>|<target>`.
 */
import type { Logger } from "../core/logger.js";
import type { CalendarNotification, EnqueueResult, LiveSurface, Notification, Notifier, Recipient, RetractResult } from "../core/notify.js";
import { message } from "../core/reply.js";
import type { ChannelLink, Repositories } from "../core/ports.js";
import { DEFAULT_LOCALE, type Clock, type Locale, type Platform, type Reply } from "../core/types.js";
import type { NewOutboxMessage, OutboxKind, OutboxStore, OutboxTarget } from "./outbox.js";

/** One concrete target and the language to write to it in. */
export interface ResolvedTarget {
  target: OutboxTarget;
  locale: Locale;
}

export const MAX_KEY_LENGTH = 200;

/** Platforms where a person has a home the bot publishes (Slack's App Home tab). */
export const HOME_PLATFORMS: readonly Platform[] = ["slack"];

/** The row key of one target of a notification: `<key>|slack:T0CDCE:C0NAMUR` or `<key>|discord:123:@456`. */
export function targetKey(key: string, target: OutboxTarget): string {
  return `${key}|${target.platform}:${target.workspaceId}:${target.userId ? `@${target.userId}` : target.channelId}`;
}

export class OutboxNotifier implements Notifier {
  private readonly listeners = new Set<(dueAt: Date) => void>();
  /** Keys of the notifications this notifier put in the outbox (see queuedUnder). */
  private readonly inOutbox = new Set<string>();

  constructor(
    private readonly deps: {
      store: OutboxStore;
      repos: Repositories;
      clock: Clock;
      logger: Logger;
      /**
       * The platforms this deployment posts to (default: all). A person's account or a channel
       * on another one (a terminal account on a Slack server, say) is no target: its rows would
       * wait for ever, and the reply would say someone was told who never will be.
       */
      platforms?: readonly Platform[];
      /** The platforms with a calendar the bot keeps events on (default: Discord's scheduled events). */
      calendarPlatforms?: readonly Platform[];
    },
  ) {}

  /**
   * Calls `listener` with the due time of each notification newly queued (the runtime wakes
   * the outbox worker for one due now, instead of leaving it to the next sweep). Returns
   * what stops listening.
   */
  onQueued(listener: (dueAt: Date) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  enqueue(n: Notification, options: { kind?: OutboxKind } = {}): Promise<EnqueueResult> {
    return this.enqueueMany([n], options);
  }

  enqueueAll(notifications: readonly Notification[]): Promise<EnqueueResult> {
    return this.enqueueMany(notifications, {});
  }

  private async enqueueMany(notifications: readonly Notification[], options: { kind?: OutboxKind }): Promise<EnqueueResult> {
    for (const n of notifications) {
      if (!n.key || n.key.length > MAX_KEY_LENGTH) throw new Error(`notification key must have 1 to ${MAX_KEY_LENGTH} characters: "${n.key.slice(0, 40)}"`);
      if (Number.isNaN(n.dueAt.getTime())) throw new Error(`notification ${n.key}: invalid dueAt`);
    }
    // One resolution per recipient: a person's reminders all go to the same accounts.
    const resolved = new Map<string, Promise<ResolvedTarget[]>>();
    const messages: NewOutboxMessage[] = [];
    const withTargets: string[] = [];
    for (const n of notifications) {
      const to = JSON.stringify(n.to);
      let targets = resolved.get(to);
      if (!targets) resolved.set(to, (targets = this.resolve(n.to)));
      const list = await targets;
      if (list.length === 0) {
        // Common and harmless: a commune with no channel linked yet, a person without an account.
        this.deps.logger.info({ key: n.key, to: n.to.kind }, "notification has no target: nothing queued");
        continue;
      }
      withTargets.push(n.key);
      const rendered = new Map<Locale, Reply>();
      const render = (locale: Locale) => {
        let reply = rendered.get(locale);
        if (!reply) rendered.set(locale, (reply = n.render(locale)));
        return reply;
      };
      for (const { target, locale } of list) {
        messages.push({ key: targetKey(n.key, target), kind: options.kind, target, reply: render(locale), dueAt: n.dueAt, expiresAt: n.expiresAt });
      }
    }
    if (messages.length === 0) return { queued: 0, duplicates: 0 };
    const result = await this.deps.store.enqueue(messages, this.deps.clock());
    // Every notification with a target now has its rows (new, or there from before).
    for (const key of withTargets) this.inOutbox.add(key);
    this.deps.logger.debug({ keys: notifications.map((n) => n.key), targets: messages.length, ...result }, "notifications queued");
    if (result.queued > 0) for (const dueAt of new Set(notifications.map((n) => n.dueAt.getTime()))) this.queued(new Date(dueAt));
    return result;
  }

  async calendar(n: CalendarNotification): Promise<EnqueueResult> {
    if (!n.key || n.key.length > MAX_KEY_LENGTH) throw new Error(`calendar key must have 1 to ${MAX_KEY_LENGTH} characters: "${n.key.slice(0, 40)}"`);
    const calendars = this.deps.calendarPlatforms ?? ["discord"];
    const workspaces = new Map<string, OutboxTarget>();
    for (const { target } of await this.resolve(n.to)) {
      if (!calendars.includes(target.platform) || target.userId) continue;
      // The calendar belongs to the workspace: one row however many channels it has linked.
      workspaces.set(`${target.platform}:${target.workspaceId}`, { platform: target.platform, workspaceId: target.workspaceId, channelId: "" });
    }
    if (workspaces.size === 0) return { queued: 0, duplicates: 0 };
    const summary: Reply = { visibility: "channel", text: n.summary, blocks: [], locale: DEFAULT_LOCALE };
    const messages: NewOutboxMessage[] = [...workspaces.values()].map((target) => ({ key: targetKey(n.key, target), kind: "calendar", target, reply: summary, calendar: n.entry, dueAt: n.dueAt, expiresAt: n.expiresAt }));
    const result = await this.deps.store.enqueue(messages, this.deps.clock());
    this.inOutbox.add(n.key);
    if (result.queued > 0) this.queued(n.dueAt);
    return result;
  }

  /**
   * Tells the listeners that a notification due at `dueAt` was queued. A notifier bound to a
   * transaction calls it on the process's notifier once the transaction committed: before,
   * the worker would find nothing (or wake for a row that a rollback then takes back).
   */
  queued(dueAt: Date): void {
    for (const listener of this.listeners) listener(dueAt);
  }

  queuedUnder(keyPrefix: string): number {
    let count = 0;
    for (const key of this.inOutbox) if (key.startsWith(keyPrefix)) count++;
    return count;
  }

  /**
   * A home refresh goes to each of the person's accounts on a platform with a home, its target
   * the user id itself (a home is no conversation: no DM is opened); a board refresh to its
   * channel. The stored payload is a placeholder: the worker builds the content when it sends.
   */
  async refresh(surface: LiveSurface, at: { key: string; dueAt: Date }): Promise<EnqueueResult> {
    if (!at.key || at.key.length > MAX_KEY_LENGTH) throw new Error(`refresh key must have 1 to ${MAX_KEY_LENGTH} characters`);
    let targets: OutboxTarget[];
    if (surface.kind === "home") {
      const accounts = await this.deps.repos.identity.accounts(surface.personId);
      targets = accounts
        .filter((a) => this.serves(a.platform) && HOME_PLATFORMS.includes(a.platform))
        .map((a) => ({ platform: a.platform, workspaceId: a.workspaceId, channelId: a.userId }));
    } else targets = this.serves(surface.channel.platform) ? [{ ...surface.channel }] : [];
    if (targets.length === 0) return { queued: 0, duplicates: 0 };
    const placeholder = message(DEFAULT_LOCALE, surface.kind);
    const rows: NewOutboxMessage[] = targets.map((target) => ({ key: targetKey(at.key, target), kind: surface.kind, target, reply: placeholder, dueAt: at.dueAt }));
    const result = await this.deps.store.enqueue(rows, this.deps.clock());
    if (result.queued > 0) this.queued(at.dueAt);
    return result;
  }

  async reaches(to: Recipient): Promise<boolean> {
    return (await this.resolve(to)).length > 0;
  }

  cancel(keyPrefix: string): Promise<number> {
    return this.deps.store.cancelByPrefix(keyPrefix);
  }

  async retract(keyPrefix: string): Promise<RetractResult> {
    const cancelled = await this.deps.store.cancelByPrefix(keyPrefix);
    const removing = await this.deps.store.enqueueRemovals(keyPrefix, this.deps.clock());
    this.deps.logger.info({ keyPrefix, cancelled, removing }, "notifications retracted");
    return { cancelled, removing };
  }

  private serves(platform: Platform): boolean {
    return !this.deps.platforms || this.deps.platforms.includes(platform);
  }

  /**
   * The concrete targets of a recipient, with their language. The terminal is a platform like
   * the others: its channels (linked by `config canal`, or by default at its start) and its
   * local users' direct inboxes are targets too, where this deployment runs a terminal.
   */
  async resolve(to: Recipient): Promise<ResolvedTarget[]> {
    const { repos } = this.deps;
    switch (to.kind) {
      case "channel": {
        if (!this.serves(to.channel.platform)) return [];
        const link = await repos.channels.find(to.channel.platform, to.channel.workspaceId, to.channel.channelId);
        return [{ target: { ...to.channel }, locale: link ? await this.linkLocale(link, new Map()) : DEFAULT_LOCALE }];
      }
      case "person": {
        const person = await repos.identity.recipient(to.personId);
        if (!person) return [];
        return person.accounts
          .filter((a) => this.serves(a.platform) && (!to.platforms || to.platforms.includes(a.platform)))
          .map((a) => ({ target: { platform: a.platform, workspaceId: a.workspaceId, channelId: "", userId: a.userId }, locale: person.locale }));
      }
      case "purpose": {
        const links = await repos.channels.byPurpose(to.purpose, to.communeId);
        const languages = new Map<string, Locale>();
        const out: ResolvedTarget[] = [];
        for (const link of links) {
          if (!this.serves(link.platform)) continue;
          out.push({ target: { platform: link.platform, workspaceId: link.workspaceId, channelId: link.channelId }, locale: await this.linkLocale(link, languages) });
        }
        return out;
      }
    }
  }

  /** A commune channel speaks the commune's first language; network and coordination channels French. */
  private async linkLocale(link: ChannelLink, cache: Map<string, Locale>): Promise<Locale> {
    if (link.purpose !== "commune" || !link.communeId) return DEFAULT_LOCALE;
    let locale = cache.get(link.communeId);
    if (!locale) {
      const commune = await this.deps.repos.communes.get(link.communeId);
      locale = commune?.languages[0] ?? DEFAULT_LOCALE;
      cache.set(link.communeId, locale);
    }
    return locale;
  }
}
