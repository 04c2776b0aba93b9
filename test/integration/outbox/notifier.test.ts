/**
 * The Notifier features call (src/core/notify.ts): idempotent enqueue, fan-out to concrete
 * targets in each target's language, cancel by key prefix; and, end to end, a daily 09:00
 * reminder in a commune's zone that fires at 09:00 local across both 2027 DST changes.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Notification } from "../../../src/core/notify.js";
import { message } from "../../../src/core/reply.js";
import type { Locale } from "../../../src/core/types.js";
import { dailyAt, localClock } from "../../../src/core/time/local.js";
import { createWorld, until, WS, type World } from "./world.js";

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const TEXT: Record<Locale, string> = { fr: "Rappel", de: "Erinnerung", nl: "Herinnering", en: "Reminder" };

function notification(key: string, to: Notification["to"], dueAt: Date, rendered: Locale[] = []): Notification {
  return { key, to, dueAt, render: (l) => (rendered.push(l), message(l, `${TEXT[l]} ${key}`, "channel")) };
}

async function rows(world: World) {
  return world.app.delivery.store.list(["pending", "sending", "sent", "failed", "cancelled", "expired"], 1000);
}

describe("notifier", () => {
  it("queues the same logical message once, however often it is enqueued", async () => {
    w = await createWorld({ seed: true, sweepMs: 0 });
    const { notifier } = w.app.services;
    const n = notification("webinar:42:reminder:j-1", { kind: "channel", channel: { platform: "slack", workspaceId: WS, channelId: "C0A" } }, w.now());
    expect(await notifier.enqueue(n)).toEqual({ queued: 1, duplicates: 0 });
    expect(await notifier.enqueue(n)).toEqual({ queued: 0, duplicates: 1 });
    await Promise.all([notifier.enqueue(n), notifier.enqueue(n)]);
    expect((await rows(w)).map((r) => r.key)).toEqual(["webinar:42:reminder:j-1|slack:T0CDCE:C0A"]);
  });

  it("fans a purpose out to every linked channel, each in its commune's first language", async () => {
    w = await createWorld({ seed: true, sweepMs: 0 });
    const { repos, notifier } = w.app.services;
    const eupen = (await repos.communes.findByName("Eupen"))!;
    const namur = (await repos.communes.findByName("Namur"))!;
    await repos.channels.link({ platform: "slack", workspaceId: WS, channelId: "C0EUPEN", purpose: "commune", communeId: eupen.id });
    await repos.channels.link({ platform: "discord", workspaceId: "900", channelId: "901", purpose: "commune", communeId: namur.id });
    await repos.channels.link({ platform: "slack", workspaceId: WS, channelId: "C0NET", purpose: "network", communeId: null });
    // The terminal is a platform like the others: its channel is a target too.
    await repos.channels.link({ platform: "terminal", workspaceId: "local", channelId: "namur", purpose: "commune", communeId: namur.id });
    const rendered: Locale[] = [];
    const r = await notifier.enqueue(notification("fom:deadline", { kind: "purpose", purpose: "commune" }, w.now(), rendered));
    expect(r).toEqual({ queued: 3, duplicates: 0 });
    expect(rendered.sort()).toEqual(["de", "fr"]); // once per language
    const stored = await rows(w);
    expect(stored.map((s) => [s.key, s.summary]).sort()).toEqual([
      ["fom:deadline|discord:900:901", "Rappel fom:deadline"],
      ["fom:deadline|slack:T0CDCE:C0EUPEN", "Erinnerung fom:deadline"],
      ["fom:deadline|terminal:local:namur", "Rappel fom:deadline"],
    ]);
    // One commune only.
    const one = await notifier.enqueue(notification("fom:eupen", { kind: "purpose", purpose: "commune", communeId: eupen.id }, w.now()));
    expect(one.queued).toBe(1);
    // Network channels speak French.
    await notifier.enqueue(notification("net", { kind: "purpose", purpose: "network" }, w.now()));
    expect((await rows(w)).find((s) => s.key === "net|slack:T0CDCE:C0NET")!.summary).toBe("Rappel net");
  });

  it("sends a person a direct message on each platform account, in the person's language", async () => {
    w = await createWorld({ seed: true, sweepMs: 0 });
    const { identity } = w.app.services.repos;
    const p = await identity.createWithAccount({ platform: "slack", workspaceId: WS, userId: "U0NELE" }, { name: "Nele", locale: "nl", localeChosen: true, timeZone: "Europe/Brussels" });
    const r = await w.app.services.notifier.enqueue(notification("digest:w12", { kind: "person", personId: p.id }, w.now()));
    expect(r.queued).toBe(1);
    const [row] = await rows(w);
    expect(row!.target).toEqual({ platform: "slack", workspaceId: WS, channelId: "", userId: "U0NELE" });
    expect(row!.summary).toBe("Herinnering digest:w12");
    expect(await w.app.services.notifier.enqueue(notification("x", { kind: "person", personId: "nobody" }, w.now()))).toEqual({ queued: 0, duplicates: 0 });
  });

  it("cancels the messages not yet sent whose key starts with a prefix, and nothing else", async () => {
    w = await createWorld({ seed: true, sweepMs: 0 });
    const { notifier } = w.app.services;
    const to = (c: string) => ({ kind: "channel" as const, channel: { platform: "slack" as const, workspaceId: WS, channelId: c } });
    const later = new Date(w.now().getTime() + 3_600_000);
    for (const k of ["webinar:1:j-7", "webinar:1:j-1", "webinar:10:j-1", "webinar_1:x", "webinar%1:y"]) await notifier.enqueue(notification(k, to("C0X"), later));
    expect(await notifier.cancel("webinar:1:")).toBe(2);
    expect(await notifier.cancel("webinar_")).toBe(1); // `_` is not a wildcard
    const states = Object.fromEntries((await rows(w)).map((r) => [r.key.split("|")[0], r.state]));
    expect(states).toEqual({ "webinar:1:j-7": "cancelled", "webinar:1:j-1": "cancelled", "webinar:10:j-1": "pending", "webinar_1:x": "cancelled", "webinar%1:y": "pending" });
    await expect(notifier.cancel("")).rejects.toThrow();
  });

  it("refuses what cannot be posted on its own", async () => {
    w = await createWorld({ sweepMs: 0 });
    const { notifier } = w.app.services;
    const to = { kind: "channel" as const, channel: { platform: "slack" as const, workspaceId: WS, channelId: "C0X" } };
    await expect(notifier.enqueue({ key: "x".repeat(201), to, dueAt: w.now(), render: (l) => message(l, "a") })).rejects.toThrow(/key/);
    const form = { title: "t", submitCommand: "kit ajouter", submitLabel: "ok", fields: [] };
    await expect(notifier.enqueue({ key: "f", to, dueAt: w.now(), render: (l) => ({ ...message(l, "a"), form }) })).rejects.toThrow(/form/);
  });

  it("fires a daily 09:00 reminder at 09:00 local on 27-29 March and 30 October-1 November 2027", async () => {
    w = await createWorld({ seed: true, sweepMs: 0, fake: { limit: 10, windowMs: 100 } });
    const { repos, notifier } = w.app.services;
    const eupen = (await repos.communes.findByName("Eupen"))!;
    await repos.channels.link({ platform: "slack", workspaceId: WS, channelId: "C0EUPEN", purpose: "commune", communeId: eupen.id });
    const days = [
      ...dailyAt(new Date("2027-03-27T12:00:00Z"), new Date("2027-03-29T12:00:00Z"), "09:00", eupen.timeZone),
      ...dailyAt(new Date("2027-10-30T12:00:00Z"), new Date("2027-11-01T12:00:00Z"), "09:00", eupen.timeZone),
    ];
    w.setNow(new Date("2027-03-01T00:00:00Z"));
    for (const d of days) await notifier.enqueue(notification(`daily:${d.toISOString().slice(0, 10)}`, { kind: "purpose", purpose: "commune", communeId: eupen.id }, d));
    const firedAt: string[] = [];
    for (const [i, due] of days.entries()) {
      w.setNow(new Date(due.getTime() - 60_000)); // 08:59 local: not yet
      await w.worker.sweep();
      expect(w.fake.deliveries).toHaveLength(i);
      w.setNow(due);
      await w.worker.sweep();
      await w.fake.waitForKeys(i + 1, 5_000);
      firedAt.push(localClock(w.now(), eupen.timeZone).slice(0, 14));
    }
    expect(firedAt).toEqual(["2027-03-27 09:", "2027-03-28 09:", "2027-03-29 09:", "2027-10-30 09:", "2027-10-31 09:", "2027-11-01 09:"]);
    expect(w.fake.deliveries.map((d) => d.text)).toEqual(days.map((d) => `Erinnerung daily:${d.toISOString().slice(0, 10)}`));
    await until(async () => (await w!.app.services.outbox.counts()).sent === 6, "6 sent");
  });
});
