/**
 * Nothing the bot promises is lost: a process running commands (test/fixtures/command-loop.ts:
 * initiatives, webinar announcements, registrations, waitlist promotions, cancellations) is
 * killed with SIGKILL again and again, at varied instants, on one SQLite file. Afterwards
 * every saved item has what it promised in the outbox (and in the activity), and no outbox
 * row speaks of an item that was not saved: each command was all or nothing.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../../src/app.js";
import { silentLogger } from "../../../src/core/logger.js";
import { openDatabase, type Database } from "../../../src/data/database.js";
import { killAll, startChild } from "../../helpers/child.js";
import { prepareUser } from "../../helpers/run.js";

/**
 * Kills, in all: enough to land in every step of a round several times. Each costs a process
 * start (seconds on a loaded machine), so they run in lanes side by side, each lane on its
 * own copy of the database (one writer per file: this test is about crashes, not contention).
 */
const KILLS = Number(process.env.KILL_LOOP_KILLS ?? 30);
const LANES = 5;
const WS = "W1";

let dir: string | undefined;
const open: Database[] = [];

afterAll(async () => {
  await killAll();
  for (const db of open) await db.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A small deterministic spread of numbers in [0, n): the kills do not all land at one step. */
const spread = (k: number, n: number) => (k * 7919 + 13) % n;

/** SQL statements of two rounds of the loop (measured: about 140 a round, cancellation included every other round). */
const TWO_ROUNDS = 280;

/**
 * Starts the command loop `kills` times on `databaseUrl`; each run SIGKILLs itself just
 * before another statement (see the fixture), so the kills land in every gap between two
 * writes of every command of a round. Returns the commands answered.
 */
async function killLoop(databaseUrl: string, lane: number, kills: number): Promise<number> {
  let answered = 0;
  for (let n = 0; n < kills; n++) {
    const k = lane * kills + n;
    const env = { DATABASE_URL: databaseUrl, LOOP_ROUND: String(k), LOOP_WORKSPACE: WS, KILL_AT_STATEMENT: String(1 + spread(k, TWO_ROUNDS)) };
    const child = startChild("test/fixtures/command-loop.mjs", env);
    await child.line((l) => l === "ready", 90_000, "command loop ready");
    let hung = false;
    const timer = setTimeout(() => ((hung = true), child.proc.kill("SIGKILL")), 120_000); // never hangs the suite
    await child.exited;
    clearTimeout(timer);
    expect(hung, `the loop stopped answering before statement ${env.KILL_AT_STATEMENT}: ${child.stdout.slice(-3).join(" | ")}`).toBe(false);
    // Killed, not ended: a command that failed would have ended it with an error.
    expect(child.proc.signalCode, child.stderr.slice(-10).join("\n")).toBe("SIGKILL");
    answered += child.stdout.filter((l) => l.startsWith("ok ")).length;
  }
  return answered;
}

describe("kill -9 in a loop during commands", () => {
  it(`${KILLS} kills: every saved initiative, webinar, promotion and cancellation has its outbox rows, and no row is left without its item`, { timeout: 600_000 }, async () => {
    // The loop runs the bot as `npm start` does, from dist/.
    execFileSync(process.execPath, ["src/build.mjs"]);
    dir = mkdtempSync(join(tmpdir(), "cdce-kill-"));
    const template = join(dir, "template.db");
    const setup = await createApp({ databaseUrl: `file:${template}`, logger: silentLogger, seed: true });
    try {
      const channels = setup.services.repos.channels;
      await channels.link({ platform: "slack", workspaceId: WS, channelId: "C0RESEAU", purpose: "network", communeId: null });
      await channels.link({ platform: "slack", workspaceId: WS, channelId: "C0COORD", purpose: "coordination", communeId: null });
      await prepareUser(setup, { user: "coord", role: "coordination", platform: "slack" });
      await prepareUser(setup, { user: "copil", role: "copil", commune: "Namur", platform: "slack" });
      await prepareUser(setup, { user: "alice", role: "benevole", commune: "Namur", platform: "slack" });
      await prepareUser(setup, { user: "bruno", role: "benevole", commune: "Namur", platform: "slack" });
    } finally {
      await setup.close(); // checkpoints the WAL into the file: the copies below are whole
    }
    const lanes = Array.from({ length: LANES }, (_, lane) => {
      const file = join(dir!, `lane${lane}.db`);
      copyFileSync(template, file);
      return { url: `file:${file}`, kills: Math.ceil(KILLS / LANES) };
    });
    const answered = await Promise.all(lanes.map((l, lane) => killLoop(l.url, lane, l.kills)));
    expect(answered.reduce((a, b) => a + b, 0)).toBeGreaterThan(KILLS);

    const found = { initiatives: 0, events: 0, promoted: 0, cancelled: 0 };
    const broken: string[] = [];
    for (const lane of lanes) {
      const r = await check(lane.url);
      for (const key of Object.keys(found) as Array<keyof typeof found>) found[key] += r.found[key];
      broken.push(...r.broken);
    }
    // The loops got far enough for the check to mean something.
    expect(found.initiatives).toBeGreaterThan(KILLS / 3);
    expect(found.events).toBeGreaterThan(KILLS / 3);
    expect(found.promoted).toBeGreaterThan(0);
    expect(found.cancelled).toBeGreaterThan(0);
    expect(broken).toEqual([]);
  });
});

/** What is promised for each saved item, and what is promised about unsaved ones, in one database. */
async function check(databaseUrl: string) {
  const db = await openDatabase({ url: databaseUrl });
  open.push(db);
  const p = db.prisma;
  const keys = (await p.outboxMessage.findMany({ select: { idempotencyKey: true } })).map((r) => r.idempotencyKey);
  const has = (prefix: string) => keys.some((k) => k.startsWith(prefix));
  const person = async (user: string) => (await p.platformAccount.findFirstOrThrow({ where: { platform: "slack", workspaceId: WS, userId: user } })).personId;
  const bruno = await person("bruno");

  const initiatives = await p.initiative.findMany({ where: { title: { startsWith: "Boucle" } } });
  const activity = await p.activityEvent.findMany({ where: { kind: "initiative" } });
  const events = await p.event.findMany({ where: { title: { startsWith: "Boucle" } } });
  const registrations = await p.registration.findMany({ where: { eventId: { in: events.map((e) => e.id) } } });
  const promoted = registrations.filter((r) => r.personId === bruno && r.status === "going");
  const cancelled = events.filter((e) => e.state === "cancelled");
  const broken: string[] = [];
  for (const i of initiatives) {
    if (i.status === "published" && !has(`initiative:${i.id}:post:`)) broken.push(`initiative ${i.title}: published, no network post`);
    if (!activity.some((a) => a.data?.includes(`"initiativeId":"${i.id}"`))) broken.push(`initiative ${i.title}: no activity recorded`);
  }
  for (const e of events) {
    if (!has(`evt:${e.id}:announce:`)) broken.push(`webinar ${e.title}: not announced`);
    for (const r of registrations.filter((x) => x.eventId === e.id)) {
      if (e.state === "scheduled" && r.status === "going" && !has(`evt:${e.id}:rem:${r.personId}:`)) broken.push(`webinar ${e.title}: a seat taken with no reminder queued`);
      if (e.state === "cancelled" && r.status !== "left" && !has(`evt:${e.id}:cancelled:${r.personId}`)) broken.push(`webinar ${e.title}: cancelled, a registered person not told`);
    }
  }
  for (const r of promoted) {
    const e = events.find((x) => x.id === r.eventId)!;
    if (!has(`evt:${e.id}:promoted:${bruno}:`)) broken.push(`webinar ${e.title}: promoted from the waitlist, not told`);
  }
  // Nothing promised about an item that does not exist (a command rolled back whole).
  const initiativeIds = new Set(initiatives.map((i) => i.id));
  const eventIds = new Set(events.map((e) => e.id));
  for (const key of keys) {
    const i = /^initiative:([^:]+):/.exec(key)?.[1];
    if (i && !initiativeIds.has(i)) broken.push(`outbox row ${key}: no such initiative`);
    const e = /^evt:([^:]+):/.exec(key)?.[1];
    if (e && !eventIds.has(e)) broken.push(`outbox row ${key}: no such webinar`);
  }
  for (const a of activity) {
    const i = /"initiativeId":"([^"]+)"/.exec(a.data ?? "")?.[1];
    if (i && !initiativeIds.has(i)) broken.push(`activity for initiative ${i}: no such initiative`);
  }
  return { broken, found: { initiatives: initiatives.length, events: events.length, promoted: promoted.length, cancelled: cancelled.length } };
}
