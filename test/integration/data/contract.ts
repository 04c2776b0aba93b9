/**
 * The repository contract: one suite every implementation of the ports in
 * src/core/ports.ts must pass, run against SQLite and PostgreSQL (see the *.test.ts files
 * beside this one). Each `describe` block gets a database of its own.
 */
import { describe, expect, it } from "vitest";
import { DataError } from "../../../src/data/errors.js";
import { loadDemoCommunes } from "../../../src/data/seed/load-communes.js";
import { commune, kit, NOW, useDatabase } from "./fixtures.js";
import type { Scratch } from "./support.js";
import { PrismaEventRepository } from "../../../src/data/repositories/events.js";

/** Registers the whole contract for one provider. */
export function repositoryContract(makeScratch: () => Scratch): void {
  describe("CommuneRepository", () => {
    const db = useDatabase(makeScratch);

    it("inserts, then updates in place by slug", async () => {
      const { communes } = db().repos;
      const first = await communes.upsert(commune());
      // A new commune is titled unless told otherwise.
      expect(first).toEqual({ id: expect.any(String), ...commune(), status: "titled", mergedIntoId: null, mergedOn: null, leftOn: null });
      const second = await communes.upsert(commune({ populationBand: "30k-100k", latitude: null, fomDueOn: null }));
      expect(second.id).toBe(first.id);
      expect(second.populationBand).toBe("30k-100k");
      expect(second.latitude).toBeNull();
      expect(second.fomDueOn).toBeNull();
      expect(await communes.get(first.id)).toEqual(second);
      expect(await communes.get("no-such-id")).toBeNull();
    });

    it("finds by name or slug ignoring case and accents", async () => {
      const { communes } = db().repos;
      await communes.upsert(commune());
      await communes.upsert(commune({ slug: "la-roche-en-ardenne", name: "La Roche-en-Ardenne", languages: ["fr"] }));
      await communes.upsert(commune({ slug: "ecaussinnes", name: "Écaussinnes" }));
      for (const q of ["Liège", "LIÈGE", "liege", " Liege ", "liège"]) {
        expect((await communes.findByName(q))?.slug, q).toBe("liege");
      }
      expect((await communes.findByName("la roche en ardenne"))?.name).toBe("La Roche-en-Ardenne");
      expect((await communes.findByName("ECAUSSINNES"))?.name).toBe("Écaussinnes");
      expect((await communes.findByName("Écaussinnes"))?.slug).toBe("ecaussinnes");
      expect(await communes.findByName("Namur")).toBeNull();
      expect(await communes.findByName("   ")).toBeNull();
    });

    it("finds by name when the slug differs from the name", async () => {
      const { communes } = db().repos;
      await communes.upsert(commune({ slug: "bxl", name: "Bruxelles-Ville", languages: ["fr", "nl"] }));
      const found = await communes.findByName("bruxelles ville");
      expect(found?.slug).toBe("bxl");
      expect(found?.languages).toEqual(["fr", "nl"]);
    });

    it("lists communes by name", async () => {
      const names = (await db().repos.communes.list()).map((c) => c.name);
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(names).toContain("Liège");
    });

    it("keeps a FOM history, oldest first, one record per date", async () => {
      const { communes } = db().repos;
      const c = await communes.upsert(commune({ slug: "eupen", name: "Eupen", languages: ["de"] }));
      await communes.addFomRecord({ communeId: c.id, on: new Date("2024-06-01T00:00:00Z"), grade: null });
      await communes.addFomRecord({ communeId: c.id, on: new Date("2022-06-01T00:00:00Z"), grade: "B" });
      await communes.addFomRecord({ communeId: c.id, on: new Date("2024-06-01T00:00:00Z"), grade: "A" });
      expect(await communes.fomHistory(c.id)).toEqual([
        { communeId: c.id, on: new Date("2022-06-01T00:00:00Z"), grade: "B" },
        { communeId: c.id, on: new Date("2024-06-01T00:00:00Z"), grade: "A" },
      ]);
    });

    it("rejects stored values that do not match the domain", async () => {
      const { communes } = db().repos;
      const c = await communes.upsert(commune({ slug: "corrupt", name: "Corrupt" }));
      await db().prisma.commune.update({ where: { id: c.id }, data: { languages: '["fr","xx"]' } });
      await expect(communes.get(c.id)).rejects.toMatchObject({ name: "DataError", code: "stored_data_invalid" });
      await db().prisma.commune.update({ where: { id: c.id }, data: { languages: "not json" } });
      await expect(communes.get(c.id)).rejects.toBeInstanceOf(DataError);
      await db().prisma.commune.delete({ where: { id: c.id } });
    });
  });

  describe("IdentityRepository", () => {
    const db = useDatabase(makeScratch);
    const account = { platform: "slack" as const, workspaceId: "T001", userId: "U042" };
    const person = { name: "Anne", locale: "fr" as const, localeChosen: false, timeZone: "Europe/Brussels" };

    it("creates a person with the account, once", async () => {
      const { identity } = db().repos;
      expect(await identity.findByAccount("slack", "T001", "U042")).toBeNull();
      const created = await identity.createWithAccount(account, person);
      expect(created).toEqual({ id: expect.any(String), ...person });
      const again = await identity.createWithAccount(account, { ...person, name: "Someone else" });
      expect(again).toEqual(created);
      expect(await identity.findByAccount("slack", "T001", "U042")).toEqual(created);
      expect(await identity.findByAccount("discord", "T001", "U042")).toBeNull();
      expect(await identity.accounts(created.id)).toEqual([{ ...account, personId: created.id }]);
    });

    it("creates one person when first commands race", async () => {
      const { identity } = db().repos;
      const acc = { platform: "discord" as const, workspaceId: "G9", userId: "777" };
      const results = await Promise.all(
        Array.from({ length: 5 }, (_, i) => identity.createWithAccount(acc, { ...person, name: `Racer ${i}` })),
      );
      expect(new Set(results.map((p) => p.id)).size).toBe(1);
      expect(await db().prisma.platformAccount.count({ where: { workspaceId: "G9" } })).toBe(1);
      expect(await db().prisma.person.count({ where: { id: results[0]!.id } })).toBe(1);
      // The losers leave no person behind.
      expect(await db().prisma.person.count({ where: { name: { startsWith: "Racer " } } })).toBe(1);
    });

    it("updates only the given fields", async () => {
      const { identity } = db().repos;
      const p = await identity.createWithAccount({ platform: "terminal", workspaceId: "local", userId: "me" }, person);
      const updated = await identity.updatePerson(p.id, { locale: "de", localeChosen: true });
      expect(updated).toEqual({ ...p, locale: "de", localeChosen: true });
      expect(await identity.getPerson(p.id)).toEqual(updated);
      expect(await identity.getPerson("nobody")).toBeNull();
      await expect(identity.updatePerson("nobody", { name: "x" })).rejects.toMatchObject({ code: "not_found" });
    });
  });

  describe("MembershipRepository", () => {
    const db = useDatabase(makeScratch);

    it("returns memberships active at an instant (since inclusive, until exclusive)", async () => {
      const { communes, identity, memberships } = db().repos;
      const c = await communes.upsert(commune());
      const p = await identity.createWithAccount(
        { platform: "slack", workspaceId: "T1", userId: "U1" },
        { name: "Marc", locale: "fr", localeChosen: false, timeZone: "Europe/Brussels" },
      );
      const copil = await memberships.add({ personId: p.id, communeId: c.id, role: "copil", since: new Date("2025-01-01T00:00:00Z"), until: null });
      const elu = await memberships.add({ personId: p.id, communeId: c.id, role: "elu", since: new Date("2024-12-01T00:00:00Z"), until: new Date("2026-01-01T00:00:00Z") });
      const coord = await memberships.add({ personId: p.id, communeId: null, role: "coordination", since: NOW, until: null });
      expect(coord).toEqual({ id: expect.any(String), personId: p.id, communeId: null, role: "coordination", since: NOW, until: null });

      expect((await memberships.activeFor(p.id, NOW)).map((m) => m.role)).toEqual(["copil", "coordination"]);
      expect((await memberships.activeFor(p.id, new Date("2025-06-01T00:00:00Z"))).map((m) => m.role)).toEqual(["elu", "copil"]);
      expect(await memberships.activeFor(p.id, new Date("2026-01-01T00:00:00Z"))).toEqual([copil]);
      expect(await memberships.activeFor(p.id, new Date("2024-01-01T00:00:00Z"))).toEqual([]);
      expect((await memberships.activeInCommune(c.id, new Date("2025-06-01T00:00:00Z"))).map((m) => m.id)).toEqual([elu.id, copil.id]);

      await memberships.end(copil.id, NOW);
      expect((await memberships.activeFor(p.id, NOW)).map((m) => m.role)).toEqual(["coordination"]);
      expect(await memberships.activeInCommune(c.id, NOW)).toEqual([]);
      await expect(memberships.end("nope", NOW)).rejects.toMatchObject({ code: "not_found" });
    });
  });

  describe("ChannelRepository", () => {
    const db = useDatabase(makeScratch);

    it("links, re-links, finds by purpose and unlinks", async () => {
      const { communes, channels } = db().repos;
      const liege = await communes.upsert(commune());
      const namur = await communes.upsert(commune({ slug: "namur", name: "Namur" }));
      const ref = { platform: "slack" as const, workspaceId: "T1", channelId: "C1" };
      await channels.link({ ...ref, purpose: "network", communeId: null });
      await channels.link({ ...ref, purpose: "commune", communeId: liege.id });
      expect(await channels.find("slack", "T1", "C1")).toEqual({ ...ref, purpose: "commune", communeId: liege.id });
      await channels.link({ platform: "discord", workspaceId: "G1", channelId: "C1", purpose: "commune", communeId: namur.id });
      await channels.link({ platform: "discord", workspaceId: "G1", channelId: "C2", purpose: "coordination", communeId: null });

      expect((await channels.byPurpose("commune")).map((l) => l.platform)).toEqual(["slack", "discord"]);
      expect(await channels.byPurpose("commune", namur.id)).toEqual([
        { platform: "discord", workspaceId: "G1", channelId: "C1", purpose: "commune", communeId: namur.id },
      ]);
      expect(await channels.byPurpose("network")).toEqual([]);

      await channels.unlink("slack", "T1", "C1");
      await channels.unlink("slack", "T1", "C1");
      expect(await channels.find("slack", "T1", "C1")).toBeNull();
      expect(await channels.byPurpose("commune")).toHaveLength(1);
    });
  });

  describe("KitRepository", () => {
    const db = useDatabase(makeScratch);

    it("round-trips every field and upserts by id", async () => {
      const { kits } = db().repos;
      expect(await kits.count()).toBe(0);
      await kits.upsert(kit());
      expect(await kits.get(kit().id)).toEqual(kit());
      await kits.upsert(kit({ title: { fr: "Nouveau titre" }, profiles: ["rural"], updatedAt: NOW }));
      expect(await kits.get(kit().id)).toEqual(kit({ title: { fr: "Nouveau titre" }, profiles: ["rural"], updatedAt: NOW }));
      await kits.upsert(kit({ id: "a-kit-affiche", format: "affiche" }));
      expect(await kits.count()).toBe(2);
      expect((await kits.all()).map((k) => k.id)).toEqual(["a-kit-affiche", "kit-jeunes-reseaux-sociaux"]);
      expect(await kits.get("missing")).toBeNull();
    });

    it("records link checks and withdrawals; an upsert that leaves them out keeps them", async () => {
      const { kits } = db().repos;
      await kits.upsert(kit({ id: "checked" }));
      const checks = { "https://example.org/kit.pdf": { status: "broken" as const, at: NOW, reason: "404" } };
      await kits.recordLinkChecks("checked", checks);
      expect((await kits.get("checked"))!.linkChecks).toEqual(checks);
      await kits.upsert({ ...(await kits.get("checked"))!, withdrawnAt: NOW });
      // What an import writes: the catalogue's fields only.
      const { withdrawnAt: _w, linkChecks: _l, ...fromImport } = kit({ id: "checked", title: { fr: "Réimporté" } });
      await kits.upsert(fromImport);
      const stored = (await kits.get("checked"))!;
      expect(stored.title.fr).toBe("Réimporté");
      expect(stored.withdrawnAt).toEqual(NOW);
      expect(stored.linkChecks).toEqual(checks);
    });

    it("keeps a kit's changes, oldest first", async () => {
      const { kits } = db().repos;
      const later = new Date(NOW.getTime() + 60_000);
      await kits.recordChange({ kitId: "k1", personId: null, action: "withdrawn", at: later, fields: [] });
      await kits.recordChange({ kitId: "k1", personId: null, action: "edited", at: NOW, fields: ["title.de", "links"] });
      await kits.recordChange({ kitId: "k2", personId: null, action: "created", at: NOW, fields: [] });
      expect(await kits.history("k1")).toEqual([
        { kitId: "k1", personId: null, action: "edited", at: NOW, fields: ["title.de", "links"] },
        { kitId: "k1", personId: null, action: "withdrawn", at: later, fields: [] },
      ]);
      expect(await kits.history("none")).toEqual([]);
    });

    it("rejects a stored kit whose JSON does not match", async () => {
      await db().repos.kits.upsert(kit({ id: "broken" }));
      await db().prisma.kit.update({ where: { id: "broken" }, data: { themes: '["not-a-theme"]' } });
      await expect(db().repos.kits.get("broken")).rejects.toMatchObject({ code: "stored_data_invalid" });
    });
  });

  describe("ActivityRepository", () => {
    const db = useDatabase(makeScratch);

    it("returns the most recent events first, with their data", async () => {
      const { communes, activity } = db().repos;
      const c = await communes.upsert(commune());
      const other = await communes.upsert(commune({ slug: "namur", name: "Namur" }));
      for (let day = 1; day <= 5; day++) {
        await activity.record({
          communeId: c.id,
          personId: null,
          kind: "command",
          at: new Date(Date.UTC(2026, 10, day, 9)),
          data: day % 2 ? { name: "kit", day } : null,
        });
      }
      await activity.record({ communeId: other.id, personId: null, kind: "event", at: NOW, data: null });
      const recent = await activity.recent(c.id, 3);
      expect(recent.map((e) => e.at.getUTCDate())).toEqual([5, 4, 3]);
      expect(recent[0]).toEqual({
        id: expect.any(String),
        communeId: c.id,
        personId: null,
        kind: "command",
        at: new Date(Date.UTC(2026, 10, 5, 9)),
        data: { name: "kit", day: 5 },
      });
      expect(recent[1]?.data).toBeNull();
      expect(await activity.recent(c.id, 0)).toEqual([]);
      expect(await activity.recent(c.id, 50)).toHaveLength(5);
    });

    it("refuses an event for an unknown commune (foreign keys on both providers)", async () => {
      await expect(
        db().repos.activity.record({ communeId: "no-such-commune", personId: null, kind: "command", at: NOW, data: null }),
      ).rejects.toMatchObject({ code: "P2003" });
    });
  });

  describe("EventRepository registrations", () => {
    const db = useDatabase(makeScratch);

    it("tells each waiting person their place, in the order they asked, on the way in and when asked again", async () => {
      const events = new PrismaEventRepository(db().prisma);
      const starts = new Date(NOW.getTime() + 30 * 86_400_000);
      const event = await events.create({ kind: "webinar", title: "W", theme: "gouvernance", description: null, startsAt: starts, endsAt: new Date(starts.getTime() + 3_600_000), timeZone: "Europe/Brussels", link: null, place: null, capacity: 1, language: "fr", audiences: [], communeId: null, seriesId: null, campaign: null, createdBy: null });
      const people: Array<{ id: string }> = [];
      for (const name of ["A", "B", "C", "D"]) people.push(await db().repos.identity.createWithAccount({ platform: "slack", workspaceId: "T1", userId: `U${name}` }, { name, locale: "fr", localeChosen: false, timeZone: "Europe/Brussels" }));
      const join = (i: number, at: number) => events.join({ eventId: event.id, slotId: "", personId: people[i]!.id, communeId: null, now: NOW, requestedAt: new Date(NOW.getTime() + at), seatLikely: false });
      expect((await join(0, 0)).outcome).toBe("going");
      // D asked before C (its click was handled later): D is 2nd, C 3rd... as counted at each one's turn.
      const b = await join(1, 10);
      const c = await join(2, 30);
      const d = await join(3, 20);
      expect([b, c, d].map((r) => [r.outcome, r.position])).toEqual([["waitlist", 1], ["waitlist", 2], ["waitlist", 2]]);
      // Asked again, the places count everyone now waiting.
      expect(await Promise.all([b, c, d].map((r) => events.waitlistPosition(r.registration)))).toEqual([1, 3, 2]);
      const again = await join(2, 40);
      expect([again.outcome, again.position]).toEqual(["already_waitlist", undefined]);
    });
  });

  describe("demo communes", () => {
    const db = useDatabase(makeScratch);

    it("loads the 40 titled communes, idempotently", async () => {
      const first = await loadDemoCommunes(db().repos, NOW);
      const second = await loadDemoCommunes(db().repos, NOW);
      expect(first).toEqual({ communes: 40, fomRecords: 5 });
      expect(second).toEqual(first);
      expect(await db().prisma.commune.count()).toBe(40);
      expect(await db().prisma.fomRecord.count()).toBe(5);

      const all = await db().repos.communes.list();
      // Every followed commune has its renewal ahead; Bertogne, merged into Bastogne, has none.
      expect(all.filter((c) => c.status !== "merged").every((c) => c.fomDueOn !== null && c.fomDueOn > NOW)).toBe(true);
      expect(all.filter((c) => c.status === "merged").map((c) => c.slug)).toEqual(["bertogne"]);
      const eupen = await db().repos.communes.findByName("Eupen");
      expect(eupen?.languages).toEqual(["de"]);
      expect(await db().repos.communes.fomHistory(eupen!.id)).toEqual([
        { communeId: eupen!.id, on: new Date("2024-06-01T00:00:00Z"), grade: "A" },
      ]);
      expect((await db().repos.communes.findByName("bruxelles-ville"))?.languages).toEqual(["fr", "nl"]);
      expect((await db().repos.communes.findByName("Liege"))?.name).toBe("Liège");
    });
  });

  describe("outbox and lease tables", () => {
    const db = useDatabase(makeScratch);

    it("enforce a unique idempotency key and a unique lease name", async () => {
      const message = {
        idempotencyKey: "reminder:abc:2026-11-30",
        platform: "slack",
        workspaceId: "T1",
        channelId: "C1",
        payload: JSON.stringify({ text: "Rappel" }),
        dueAt: NOW,
      };
      const row = await db().prisma.outboxMessage.create({ data: message });
      expect(row).toMatchObject({ state: "pending", attempts: 0, sentAt: null, externalId: null });
      await expect(db().prisma.outboxMessage.create({ data: message })).rejects.toMatchObject({ code: "P2002" });
      const claimed = await db().prisma.outboxMessage.updateMany({
        where: { state: "pending", dueAt: { lte: NOW } },
        data: { state: "sending", attempts: { increment: 1 } },
      });
      expect(claimed.count).toBe(1);
      await db().prisma.lease.create({ data: { name: "scheduler", holder: "a", expiresAt: NOW } });
      await expect(
        db().prisma.lease.create({ data: { name: "scheduler", holder: "b", expiresAt: NOW } }),
      ).rejects.toMatchObject({ code: "P2002" });
    });
  });
}
