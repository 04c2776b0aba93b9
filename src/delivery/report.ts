/**
 * Tells coordination that an outbox message could not be delivered: a notice to every
 * channel linked with the `coordination` purpose, at most once per failing target and day
 * (a channel where the bot lost its access fails every message: one notice is enough).
 * The notice is itself an outbox message of kind `notice`, never reported in turn.
 */
import { message } from "../core/reply.js";
import type { Clock } from "../core/types.js";
import { translator } from "../core/i18n/catalogue.js";
import type { OutboxNotifier } from "./notifier.js";
import { describeTarget, type OutboxRow } from "./outbox.js";
import { prefixWithin } from "../core/clip.js";
import { isoDay } from "../core/time/local.js";

/** Builds the `report` hook of the outbox worker. */
export function failureReporter(notifier: OutboxNotifier, clock: Clock): (row: OutboxRow, error: string) => Promise<void> {
  return async (row, error) => {
    const now = clock();
    const day = isoDay(now);
    const target = describeTarget(row.target);
    await notifier.enqueue(
      {
        key: `outbox:failure:${row.target.platform}:${row.target.workspaceId}:${row.target.userId ?? row.target.channelId}:${day}`,
        to: { kind: "purpose", purpose: "coordination" },
        dueAt: now,
        render: (locale) => message(locale, translator(locale)("outbox.failed.notice", { target: `\`${target}\``, error: prefixWithin(error, 300) }), "channel"),
      },
      { kind: "notice" },
    );
  };
}
