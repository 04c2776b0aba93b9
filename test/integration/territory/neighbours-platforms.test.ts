/**
 * The territory's posts and their buttons on the real SDKs against the fakes: on Slack the
 * weekly "near you" digest of a commune channel, whose "Nous aussi" click records the
 * commune's action and whose "Agir ensemble" click makes the neighbour's event a joint one;
 * on Discord a local fête's prompt six weeks before, whose "Prévoir une action" click opens
 * the local event modal filled for that day, and whose submission creates the action; and
 * the digest there, whose "Agir ensemble" on an initiative opens the joint action's modal.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { USERS, buttonsOf, createSlackHarness, textOf, type SlackHarness } from "../../fakes/slack/harness.js";
import { MEMBER, startDiscordHarness, type DiscordHarness } from "../../fakes/discord/harness.js";
import { buttonsOf as discordButtons, sendClick, sendModalSubmit, textOf as discordText } from "../../fakes/discord/interactions.js";
import { deliverDue } from "../../helpers/events.js";
import { TEAM_ID } from "../../fakes/slack/server.js";
import { ensureMembership, resolveActor } from "../../../src/core/identity.js";
import { sendNearbyDigests } from "../../../src/features/neighbours/digest.js";
import { promptFeasts } from "../../../src/features/feasts/prompt.js";
import type { Platform, Role } from "../../../src/core/types.js";
import type { TestApp } from "../../helpers/test-app.js";

async function member(app: TestApp, platform: Platform, workspaceId: string, userId: string, role: Role, communeName: string): Promise<string> {
  const now = app.services.clock();
  const actor = await resolveActor({ platform, workspaceId, userId }, app.services.repos, now);
  const commune = (await app.services.repos.communes.findByName(communeName))!;
  await ensureMembership(app.services.repos, actor.personId, role, commune.id, now);
  return commune.id;
}

describe("Slack: the 'near you' digest and its buttons", () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await createSlackHarness({ mode: "http" });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("posts the digest in Éghezée's channel; 'Nous aussi' records the commune's action, 'Agir ensemble' makes the event joint", async () => {
    const app = h.app;
    const eghezee = await member(app, "slack", TEAM_ID, USERS.fr!.id, "copil", "Eghezée");
    const namur = (await app.services.repos.communes.findByName("Namur"))!;
    await app.services.repos.channels.link({ platform: "slack", workspaceId: TEAM_ID, channelId: "C0EGHEZEE", purpose: "commune", communeId: eghezee });
    // Namur's local event, shared to the network on the Wednesday before.
    const now = app.services.clock();
    const event = await app.services.events.createLocal(
      { kind: "local", title: "Petit marché équitable", theme: "stand", description: null, startsAt: new Date(now.getTime() + 30 * 86_400_000), endsAt: new Date(now.getTime() + 30 * 86_400_000 + 4 * 3_600_000), timeZone: "Europe/Brussels", link: null, place: "Place d’Armes", capacity: null, language: "fr", audiences: [], communeId: namur.id, seriesId: null, campaign: null, createdBy: null },
      [],
      now,
    );
    await app.services.events.repo.update(event.id, { sharedAt: now });
    app.setNow(new Date(now.getTime() + 7 * 86_400_000));
    expect(await sendNearbyDigests(app.services, app.services.clock())).toBeGreaterThanOrEqual(1);
    const digest = () => h.fake.calls.filter((c) => c.method === "chat.postMessage" && c.args.channel === "C0EGHEZEE")[0];
    for (let sweep = 0; sweep < 5 && !digest(); sweep++) await deliverDue(app, h.adapter);
    const post = digest()!;
    expect(textOf(post.args)).toContain("Près de chez vous : les voisins de Eghezée");
    expect(textOf(post.args)).toContain("Petit marché équitable");
    const [too, together] = buttonsOf(post.args);
    expect(together!.label).toBe("Agir ensemble");
    expect(together!.value).toBe(`voisins ensemble e-${event.code} commune:"Eghezée"`);
    expect(too!.label).toBe("Nous aussi");
    const noted = await h.fake.response((await h.click(too!, USERS.fr, "C0EGHEZEE")).responseUrl);
    expect(textOf(noted.body)).toContain("C’est noté : Eghezée fait aussi « Petit marché équitable »");
    expect((await app.services.repos.activity.recent(eghezee, 20)).some((a) => a.kind === "initiative" && a.data?.too === `e-${event.code}`)).toBe(true);
    const joint = await h.fake.response((await h.click(together!, USERS.fr, "C0EGHEZEE")).responseUrl);
    expect(textOf(joint.body)).toContain("est maintenant une action commune de Namur, Eghezée");
    expect(await app.services.events.repo.coOwners(event.id)).toEqual([eghezee]);
  });
});

describe("Discord: a local fête's prompt and its button", () => {
  let h: DiscordHarness;
  const COPIL = { ...MEMBER, userId: "400000000000000077", username: "copil" };
  beforeAll(async () => {
    h = await startDiscordHarness();
  }, 30_000);
  afterAll(async () => {
    await h?.close();
  });

  it("posts the prompt six weeks before with kits; 'Prévoir une action' opens the filled modal, which creates the action", async () => {
    const app = h.app;
    const namur = await member(app, "discord", h.fake.guild.id, COPIL.userId, "copil", "Namur");
    const channel = h.fake.guild.channels[0]!;
    await app.services.repos.channels.link({ platform: "discord", workspaceId: h.fake.guild.id, channelId: channel.id, purpose: "commune", communeId: namur });
    const added = await h.run("fetes ajouter", { nom: "Braderie de Jambes", date: "12/09", annuel: "oui" }, COPIL);
    expect(discordText(added.answer.message)).toContain("« Braderie de Jambes » est noté pour Namur");
    // Six weeks before 12 September 2027: 1 August, 09:00 Brussels.
    app.setNow(new Date("2027-08-01T07:10:00Z"));
    expect(await promptFeasts(app.services, app.services.clock())).toBe(1);
    const prompt = () => h.fake.guild.channels.flatMap((c) => c.messages).find((m) => discordText(m).includes("Dans six semaines : Braderie de Jambes"));
    for (let sweep = 0; sweep < 5 && !prompt(); sweep++) await deliverDue(app, h.adapter);
    const posted = prompt()!;
    expect(discordText(posted)).toContain("Kits qui s’y prêtent");
    const plan = discordButtons(posted).find((b) => b.label === "Prévoir une action")!;
    expect(plan.custom_id).toMatch(/^c:fetes planifier [0-9a-f]{8} commune:"Namur"$/);
    const opened = await h.fake.waitForAnswer(sendClick(h.fake, posted, plan.custom_id, COPIL));
    expect(opened.callbackType).toBe(9);
    const fields = Object.fromEntries((opened.modal!.components as { component: { custom_id: string; value?: string } }[]).map((c) => [c.component.custom_id, c.component.value]));
    expect(fields).toMatchObject({ type: "stand", titre: "Stand : Braderie de Jambes", debut: "2027-09-12 " });
    const made = await h.fake.waitForAnswer(sendModalSubmit(h.fake, opened.modal!, { type: "stand", titre: "Stand : Braderie de Jambes", debut: "2027-09-12 10h-16h", lieu: "Place de Jambes" }, COPIL));
    expect(discordText(made.message)).toContain("Action créée pour Namur");
    const events = await app.services.events.repo.list({ from: app.services.clock(), kinds: ["local"], communeId: namur, limit: 10 });
    expect(events.map((e) => e.title)).toContain("Stand : Braderie de Jambes");
  });

  it("posts the digest; 'Agir ensemble' on a neighbour's initiative opens the filled modal, whose submission makes a joint action", async () => {
    const app = h.app;
    const channel = h.fake.guild.channels[1]!;
    const eghezee = await member(app, "discord", h.fake.guild.id, COPIL.userId, "copil", "Eghezée");
    await app.services.repos.channels.link({ platform: "discord", workspaceId: h.fake.guild.id, channelId: channel.id, purpose: "commune", communeId: eghezee });
    // Fernelmont's initiative, published on a Wednesday; the digest the Monday after.
    app.setNow(new Date("2027-08-04T10:00:00Z"));
    const author = { ...MEMBER, userId: "400000000000000078", username: "vol" };
    await member(app, "discord", h.fake.guild.id, author.userId, "benevole", "Fernelmont");
    await h.run("initiative", { titre: "Goûter équitable à l’école", description: "Un goûter", type: "stand", commune: "Fernelmont" }, author);
    app.setNow(new Date("2027-08-09T07:30:00Z"));
    expect(await sendNearbyDigests(app.services, app.services.clock())).toBeGreaterThanOrEqual(1);
    const digest = () => channel.messages.find((m) => discordText(m).includes("les voisins de Eghezée"));
    for (let sweep = 0; sweep < 5 && !digest(); sweep++) await deliverDue(app, h.adapter);
    const posted = digest()!;
    expect(discordText(posted)).toContain("Goûter équitable à l’école");
    const together = discordButtons(posted).find((b) => b.label === "Agir ensemble")!;
    expect(together.custom_id).toMatch(/^c:voisins ensemble i-[0-9a-f]{8} commune:"Eghezée"$/);
    const opened = await h.fake.waitForAnswer(sendClick(h.fake, posted, together.custom_id, COPIL));
    expect(opened.callbackType).toBe(9);
    const fields = Object.fromEntries((opened.modal!.components as { component: { custom_id: string; value?: string } }[]).map((c) => [c.component.custom_id, c.component.value]));
    expect(fields).toMatchObject({ commune: "Eghezée", titre: "Goûter équitable à l’école" });
    const made = await h.fake.waitForAnswer(sendModalSubmit(h.fake, opened.modal!, { ...fields, debut: "2027-09-18 15h-17h", lieu: "École communale" } as Record<string, string>, COPIL));
    expect(discordText(made.message)).toContain("est maintenant une action commune de Eghezée, Fernelmont");
  });
});
