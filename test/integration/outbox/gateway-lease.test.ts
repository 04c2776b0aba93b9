/**
 * The Discord gateway lease with two real bot processes (src/main.ts) on one database and the
 * fake Discord: only the lease holder connects to the gateway, the other stands by (healthy,
 * `standby` in /healthz); when the holder is killed with SIGKILL, the standby connects
 * within the lease TTL (short timings here; 20 s + 5 s by default, under the 30 s asked).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { killAll, startChild, type Child } from "../../helpers/child.js";
import { freePort } from "../../helpers/local-services.js";
import { FakeDiscord } from "../../fakes/discord/fake-discord.js";
import { until } from "./world.js";

let fake: FakeDiscord | undefined;
let dir: string | undefined;
afterAll(async () => {
  await killAll();
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function health(port: number): Promise<{ status: number; body: Record<string, any> }> {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

describe("Discord gateway lease", () => {
  it("one replica holds the gateway; a standby takes over after the holder is killed", { timeout: 180_000 }, async () => {
    dir = mkdtempSync(join(tmpdir(), "cdce-gateway-"));
    fake = await FakeDiscord.start();
    const base = {
      DATABASE_URL: `file:${join(dir, "bot.db")}`,
      SEED_ON_START: "false",
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_GUILD_ID: fake.guild.id,
      DISCORD_API_URL: fake.apiUrl,
      LEASE_TTL_MS: "3000",
      LEASE_RENEW_MS: "1000",
      LOG_LEVEL: "info",
    };
    const ports = [await freePort(), await freePort()];
    const start = (i: number): Child => startChild("src/main.ts", { ...base, HTTP_PORT: String(ports[i]) });
    const holder = start(0);
    await until(() => fake!.gateway.stats.identifies === 1, "first replica on the gateway", 90_000);
    const standby = start(1);
    const ready = (port: number) => async () => (await health(port).catch(() => ({ status: 0, body: {} }))).status === 200;
    await until(ready(ports[0]!), "holder healthy", 90_000);
    await until(ready(ports[1]!), "standby healthy", 90_000);
    // A new installation (nobody is coordination): each replica printed its own claim code on
    // stderr, as plain text, never inside a structured (JSON) log line.
    const claimCode = (c: Child) => /admin revendiquer ([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(c.stderr.join("\n"))?.[1];
    expect(claimCode(holder)).toBeDefined();
    expect(claimCode(standby)).toBeDefined();
    expect(claimCode(standby)).not.toBe(claimCode(holder));
    for (const c of [holder, standby]) expect(c.stderr.filter((l) => l.startsWith("{")).join("\n")).not.toContain(claimCode(c)!);
    expect(holder.logs("claim code printed").length).toBe(1);
    expect((await health(ports[0]!)).body.platforms).toEqual({ discord: "connected" });
    expect((await health(ports[1]!)).body.platforms).toEqual({ discord: "standby" });
    // The standby stays off the gateway while the holder lives (several renewal periods).
    await new Promise((r) => setTimeout(r, 4_000));
    expect(fake.gateway.stats.identifies).toBe(1);

    const killedAt = Date.now();
    holder.proc.kill("SIGKILL");
    await holder.exited;
    await until(() => fake!.gateway.stats.identifies === 2, "standby on the gateway", 30_000);
    const takeoverMs = Date.now() - killedAt;
    expect(takeoverMs).toBeLessThan(30_000);
    // Within the lease TTL plus one renewal period, give or take a slow start of discord.js.
    expect(takeoverMs).toBeLessThan(3_000 + 1_000 + 10_000);
    await until(async () => (await health(ports[1]!)).body.platforms?.discord === "connected", "standby connected", 30_000);
    expect(standby.logs("lease acquired").length).toBe(1);
    standby.proc.kill("SIGTERM");
    expect(await standby.exited).toBe(0);
    console.info(`[gateway lease] takeover after SIGKILL: ${takeoverMs} ms`);
  });
});
