/**
 * What `npm run doctor` checks, in the order a person fixes things: configuration, database,
 * communes, coordination, Slack, Discord, Redis. Each check is a small function of the shared
 * {@link DoctorContext}; to add one (the `.env` file, a first-coordinator claim code, a
 * platform paused on a revoked token), write it as a {@link CheckFactory} and add it to
 * {@link DOCTOR_CHECKS}: the runner, the report and the exit code follow.
 */
import { loadConfig, ConfigError, coordinatorAccounts, databaseTimeouts, shouldSeed, type Config } from "./config.js";
import { createRegistry } from "./features/index.js";
import { inspectData, renewClaimCode, type DataInspection } from "./data/doctor.js";
import { slackDoctor } from "./platforms/slack/doctor.js";
import { discordDoctor } from "./platforms/discord/doctor.js";
import { fail, ok, reason, skip, warn, type Check } from "./ops/doctor/report.js";
import type { Locale } from "./core/types.js";

/** Read once and shared by the checks (each reads what it needs, lazily). */
export interface DoctorContext {
  env: NodeJS.ProcessEnv;
  locale: Locale;
  now: Date;
  /** The configuration, or the reasons it is refused. */
  config(): Config | ConfigError;
  /** The database's findings and what it holds (once, for every check that needs it). */
  data(): Promise<DataInspection>;
}

export type CheckFactory = (ctx: DoctorContext) => Check;

export function doctorContext(env: NodeJS.ProcessEnv, locale: Locale, now: Date): DoctorContext {
  let config: Config | ConfigError | undefined;
  let data: Promise<DataInspection> | undefined;
  const readConfig = () => {
    if (config) return config;
    try {
      config = loadConfig(env);
    } catch (err) {
      config = err instanceof ConfigError ? err : new ConfigError([reason(err)]);
    }
    return config;
  };
  return {
    env,
    locale,
    now,
    config: readConfig,
    data() {
      const c = readConfig();
      if (c instanceof ConfigError) return Promise.resolve({ database: [skip("doctor.skipped.config")], data: null });
      return (data ??= inspectData({ url: c.DATABASE_URL, timeouts: databaseTimeouts(c), now }));
    },
  };
}

const configCheck: CheckFactory = (ctx) => ({
  id: "config",
  title: "doctor.check.config",
  async run() {
    const c = ctx.config();
    if (c instanceof ConfigError) return c.problems.map((problem) => fail("doctor.config.invalid", { problem }, { key: "doctor.config.invalid.fix" }));
    const platforms = [c.SLACK_BOT_TOKEN && "Slack", c.DISCORD_TOKEN && "Discord"].filter(Boolean).join(", ");
    if (!platforms) return [warn("doctor.config.noPlatform", {}, { key: "doctor.config.noPlatform.fix" })];
    return [ok("doctor.config.ok", { platforms })];
  },
});

const databaseCheck: CheckFactory = (ctx) => ({
  id: "database",
  title: "doctor.check.database",
  run: async () => (await ctx.data()).database,
});

const communesCheck: CheckFactory = (ctx) => ({
  id: "communes",
  title: "doctor.check.communes",
  async run() {
    const c = ctx.config();
    if (c instanceof ConfigError) return [skip("doctor.skipped.config")];
    const { data } = await ctx.data();
    // A database not created or not migrated yet: the start seeds it when the configuration says so.
    if (!data) return shouldSeed(c) ? [warn("doctor.communes.atStart")] : [skip("doctor.skipped.database")];
    if (data.communes > 0) return [ok("doctor.communes.ok", { count: data.communes })];
    if (shouldSeed(c)) return [warn("doctor.communes.atStart")];
    return [fail("doctor.communes.none", {}, { key: "doctor.communes.none.fix" })];
  },
});

/** Someone must be coordination, or nobody can link channels or give roles. */
const coordinatorCheck: CheckFactory = (ctx) => ({
  id: "coordinator",
  title: "doctor.check.coordinator",
  async run() {
    const c = ctx.config();
    if (c instanceof ConfigError) return [skip("doctor.skipped.config")];
    const named = coordinatorAccounts(c).size;
    const { data } = await ctx.data();
    const out = [];
    if (data && data.coordinators > 0) out.push(ok("doctor.coordinator.inDatabase", { count: data.coordinators }));
    if (named > 0) out.push(ok("doctor.coordinator.fromEnv", { count: named }));
    if (out.length) return out;
    // Nobody yet: a new one-time code (the one printed at start may be lost), said here only.
    const claim = data ? await renewClaimCode({ url: c.DATABASE_URL, timeouts: databaseTimeouts(c), now: ctx.now }) : null;
    const until = claim?.expiresAt.toISOString().replace("T", " ").slice(0, 16);
    return [fail("doctor.coordinator.none", {}, claim ? { key: "doctor.coordinator.claim.fix", params: { code: claim.code, until: until! } } : { key: "doctor.coordinator.none.fix" })];
  },
});

const slackCheck: CheckFactory = (ctx) => ({
  id: "slack",
  title: "doctor.check.slack",
  async run() {
    const c = ctx.config();
    if (c instanceof ConfigError || !c.SLACK_BOT_TOKEN) return [];
    return slackDoctor(c, (await ctx.data()).data?.channels ?? null);
  },
});

const discordCheck: CheckFactory = (ctx) => ({
  id: "discord",
  title: "doctor.check.discord",
  async run() {
    const c = ctx.config();
    if (c instanceof ConfigError || !c.DISCORD_TOKEN) return [];
    return discordDoctor(c, createRegistry(), (await ctx.data()).data?.channels ?? null, ctx.locale);
  },
});

const redisCheck: CheckFactory = (ctx) => ({
  id: "redis",
  title: "doctor.check.redis",
  async run() {
    const c = ctx.config();
    if (c instanceof ConfigError) return [];
    if (!c.REDIS_URL) return [skip("doctor.redis.unset")];
    const { Redis } = await import("ioredis");
    const client = new Redis(c.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, connectTimeout: 3000, retryStrategy: () => null });
    client.on("error", () => {}); // the failure is reported below, once
    try {
      await client.connect();
      await client.ping();
      return [ok("doctor.redis.ok")];
    } catch (err) {
      return [fail("doctor.redis.unreachable", { error: reason(err) }, { key: "doctor.redis.unreachable.fix" })];
    } finally {
      client.disconnect();
    }
  },
});

/**
 * The checks, in order. Checks for what other work adds (the `.env` file read at start, the
 * one-time claim code when nobody is coordination, a platform paused after its token was
 * revoked) belong here too.
 */
export const DOCTOR_CHECKS: readonly CheckFactory[] = [configCheck, databaseCheck, communesCheck, coordinatorCheck, slackCheck, discordCheck, redisCheck];

/** The checks for this context; a check with nothing to say (Slack without a token) drops out of the report. */
export function doctorChecks(ctx: DoctorContext, factories: readonly CheckFactory[] = DOCTOR_CHECKS): Check[] {
  return factories.map((f) => f(ctx));
}
