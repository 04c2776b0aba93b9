/**
 * The Discord platform (a `ChatPlatform`): a discord.js gateway client (Guilds intent:
 * slash commands, buttons, modals and autocomplete all arrive as interactions; GuildMessages
 * and DirectMessages for the plain-language front door, conversation.ts, with no privileged
 * intent) that hands interactions to the core (interactions.ts) and brings its replies back
 * (replies.ts); the outbox posts through sender.ts. All render through render.ts. The only
 * folder that imports discord.js.
 *
 * Resilience: discord.js resumes after a resumable close (e.g. 4000) and re-identifies
 * after an invalid session by itself; this adapter listens to `error` (an unhandled
 * rejection in a listener would otherwise be rethrown) and logs shard events. A failure
 * while answering is logged and answered with `error.internal`; it never ends the process.
 * `stop()` stops taking part (gateway closed) only after in-flight answers are finished.
 */
import { once } from "node:events";
import { Client, DefaultRestOptions, Events, GatewayIntentBits, Options, Partials, REST, Status, type Interaction } from "discord.js";
import type { PlatformDeps, PlatformFactory } from "../deps.js";
import type { ChatPlatform } from "../../core/platform.js";
import { CustomIdStore } from "./custom-ids.js";
import { DiscordConversation, written } from "./conversation.js";
import { InteractionHandler } from "./interactions.js";
import { DiscordReplies, type DiscordVia } from "./replies.js";
import { OUTBOX_ROUTES, createDiscordSender, honourBodyRetryAfter } from "./sender.js";
import { discordCalendar } from "./scheduled-events.js";
import { InFlight } from "../in-flight.js";
import { discordUserDirectory } from "./users.js";

/** Tuning of the adapter; every field has a production default. */
export interface DiscordAdapterOptions {
  /** Longest wait for a reply before deferring the interaction (Discord allows 3 s). */
  deferAfterMs?: number;
  /** How many long button payloads and forms are remembered (LRU). */
  customIdCapacity?: number;
  /** How long `start()` waits for the gateway to be ready. */
  readyTimeoutMs?: number;
  /** Longest wait in `stop()` for in-flight answers. */
  drainTimeoutMs?: number;
}

/** The platform, plus what tests and the bench need to observe. */
export interface DiscordAdapter extends ChatPlatform<DiscordVia> {
  readonly client: Client;
  /** Answers in flight right now. */
  pendingCount(): number;
  /** Resolves when no answer is in flight (or after `timeoutMs`); false on timeout. */
  whenIdle(timeoutMs?: number): Promise<boolean>;
}

/** Builds the discord.js client: caches trimmed to what interactions need. */
function createClient(apiUrl: string | undefined): Client {
  return new Client({
    // Messages in guilds and DMs for the front door (conversation.ts); never MessageContent,
    // which is privileged and not needed for DMs and mentions.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    // A DM channel is not in the cache when its first message arrives: without this partial
    // discord.js drops that MESSAGE_CREATE.
    partials: [Partials.Channel],
    // A 429 with its wait only in the body is waited out like one with Retry-After (sender.ts).
    rest: { ...(apiUrl ? { api: apiUrl } : {}), rejectOnRateLimit: OUTBOX_ROUTES, makeRequest: honourBodyRetryAfter(DefaultRestOptions.makeRequest) },
    // Messages attached to button clicks would otherwise pile up in the channel caches.
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0, ReactionManager: 0 }),
  });
}

/**
 * What a command may ask of Discord wherever it runs: who a member is (`/cdce role`) and how
 * many are interested in a scheduled event, over REST alone. A replica that does not hold the
 * gateway registers these at its start, since it runs commands received by the holder too
 * (src/cluster/shared-work.ts); the holder's adapter registers its own on top.
 */
export function registerDiscordLookups(deps: PlatformDeps): void {
  const { config, inbound, logger } = deps;
  if (!config.DISCORD_TOKEN) return;
  const rest = new REST({ ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}), makeRequest: honourBodyRetryAfter(DefaultRestOptions.makeRequest) }).setToken(config.DISCORD_TOKEN);
  lookupsOver(rest, inbound, logger.child({ platform: "discord" }));
}

function lookupsOver(rest: REST, inbound: PlatformDeps["inbound"], logger: PlatformDeps["logger"]): void {
  inbound.users.register("discord", discordUserDirectory(rest, logger));
  // Event cards show how many people are interested in the guild's scheduled event.
  inbound.calendars?.register("discord", discordCalendar(rest).reader);
}

/** The Discord platform factory (a `PlatformFactory`; `options` for tests and the bench). */
export const createDiscordAdapter = ((deps: PlatformDeps, options: DiscordAdapterOptions = {}): DiscordAdapter => {
  const { config, inbound, logger: parent } = deps;
  const logger = parent.child({ platform: "discord" });
  const token = config.DISCORD_TOKEN;
  const applicationId = config.DISCORD_APPLICATION_ID;
  if (!token || !applicationId) throw new Error("DISCORD_TOKEN and DISCORD_APPLICATION_ID are required");
  const client = createClient(config.DISCORD_API_URL);
  const ids = new CustomIdStore(options.customIdCapacity);
  const replies = new DiscordReplies(ids, logger);
  const handler = new InteractionHandler({
    rest: client.rest,
    applicationId,
    inbound,
    ids,
    logger,
    deferAfterMs: options.deferAfterMs ?? 1500,
    deliver: (reply, o) => replies.deliver(reply, o),
  });
  const pending = new InFlight();
  lookupsOver(client.rest, inbound, logger);

  client.on(Events.InteractionCreate, (interaction: Interaction) => void pending.track(handler.handle(interaction)));
  const conversation = new DiscordConversation({ rest: client.rest, inbound, ids, logger, botId: () => client.user?.id });
  client.on(Events.MessageCreate, (message) => void pending.track(conversation.handle(written(message))));
  client.on(Events.Error, (err) => logger.error({ err }, "discord client error"));
  client.on(Events.Warn, (msg) => logger.warn({ msg }, "discord warning"));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ shard, code: event.code }, "discord gateway closed"));
  client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, "discord gateway reconnecting"));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, "discord session resumed"));
  client.on(Events.ShardError, (err, shard) => logger.warn({ err, shard }, "discord gateway error"));
  client.rest.on("rateLimited", (info) => logger.debug({ route: info.route, retryAfter: info.retryAfter }, "discord rate limit"));

  let stopping: Promise<void> | undefined;

  const platform: DiscordAdapter = {
    name: "discord",
    client,
    ...createDiscordSender(client.rest, ids),
    deliver: (reply, o) => replies.deliver(reply, o),
    openForm: (form, o) => replies.openForm(form, o),
    pendingCount: () => pending.size,
    whenIdle: (timeoutMs?: number) => pending.whenIdle(timeoutMs),

    async start() {
      const ready = once(client, Events.ClientReady, { signal: AbortSignal.timeout(options.readyTimeoutMs ?? 30_000) });
      await client.login(token);
      await ready;
      logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, "discord ready");
      // Fill the suggestion caches now, so the first autocomplete is as fast as the others.
      inbound.warm().catch((err: unknown) => logger.warn({ err }, "autocomplete warm-up failed"));
    },

    stop() {
      return (stopping ??= (async () => {
        // Answers already started get to finish (they use REST, not the gateway).
        if (!(await pending.whenIdle(options.drainTimeoutMs ?? 10_000))) {
          logger.warn({ pending: pending.size }, "discord stopped with answers still in flight");
        }
        await client.destroy();
      })());
    },

    // discord.js keeps the last shard status after destroy(): a stopped adapter is not connected.
    isConnected: () => !stopping && client.ws.status === Status.Ready,
  };
  return platform;
}) satisfies PlatformFactory;
