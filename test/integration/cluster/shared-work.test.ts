/**
 * Replicas share their commands (src/cluster/shared-work.ts) through a real Redis: a replica
 * whose slots are full hands a command to one that has room and answers with its reply; a
 * command nobody takes is taken back and run where it arrived; one taken and never answered
 * fails after its time, and a job past its time is not started. Each replica here is a
 * shared dispatcher over a local dispatcher the test controls (which replica ran what).
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { createRedisWorkQueue } from "../../../src/delivery/redis-work-queue.js";
import type { WorkQueue } from "../../../src/cluster/work-queue.js";
import { sharedDispatcher, type LocalDispatcher, type SharedDispatcher } from "../../../src/cluster/shared-work.js";
import { CommandRegistry } from "../../../src/core/commands.js";
import { PlatformUsers } from "../../../src/core/platform-users.js";
import { silentLogger } from "../../../src/core/logger.js";
import { message } from "../../../src/core/reply.js";
import type { IncomingCommand, Reply } from "../../../src/core/types.js";
import { REDIS_TEST_URL, redisReachable } from "../../helpers/local-services.js";

const reachable = await redisReachable("shared work");

/** A local dispatcher with `slots` slots whose commands finish when the test says (or at once). */
function replicaNamed(name: string, slots: number, o: { hold?: boolean } = {}) {
  const ran: string[] = [];
  const holding: Array<() => void> = [];
  let held = 0;
  const local: LocalDispatcher = {
    registry: new CommandRegistry([]),
    users: new PlatformUsers(),
    busy: () => held >= slots,
    load: () => held,
    async handle(incoming: IncomingCommand): Promise<Reply> {
      held++;
      try {
        if (o.hold) await new Promise<void>((r) => holding.push(r));
        ran.push(incoming.text ?? "");
        return { ...message("fr", `${name} a fait « ${incoming.text} » le ${incoming.actedAt?.toISOString()}`), files: [{ name: "f.bin", contentType: "application/octet-stream", data: new Uint8Array([1, 2, 3]) }] };
      } finally {
        held--;
      }
    },
  };
  return { local, ran, release: () => holding.splice(0).forEach((r) => r()) };
}

const click = (text: string): IncomingCommand => ({ platform: "slack", workspaceId: "T1", userId: "U1", text, actedAt: new Date("2027-01-01T10:00:00.250Z") });

describe.skipIf(!reachable)("commands shared between replicas", () => {
  const open: Array<SharedDispatcher | WorkQueue> = [];
  let namespace: string;

  beforeAll(() => {
    namespace = `test-${randomUUID()}`;
  });

  afterEach(async () => {
    for (const x of open.splice(0).reverse()) await x.close().catch(() => undefined);
  });

  async function shared(name: string, local: LocalDispatcher, o: { withdrawAfterMs?: number; giveUpAfterMs?: number; start?: boolean; ns?: string } = {}) {
    const queue = await createRedisWorkQueue(REDIS_TEST_URL, o.ns ?? namespace, silentLogger);
    const d = sharedDispatcher(local, queue, { replica: name, logger: silentLogger, takeBelow: 1, withdrawAfterMs: o.withdrawAfterMs, giveUpAfterMs: o.giveUpAfterMs });
    open.push(d);
    if (o.start !== false) await d.start();
    return d;
  }

  it("a full replica hands a command to one with room, and answers with its reply, files and all", async () => {
    const ns = `test-${randomUUID()}`;
    const a = replicaNamed("A", 1, { hold: true });
    const b = replicaNamed("B", 1);
    const da = await shared("A", a.local, { ns });
    await shared("B", b.local, { ns });
    const first = da.handle(click("premier")); // takes A's only slot and holds it
    const second = await da.handle(click("second")); // A is full: B runs it
    expect(second.text).toBe("B a fait « second » le 2027-01-01T10:00:00.250Z");
    expect(second.files?.[0]?.data).toEqual(new Uint8Array([1, 2, 3]));
    expect(b.ran).toEqual(["second"]);
    expect(da.counts.shared).toBe(1);
    a.release();
    expect((await first).text).toContain("A a fait « premier »");
    expect(a.ran).toEqual(["premier"]);
  });

  it("a command nobody takes is taken back and run where it arrived, once", async () => {
    const ns = `test-${randomUUID()}`;
    // Alone in its namespace, and full: its own taker takes nothing while its one slot is held.
    const lone = replicaNamed("A", 1, { hold: true });
    const d = await shared("A", lone.local, { ns, withdrawAfterMs: 300 });
    const held = d.handle(click("tient la place"));
    const answered = d.handle(click("repris"));
    await new Promise((r) => setTimeout(r, 500));
    expect(d.counts).toMatchObject({ shared: 1, withdrawn: 1, taken: 0 });
    lone.release();
    await held;
    await new Promise((r) => setTimeout(r, 50));
    lone.release();
    expect((await answered).text).toContain("A a fait « repris »");
    expect(lone.ran.filter((t) => t === "repris")).toHaveLength(1);
    const queue = await createRedisWorkQueue(REDIS_TEST_URL, ns, silentLogger);
    open.push(queue);
    expect(await queue.take(50)).toBeNull();
  });

  it("a command taken and never answered fails after its time; a job past its time is not started", async () => {
    const ns = `test-${randomUUID()}`;
    const a = replicaNamed("A", 1, { hold: true });
    const silent = replicaNamed("S", 1, { hold: true }); // takes, then never finishes
    const da = await shared("A", a.local, { ns, withdrawAfterMs: 200, giveUpAfterMs: 800 });
    await shared("S", silent.local, { ns });
    void da.handle(click("occupe"));
    const started = Date.now();
    await expect(da.handle(click("perdu"))).rejects.toThrow(/no answer in time/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(700);
    a.release();
    silent.release();

    // A job whose time is over when taken is dropped unstarted.
    const queue = await createRedisWorkQueue(REDIS_TEST_URL, ns, silentLogger);
    open.push(queue);
    const late = replicaNamed("L", 4);
    await shared("L", late.local, { ns });
    await queue.push(JSON.stringify({ id: "old", origin: "nobody", until: Date.now() - 1, incoming: JSON.stringify(click("trop tard")) }));
    await new Promise((r) => setTimeout(r, 300));
    expect(late.ran).toEqual([]);
  });

  it("commands with files are never shared", async () => {
    const ns = `test-${randomUUID()}`;
    const a = replicaNamed("A", 1, { hold: true });
    const b = replicaNamed("B", 1);
    const da = await shared("A", a.local, { ns });
    await shared("B", b.local, { ns });
    const first = da.handle(click("premier"));
    const withFile = da.handle({ ...click("fichier"), files: [{ name: "kits.csv", data: new Uint8Array([65]) }] });
    await new Promise((r) => setTimeout(r, 200));
    expect(b.ran).toEqual([]);
    a.release();
    await first;
    await new Promise((r) => setTimeout(r, 20));
    a.release();
    expect((await withFile).text).toContain("A a fait « fichier »");
  });
});
