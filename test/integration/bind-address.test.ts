/**
 * HOST chooses the address of every server the bot opens: the ops endpoints (/healthz,
 * /metrics, started by the runtime) and Slack's HTTP receiver listen on it, and on no other
 * interface; unset, they listen on every interface as before. A malformed HOST stops the start.
 */
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { Lease } from "../../src/cluster/lease.js";
import { ConfigError, loadConfig, type Config } from "../../src/config.js";
import { silentLogger } from "../../src/core/logger.js";
import { Metrics } from "../../src/ops/metrics.js";
import { createSlackAdapterWith } from "../../src/platforms/slack/index.js";
import { createRuntime } from "../../src/runtime.js";
import { BOT_TOKEN, FakeSlack, SIGNING_SECRET } from "../fakes/slack/server.js";
import { freePort } from "../helpers/local-services.js";
import { createTestApp } from "../helpers/test-app.js";

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

/** A non-loopback IPv4 address of this machine, if it has one. */
function externalAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) if (a.family === "IPv4" && !a.internal) return a.address;
  return undefined;
}

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
    socket.setTimeout(5000, () => done(false));
  });
}

/** The ops server and the Slack HTTP receiver, started from `env` as main.ts does. */
async function startServers(env: Record<string, string>): Promise<{ ops: { address: string; port: number }; slack: { address: string; port: number } }> {
  const fake = await FakeSlack.start();
  const app = await createTestApp();
  cleanup.push(async () => {
    await app.close();
    await fake.close();
  });
  const config: Config = loadConfig({ ...env, HTTP_PORT: String(await freePort()), SLACK_PORT: String(await freePort()), SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl });
  const leader = new Lease(app.delivery.leases, "leader", "bind-test", { ttlMs: config.LEASE_TTL_MS, renewMs: config.LEASE_RENEW_MS, logger: silentLogger });
  const runtime = await createRuntime({ config, app, leader, replica: "bind-test", metrics: new Metrics({ processMetrics: false }), logger: silentLogger, jobs: [] });
  cleanup.push(async () => {
    await runtime.stop();
    await leader.stop();
  });
  const slack = createSlackAdapterWith({ config, inbound: app.inbound, logger: silentLogger });
  await slack.start();
  cleanup.push(() => slack.stop());
  const opsAddress = runtime.ops!.address();
  const slackAddress = slack.address()!;
  return { ops: { address: opsAddress.address, port: opsAddress.port }, slack: { address: slackAddress.address, port: slackAddress.port } };
}

describe("HOST", () => {
  it("with HOST=127.0.0.1, the ops endpoints and Slack's HTTP receiver listen on 127.0.0.1 only", async () => {
    const { ops, slack } = await startServers({ HOST: "127.0.0.1" });
    expect(ops.address).toBe("127.0.0.1");
    expect(slack.address).toBe("127.0.0.1");
    expect(await accepts("127.0.0.1", ops.port)).toBe(true);
    expect(await accepts("127.0.0.1", slack.port)).toBe(true);
    const external = externalAddress();
    if (!external) console.warn("[bind-address] no non-loopback IPv4 interface here: only the listening address is checked");
    else {
      expect(await accepts(external, ops.port)).toBe(false);
      expect(await accepts(external, slack.port)).toBe(false);
    }
  });

  it("unset, both listen on every interface, as before", async () => {
    const { ops, slack } = await startServers({});
    expect(["::", "0.0.0.0"]).toContain(ops.address);
    expect(["::", "0.0.0.0"]).toContain(slack.address);
  });

  it("accepts IP addresses and host names, and stops the start on anything else, naming HOST", () => {
    for (const ok of ["127.0.0.1", "0.0.0.0", "::", "::1", "localhost", "bot.internal.example"]) expect(loadConfig({ HOST: ok }).HOST).toBe(ok);
    for (const bad of ["[::1]", "127.0.0.1:8080", "http://localhost", "two words", "-bad-.example"]) {
      expect(() => loadConfig({ HOST: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ HOST: bad })).toThrow(/HOST: must be an IP address/);
    }
  });
});
