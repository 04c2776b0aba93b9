/**
 * Communes as data and a momentum score read from real life, over the real app (SQLite,
 * real outbox, the dispatcher): a merger moves the history to the commune joined and takes
 * the merged one out of the watch and the reminders; a commune the bot knows nothing about
 * is "no data yet" (not red, not alerted, listed for coordination with the commands that
 * fill it); the first scan reports communes already red, once, as a first reading; a CoPil
 * meeting logged in one line counts as an action.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { run, textOf, type As } from "../../helpers/run.js";
import { runDailyWatch, runWeeklyScan } from "../../../src/features/watch/scan.js";
import { dueLadderStep } from "../../../src/features/watch/fom.js";
import { semaineWindowsBefore } from "../../../src/features/watch/calendar.js";
import { scoreMomentum } from "../../../src/features/watch/momentum.js";
import { commune, DAY, fullCopil, linkChannels, outboxKeys, spyNotifier, watchDeps } from "./helpers.js";

/** Monday 4 January 2027, 07:00 in Brussels: the weekly scan's time. */
const T0 = new Date("2027-01-04T06:00:00Z");
const COORD: As = { user: "coord", role: "coordination" };

describe("a merger", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ now: T0 });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("moves the history to the commune joined, and takes the merged one out of the watch and the reminders", async () => {
    const [from, into, control] = [await commune(app, "Tenneville"), await commune(app, "La Roche-en-Ardenne"), await commune(app, "Vielsalm")];
    await linkChannels(app, [from, into, control]);
    // Both Tenneville and Vielsalm owe their Fair-O-Mètre in 30 days: the ladder has a step due at 09:00.
    const due = new Date(Date.UTC(2027, 1, 3));
    for (const c of [from, control]) {
      const { id: _id, ...rest } = c;
      await app.services.repos.communes.upsert({ ...rest, fomDueOn: due });
    }
    const nine = new Date("2027-01-04T08:05:00Z");
    expect(dueLadderStep({ ...control, fomDueOn: due }, nine), "the control commune has a ladder step due").not.toBeNull();

    const copil: As = { user: "copil-tenneville", role: "copil", commune: "Tenneville" };
    await app.services.repos.communes.addFomRecord({ communeId: from.id, on: new Date("2025-02-03T00:00:00Z"), grade: "C" });
    await fullCopil(app, from.id, new Date(T0.getTime() - 200 * DAY));
    expect(textOf(await run(app, "fom preuve critere:4 Stand au marché commune:Tenneville", copil))).toContain("Stand au marché");
    await run(app, 'initiative titre:"Petit-déjeuner" description:"Au marché" type:petit-dejeuner', copil);
    await run(app, 'evenement creer type:stand titre:"Stand" debut:"20/3 9h-13h" lieu:"Place du marché"', copil);
    const before = await app.services.repos.activity.recent(from.id, 100);
    expect(before.map((a) => a.kind)).toEqual(expect.arrayContaining(["evidence"]));

    const reply = textOf(await run(app, "commune fusionner Tenneville dans La-Roche-en-Ardenne le:2026-12-01", COORD));
    expect(reply).toContain("a rejoint La Roche-en-Ardenne");

    const merged = (await app.services.repos.communes.get(from.id))!;
    expect(merged).toMatchObject({ status: "merged", mergedIntoId: into.id, mergedOn: new Date("2026-12-01T00:00:00Z"), fomDueOn: null });
    // History: activity (evidence included), roster, Fair-O-Mètre, channel, role, initiative, local event.
    expect(await app.services.repos.activity.recent(from.id, 100)).toEqual([]);
    const moved = await app.services.repos.activity.recent(into.id, 100);
    expect(moved.length).toBeGreaterThanOrEqual(before.length);
    expect(moved.map((a) => a.id)).toEqual(expect.arrayContaining(before.map((a) => a.id)));
    expect((await app.services.watch.copil.active(into.id, T0)).length).toBe(6);
    expect((await app.services.repos.communes.fomHistory(into.id)).map((r) => r.grade)).toContain("C");
    expect((await app.services.repos.channels.byPurpose("commune", into.id)).map((l) => l.channelId)).toContain("C-tenneville");
    const events = await app.services.events.repo.list({ from: T0, kinds: ["local"], communeId: into.id, limit: 10 });
    expect(events.map((e) => e.title)).toContain("Stand");
    // The CoPil member of Tenneville now acts for La Roche.
    expect(textOf(await run(app, 'copil reunion 2/1 5 présents "Première réunion commune" commune:La-Roche-en-Ardenne', { user: "copil-tenneville" }))).toContain("La Roche-en-Ardenne");

    // Out of the reminders: the daily watch sends the ladder to Vielsalm, not to Tenneville.
    const spy = spyNotifier(app.services.notifier);
    await runDailyWatch(watchDeps(app, spy), nine);
    expect((await outboxKeys(app, `fom:${control.id}:`)).length).toBe(1);
    expect(await outboxKeys(app, `fom:${from.id}:`)).toEqual([]);

    // Out of the watch: no score of its own; La Roche's counts Tenneville's history.
    const weekly = await runWeeklyScan(watchDeps(app, spy), T0);
    expect(weekly.communes).toBe(38); // 40 demo communes, Bertogne and Tenneville merged
    expect(await app.services.watch.momentum.history(from.id, 5)).toEqual([]);
    const [roche] = await app.services.watch.momentum.history(into.id, 1);
    expect(roche!.signals.copilSize).toBe(6);
    expect(roche!.signals.lastGrade).toBe("C");
    expect(spy.seen.some((n) => n.key.includes(from.id))).toBe(false);
    const list = textOf(await run(app, "veille", COORD));
    expect(list).not.toContain("Tenneville");
    expect(list).toContain("La Roche-en-Ardenne");

    // Done once: a second merger of the same commune is refused, nothing moves.
    expect(textOf(await run(app, "commune fusionner Tenneville Vielsalm", COORD))).toContain("déjà fusionné avec La Roche-en-Ardenne");
  }, 60_000);

  it("is recorded by the demo seed for Bertogne, merged into Bastogne on 2 December 2024", async () => {
    const bertogne = await commune(app, "Bertogne");
    const bastogne = await commune(app, "Bastogne");
    expect(bertogne).toMatchObject({ status: "merged", mergedIntoId: bastogne.id, mergedOn: new Date("2024-12-02T00:00:00Z"), fomDueOn: null });
    expect(bastogne.status).toBe("titled");
    expect((await app.services.repos.communes.listFollowed()).map((c) => c.slug)).not.toContain("bertogne");
  });

  it("lets coordination add a commune and change its status in chat", async () => {
    const added = textOf(await run(app, "commune ajouter Gouvy region:Wallonie province:Luxembourg profil:rural population:lt10k statut:candidate", COORD));
    expect(added).toContain("Gouvy est ajoutée au réseau (candidate)");
    expect(textOf(await run(app, "commune ajouter Gouvy region:Wallonie profil:rural population:lt10k", COORD))).toContain("déjà dans le réseau");
    expect(textOf(await run(app, "commune modifier Gouvy profil:montagne", COORD))).toContain("Je ne comprends pas « montagne »");
    await run(app, "commune modifier Gouvy statut:titree titree:2026-10-09", COORD);
    const gouvy = await commune(app, "Gouvy");
    expect(gouvy).toMatchObject({ status: "titled", titledOn: "2026-10-09", fomDueOn: new Date("2028-10-09T00:00:00Z"), profile: "rural" });
    await run(app, "commune modifier Gouvy statut:quittee le:2027-01-02", COORD);
    expect(await commune(app, "Gouvy")).toMatchObject({ status: "left", leftOn: new Date("2027-01-02T00:00:00Z"), fomDueOn: null });
    expect((await app.services.repos.communes.listFollowed()).map((c) => c.slug)).not.toContain("gouvy");
  });
});

describe("no data yet, and the first reading", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ now: T0 });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("keeps a commune the bot knows nothing about out of red and out of alerts, lists it for coordination, and reports an already-red commune once", async () => {
    const [red, empty] = [await commune(app, "Durbuy"), await commune(app, "Arlon")];
    await linkChannels(app, [red, empty]);
    // Durbuy: a D a year ago and one action seven months ago; nothing since. Arlon: nothing at all.
    await app.services.repos.communes.addFomRecord({ communeId: red.id, on: new Date("2026-01-10T00:00:00Z"), grade: "D" });
    await app.services.repos.activity.record({ communeId: red.id, personId: null, kind: "initiative", at: new Date(T0.getTime() - 210 * DAY), data: { title: "Stand" } });

    const spy = spyNotifier(app.services.notifier);
    const first = await runWeeklyScan(watchDeps(app, spy), T0);
    const firstKeys = spy.seen.map((n) => n.key);
    expect(firstKeys.filter((k) => k.startsWith(`momentum:${red.id}:`))).toEqual([`momentum:${red.id}:first:red:2027-W01`]);
    expect(firstKeys.some((k) => k.includes(empty.id))).toBe(false);
    expect(first.firstReadings).toBeGreaterThanOrEqual(1);
    expect(first.noData).toBeGreaterThanOrEqual(1);
    // Worded as a first reading, not as a fall.
    const alert = spy.seen.find((n) => n.key.startsWith(`momentum:${red.id}:`))!;
    const text = textOf(alert.render("fr"));
    expect(text).toContain("Première lecture : Durbuy est déjà en rouge");
    expect(text).not.toContain("passe en");
    expect(textOf(alert.render("de"))).toContain("Erste Messung");
    // Arlon: no snapshot (not red, no baseline); Durbuy: its first one, marked as alerted.
    expect(await app.services.watch.momentum.history(empty.id, 5)).toEqual([]);
    expect((await app.services.watch.momentum.history(red.id, 5)).map((s) => [s.level, s.alert])).toEqual([["red", "first"]]);

    // The second scan: still red, not reported again; Arlon still not alerted.
    spy.seen.length = 0;
    const second = await runWeeklyScan(watchDeps(app, spy), new Date(T0.getTime() + 7 * DAY));
    expect(second.firstReadings).toBe(0);
    expect(spy.seen.filter((n) => n.key.startsWith(`momentum:${red.id}:`) || n.key.includes(empty.id))).toEqual([]);

    // Coordination sees Arlon among the communes without data, with the commands that fill them.
    const list = textOf(await run(app, "veille", COORD));
    expect(list).toMatch(/Pas encore de données \(\d+ communes\)/);
    const noDataPart = list.slice(list.indexOf("Pas encore de données"));
    expect(noDataPart).toContain("Arlon");
    expect(noDataPart).toContain("copil reunion");
    expect(noDataPart).toContain("fom soumis");
    expect(list.slice(0, list.indexOf("Pas encore de données"))).not.toContain("Arlon");
    expect(list).toMatch(/🔴 \*\*\d+\*\* \([^)]*\) Durbuy/);
    expect(textOf(await run(app, "veille Arlon", COORD))).toContain("Arlon : pas encore de données");
  }, 60_000);

  it("counts a CoPil meeting logged in one line, in any of the four languages", async () => {
    const c = await commune(app, "Bouillon");
    const copil: As = { user: "copil-bouillon", role: "copil", commune: "Bouillon" };
    const signals = () => app.services.watch.momentum.signalsFor(c.id, T0, semaineWindowsBefore(T0));
    const before = await signals();
    expect(scoreMomentum(before, T0).noData).toBe(true);

    const reply = textOf(await run(app, 'copil reunion 12/12 8 présents "Stand au marché de Noël"', copil));
    expect(reply).toContain("Réunion du CoPil de Bouillon du 12 décembre 2026 notée : 8 présents");
    const after = await signals();
    expect(after.actions6m).toBe(before.actions6m + 1);
    expect(after.lastActivityAt).toEqual(new Date("2026-12-12T11:00:00Z"));
    expect(scoreMomentum(after, T0).noData).toBe(false);
    expect(scoreMomentum(after, T0).score).toBeGreaterThan(scoreMomentum(before, T0).score);
    const [meeting] = await app.services.repos.activity.recent(c.id, 1);
    expect(meeting).toMatchObject({ kind: "copil_meeting", data: { present: 8, decisions: "Stand au marché de Noël" } });

    await run(app, 'copil sitzung 3.1 6 anwesend "Beschluss"', { ...copil, locale: "de" });
    await run(app, 'copil vergadering 2/1 7 aanwezig "Beslissing"', { ...copil, locale: "nl" });
    await run(app, 'copil meeting 1/1 5 present "Decision"', { ...copil, locale: "en" });
    expect((await signals()).actions6m).toBe(before.actions6m + 4);

    // Refused, nothing recorded: a day still to come, a count that is no number, a volunteer.
    const fr: As = { ...copil, locale: "fr" };
    expect(textOf(await run(app, "copil reunion 20/01/2027 8 présents", fr))).toContain("est à venir");
    expect(textOf(await run(app, "copil reunion 12/12 huit présents", fr))).toContain("n’est pas un nombre de présents");
    await run(app, "copil reunion 11/12 8 présents", { user: "vol-bouillon", role: "benevole", commune: "Bouillon" });
    expect((await signals()).actions6m).toBe(before.actions6m + 4);
  }, 60_000);
});
