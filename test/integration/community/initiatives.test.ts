/**
 * Initiatives through the dispatcher over a real database and the real outbox worker (with
 * in-memory senders): sharing (options, form, errors in the user's language), the network
 * post on every linked channel, activity for the momentum watch, moderation, editing with
 * re-post, deletion that removes the posts, follow and contact buttons, and search.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { run, runStructured, textOf, type As } from "../../helpers/run.js";
import { deliver, linkChannels, memorySender, refIn, rows, type MemorySender } from "../../helpers/community.js";

const AMB: As = { user: "amb", role: "ambassadeur", commune: "Namur", platform: "slack" };
const COORD: As = { user: "coord", role: "coordination", platform: "slack" };
const OTHER: As = { user: "other", role: "benevole", commune: "Eupen", platform: "slack", locale: "de-DE" };

let app: TestApp;
let slack: MemorySender;
let discord: MemorySender;
const both = () => [slack, discord];

async function share(line: string, as: As = AMB): Promise<{ ref: string; text: string; id: string }> {
  const r = await run(app, line, as);
  const text = textOf(r);
  const ref = refIn(text);
  const [i] = await app.services.community.initiatives.findByPrefix(ref);
  return { ref, text, id: i!.id };
}

beforeAll(async () => {
  app = await createTestApp();
  await linkChannels(app);
  slack = memorySender("slack");
  discord = memorySender("discord");
});
afterAll(async () => {
  await app?.close();
});

describe("sharing an initiative", () => {
  it("stores it, records the activity with its criteria, and posts it attributed on every network channel", async () => {
    const { text, id } = await share('initiative titre:"Stand au marché de Noël" description:"Dégustation de chocolat équitable" type:stand date:2026-11-21 partenaires:commerce,producteur criteres:4,6 lieu:"Place d’Armes" liens:https://namur.be/noel');
    expect(text).toContain("part vers le canal partagé du réseau");
    const stored = (await app.services.community.initiatives.get(id))!;
    expect(stored).toMatchObject({ kind: "stand", partnerKinds: ["commerce", "producteur"], criteria: [4, 6], place: "Place d’Armes", status: "published", language: "fr" });
    expect(stored.happenedOn.toISOString()).toBe("2026-11-21T00:00:00.000Z");
    const namur = (await app.services.repos.communes.findByName("Namur"))!;
    const events = (await app.services.repos.activity.recent(namur.id, 10)).filter((e) => e.kind === "initiative");
    expect(events[0]!.data).toMatchObject({ initiativeId: id, criteria: [4, 6], kind: "stand", happenedOn: "2026-11-21" });
    await deliver(app, both());
    const posts = [...slack.visible(), ...discord.visible()].filter((p) => p.idempotencyKey.startsWith(`initiative:${id}:post:`));
    expect(posts.map((p) => `${p.target.platform}:${p.target.channelId}`).sort()).toEqual(["discord:900", "slack:C0RESEAU"]);
    const card = JSON.stringify(posts[0]!.reply.blocks);
    expect(card).toContain("Partagé par amb (Namur)");
    expect(card).toContain(`initiative aussi ${id}`);
    expect(card).toContain(`initiative contact ${id}`);
  });

  it("opens a form of five fields without options, and checks a submission field by field in the user's language", async () => {
    const form = await run(app, "initiative", AMB);
    expect(form.form?.fields.map((f) => f.name)).toEqual(["titre", "description", "commune", "date", "type"]);
    const bad = await runStructured(app, "initiative", { titre: "Frühstück", description: "Fair", date: "irgendwann", commune: "Eupen" }, OTHER);
    expect(bad.fieldErrors?.date).toContain("Ich verstehe das Datum „irgendwann“ nicht");
    const wrongKind = await runStructured(app, "initiative", { titre: "X", description: "Y", type: "zirkus" }, OTHER);
    expect(Object.keys(wrongKind.fieldErrors ?? {})).toEqual(["type"]);
    const ok = await runStructured(app, "initiative", { titre: "Faires Frühstück", description: "80 Gäste", date: "gestern", type: "Frühstück" }, OTHER);
    expect(textOf(ok)).toContain("Danke! „Faires Frühstück“");
    const [i] = await app.services.community.initiatives.findByPrefix(refIn(textOf(ok)));
    expect(i).toMatchObject({ kind: "petit-dejeuner", language: "de" });
    expect(i!.happenedOn.toISOString().slice(0, 10)).toBe("2026-11-28");
  });

  it("refuses a commune the person does not belong to, and a bad link; coordination shares for any commune", async () => {
    const r = await run(app, 'initiative titre:"X" description:"Y" commune:Eupen', AMB);
    expect(r.fieldErrors?.commune).toContain("Vous ne faites pas partie de Eupen");
    const link = await run(app, 'initiative titre:"X" description:"Y" liens:http://insecure', AMB);
    expect(link.fieldErrors?.liens).toContain("https://");
    const coord = await run(app, 'initiative titre:"Motion au conseil" description:"Voté" commune:Eupen type:conseil criteres:1', COORD);
    expect(textOf(coord)).toContain("Motion au conseil");
    const none = await run(app, 'initiative titre:"X" description:"Y"', { user: "nobody", platform: "slack" });
    expect(textOf(none)).toContain("réservée");
  });
});

describe("moderation, edits and deletion", () => {
  it("holds initiatives for coordination when moderation is on, publishes on approval and tells the author", async () => {
    expect(textOf(await run(app, "config moderation oui", COORD))).toContain("attendront votre validation");
    expect(textOf(await run(app, "config moderation oui", AMB))).toContain("réservée");
    const { id, text } = await share('initiative titre:"Atelier cacao" description:"Avec le mouvement de jeunesse" type:atelier', AMB);
    expect(text).toContain("attend la validation de la coordination");
    expect((await rows(app, `initiative:${id}:post:`)).length).toBe(0);
    expect((await rows(app, `initiative:${id}:moderation`)).map((r) => r.target.channelId)).toEqual(["C0COORD"]);
    expect(textOf(await run(app, `initiative voir ${id.slice(0, 8)}`, OTHER))).toContain("Ich finde keine Initiative");
    expect(textOf(await run(app, `initiative valider ${id}`, COORD))).toContain("est publiée dans le réseau");
    expect((await rows(app, `initiative:${id}:post:`)).length).toBe(2);
    expect((await rows(app, `initiative:${id}:author:approved`)).map((r) => r.target.userId)).toEqual(["amb"]);
    expect(textOf(await run(app, `initiative valider ${id}`, COORD))).toContain("déjà publiée");
    await run(app, "config moderation non", COORD);
  });

  it("counts a refused initiative no more, and tells its author why", async () => {
    const { id } = await share('initiative titre:"Doublon" description:"Déjà partagé" type:stand', AMB);
    const namur = (await app.services.repos.communes.findByName("Namur"))!;
    const count = async () => (await app.services.repos.activity.recent(namur.id, 100)).filter((e) => e.data?.initiativeId === id).length;
    expect(await count()).toBe(1);
    await run(app, `initiative refuser ${id} doublon de la semaine passée`, COORD);
    expect(await count()).toBe(0);
    const dm = await rows(app, `initiative:${id}:author:rejected`);
    expect(dm[0]!.summary).toContain("doublon de la semaine passée");
  });

  it("lets only the author or coordination edit; a published edit replaces the post on every platform", async () => {
    const { id, ref } = await share('initiative titre:"Marché fermier" description:"Producteurs locaux" type:marche', AMB);
    await deliver(app, both());
    const before = slack.visible().filter((p) => p.idempotencyKey.startsWith(`initiative:${id}:post:`));
    expect(before).toHaveLength(1);
    expect(textOf(await run(app, `initiative modifier ${ref} lieu:Halle`, OTHER))).toContain("Nur die Autorin");
    const form = await run(app, `initiative modifier ${ref}`, AMB);
    expect(form.form?.fields.find((f) => f.name === "titre")?.value).toBe("Marché fermier");
    const edited = await run(app, `initiative modifier ${ref} titre:"Marché fermier et équitable" criteres:6`, AMB);
    expect(textOf(edited)).toContain("l’ancien message est retiré");
    await deliver(app, both());
    const after = [...slack.visible(), ...discord.visible()].filter((p) => p.idempotencyKey.startsWith(`initiative:${id}:post:`));
    expect(after).toHaveLength(2);
    expect(JSON.stringify(after.map((p) => p.reply))).toContain("Marché fermier et équitable");
    expect(slack.removed.map((r) => r.externalId)).toContain(before[0]!.externalId);
    const namur = (await app.services.repos.communes.findByName("Namur"))!;
    const event = (await app.services.repos.activity.recent(namur.id, 100)).find((e) => e.data?.initiativeId === id);
    expect(event?.data?.criteria).toEqual([6]);
    const details = await run(app, `initiative details ${id}`, AMB);
    expect(details.form?.fields.map((f) => f.name)).toEqual(["ref", "partenaires", "criteres", "lieu", "liens"]);
    expect(details.form?.submitCommand).toBe("initiative modifier");
  });

  it("deletes after confirmation: posts removed on both platforms, activity gone, twice is harmless", async () => {
    const { id, ref } = await share('initiative titre:"Conférence Fairtrade" description:"Salle comble" type:conference', AMB);
    await deliver(app, both());
    expect([...slack.visible(), ...discord.visible()].filter((p) => p.idempotencyKey.startsWith(`initiative:${id}:`))).toHaveLength(2);
    expect(textOf(await run(app, `initiative supprimer ${ref}`, OTHER))).toContain("Nur die Autorin");
    const ask = await run(app, `initiative supprimer ${ref}`, AMB);
    expect(textOf(ask)).toContain(`[Oui, supprimer](initiative supprimer ${id} confirmer:oui)`);
    expect(textOf(await run(app, `initiative supprimer ${id} confirmer:oui`, AMB))).toContain("2 messages publiés sont en cours de retrait");
    await deliver(app, both());
    expect([...slack.visible(), ...discord.visible()].filter((p) => p.idempotencyKey.startsWith(`initiative:${id}:`))).toEqual([]);
    expect(await app.services.community.initiatives.get(id)).toBeNull();
    const namur = (await app.services.repos.communes.findByName("Namur"))!;
    expect((await app.services.repos.activity.recent(namur.id, 100)).some((e) => e.data?.initiativeId === id)).toBe(false);
    expect(textOf(await run(app, `initiative supprimer ${id} confirmer:oui`, AMB))).toContain("Je ne trouve pas d’initiative");
  });

  it("counts 'we'll do it too' once per person and tells the author; contact reaches the author by DM", async () => {
    const { id } = await share('initiative titre:"Quiz équitable" description:"En classe" type:ecole', AMB);
    expect(textOf(await run(app, `initiative aussi ${id}`, OTHER))).toContain("1 Person macht es");
    expect(textOf(await run(app, `initiative aussi ${id}`, OTHER))).toContain("schon gesagt");
    expect(textOf(await run(app, `initiative aussi ${id}`, COORD))).toContain("2 personnes le font");
    expect((await rows(app, `initiative:${id}:follow:`)).length).toBe(2);
    expect(textOf(await run(app, `initiative contact ${id}`, OTHER))).toContain("amb erhält eine Direktnachricht");
    const dm = await rows(app, `initiative:${id}:contact:`);
    expect(dm.map((r) => r.target.userId)).toEqual(["amb"]);
    expect(dm[0]!.summary).toContain("other (Eupen)");
    expect(textOf(await run(app, `initiative contact ${id}`, AMB))).toContain("votre propre initiative");
  });
});

describe("searching initiatives", () => {
  it("reads kinds, partners, criteria, provinces, languages and years from the words", async () => {
    const titles = async (line: string, as: As = AMB) => textOf(await run(app, line, as));
    expect(await titles("initiatives stand")).toContain("Stand au marché de Noël");
    expect(await titles("initiatives stand")).not.toContain("Quiz équitable");
    expect(await titles("initiatives producteur")).toContain("Stand au marché de Noël");
    expect(await titles("initiatives c1")).toContain("Motion au conseil");
    expect(await titles("initiatives c1")).not.toContain("Stand au marché");
    expect(await titles("initiatives Liège")).toContain("Motion au conseil");
    expect(await titles("initiatives DE")).toContain("Faires Frühstück");
    expect(await titles("initiatives DE")).not.toContain("Quiz équitable");
    expect(await titles("initiatives chocolat")).toContain("Stand au marché de Noël");
    expect(await titles("initiatives 2025")).toContain("Aucune initiative publiée");
    expect(await titles("initiatives periode:2026-11 type:stand")).toContain("Stand au marché de Noël");
    expect(await titles("initiatives periode:demain")).toContain("Je ne comprends pas la période");
    expect(await titles("initiative chercher atelier")).toContain("Atelier cacao");
  });
});
