/** Shared set-up of the momentum watch's integration tests. */
import type { TestApp } from "../../helpers/test-app.js";
import type { Notification, Notifier } from "../../../src/core/notify.js";
import type { WatchDeps } from "../../../src/features/watch/scan.js";
import { silentLogger } from "../../../src/core/logger.js";
import type { Commune } from "../../../src/core/ports.js";
import type { CopilKind } from "../../../src/features/watch/ports.js";

export const DAY = 86_400_000;

/** A notifier that records what it is given, then hands it to the real one (the outbox). */
export function spyNotifier(real: Notifier): Notifier & { seen: Notification[] } {
  const seen: Notification[] = [];
  return {
    seen,
    async enqueue(n) {
      seen.push(n);
      return real.enqueue(n);
    },
    async enqueueAll(list) {
      seen.push(...list);
      return real.enqueueAll(list);
    },
    cancel: (p) => real.cancel(p),
    retract: (p) => real.retract(p),
    reaches: (to) => real.reaches(to),
    refresh: (surface, at) => real.refresh(surface, at),
    queuedUnder: (prefix) => real.queuedUnder(prefix),
  };
}

/** Links Slack channels: coordination, and one per given commune (the terminal has no outbox target). */
export async function linkChannels(app: TestApp, communes: readonly Commune[]): Promise<void> {
  await app.services.repos.channels.link({ platform: "slack", workspaceId: "T1", channelId: "C-COORD", purpose: "coordination", communeId: null });
  for (const c of communes) await app.services.repos.channels.link({ platform: "slack", workspaceId: "T1", channelId: `C-${c.slug}`, purpose: "commune", communeId: c.id });
}

export function watchDeps(app: TestApp, notifier: Notifier): WatchDeps {
  return { repos: app.services.repos, watch: app.services.watch, notifier, logger: silentLogger, hasCommand: () => false };
}

export async function commune(app: TestApp, name: string): Promise<Commune> {
  const c = await app.services.repos.communes.findByName(name);
  if (!c) throw new Error(`no commune ${name}`);
  return c;
}

/** A diverse CoPil of six (every group of criterion 5), present since `since`. */
export async function fullCopil(app: TestApp, communeId: string, since: Date): Promise<void> {
  const kinds: CopilKind[] = ["citizen", "shop", "association", "councillor", "staff", "citizen"];
  for (const [i, kind] of kinds.entries()) {
    await app.services.watch.copil.add({ communeId, name: `Membre ${i + 1}`, kind, personId: null, since, mandateEndsOn: null });
  }
}

/** Outbox rows (any state) whose key starts with `prefix`. */
export async function outboxKeys(app: TestApp, prefix: string): Promise<{ key: string; state: string }[]> {
  const rows = await app.services.outbox.list(["pending", "sending", "sent", "failed", "cancelled", "expired"], 10_000);
  return rows.filter((r) => r.key.startsWith(prefix)).map((r) => ({ key: r.key, state: r.state }));
}
