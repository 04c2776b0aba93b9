/**
 * `/healthz` and `/metrics` on HTTP_PORT (0 = off), for the orchestrator and Prometheus.
 *
 * `/healthz` answers 200 when the service is ready, the database answers and every
 * platform that should be connected is (a standby replica's Discord counts as healthy:
 * another replica holds the gateway) and none refuses the bot's token (`refused`, with the
 * platform's reason in `refusals`); 503 otherwise, with the details in JSON either way.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../core/logger.js";
import type { Metrics } from "./metrics.js";

/** What `/healthz` reports about one platform. */
export interface PlatformHealth {
  name: string;
  isConnected(): boolean;
  /** True when this replica is on standby for it (another replica holds its lease). */
  standby?(): boolean;
  /** Why the platform refuses the bot's token (revoked, wrong), when it does: deliveries are paused. */
  refused?(): string | undefined;
}

export interface HealthSources {
  ready(): boolean;
  /** Resolves when the database answers (a `SELECT 1`). */
  ping(): Promise<void>;
  platforms(): PlatformHealth[];
  /** Extra facts (replica id, lease holder...). */
  details?(): Record<string, unknown>;
}

export interface OpsServer {
  port(): number;
  /** The address listened on (HOST; every interface when unset). */
  address(): AddressInfo;
  close(): Promise<void>;
}

const PING_TIMEOUT_MS = 2_000;

async function health(sources: HealthSources): Promise<{ ok: boolean; body: Record<string, unknown> }> {
  const started = performance.now();
  let database: Record<string, unknown>;
  try {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), PING_TIMEOUT_MS)));
    await Promise.race([sources.ping(), timeout]).finally(() => clearTimeout(timer));
    database = { ok: true, ms: Math.round(performance.now() - started) };
  } catch (err) {
    database = { ok: false, error: (err as Error).message.slice(0, 200) };
  }
  const platforms: Record<string, string> = {};
  const refusals: Record<string, string> = {};
  let platformsOk = true;
  for (const p of sources.platforms()) {
    const refused = p.refused?.();
    if (refused !== undefined) refusals[p.name] = refused.slice(0, 200);
    const state = refused !== undefined ? "refused" : p.isConnected() ? "connected" : p.standby?.() ? "standby" : "disconnected";
    if (state === "disconnected" || state === "refused") platformsOk = false;
    platforms[p.name] = state;
  }
  const ready = sources.ready();
  const ok = ready && database.ok === true && platformsOk;
  const why = Object.keys(refusals).length ? { refusals } : {};
  return { ok, body: { status: ok ? "ok" : "unavailable", ready, database, platforms, ...why, ...(sources.details?.() ?? {}) } };
}

/**
 * Starts the server; resolves once it listens. `port` 0 picks a free port (tests); `host`
 * unset listens on every interface.
 */
export async function startOpsServer(o: { port: number; host?: string; metrics: Metrics; health: HealthSources; logger: Logger }): Promise<OpsServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(405, { allow: "GET, HEAD" }).end();
    const reply = (status: number, type: string, body: string) => res.writeHead(status, { "content-type": type, "cache-control": "no-store" }).end(req.method === "HEAD" ? undefined : body);
    const fail = (err: unknown) => {
      o.logger.error({ err, path }, "ops endpoint failed");
      reply(500, "text/plain", "internal error\n");
    };
    if (path === "/healthz") {
      health(o.health).then(({ ok, body }) => reply(ok ? 200 : 503, "application/json", JSON.stringify(body)), fail);
    } else if (path === "/metrics") {
      o.metrics.render().then((text) => reply(200, o.metrics.registry.contentType, text), fail);
    } else {
      reply(404, "text/plain", "not found: try /healthz or /metrics\n");
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, o.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const port = address.port;
  o.logger.info({ port, host: address.address }, "ops endpoints listening (/healthz, /metrics)");
  return {
    port: () => port,
    address: () => address,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
