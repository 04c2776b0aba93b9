/**
 * The monthly update through the dispatcher and its job, on SQLite and PostgreSQL: switched
 * on and off (in French and German, by the commune's managers only), previewed, and queued on
 * the 1st for the communes that asked, once per commune and month however often the job
 * runs, with what happened, what is planned, the Fair-O-Mètre position, thanks to the
 * partners, and the copy-ready texts in plain text and Markdown.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appsOnEachDatabase, type TestApp } from "../../helpers/test-app.js";
import { run, textOf, type As } from "../../helpers/run.js";
import { deliver, memorySender, refIn, rows } from "../../helpers/community.js";
import { silentLogger } from "../../../src/core/logger.js";
import type { JobContext } from "../../../src/core/jobs.js";
import { JOBS } from "../../../src/features/index.js";
import monthlyJob from "../../../src/features/monthly/jobs/monthly-update.js";

const ANNE: As = { user: "anne", role: "copil", commune: "Namur", platform: "slack" };
const VOL: As = { user: "vol", role: "benevole", commune: "Namur", platform: "slack" };
const DIETER: As = { user: "dieter", role: "copil", commune: "Eupen", locale: "de", platform: "discord" };

describe.each(await appsOnEachDatabase("territory monthly"))("monthly update on %s", (_db, makeApp) => {
  let app: TestApp;
  const ctx = (now: Date): JobContext => ({ services: app.services, now, logger: silentLogger, outbox: { sweep: async () => {}, purge: async () => 0 } });
  beforeAll(async () => {
    app = await makeApp();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it("is a job of the 1st of the month at 09:00 in Brussels, across the cluster", () => {
    expect(JOBS).toContain(monthlyJob);
    expect(monthlyJob).toMatchObject({ schedule: "0 9 1 * *", timeZone: "Europe/Brussels", scope: "cluster" });
  });

  it("is switched on and off by the commune's managers, saying when no channel can carry it", async () => {
    expect(textOf(await run(app, "bilan mensuel on", VOL))).not.toContain("activé");
    expect(await app.services.community.monthlyUpdates.communeIds()).toEqual([]);
    expect(textOf(await run(app, "bilan mensuel on", ANNE))).toContain("aucun canal n’est lié à la commune");
    expect(textOf(await run(app, "bilan mensuel on", ANNE))).toBe("Le bilan mensuel de Namur était déjà activé.");
    expect(textOf(await run(app, "bilan mensuel off", ANNE))).toBe("Le bilan mensuel de Namur est désactivé.");
    const namur = (await app.services.repos.communes.findByName("Namur"))!;
    await app.services.repos.channels.link({ platform: "slack", workspaceId: "W1", channelId: "C0NAMUR", purpose: "commune", communeId: namur.id });
    await app.services.repos.channels.link({ platform: "discord", workspaceId: "G1", channelId: "901", purpose: "commune", communeId: namur.id });
    expect(textOf(await run(app, "bilan mensuel activer", ANNE))).toBe("Le bilan mensuel de Namur est activé : il sera publié le 1er de chaque mois dans le canal de la commune.");
    expect(textOf(await run(app, "bilanz monatlich an", DIETER))).toContain("Die Monatsbilanz von Eupen ist eingeschaltet");
    expect(textOf(await run(app, "bilanz monatlich aus", DIETER))).toBe("Die Monatsbilanz von Eupen ist ausgeschaltet.");
    expect(await app.services.community.monthlyUpdates.communeIds()).toEqual([namur.id]);
  });

  it("previews the month under way, with the copy-ready texts", async () => {
    const ref = refIn(textOf(await run(app, 'initiative titre:"Petit-déjeuner équitable" description:"120 personnes" type:petit-dejeuner date:2026-11-21', ANNE)));
    await run(app, `partenaires ajouter Oxfam Magasin du monde type:commerce initiative:${ref}`, ANNE);
    await run(app, "partenaires ajouter La Ferme du Sart type:producteur", ANNE);
    await run(app, 'evenement creer type:stand titre:"Stand de Noël" debut:"12/12 10h-16h" lieu:"Place d’Armes"', ANNE);
    const r = await run(app, "bilan mensuel", ANNE);
    const text = textOf(r);
    expect(text).toContain("Le bilan mensuel de Namur est activé (le 1er de chaque mois). Aperçu du mois en cours :");
    expect(text).toContain("Bilan de novembre 2026 — Namur");
    expect(text).toContain("Petit-déjeuner équitable");
    expect(text).toContain("12 décembre 2026 · Stand de Noël");
    expect(r.files?.map((f) => f.name)).toEqual(["bilan-namur-2026-11.txt", "bilan-namur-2026-11.md"]);
    expect(String(r.files?.[0]?.data)).toContain("À l’attention du collège communal, du conseil communal et de nos partenaires.");
    expect(String(r.files?.[1]?.data)).toMatch(/^# Bilan de novembre 2026 — Namur/);
    expect(String(r.files?.[1]?.data)).toContain("## Ce qui est prévu");
  });

  it("queues on the 1st the update of the month just ended, once per commune and month, for the communes that asked", async () => {
    const first = new Date("2026-12-01T08:00:00Z");
    app.setNow(first);
    await monthlyJob.run(ctx(first));
    await monthlyJob.run(ctx(new Date("2026-12-01T08:05:00Z")));
    const namur = (await app.services.repos.communes.findByName("Namur"))!;
    const eupen = (await app.services.repos.communes.findByName("Eupen"))!;
    const queued = await rows(app, "monthly:");
    // One row per channel of the commune (the key names it after `|`).
    expect(queued.map((q) => q.key).sort()).toEqual([`monthly:${namur.id}:2026-11|discord:G1:901`, `monthly:${namur.id}:2026-11|slack:W1:C0NAMUR`]);
    expect(await rows(app, `monthly:${eupen.id}:`)).toEqual([]);

    const slack = memorySender("slack");
    const discord = memorySender("discord");
    await deliver(app, [slack, discord]);
    for (const sender of [slack, discord]) {
      expect(sender.posted).toHaveLength(1);
      const post = JSON.stringify(sender.posted[0]!.reply.blocks);
      expect(post).toContain("Bilan de novembre 2026 — Namur");
      expect(post).toContain("21 novembre 2026 · Petit-déjeuner équitable");
      expect(post).toContain("12 décembre 2026 · Stand de Noël");
      // Oxfam was credited on the month's initiative: it is thanked, the farm that was not is not.
      expect(post).toContain("Merci à Oxfam Magasin du monde !");
      expect(post).not.toContain("La Ferme du Sart");
      // Criteria 2 (Oxfam) and 6 (the farm) count, with the month's breakfast for criterion 4.
      expect(post).toMatch(/critères sur 6 ont des preuves \([^)]*2[^)]*4[^)]*6\)/);
    }

    // The next month queues its own, once.
    const january = new Date("2027-01-01T08:00:00Z");
    app.setNow(january);
    await monthlyJob.run(ctx(january));
    await monthlyJob.run(ctx(january));
    expect((await rows(app, `monthly:${namur.id}:2026-12`)).map((q) => q.target.platform).sort()).toEqual(["discord", "slack"]);
  });
});
