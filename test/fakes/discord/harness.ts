/**
 * A whole Discord setup for a test: the fake Discord, the commands registered through
 * `registerCommands`, a real app over a temp SQLite, and the Discord adapter (real
 * discord.js client) connected to the fake. `close()` stops everything, in order.
 */
import { loadConfig } from "../../../src/config.js";
import type { Dispatcher } from "../../../src/core/dispatcher.js";
import { ensureMembership, resolveActor } from "../../../src/core/identity.js";
import { createInbound } from "../../../src/core/inbound.js";
import type { Logger } from "../../../src/core/logger.js";
import type { Role } from "../../../src/core/types.js";
import { createDiscordAdapter, type DiscordAdapter, type DiscordAdapterOptions } from "../../../src/platforms/discord/index.js";
import { registerCommands } from "../../../src/platforms/discord/register.js";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { FakeDiscord, type Answer, type InteractionRecord } from "./fake-discord.js";
import { sendAutocomplete, sendCommand, type Who } from "./interactions.js";
import { discordPath } from "./lines.js";

export interface DiscordHarness {
  fake: FakeDiscord;
  app: TestApp;
  adapter: DiscordAdapter;
  /**
   * Sends registry command `command` (`kit ajouter`) as Discord would, at the place the
   * registration gave it (`/cdce-admin ajouter-kit`), with typed options.
   */
  send(command: string, values?: Record<string, string | number>, who?: Who): InteractionRecord;
  /** Autocomplete while typing option `focused` of `command`. */
  autocomplete(command: string, values: Record<string, string | number>, focused: string, who?: Who): InteractionRecord;
  /** `send`, then waits for what the user sees. */
  run(command: string, values?: Record<string, string | number>, who?: Who): Promise<{ record: InteractionRecord; answer: Answer }>;
  /** Gives a Discord user a role (creating the person if needed). */
  grant(userId: string, role: Role): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  adapter?: DiscordAdapterOptions;
  /** Wraps the app's dispatcher (slow or failing dispatchers for tests). */
  dispatcher?: (inner: Dispatcher) => Dispatcher;
  logger?: Logger;
  app?: TestApp;
  answerTimeoutMs?: number;
}

export const MEMBER: Who = { userId: "400000000000000001", username: "camille", locale: "fr" };

export async function startDiscordHarness(options: HarnessOptions = {}): Promise<DiscordHarness> {
  const fake = await FakeDiscord.start();
  let app: TestApp | undefined;
  let adapter: DiscordAdapter | undefined;
  try {
    app = options.app ?? (await createTestApp(options.logger ? { logger: options.logger } : {}));
    const dispatcher = options.dispatcher ? options.dispatcher(app.dispatcher) : app.dispatcher;
    // Registered from the dispatcher's registry: a test may bring its own commands.
    await registerCommands({
      token: fake.token,
      applicationId: fake.applicationId,
      guildId: fake.guild.id,
      apiUrl: fake.apiUrl,
      registry: dispatcher.registry,
    });
    const config = loadConfig({
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_GUILD_ID: fake.guild.id,
      DISCORD_API_URL: fake.apiUrl,
    });
    adapter = createDiscordAdapter({ config, inbound: createInbound({ dispatcher, services: app.services }), logger: options.logger ?? app.services.logger }, options.adapter);
    await adapter.start();
  } catch (err) {
    await adapter?.stop().catch(() => undefined);
    if (!options.app) await app?.close();
    await fake.close();
    throw err;
  }
  const theApp = app;
  const theAdapter = adapter;
  const registry = (options.dispatcher ? options.dispatcher(app.dispatcher) : app.dispatcher).registry;
  const pathOf = (command: string) => {
    const path = discordPath(registry, command);
    if (!path) throw new Error(`${command} is not registered on Discord (hidden: reached by buttons only)`);
    return path;
  };
  const send = (command: string, values: Record<string, string | number> = {}, who: Who = MEMBER) => sendCommand(fake, pathOf(command), values, who);
  return {
    fake,
    app: theApp,
    adapter: theAdapter,
    send,
    autocomplete: (command, values, focused, who = MEMBER) => sendAutocomplete(fake, pathOf(command), values, focused, who),
    async run(command, values = {}, who = MEMBER) {
      const record = send(command, values, who);
      const answer = await fake.waitForAnswer(record, options.answerTimeoutMs ?? 5000);
      return { record, answer };
    },
    async grant(userId, role) {
      const now = theApp.services.clock();
      const actor = await resolveActor({ platform: "discord", workspaceId: fake.guild.id, userId }, theApp.services.repos, now);
      await ensureMembership(theApp.services.repos, actor.personId, role, null, now);
    },
    async close() {
      await theAdapter.stop();
      if (!options.app) await theApp.close();
      await fake.close();
    },
  };
}
