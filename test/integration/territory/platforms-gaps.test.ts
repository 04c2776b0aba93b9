/**
 * The territory's posts on the platform each was not yet tried on, through the real SDKs
 * against the fakes: on Slack, a local fête's prompt six weeks before, posted in the
 * commune's channel with its kits and "Prévoir une action", whose click opens the local
 * event modal filled for that day (views.open) and whose submission creates the action; on
 * Discord, the weekly "near you" digest in the commune's channel, whose "Nous aussi" click
 * records the commune's action (once; refused to someone of another commune).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { USERS, buttonsOf, createSlackHarness, textOf, type SlackHarness } from "../../fakes/slack/harness.js";
import { TEAM_ID } from "../../fakes/slack/server.js";
import { MEMBER, startDiscordHarness, type DiscordHarness } from "../../fakes/discord/harness.js";
import { buttonsOf as discordButtons, sendClick, textOf as discordText } from "../../fakes/discord/interactions.js";
import { deliverDue } from "../../helpers/events.js";
import { ensureMembership, resolveActor } from "../../../src/core/identity.js";
import { sendNearbyDigests } from "../../../src/features/neighbours/digest.js";
import { promptFeasts } from "../../../src/features/feasts/prompt.js";
import type { Platform, Role } from "../../../src/core/types.js";
import type { TestApp } from "../../helpers/test-app.js";

const SLOW = 120_000;

async function member(app: TestApp, platform: Platform, workspaceId: string, userId: string, role: Role, communeName: string): Promise<string> {
  const now = app.services.clock();
  const actor = await resolveActor({ platform, workspaceId, userId }, app.services.repos, now);
  const commune = (await app.services.repos.communes.findByName(communeName))!;
  await ensureMembership(app.services.repos, actor.personId, role, commune.id, now);
  return commune.id;
}

describe("Slack: a local fête's prompt and its button", () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await createSlackHarness({ mode: "http" });
  }, SLOW);
  afterAll(async () => {
    await h?.close();
  });

  it("posts the prompt six weeks before in Namur's channel with kits; 'Prévoir une action' opens the filled modal, whose submission creates the action", async () => {
    const app = h.app;
    const namur = await member(app, "slack", TEAM_ID, USERS.fr!.id, "copil", "Namur");
    await app.services.repos.channels.link({ platform: "slack", workspaceId: TEAM_ID, channelId: "C0NAMUR", purpose: "commune", communeId: namur });
    const added = await h.fake.response((await h.command("fetes ajouter Braderie de Jambes date:12/09 annuel:oui", USERS.fr)).responseUrl);
    expect(textOf(added.body)).toContain("« Braderie de Jambes » est noté pour Namur");
    // Nothing yet: far from the day.
    expect(await promptFeasts(app.services, app.services.clock())).toBe(0);
    // Six weeks before 12 September 2027: 1 August, 09:00 Brussels.
    app.setNow(new Date("2027-08-01T07:10:00Z"));
    expect(await promptFeasts(app.services, app.services.clock())).toBe(1);
    const prompts = () => h.fake.calls.filter((c) => c.method === "chat.postMessage" && c.args.channel === "C0NAMUR" && textOf(c.args).includes("Dans six semaines : Braderie de Jambes"));
    for (let sweep = 0; sweep < 5 && prompts().length === 0; sweep++) await deliverDue(app, h.adapter);
    // The job run again the same day posts nothing twice.
    await promptFeasts(app.services, app.services.clock());
    await deliverDue(app, h.adapter);
    expect(prompts()).toHaveLength(1);
    const post = prompts()[0]!;
    expect(textOf(post.args)).toContain("Kits qui s’y prêtent");
    const plan = buttonsOf(post.args).find((b) => b.label === "Prévoir une action")!;
    expect(plan.value).toMatch(/^fetes planifier [0-9a-f]{8} commune:"Namur"$/);

    const before = h.fake.api.views.length;
    await h.click(plan, USERS.fr, "C0NAMUR");
    await h.fake.calls.next((c) => c.method === "views.open", { skip: before });
    const view = h.fake.api.views[before]!.view;
    // The local event's form, filled for the fête's day (the hours left to the person).
    const prefilled = Object.fromEntries(view.blocks.map((b: any) => [b.block_id, b.element?.initial_value ?? b.element?.initial_option?.value ?? null]));
    expect(prefilled).toEqual({ type: "stand", titre: "Stand : Braderie de Jambes", debut: "2027-09-12 ", lieu: null, creneaux: null });
    const values: Record<string, string> = { type: "stand", titre: "Stand : Braderie de Jambes", debut: "2027-09-12 10h-16h", lieu: "Place de Jambes" };
    const ephemerals = h.fake.calls.filter((c) => c.method === "chat.postEphemeral").length;
    const sent = await h.submit(view, values, USERS.fr);
    expect(sent.status).toBe(200);
    expect(sent.body?.response_action).not.toBe("errors");
    const told = await h.fake.calls.next((c) => c.method === "chat.postEphemeral", { skip: ephemerals });
    expect(told.args.user).toBe(USERS.fr!.id);
    expect(textOf(told.args)).toContain("Action créée pour Namur");
    const created = async () => (await app.services.events.repo.list({ from: app.services.clock(), kinds: ["local"], communeId: namur, limit: 10 })).filter((e) => e.title === "Stand : Braderie de Jambes");
    for (let i = 0; i < 100 && (await created()).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    const events = await created();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ theme: "stand", place: "Place de Jambes" });
  }, SLOW);
});

describe("Discord: the 'near you' digest and its 'Nous aussi' button", () => {
  let h: DiscordHarness;
  const COPIL = { ...MEMBER, userId: "400000000000000777", username: "copil" };
  const OUTSIDER = { ...MEMBER, userId: "400000000000000779", username: "autre" };
  beforeAll(async () => {
    h = await startDiscordHarness();
  }, SLOW);
  afterAll(async () => {
    await h?.close();
  });

  it("posts the digest in Éghezée's channel; 'Nous aussi' records the commune's action once, and not for someone of another commune", async () => {
    const app = h.app;
    const channel = h.fake.channel();
    const eghezee = await member(app, "discord", h.fake.guild.id, COPIL.userId, "copil", "Eghezée");
    await member(app, "discord", h.fake.guild.id, OUTSIDER.userId, "benevole", "Eupen");
    await app.services.repos.channels.link({ platform: "discord", workspaceId: h.fake.guild.id, channelId: channel.id, purpose: "commune", communeId: eghezee });
    // Namur's local event, shared to the network; the digest a week later.
    const namur = (await app.services.repos.communes.findByName("Namur"))!;
    const now = app.services.clock();
    const event = await app.services.events.createLocal(
      { kind: "local", title: "Petit marché équitable", theme: "stand", description: null, startsAt: new Date(now.getTime() + 30 * 86_400_000), endsAt: new Date(now.getTime() + 30 * 86_400_000 + 4 * 3_600_000), timeZone: "Europe/Brussels", link: null, place: "Place d’Armes", capacity: null, language: "fr", audiences: [], communeId: namur.id, seriesId: null, campaign: null, createdBy: null },
      [],
      now,
    );
    await app.services.events.repo.update(event.id, { sharedAt: now });
    app.setNow(new Date(now.getTime() + 7 * 86_400_000));
    expect(await sendNearbyDigests(app.services, app.services.clock())).toBeGreaterThanOrEqual(1);
    const digests = () => channel.messages.filter((m) => discordText(m).includes("les voisins de Eghezée"));
    for (let sweep = 0; sweep < 5 && digests().length === 0; sweep++) await deliverDue(app, h.adapter);
    expect(digests()).toHaveLength(1);
    const posted = digests()[0]!;
    expect(discordText(posted)).toContain("Petit marché équitable");
    const too = discordButtons(posted).find((b) => b.label === "Nous aussi")!;
    expect(too.custom_id).toBe(`c:voisins aussi e-${event.code} commune:"Eghezée"`);

    const refused = await h.fake.waitForAnswer(sendClick(h.fake, posted, too.custom_id, OUTSIDER));
    expect(discordText(refused.message)).toContain("Seul·es les membres de Eghezée");
    const tooDone = () => app.services.repos.activity.recent(eghezee, 20).then((list) => list.filter((a) => a.kind === "initiative" && a.data?.too === `e-${event.code}`));
    expect(await tooDone()).toHaveLength(0);

    const noted = await h.fake.waitForAnswer(sendClick(h.fake, posted, too.custom_id, COPIL));
    expect(discordText(noted.message)).toContain("C’est noté : Eghezée fait aussi « Petit marché équitable »");
    expect(await tooDone()).toHaveLength(1);
    const again = await h.fake.waitForAnswer(sendClick(h.fake, posted, too.custom_id, COPIL));
    expect(discordText(again.message)).toContain("Eghezée avait déjà dit « Nous aussi » pour « Petit marché équitable »");
    expect(await tooDone()).toHaveLength(1);
  }, SLOW);
});
