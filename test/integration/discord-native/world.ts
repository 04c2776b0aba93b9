/**
 * A Discord world for the scheduled-event and forum tests: the fake Discord and the bot's
 * adapter (real discord.js REST client) over a test app, an outbox worker posting through it
 * (with the calendar mapping store), and helpers to link channels and wait.
 */
import { silentLogger } from "../../../src/core/logger.js";
import type { CalendarMirrorStore } from "../../../src/core/calendar.js";
import { PacedSender } from "../../../src/delivery/limits.js";
import { OutboxWorker } from "../../../src/delivery/worker.js";
import type { ChannelPurpose } from "../../../src/core/ports.js";
import { startDiscordHarness, type DiscordHarness } from "../../fakes/discord/harness.js";
import { createTestApp } from "../../helpers/test-app.js";

export interface DiscordWorld {
  h: DiscordHarness;
  worker: OutboxWorker;
  link(channelId: string, purpose?: ChannelPurpose): Promise<void>;
  /** Every outbox row whose key starts with `prefix`, in any state. */
  rows(prefix: string): Promise<Array<{ key: string; state: string; lastError: string | null }>>;
  close(): Promise<void>;
}

export async function startDiscordWorld(o: { now?: Date; calendars?: (inner: CalendarMirrorStore) => CalendarMirrorStore } = {}): Promise<DiscordWorld> {
  // The app's clock before the machine's: what it queues is due for the worker (real time), and
  // events planned in 2027 start in the future for Discord too.
  const app = await createTestApp({ now: o.now ?? new Date("2026-11-29T10:00:00Z") });
  const h = await startDiscordHarness({ app });
  const pacer = new PacedSender(h.adapter, { logger: silentLogger, perChannelMinTimeMs: 0, perWorkspaceMinTimeMs: 0, maxAttempts: 1 });
  const worker = new OutboxWorker({
    store: app.delivery.store,
    platforms: { discord: { sender: h.adapter, pacer, available: () => true } },
    replica: "discord-native",
    logger: silentLogger,
    clock: () => new Date(),
    claimTtlMs: 5_000,
    backoffBaseMs: 50,
    backoffMaxMs: 200,
    calendars: o.calendars ? o.calendars(app.delivery.calendars) : app.delivery.calendars,
  });
  worker.start();
  const timer = setInterval(() => void worker.sweep(), 50);
  return {
    h,
    worker,
    link: (channelId, purpose = "network") => app.services.repos.channels.link({ platform: "discord", workspaceId: h.fake.guild.id, channelId, purpose, communeId: null }),
    rows: async (prefix) => (await app.delivery.store.list(["pending", "sending", "sent", "failed", "cancelled", "expired"], 500)).filter((e) => e.key.startsWith(prefix)),
    async close() {
      clearInterval(timer);
      await worker.stop();
      await h.close();
      await app.close();
    },
  };
}

/** Polls `check` until it is truthy (the outbox works on its own timers). */
type Falsy = false | null | undefined | 0 | "";

export async function until<T>(check: () => Promise<T | Falsy> | T | Falsy, label: string, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = await check();
    if (v) return v as T;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
