/**
 * Issue 7's "Done when", end to end over the real app (SQLite, real outbox) with a
 * controllable clock: a commune whose activity stops goes green -> orange -> red on
 * schedule and coordination gets exactly one alert per change, with its reasons; the
 * Fair-O-Mètre ladder fires each step once, at 09:00 local across the DST change, and
 * stops when the FOM is submitted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { run, textOf } from "../../helpers/run.js";
import { MOMENTUM_CONFIG as C } from "../../../src/features/watch/config.js";
import { scoreMomentum } from "../../../src/features/watch/momentum.js";
import { inWindows, semaineWindowsBefore } from "../../../src/features/watch/calendar.js";
import { runDailyWatch, runWeeklyScan } from "../../../src/features/watch/scan.js";
import type { Level, MomentumSignals } from "../../../src/features/watch/ports.js";
import type { Commune } from "../../../src/core/ports.js";
import { commune, DAY, fullCopil, linkChannels, outboxKeys, spyNotifier, watchDeps } from "./helpers.js";

/** Monday 4 January 2027, 07:00 in Brussels: the weekly scan's time. */
const T0 = new Date("2027-01-04T06:00:00Z");
const ago = (days: number) => new Date(T0.getTime() - days * DAY);

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ now: T0 });
});
afterAll(async () => {
  await app?.close();
});

describe("a commune whose activity stops", () => {
  // Actions (days before T0); 80 days before T0 falls in the Semaine du Commerce Équitable 2026 window.
  const actions = [10, 40, 80, 130, 200, 250, 300];
  const trainings = [20, 100];
  const lastCommand = 3;

  /** The signals the test expects at `now`, counted here from the dates above (not by SQL). */
  function expected(now: Date, diagnosticSentAt: Date | null): MomentumSignals {
    const windows = semaineWindowsBefore(now);
    const within = (days: number, span: number) => now.getTime() - ago(days).getTime() <= span * DAY;
    const in6 = actions.filter((d) => within(d, C.actions6m.days));
    const in12 = actions.filter((d) => within(d, C.actions12m.days));
    const closed = diagnosticSentAt !== null && now.getTime() >= diagnosticSentAt.getTime() + C.answers.answerWithinDays * DAY;
    return {
      lastActivityAt: ago(lastCommand),
      actions6m: in6.length,
      actions6mSemaine: in6.filter((d) => inWindows(ago(d), windows)).length,
      actions12m: in12.length,
      actions12mSemaine: in12.filter((d) => inWindows(ago(d), windows)).length,
      trainings12m: trainings.filter((d) => within(d, C.training.days)).length,
      copilSize: 6,
      copilSizeBefore: 6,
      lastGrade: "B",
      previousGrade: "B",
      fomDueOn: new Date("2028-06-01T00:00:00Z"),
      promptsSent: closed ? 1 : 0,
      promptsAnswered: 0,
    };
  }

  it("goes green -> orange -> red on schedule, with one alert per change and its reasons", async () => {
    const c = await commune(app, "Fernelmont");
    await linkChannels(app, [c]);
    const { id: _id, ...rest } = c;
    await app.services.repos.communes.upsert({ ...rest, fomDueOn: new Date("2028-06-01T00:00:00Z") });
    await app.services.repos.communes.addFomRecord({ communeId: c.id, on: new Date("2023-06-01T00:00:00Z"), grade: "B" });
    await app.services.repos.communes.addFomRecord({ communeId: c.id, on: new Date("2025-06-01T00:00:00Z"), grade: "B" });
    await fullCopil(app, c.id, ago(400));
    const record = (kind: string, days: number) => app.services.repos.activity.record({ communeId: c.id, personId: null, kind, at: ago(days), data: { title: `${kind} ${days}` } });
    for (const d of actions) await record("initiative", d);
    for (const d of trainings) await record("training_attended", d);
    await record("command", lastCommand);

    const spy = spyNotifier(app.services.notifier);
    const deps = watchDeps(app, spy);
    const levels: Level[] = [];
    let diagnosticSentAt: Date | null = null;
    let expectedLevel: Level = "green";
    for (let week = 0; week <= 30; week++) {
      const now = new Date(T0.getTime() + week * 7 * DAY);
      app.setNow(now);
      await runWeeklyScan(deps, now);
      const [snapshot] = await app.services.watch.momentum.history(c.id, 1);
      // The stored score is the pure function of the signals counted by the test.
      const want = scoreMomentum(expected(now, diagnosticSentAt), now);
      expect(snapshot!.score, `week ${week}`).toBe(want.score);
      if (want.level !== expectedLevel && want.level !== "green" && diagnosticSentAt === null) diagnosticSentAt = now;
      expectedLevel = want.level;
      levels.push(snapshot!.level);
    }
    // Green first, then orange, then red, never back: the schedule the configuration implies.
    const firstOrange = levels.indexOf("orange");
    const firstRed = levels.indexOf("red");
    expect(levels[0]).toBe("green");
    expect(firstOrange).toBeGreaterThan(0);
    expect(firstRed).toBeGreaterThan(firstOrange);
    expect(levels.slice(firstOrange, firstRed).every((l) => l === "orange")).toBe(true);
    expect(levels.slice(firstRed).every((l) => l === "red")).toBe(true);

    // Exactly one alert per change, to coordination, with its reasons.
    const alerts = spy.seen.filter((n) => n.key.startsWith(`momentum:${c.id}:`));
    expect(alerts.map((n) => n.key.split(":").slice(2, 4).join(":"))).toEqual(["level:orange", "level:red"]);
    expect(alerts.every((n) => n.to.kind === "purpose" && n.to.purpose === "coordination")).toBe(true);
    expect(alerts[0]!.dueAt.getTime()).toBe(T0.getTime() + firstOrange * 7 * DAY);
    expect(alerts[1]!.dueAt.getTime()).toBe(T0.getTime() + firstRed * 7 * DAY);
    const orange = textOf(alerts[0]!.render("fr"));
    expect(orange).toContain("Fernelmont passe en orange");
    expect(orange).toContain("Pourquoi");
    expect(orange).toMatch(/Dernière activité il y a \d+ jours/);
    expect(orange).toContain("Proposer une commune marraine");
    expect(orange).toContain(`(parrainage proposer ${c.slug})`);
    expect(textOf(alerts[1]!.render("de"))).toContain("Fernelmont fällt auf rot");
    const rows = await outboxKeys(app, `momentum:${c.id}:`);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.key.endsWith("|slack:T1:C-COORD"))).toBe(true);
    // The CoPil got the diagnostic questionnaire when it fell (at most once a month).
    const months = new Set(alerts.map((n) => n.dueAt.toISOString().slice(0, 7)));
    expect((await outboxKeys(app, `diagnostic:${c.id}:request:`)).map((r) => r.key.split("|")[0]!.split(":").at(-1))).toEqual([...months]);
  });
});

describe("the Fair-O-Mètre deadline ladder", () => {
  const due = new Date("2027-04-14T00:00:00Z"); // d-7 and d-0 fall after the switch to summer time
  const day9 = (d: Date) => DateTime.fromJSDate(d, { zone: "Europe/Brussels" }).toFormat("HH:mm");

  async function setDue(c: Commune): Promise<Commune> {
    const { id: _id, ...rest } = c;
    return app.services.repos.communes.upsert({ ...rest, fomDueOn: due });
  }

  it("fires each step once, at 09:00 local, and stops when the FOM is submitted", async () => {
    // Only the two communes of this test have a due date in the period (fewer rows, faster).
    for (const other of await app.services.repos.communes.list()) {
      const { id: _id, ...rest } = other;
      if (other.fomDueOn && other.fomDueOn < new Date("2027-12-31T00:00:00Z")) await app.services.repos.communes.upsert({ ...rest, fomDueOn: null });
    }
    const submits = await setDue(await commune(app, "Eghezee"));
    const forgets = await setDue(await commune(app, "Florennes"));
    await linkChannels(app, [submits, forgets]);
    const spy = spyNotifier(app.services.notifier);
    const deps = watchDeps(app, spy);
    const submitDay = new Date(due.getTime() - 3 * DAY);
    let submitted = "";
    // Every day at 09:00 Brussels time, from 95 days before the due date to 5 days after, and
    // again at 18:00 on the days a step fires (a second run must queue nothing).
    const stepDays = [-90, -30, -7, 0, 1, -3];
    for (let d = -95; d <= 5; d++) {
      const base = DateTime.fromJSDate(due, { zone: "UTC" }).plus({ days: d });
      for (const hour of stepDays.includes(d) ? [9, 18] : [9]) {
        const now = DateTime.fromObject({ year: base.year, month: base.month, day: base.day, hour }, { zone: "Europe/Brussels" }).toJSDate();
        app.setNow(now);
        if (!submitted && now >= submitDay && hour === 18) {
          submitted = textOf(await run(app, "fom soumis B Eghezee", { user: "coord", role: "coordination" }));
        }
        await runDailyWatch(deps, now);
      }
    }
    expect(submitted).toContain("enregistré comme envoyé");
    const day = due.toISOString().slice(0, 10);
    const steps = async (c: Commune) => (await outboxKeys(app, `fom:${c.id}:${day}:`)).map((r) => r.key.split("|")[0]!.split(":").at(-1));
    expect(await steps(forgets)).toEqual(["d-90", "d-30", "d-7", "d-0", "overdue"]);
    expect(await steps(submits)).toEqual(["d-90", "d-30", "d-7"]);
    // Each step went to the right place, at 09:00 Brussels time, winter and summer alike.
    const rows = await app.services.outbox.list(["pending"], 10_000);
    const mine = rows.filter((r) => r.key.startsWith(`fom:${forgets.id}:${day}:`));
    for (const r of mine) expect(day9(r.dueAt)).toBe("09:00");
    expect(mine.find((r) => r.key.includes(":overdue|"))!.target.channelId).toBe("C-COORD");
    expect(mine.filter((r) => !r.key.includes(":overdue|")).every((r) => r.target.channelId === `C-${forgets.slug}`)).toBe(true);
    // After the submission the due date moved two years on and no new step was queued for it.
    const after = await app.services.repos.communes.get(submits.id);
    expect(after!.fomDueOn!.toISOString().slice(0, 10)).toBe("2029-04-14");
    expect(await outboxKeys(app, `fom:${submits.id}:2029-04-14:`)).toEqual([]);
    // Each enqueue of a step past the first was a duplicate: the key made it once.
    const stepKeys = spy.seen.filter((n) => n.key.startsWith(`fom:${forgets.id}:`)).map((n) => n.key);
    expect(new Set(stepKeys).size).toBe(5);
    // The reminders speak of the evidence and offer the dossier.
    const reminder = spy.seen.find((n) => n.key === `fom:${forgets.id}:${day}:d-30`)!;
    expect(textOf(reminder.render("fr"))).toContain("plus que 30 jours");
    expect(textOf(reminder.render("fr"))).toContain(`(fom dossier ${forgets.slug})`);
  });
});
