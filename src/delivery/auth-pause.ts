/**
 * One platform's deliveries paused because the platform refused the bot's token (Slack
 * invalid_auth / token_revoked / account_inactive / not_authed, Discord 401). Every queued
 * message would fail the same way, so none is tried, none is failed: they stay `pending`
 * and go out once the service restarts with a valid token (the pause lives in memory only).
 * `/healthz` reports it with its reason; the log says it once a minute at most; coordination
 * is told once, through the other platforms (`onPaused`), never through the dead token.
 */
import type { Logger } from "../core/logger.js";
import type { Platform } from "../core/types.js";

/** At most one log line per platform and this period while paused. */
export const AUTH_LOG_EVERY_MS = 60_000;

export interface AuthPauseOptions {
  platform: Platform;
  logger: Logger;
  /** Called once, at the first refusal (tell coordination elsewhere). Failures are logged, not thrown. */
  onPaused?: (reason: string) => Promise<void>;
  /** Wall-clock milliseconds, for the log pacing (tests may move it). */
  now?: () => number;
}

export class AuthPause {
  private why: string | undefined;
  private since: number | undefined;
  private lastLog = Number.NEGATIVE_INFINITY;
  private refusals = 0;
  private readonly now: () => number;

  constructor(private readonly o: AuthPauseOptions) {
    this.now = o.now ?? Date.now;
  }

  /** Why deliveries are paused (the platform's own error, no secret), or undefined. */
  get reason(): string | undefined {
    return this.why;
  }

  /** Records a refusal; the first one pauses the platform and tells coordination. */
  refused(reason: string): void {
    this.refusals++;
    const first = this.why === undefined;
    if (first) {
      this.why = reason;
      this.since = this.now();
      void this.o.onPaused?.(reason).catch((err: unknown) => this.o.logger.error({ err, platform: this.o.platform }, "outbox: could not tell coordination about the refused token"));
    }
    this.log();
  }

  /** Logs the pause again if the last line is a minute old (called by every sweep). */
  remind(): void {
    if (this.why !== undefined) this.log();
  }

  private log(): void {
    const at = this.now();
    if (at - this.lastLog < AUTH_LOG_EVERY_MS) return;
    this.lastLog = at;
    this.o.logger.error(
      { platform: this.o.platform, reason: this.why, pausedForS: Math.round((at - this.since!) / 1000), refusals: this.refusals },
      "outbox: the platform refuses the bot's token; its deliveries are paused (messages stay queued) until a restart with a valid token",
    );
  }
}
