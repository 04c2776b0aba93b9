/** Helpers for the events tests: outbox rows by key, a webinar created through the dispatcher. */
import type { App } from "../../src/app.js";
import type { OutboxEntry, OutboxState } from "../../src/core/notify.js";
import { run, textOf, type As } from "./run.js";

export const COORD: As = { user: "coord", role: "coordination", platform: "slack" };

/** Every outbox row (any state) whose key starts with `prefix`. */
export async function outbox(app: App, prefix = "evt:", states: OutboxState[] = ["pending", "cancelled", "sent", "expired", "failed", "sending"]): Promise<OutboxEntry[]> {
  const all = await app.services.outbox.list(states, 10_000);
  return all.filter((e) => e.key.startsWith(prefix)).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.key.localeCompare(b.key));
}

/** The code in a "scheduled (code `k3x9q`)" reply. */
export function codeOf(text: string): string {
  const m = /`([a-z0-9]{5})`/.exec(text);
  if (!m) throw new Error(`no event code in: ${text.slice(0, 200)}`);
  return m[1]!;
}

/** Creates a webinar as coordination and returns its code. */
export async function planWebinar(app: App, options: string, as: As = COORD): Promise<string> {
  return codeOf(textOf(await run(app, `webinaire planifier ${options}`, as)));
}

import { OutboxWorker } from "../../src/delivery/worker.js";
import { PacedSender } from "../../src/delivery/limits.js";
import { silentLogger } from "../../src/core/logger.js";
import type { PlatformSender } from "../../src/core/outbound.js";

/** Posts what is due in the outbox through a platform's real sender (the runtime's worker, without pacing gaps). */
export async function deliverDue(app: App, sender: PlatformSender): Promise<void> {
  const worker = new OutboxWorker({
    store: app.delivery.store,
    platforms: { [sender.platform]: { sender, pacer: new PacedSender(sender, { logger: silentLogger, perChannelMinTimeMs: 0, perWorkspaceMinTimeMs: 0 }), available: () => true } },
    replica: "test",
    logger: silentLogger,
    clock: app.services.clock,
  });
  worker.start();
  try {
    await worker.sweep();
    for (let i = 0; i < 200 && worker.inFlightCount > 0; i++) await new Promise((r) => setTimeout(r, 25));
  } finally {
    await worker.stop();
  }
}
