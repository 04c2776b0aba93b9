/**
 * The environment, parsed once by zod. A malformed value stops the start with a message
 * that names the variable (never its value: it may be a secret).
 */
import { isIP } from "node:net";
import { z } from "zod";
import { DEFAULT_DATABASE_TIMEOUTS, type DatabaseTimeouts } from "./data/timeouts.js";
import { applyEnvFile } from "./env-file.js";

const optionalSecret = z.string().trim().min(1).optional();
const port = z.coerce.number().int().min(0).max(65535);
const url = z.string().url();

const schema = z.object({
  DATABASE_URL: z
    .string()
    .default("file:./data/cdce.db")
    .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), "must start with file: or postgresql://"),
  /** Load the demo communes and the kit catalogue at start (idempotent). Default: yes on SQLite. */
  SEED_ON_START: z.enum(["auto", "true", "false"]).default("auto"),
  // How long to wait for the database before a command says it is unavailable (src/data/timeouts.ts).
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(DEFAULT_DATABASE_TIMEOUTS.connectTimeoutMs),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(DEFAULT_DATABASE_TIMEOUTS.statementTimeoutMs),
  DATABASE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(DEFAULT_DATABASE_TIMEOUTS.queryTimeoutMs),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(DEFAULT_DATABASE_TIMEOUTS.idleInTransactionTimeoutMs),
  SQLITE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(DEFAULT_DATABASE_TIMEOUTS.sqliteBusyTimeoutMs),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  DEFAULT_TIME_ZONE: z
    .string()
    .default("Europe/Brussels")
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, "must be an IANA time zone such as Europe/Brussels"),
  SLACK_BOT_TOKEN: optionalSecret.refine((v) => !v || v.startsWith("xoxb-"), "must start with xoxb-"),
  SLACK_SIGNING_SECRET: optionalSecret,
  SLACK_APP_TOKEN: optionalSecret.refine((v) => !v || v.startsWith("xapp-"), "must start with xapp-"),
  SLACK_PORT: port.default(3000),
  /** Web API base, for tests against a local fake (`http://127.0.0.1:PORT/api/`). */
  SLACK_API_URL: url.optional(),
  DISCORD_TOKEN: optionalSecret,
  DISCORD_APPLICATION_ID: z.string().regex(/^\d{15,25}$/, "must be the numeric application id").optional(),
  /** Register commands on this guild only (instant) instead of globally. */
  DISCORD_GUILD_ID: z.string().regex(/^\d{15,25}$/, "must be a numeric guild id").optional(),
  /** REST base, for tests against a local fake (`http://127.0.0.1:PORT/api`). */
  DISCORD_API_URL: url.optional(),
  /**
   * Accounts that are coordination from their first message, comma-separated
   * `platform:workspace:user` (e.g. `slack:T0123:U0456,discord:81234:99887`).
   */
  COORDINATION_ACCOUNTS: z
    .string()
    .regex(/^\s*(slack|discord|terminal):[^:,\s]+:[^:,\s]+(\s*,\s*(slack|discord|terminal):[^:,\s]+:[^:,\s]+)*\s*$/, "must be platform:workspace:user, comma-separated")
    .optional(),
  /** Communes within this distance (km, as the crow flies) are neighbours: `/cdce voisins`, the weekly "near you" digest. */
  NEIGHBOURS_DISTANCE_KM: z.coerce.number().min(1).max(300).default(25),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must start with redis://").optional(),
  /** With REDIS_URL: a replica whose command slots are full hands new commands to one with room (src/cluster/shared-work.ts). */
  SHARE_COMMANDS: z.enum(["true", "false"]).default("false"),
  /** Port of /healthz and /metrics; 0 turns them off. */
  HTTP_PORT: port.default(0),
  /**
   * Address every server of the bot listens on (Slack HTTP mode, /healthz and /metrics).
   * Unset: every interface (Node's default, `::` with IPv4 too, or `0.0.0.0` without IPv6).
   */
  HOST: z
    .string()
    .trim()
    .refine((v) => isIP(v) !== 0 || /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(v), "must be an IP address (127.0.0.1, 0.0.0.0, ::) or a host name, without brackets or port")
    .optional(),
  /** Port of the public pages for citizens (src/platforms/web); 0 turns them off. */
  PUBLIC_PORT: port.default(0),
  /**
   * The public web address of the bot (`https://cdce.example.be`), where people reach the
   * public pages: QR codes, links in the chat, erase links, and the calendar feeds' addresses
   * (`/cal/...`; unset, `/cdce agenda lien` says feeds are off). A trailing slash is dropped.
   */
  PUBLIC_URL: z
    .string()
    .trim()
    .url()
    .refine((v) => /^https?:\/\//.test(v), "must start with https:// (or http:// for a local test)")
    .refine((v) => /^https?:\/\/[^/?#]+(\/[^?#]*)?$/.test(v), "must be an http(s) address without query or fragment, e.g. https://cdce.example.be")
    .transform((v) => v.replace(/\/+$/, ""))
    .optional(),
  /** Reverse proxies in front of the public pages (hops trusted for X-Forwarded-For), so that limits count visitors, not the proxy. */
  PUBLIC_TRUST_PROXY: z.coerce.number().int().min(0).max(5).default(0),
  // Outbox and pacing (src/delivery): the defaults follow the platforms' published limits.
  OUTBOX_SWEEP_SECONDS: z.coerce.number().int().min(1).max(59).default(2),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  OUTBOX_BACKOFF_MS: z.coerce.number().int().min(10).max(3_600_000).default(5_000),
  OUTBOX_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(100_000).default(500),
  SLACK_CHANNEL_INTERVAL_MS: z.coerce.number().int().min(0).max(600_000).default(1_000),
  SLACK_WORKSPACE_INTERVAL_MS: z.coerce.number().int().min(0).max(600_000).default(100),
  SLACK_WORKSPACE_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).default(4),
  DISCORD_CHANNEL_INTERVAL_MS: z.coerce.number().int().min(0).max(600_000).default(1_000),
  DISCORD_GLOBAL_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(20),
  /** Leader lease (Discord gateway, singleton jobs) and outbox claims: lifetime and renewal. */
  LEASE_TTL_MS: z.coerce.number().int().min(500).max(600_000).default(20_000),
  LEASE_RENEW_MS: z.coerce.number().int().min(100).max(300_000).default(5_000),
  /** When the weekly momentum scan runs (node-cron, Brussels time); default Monday 07:00 (src/features/watch/config.ts). */
  MOMENTUM_SCAN_CRON: z.string().regex(/^\s*\S+(\s+\S+){4,5}\s*$/, "must be a cron expression of 5 or 6 fields").optional(),
});

export type Config = z.infer<typeof schema>;

/** The names of every variable the bot reads (deployment files and docs are checked against it). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(schema.shape);

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Empty strings count as unset, as in most .env files. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const c = result.data;
  if (c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
    throw new ConfigError(["SLACK_SIGNING_SECRET: required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)"]);
  }
  if (c.DISCORD_TOKEN && !c.DISCORD_APPLICATION_ID) {
    throw new ConfigError(["DISCORD_APPLICATION_ID: required with DISCORD_TOKEN"]);
  }
  if (c.DATABASE_QUERY_TIMEOUT_MS <= c.DATABASE_STATEMENT_TIMEOUT_MS) {
    // The server must cancel a slow statement before the client gives up on the connection.
    throw new ConfigError(["DATABASE_QUERY_TIMEOUT_MS: must be longer than DATABASE_STATEMENT_TIMEOUT_MS"]);
  }
  if (c.LEASE_RENEW_MS * 2 > c.LEASE_TTL_MS) {
    throw new ConfigError(["LEASE_RENEW_MS: must be at most half of LEASE_TTL_MS (a lease must survive one missed renewal)"]);
  }
  return c;
}

/**
 * The configuration of this process, as every entry point reads it: the `.env` file of the
 * working directory first fills what the environment leaves unset (src/env-file.ts), then
 * the whole is parsed. Tests call {@link loadConfig} with their own environment instead.
 */
export function loadProcessConfig(): Config {
  applyEnvFile(process.env);
  return loadConfig(process.env);
}

/** The database timeouts of the configuration. */
export function databaseTimeouts(c: Config): DatabaseTimeouts {
  return {
    connectTimeoutMs: c.DATABASE_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: c.DATABASE_STATEMENT_TIMEOUT_MS,
    queryTimeoutMs: c.DATABASE_QUERY_TIMEOUT_MS,
    idleInTransactionTimeoutMs: c.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    sqliteBusyTimeoutMs: c.SQLITE_BUSY_TIMEOUT_MS,
  };
}

/** Whether the demo data should be loaded at start. */
export function shouldSeed(c: Config): boolean {
  if (c.SEED_ON_START === "auto") return c.DATABASE_URL.startsWith("file:");
  return c.SEED_ON_START === "true";
}

/** The bootstrap coordinators as a set of `platform:workspace:user` keys. */
export function coordinatorAccounts(c: Config): Set<string> {
  return new Set((c.COORDINATION_ACCOUNTS ?? "").split(",").map((s) => s.trim()).filter(Boolean));
}
