/**
 * Discord: time from INTERACTION_CREATE (sent by the fake gateway) to the interaction
 * callback (received by the fake REST API) for `/cdce kit public:jeunes` over a 10,000-kit
 * catalogue, beside a bare discord.js client that answers "ok" through `interaction.reply`,
 * in the same run, each against its own fake Discord on 127.0.0.1. Interactions are sent
 * one at a time (latency, not throughput), by one returning user, in alternating rounds so
 * that both sides see the same machine load. Target: ratio of medians <= 1.3. Also:
 * autocomplete round trips (audiences from the catalogue, communes from the cache).
 *
 * The catalogue is held in memory (as in production, where the search index is in memory);
 * identity and memberships go through the real SQLite repositories.
 */
import { Client, Events, GatewayIntentBits, type Interaction } from "discord.js";
import { createDispatcher } from "../src/core/dispatcher.js";
import type { Services } from "../src/core/commands.js";
import { resolveActor } from "../src/core/identity.js";
import { reply } from "../src/core/reply.js";
import { KitCatalog } from "../src/features/kits/service.js";
import type { Kit, KitRepository } from "../src/core/ports.js";
import { createRegistry } from "../src/features/index.js";
import { FakeDiscord } from "../test/fakes/discord/fake-discord.js";
import { startDiscordHarness } from "../test/fakes/discord/harness.js";
import { sendAutocomplete, sendCommand, type Who } from "../test/fakes/discord/interactions.js";
import { discordPath } from "../test/fakes/discord/lines.js";
import { registerCommands } from "../src/platforms/discord/register.js";
import { createTestApp } from "../test/helpers/test-app.js";
import { percentile, type Row } from "./lib.js";
import { realCatalogue, syntheticCatalogue } from "./kit-search.bench.js";

const N = 500;
const AUTOCOMPLETE_N = 200;
const WARMUP = 50;
const ROUNDS = 5;
const TARGET_RATIO = 1.3;
const WHO: Who = { userId: "600000000000000001", username: "bench", locale: "fr" };

/** The 10,000 kits, served from memory. */
function memoryKits(kits: Kit[]): KitRepository {
  const byId = new Map(kits.map((k) => [k.id, k]));
  return {
    all: async () => [...byId.values()],
    get: async (id) => byId.get(id) ?? null,
    upsert: async (k) => void byId.set(k.id, k),
    count: async () => byId.size,
    recordLinkChecks: async () => undefined,
    recordChange: async () => undefined,
    history: async () => [],
  };
}

/** One interaction, sent and answered; returns its latency in ms. */
async function once(fake: FakeDiscord, path: string, values: Record<string, string>): Promise<number> {
  const record = sendCommand(fake, path, values, WHO);
  const callback = await fake.waitUntil(() => record.callback, "the callback", 5000);
  if (callback.type !== 4) throw new Error(`expected a direct reply (type 4), got ${callback.type}`);
  return callback.hrAt - record.sentAt;
}

/** One autocomplete interaction, sent and answered; returns its latency in ms. */
async function suggestOnce(fake: FakeDiscord, path: string, values: Record<string, string>, focused: string): Promise<number> {
  const record = sendAutocomplete(fake, path, values, focused, WHO);
  const callback = await fake.waitUntil(() => record.callback, "the suggestions", 5000);
  if (callback.type !== 8) throw new Error(`expected suggestions (type 8), got ${callback.type}`);
  return callback.hrAt - record.sentAt;
}

/** A bare discord.js bot: `interaction.reply("ok")`, nothing else. */
async function startBare() {
  const fake = await FakeDiscord.start();
  const registry = createRegistry();
  await registerCommands({ token: fake.token, applicationId: fake.applicationId, guildId: fake.guild.id, apiUrl: fake.apiUrl, registry });
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
  client.on(Events.Error, () => undefined);
  client.on(Events.InteractionCreate, (i: Interaction) => {
    if (i.isChatInputCommand()) void i.reply({ content: "ok" }).catch(() => undefined);
  });
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(fake.token);
  await ready;
  return { fake, close: async () => (await client.destroy(), await fake.close()) };
}

export async function run(): Promise<Row[]> {
  const app = await createTestApp();
  const bare = await startBare();
  const kits = await KitCatalog.load(memoryKits(syntheticCatalogue(realCatalogue(), 10_000)));
  // The synthetic catalogue, inside each command's unit of work too.
  const services = { ...app.services, kits, transaction: <T,>(work: (scope: Services) => Promise<T>) => app.services.transaction((scope) => work({ ...scope, kits })) };
  const dispatcher = createDispatcher({ registry: app.dispatcher.registry, services });
  const cdce = await startDiscordHarness({ app, dispatcher: () => dispatcher });
  // The adapter alone: same client, same rendering path, a dispatcher that answers at once.
  const fixed = reply("fr", [{ type: "section", text: "ok" }]);
  const adapterOnly = await startDiscordHarness({ app, dispatcher: (inner) => ({ registry: inner.registry, users: inner.users, handle: async () => fixed }) });
  try {
    const values = { public: "jeunes" };
    // Where the registration put `kit` (flat or in a group): both bots got the same one.
    const path = discordPath(app.dispatcher.registry, "kit")!;
    for (let i = 0; i < WARMUP; i++) {
      await once(cdce.fake, path, values);
      await once(bare.fake, path, values);
      await once(adapterOnly.fake, path, values);
    }
    const ours: number[] = [];
    const theirs: number[] = [];
    const adapter: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      for (let i = 0; i < N / ROUNDS; i++) theirs.push(await once(bare.fake, path, values));
      for (let i = 0; i < N / ROUNDS; i++) ours.push(await once(cdce.fake, path, values));
      for (let i = 0; i < N / ROUNDS; i++) adapter.push(await once(adapterOnly.fake, path, values));
    }
    // Autocomplete round trips (Discord wants them fast; our target: p99 under 100 ms).
    const typing: Record<string, number[]> = { audience: [], commune: [] };
    const kitPath = discordPath(app.dispatcher.registry, "kit")!;
    const canalPath = discordPath(app.dispatcher.registry, "config canal")!;
    for (let i = 0; i < AUTOCOMPLETE_N; i++) {
      typing.audience!.push(await suggestOnce(cdce.fake, kitPath, { public: "jeu" }, "public"));
      typing.commune!.push(await suggestOnce(cdce.fake, canalPath, { usage: "commune", commune: "nam" }, "commune"));
    }
    // What the core costs on its own, for reading the ratio.
    const core: number[] = [];
    const incoming = { platform: "discord" as const, workspaceId: cdce.fake.guild.id, userId: WHO.userId, platformLocale: "fr", structured: { name: "kit", options: values } };
    for (let i = 0; i < N; i++) {
      const t = performance.now();
      await dispatcher.handle(incoming);
      core.push(performance.now() - t);
    }
    // ...split into its two parts: who is asking (database) and the search (memory).
    const actor: number[] = [];
    const search: number[] = [];
    for (let i = 0; i < N; i++) {
      let t = performance.now();
      await resolveActor(incoming, services.repos, services.clock());
      actor.push(performance.now() - t);
      t = performance.now();
      kits.search({ words: "", locale: "fr", audience: "jeunes" });
      search.push(performance.now() - t);
    }
    const ratio = percentile(ours, 0.5) / percentile(theirs, 0.5);
    return [
      { name: "discord: bare discord.js reply 'ok'", median: percentile(theirs, 0.5), p99: percentile(theirs, 0.99), other: { n: theirs.length } },
      {
        name: "discord: /cdce kit public:jeunes, 10k kits",
        median: percentile(ours, 0.5),
        p99: percentile(ours, 0.99),
        other: { n: ours.length, "ratio of medians": ratio },
        target: `ratio of medians <= ${TARGET_RATIO}`,
        ok: ratio <= TARGET_RATIO,
      },
      {
        name: "discord: adapter with an instant dispatcher",
        median: percentile(adapter, 0.5),
        p99: percentile(adapter, 0.99),
        other: { n: adapter.length, "ratio of medians": percentile(adapter, 0.5) / percentile(theirs, 0.5) },
      },
      ...Object.entries(typing).map(([what, xs]) => ({
        name: `discord: autocomplete ${what}`,
        median: percentile(xs, 0.5),
        p99: percentile(xs, 0.99),
        other: { n: xs.length },
        target: "p99 < 100 ms",
        ok: percentile(xs, 0.99) < 100,
      })),
      { name: "discord: dispatcher alone (same command)", median: percentile(core, 0.5), p99: percentile(core, 0.99), other: { n: core.length } },
      { name: "discord: - of which identity (resolveActor)", median: percentile(actor, 0.5), p99: percentile(actor, 0.99), other: { n: actor.length } },
      { name: "discord: - of which kit search, 10k kits", median: percentile(search, 0.5), p99: percentile(search, 0.99), other: { n: search.length } },
    ];
  } finally {
    await adapterOnly.close();
    await cdce.close();
    await bare.close();
    await app.close();
  }
}
