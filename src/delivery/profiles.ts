/**
 * The pacing of each platform, from the configuration (see the README's variable table):
 * - Slack: about 1 message per second per channel (SLACK_CHANNEL_INTERVAL_MS) and a
 *   workspace-wide cap (SLACK_WORKSPACE_INTERVAL_MS, SLACK_WORKSPACE_CONCURRENCY);
 * - Discord: 5 messages per 5 s per channel, spread evenly (DISCORD_CHANNEL_INTERVAL_MS)
 *   and 50 requests per second for the whole bot (DISCORD_GLOBAL_INTERVAL_MS);
 * - the terminal: no limit (a local console).
 * In-slot waits for 429s are bounded (`maxAttempts`); transient failures are not retried
 * in memory (`transientAttempts: 1`): the outbox reschedules the row durably instead.
 */
import type Bottleneck from "bottleneck";
import type { Config } from "../config.js";
import type { Logger } from "../core/logger.js";
import type { Platform } from "../core/types.js";
import type { PacingOptions } from "./limits.js";

export type PacingConfig = Pick<
  Config,
  "SLACK_CHANNEL_INTERVAL_MS" | "SLACK_WORKSPACE_INTERVAL_MS" | "SLACK_WORKSPACE_CONCURRENCY" | "DISCORD_CHANNEL_INTERVAL_MS" | "DISCORD_GLOBAL_INTERVAL_MS"
>;

/** Pacing options of `platform`, optionally shared through Redis (bottleneck clustering). */
export function pacingFor(
  platform: Platform,
  config: PacingConfig,
  o: { logger: Logger; redis?: Bottleneck.IORedisConnection; onRateLimited?: (retryAfterMs: number) => void },
): PacingOptions {
  const common: PacingOptions = {
    logger: o.logger.child({ platform, component: "pacing" }),
    maxAttempts: 8,
    transientAttempts: 1,
    onRateLimited: o.onRateLimited,
    ...(o.redis ? { clustering: { connection: o.redis, id: "cdce-outbox" } } : {}),
  };
  if (platform === "terminal") {
    // A local console has no rate limit: what comes due together is printed together (the
    // channel slots still keep one channel's messages in order).
    return { ...common, perChannelMinTimeMs: 0, perWorkspaceMinTimeMs: 0 };
  }
  if (platform === "discord") {
    return {
      ...common,
      perChannelMinTimeMs: config.DISCORD_CHANNEL_INTERVAL_MS,
      // A guild has no message cap of its own: the global limit below is the one that matters.
      perWorkspaceMinTimeMs: 0,
      perWorkspaceConcurrent: 50,
      perPlatformMinTimeMs: config.DISCORD_GLOBAL_INTERVAL_MS,
      perPlatformConcurrent: 50,
    };
  }
  return {
    ...common,
    perChannelMinTimeMs: config.SLACK_CHANNEL_INTERVAL_MS,
    perWorkspaceMinTimeMs: config.SLACK_WORKSPACE_INTERVAL_MS,
    perWorkspaceConcurrent: config.SLACK_WORKSPACE_CONCURRENCY,
  };
}
