/**
 * Pacing for messages the bot sends on its own, in front of any `PlatformSender`:
 * one bottleneck limiter per channel (Slack asks for about 1 message per second per
 * channel) chained to one per workspace (a workspace-wide cap), and retries that honour
 * what the platform said: Retry-After on `rate_limited`, exponential backoff on
 * `transient`, none on `permanent`. Nothing is dropped: no high-water mark, and a message
 * that finally fails rejects its promise with the last DeliveryError for the outbox to record.
 *
 * A small first version written with the Slack adapter (issue 3); the durable outbox
 * (issue 5) builds on it. Shared limits across replicas (REDIS_URL) are not wired here yet.
 */
import Bottleneck from "bottleneck";
import { DeliveryError, type OutboundMessage, type PlatformSender, type SentMessage } from "../core/outbound.js";
import type { Logger } from "../core/logger.js";

export interface PacingOptions {
  logger: Logger;
  /** Minimum gap between two posts in one channel (default 1,000 ms). */
  perChannelMinTimeMs?: number;
  /** Minimum gap between two posts in one workspace (default 100 ms: at most 10 per second). */
  perWorkspaceMinTimeMs?: number;
  /** Posts in flight at once in one workspace (default 4). */
  perWorkspaceConcurrent?: number;
  /** Attempts per message, the first included (default 6). */
  maxAttempts?: number;
  /** First backoff after a transient failure (default 1 s), doubled each time up to `backoffMaxMs`. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Waiting, injectable so that tests can observe the waits. */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The delay before attempt `n + 1` after a transient failure: exponential, capped, with jitter. */
export function backoffMs(attempt: number, base: number, max: number): number {
  const exp = Math.min(max, base * 2 ** attempt);
  // Up to 20 % jitter, so that replicas retrying together do not hit the API in step.
  return Math.round(exp * (0.8 + Math.random() * 0.2));
}

/** A sender wrapped in per-channel and per-workspace limiters, with retries (see the file comment). */
export class PacedSender {
  private readonly channels: Bottleneck.Group;
  private readonly workspaces: Bottleneck.Group;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly sender: PlatformSender,
    private readonly options: PacingOptions,
  ) {
    this.sleep = options.sleep ?? realSleep;
    this.workspaces = new Bottleneck.Group({ maxConcurrent: options.perWorkspaceConcurrent ?? 4, minTime: options.perWorkspaceMinTimeMs ?? 100 });
    // maxConcurrent 1: a channel waiting out a 429 holds its slot, so the channel pauses as a whole.
    this.channels = new Bottleneck.Group({ maxConcurrent: 1, minTime: options.perChannelMinTimeMs ?? 1000 });
    this.channels.on("created", (limiter: Bottleneck, key: string) => {
      limiter.chain(this.workspaces.key(key.slice(0, key.lastIndexOf("\u0000"))));
    });
  }

  /** Posts `message` under the limits, retrying as the platform allows; rejects with a DeliveryError. */
  send(message: OutboundMessage): Promise<SentMessage> {
    const { workspaceId, channelId } = message.target;
    return this.channels.key(`${workspaceId}\u0000${channelId}`).schedule(() => this.attempt(message));
  }

  private async attempt(message: OutboundMessage): Promise<SentMessage> {
    const max = this.options.maxAttempts ?? 6;
    const since = new Date(Date.now() - 60_000);
    let last: DeliveryError | undefined;
    for (let attempt = 0; attempt < max; attempt++) {
      // After a transient failure (a timeout) the post may have gone through: look first.
      if (last?.kind === "transient" && this.sender.findSent) {
        const found = await this.sender.findSent(message.target, message.idempotencyKey, since).catch(() => null);
        if (found) return found;
      }
      try {
        return await this.sender.send(message);
      } catch (err) {
        last = err instanceof DeliveryError ? err : new DeliveryError("transient", String(err), undefined, { cause: err });
        const log = { key: message.idempotencyKey, platform: this.sender.platform, kind: last.kind, attempt: attempt + 1, reason: last.message };
        if (last.kind === "permanent" || attempt + 1 >= max) {
          this.options.logger.error(log, "outbound message not delivered");
          throw last;
        }
        const wait =
          last.kind === "rate_limited"
            ? (last.retryAfterMs ?? 1000)
            : backoffMs(attempt, this.options.backoffBaseMs ?? 1000, this.options.backoffMaxMs ?? 60_000);
        this.options.logger.warn({ ...log, waitMs: wait }, "outbound message will be retried");
        await this.sleep(wait);
      }
    }
    throw last ?? new DeliveryError("transient", "no attempt made");
  }

  /** Stops taking messages and waits for the queued ones to finish. */
  async stop(): Promise<void> {
    // Channels first: their queued jobs still pass through the workspace limiters.
    await Promise.all(this.channels.limiters().map(({ limiter }) => limiter.stop({ dropWaitingJobs: false })));
    await Promise.all(this.workspaces.limiters().map(({ limiter }) => limiter.stop({ dropWaitingJobs: false })));
  }
}
