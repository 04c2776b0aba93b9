/**
 * Tells coordination that an outbox message could not be delivered, or (authFailureReporter)
 * that a platform refuses the bot's token.
 *
 * First: that an outbox message could not be delivered: a notice to every
 * channel linked with the `coordination` purpose, at most once per failing target and day
 * (a channel where the bot lost its access fails every message: one notice is enough).
 * The notice is itself an outbox message of kind `notice`, never reported in turn.
 */
import { message } from "../core/reply.js";
import type { Clock, Platform } from "../core/types.js";
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

/** The variable holding each platform's token, named in the notice (never its value). */
const TOKEN_VARIABLE: Partial<Record<Platform, string>> = { slack: "SLACK_BOT_TOKEN", discord: "DISCORD_TOKEN" };
const PLATFORM_NAME: Record<Platform, string> = { slack: "Slack", discord: "Discord", terminal: "Terminal" };

/**
 * Builds the `onPaused` hook of a platform's {@link AuthPause}: a notice to the coordination
 * channels of the other platforms only (a notice through the refused token would wait in the
 * queue until it is fixed, then say what is already fixed). Once per platform and day.
 */
export function authFailureReporter(notifier: OutboxNotifier, clock: Clock): (platform: Platform, reason: string) => Promise<void> {
  return async (platform, reason) => {
    const now = clock();
    const elsewhere = (await notifier.resolve({ kind: "purpose", purpose: "coordination" })).filter((r) => r.target.platform !== platform);
    for (const { target } of elsewhere) {
      await notifier.enqueue(
        {
          key: `outbox:auth:${platform}:${isoDay(now)}`,
          to: { kind: "channel", channel: { platform: target.platform, workspaceId: target.workspaceId, channelId: target.channelId } },
          dueAt: now,
          render: (locale) =>
            message(locale, translator(locale)("outbox.auth.notice", { platform: PLATFORM_NAME[platform], error: prefixWithin(reason, 200), variable: TOKEN_VARIABLE[platform] ?? "" }), "channel"),
        },
        { kind: "notice" },
      );
    }
  };
}
