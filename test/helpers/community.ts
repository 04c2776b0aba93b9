/**
 * Helpers for the issue-8 tests: an in-memory platform sender (what was posted, what was
 * removed), the real outbox worker run until nothing is due, channel links, outbox rows.
 */
import type { App } from "../../src/app.js";
import type { OutboundMessage, PlatformSender } from "../../src/core/outbound.js";
import type { OutboxEntry, OutboxState } from "../../src/core/notify.js";
import type { Platform } from "../../src/core/types.js";
import { OutboxWorker } from "../../src/delivery/worker.js";
import { PacedSender } from "../../src/delivery/limits.js";
import { silentLogger } from "../../src/core/logger.js";

export interface MemorySender extends PlatformSender {
  posted: Array<OutboundMessage & { externalId: string }>;
  removed: Array<{ channelId: string; externalId: string }>;
  /** Posts still visible (posted and not removed). */
  visible(): Array<OutboundMessage & { externalId: string }>;
}

export function memorySender(platform: Platform): MemorySender {
  let n = 0;
  const posted: MemorySender["posted"] = [];
  const removed: MemorySender["removed"] = [];
  return {
    platform,
    posted,
    removed,
    async send(m) {
      const externalId = `${platform}-${++n}`;
      posted.push({ ...m, externalId });
      return { externalId };
    },
    async remove(target, externalId) {
      removed.push({ channelId: target.channelId, externalId });
    },
    visible: () => posted.filter((p) => !removed.some((r) => r.externalId === p.externalId)),
  };
}

/** Runs the real outbox worker over these senders until nothing is in flight. */
export async function deliver(app: App, senders: PlatformSender[]): Promise<void> {
  const platforms = Object.fromEntries(
    senders.map((s) => [s.platform, { sender: s, pacer: new PacedSender(s, { logger: silentLogger, perChannelMinTimeMs: 0, perWorkspaceMinTimeMs: 0 }), available: () => true }]),
  );
  const worker = new OutboxWorker({ store: app.delivery.store, platforms, replica: "test", logger: silentLogger, clock: app.services.clock });
  worker.start();
  try {
    // Several rows for one channel leave one after the other: sweep until nothing is due.
    for (let round = 0; round < 20; round++) {
      await worker.sweep();
      for (let i = 0; i < 200 && worker.inFlightCount > 0; i++) await new Promise((r) => setTimeout(r, 10));
      const due = (await app.services.outbox.list(["pending"], 1000)).filter((e) => e.nextAttemptAt <= app.services.clock() && senders.some((s) => s.platform === e.target.platform));
      if (due.length === 0) break;
    }
  } finally {
    await worker.stop();
  }
}

/** Links a network channel and a coordination channel on Slack and Discord. */
export async function linkChannels(app: App): Promise<void> {
  const ch = app.services.repos.channels;
  await ch.link({ platform: "slack", workspaceId: "W1", channelId: "C0RESEAU", purpose: "network", communeId: null });
  await ch.link({ platform: "discord", workspaceId: "G1", channelId: "900", purpose: "network", communeId: null });
  await ch.link({ platform: "slack", workspaceId: "W1", channelId: "C0COORD", purpose: "coordination", communeId: null });
}

/** Outbox rows whose key starts with `prefix`, any state. */
export async function rows(app: App, prefix: string, states: OutboxState[] = ["pending", "sending", "sent", "failed", "cancelled", "expired"]): Promise<OutboxEntry[]> {
  return (await app.services.outbox.list(states, 10_000)).filter((e) => e.key.startsWith(prefix)).sort((a, b) => a.key.localeCompare(b.key));
}

/** The 8-character reference in a reply text (`réf. \`3f2a9c1b\``). */
export function refIn(text: string): string {
  const m = /`([0-9a-f]{8})`/.exec(text);
  if (!m) throw new Error(`no reference in: ${text.slice(0, 200)}`);
  return m[1]!;
}
