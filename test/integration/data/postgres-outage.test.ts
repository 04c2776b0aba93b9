/**
 * PostgreSQL away, through a TCP proxy the test stops and freezes: every command answers
 * within seconds, in the person's language, that the database is unavailable and nothing
 * was saved (not the generic error, not a 90 s wait); /healthz says unhealthy; and the first
 * command once the database is back works.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../../src/app.js";
import { silentLogger } from "../../../src/core/logger.js";
import { captureLogger } from "../../helpers/capture-logger.js";
import { translator } from "../../../src/core/i18n/catalogue.js";
import { Metrics } from "../../../src/ops/metrics.js";
import { startOpsServer, type OpsServer } from "../../../src/ops/http.js";
import { LOCALES, type Locale } from "../../../src/core/types.js";
import { pgReachable, PG_URL, scratchPostgres } from "./support.js";
import { startTcpProxy, type TcpProxy } from "../../helpers/tcp-proxy.js";
import { planWebinar } from "../../helpers/events.js";
import { run, textOf } from "../../helpers/run.js";

const reachable = await pgReachable("postgres-outage");
const NOW = new Date("2027-03-01T09:00:00Z");
// Short limits keep the test quick; the defaults (src/data/timeouts.ts) are a few seconds too.
const TIMEOUTS = { connectTimeoutMs: 1_500, statementTimeoutMs: 2_000, queryTimeoutMs: 2_500, idleInTransactionTimeoutMs: 5_000 };
// "Within a few seconds": a query timeout, a rollback that times out too, and a loaded
// machine's delays. Before, a frozen database held a command for as long as it stayed frozen.
const ANSWER_WITHIN_MS = 20_000;

describe.skipIf(!reachable)("PostgreSQL outage through a proxy", { timeout: 180_000 }, () => {
  const scratch = scratchPostgres();
  let proxy: TcpProxy;
  let app: App;
  let ops: OpsServer;
  let code: string;
  // Kept to explain a failure: the error under a reply.
  const log = captureLogger();

  beforeAll(async () => {
    const upstream = new URL(PG_URL);
    proxy = await startTcpProxy({ host: upstream.hostname, port: Number(upstream.port || 5432) });
    const url = new URL(scratch.url);
    url.host = `127.0.0.1:${proxy.port}`;
    app = await createApp({ databaseUrl: url.toString(), logger: log, clock: () => NOW, seed: false, databaseTimeouts: TIMEOUTS });
    ops = await startOpsServer({
      port: 0,
      host: "127.0.0.1",
      metrics: new Metrics({ processMetrics: false }),
      health: { ready: () => true, ping: app.delivery.ping, platforms: () => [] },
      logger: silentLogger,
    });
    code = await planWebinar(app, 'titre:"Panne" theme:communication debut:"20/03 10h" capacite:50').catch((error: Error) => {
      throw new Error(`${error.message}\n${log.entries.filter((e) => e.level === "error").slice(-2).map((e) => String((e.obj as { err?: Error }).err?.stack)).join("\n").slice(0, 3000)}`);
    });
  }, 180_000);

  afterAll(async () => {
    await ops?.close();
    await proxy?.restore().catch(() => {});
    await app?.close();
    await proxy?.close();
    await scratch.cleanup();
  });

  const health = async () => (await fetch(`http://127.0.0.1:${ops.port()}/healthz`)).status;

  /** One registration per language, by people the bot has never seen (their platform's language). */
  async function joinInEveryLanguage(tag: string): Promise<Array<{ locale: Locale; text: string; ms: number }>> {
    return Promise.all(
      LOCALES.map(async (locale) => {
        const started = performance.now();
        const reply = await run(app, `webinaire rejoindre ${code}`, { user: `${tag}-${locale}`, locale, platform: "slack" });
        return { locale, text: textOf(reply), ms: performance.now() - started };
      }),
    );
  }

  async function expectUnavailable(tag: string) {
    for (const r of await joinInEveryLanguage(tag)) {
      expect(r.text, r.locale).toBe(translator(r.locale)("error.databaseUnavailable"));
      expect(r.ms, r.locale).toBeLessThan(ANSWER_WITHIN_MS);
    }
    expect(await health()).toBe(503);
  }

  async function expectWorking(tag: string) {
    const reply = textOf(await run(app, `webinaire rejoindre ${code}`, { user: tag, locale: "fr", platform: "slack" }));
    expect(reply).toContain("Panne");
    expect(reply).not.toBe(translator("fr")("error.databaseUnavailable"));
    const registered = await app.services.events.repo.registrations((await app.services.events.repo.byCode(code))!.id);
    expect(registered.length).toBeGreaterThan(0);
    expect(await health()).toBe(200);
  }

  it("answers while it works", async () => {
    await expectWorking("before");
  });

  it("down (connections refused): the unavailable message in each language, unhealthy, then works again", async () => {
    await proxy.down();
    try {
      await expectUnavailable("down");
    } finally {
      await proxy.restore(); // whatever happened, the next case starts with the database back
    }
    await expectWorking("after-down");
  });

  it("frozen (accepts, never answers): the unavailable message in each language, unhealthy, then works again", async () => {
    proxy.freeze();
    try {
      await expectUnavailable("frozen");
    } finally {
      await proxy.restore();
    }
    await expectWorking("after-frozen");
  });
});
