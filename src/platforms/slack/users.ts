/**
 * Who a Slack user is, for the core: locale and time zone from `users.info` (scope
 * `users:read`; the locale only with `include_locale`). Cached briefly, since every command
 * and click would otherwise cost one more API call; a failure (missing scope, rate limit,
 * outage) yields an empty profile so that the core falls back to its defaults.
 */
import type { webApi } from "@slack/bolt";
import type { Logger } from "../../core/logger.js";
import { describeSlackError } from "./errors.js";
import type { UserLookup } from "../../core/platform-users.js";

export interface SlackProfile {
  /** Slack's locale, e.g. `de-DE` (the core maps it to one of its languages). */
  locale?: string;
  /** IANA zone, e.g. `Europe/Brussels`. */
  timeZone?: string;
  /** Display name, for the person the core creates on first use. */
  name?: string;
}

export interface UserDirectoryOptions {
  logger: Logger;
  /** How long a profile is trusted (default 10 minutes): a changed language shows soon. */
  ttlMs?: number;
  /** How long a failure is remembered (default 5 minutes): no call storm without the scope. */
  failureTtlMs?: number;
  /** Past this wait, answer without the profile (default 1.5 s): the reply matters more. */
  timeoutMs?: number;
  maxEntries?: number;
  now?: () => number;
}

interface Entry {
  until: number;
  profile: Promise<SlackProfile>;
}

type UsersInfoClient = Pick<webApi.WebClient, "users">;

/** Cached `users.info` lookups: one profile per workspace user, shared by concurrent commands. */
export class UserDirectory {
  private readonly cache = new Map<string, Entry>();
  private readonly ttl: number;
  private readonly failureTtl: number;
  private readonly timeout: number;
  private readonly max: number;
  private readonly now: () => number;
  private warned = false;

  constructor(
    private readonly client: UsersInfoClient,
    private readonly options: UserDirectoryOptions,
  ) {
    this.ttl = options.ttlMs ?? 10 * 60_000;
    this.failureTtl = options.failureTtlMs ?? 5 * 60_000;
    this.timeout = options.timeoutMs ?? 1500;
    this.max = options.maxEntries ?? 5000;
    this.now = options.now ?? Date.now;
  }

  /** The user's profile, from the cache when fresh; never throws. */
  lookup(teamId: string, userId: string): Promise<SlackProfile> {
    const key = `${teamId}:${userId}`;
    const hit = this.cache.get(key);
    if (hit && hit.until > this.now()) return hit.profile;
    // The promise is cached at once, so concurrent commands of one user share one call.
    const entry: Entry = { until: this.now() + this.ttl, profile: this.fetch(key, userId) };
    this.cache.delete(key);
    this.cache.set(key, entry);
    if (this.cache.size > this.max) this.cache.delete(this.cache.keys().next().value!);
    return entry.profile;
  }

  /**
   * Whether `userId` is a real, active user, for the core (`/cdce role`): asked afresh, since
   * a cached empty profile cannot tell "nobody" from "could not ask". Never throws.
   */
  async whoIs(userId: string): Promise<UserLookup> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), this.timeout);
      timer.unref();
    });
    try {
      const res = await Promise.race([this.client.users.info({ user: userId }), late]);
      if (res === "late") return { found: false, reason: "unavailable" };
      const u = res.user;
      if (!u || u.deleted) return { found: false, reason: "unknown" };
      return { found: true, name: u.profile?.display_name || u.real_name || u.name || undefined };
    } catch (err) {
      const info = describeSlackError(err);
      if (info.error === "user_not_found" || info.error === "user_not_visible") return { found: false, reason: "unknown" };
      this.options.logger.warn({ error: info }, "users.info failed: cannot confirm a user");
      return { found: false, reason: "unavailable" };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Forgets everything (tests, or after the app gains a scope). */
  clear(): void {
    this.cache.clear();
  }

  private async fetch(key: string, userId: string): Promise<SlackProfile> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), this.timeout);
      timer.unref();
    });
    try {
      const res = await Promise.race([this.client.users.info({ user: userId, include_locale: true }), late]);
      if (res === "late") throw new Error(`users.info took more than ${this.timeout} ms`);
      const u = res.user;
      return {
        locale: u?.locale || undefined,
        timeZone: u?.tz || undefined,
        name: u?.profile?.display_name || u?.real_name || u?.name || undefined,
      };
    } catch (err) {
      const entry = this.cache.get(key);
      if (entry) entry.until = Math.min(entry.until, this.now() + this.failureTtl);
      // Once is enough for a missing scope; every failure at debug level after that.
      const info = describeSlackError(err);
      if (!this.warned) this.options.logger.warn({ error: info }, "users.info failed: using default language and zone");
      else this.options.logger.debug({ error: info }, "users.info failed");
      this.warned = true;
      return {};
    } finally {
      clearTimeout(timer);
    }
  }
}
