/**
 * Joining a commune on the real platforms' SDKs against the fakes: a person asks with
 * `/cdce rejoindre`, the request is posted by the outbox in the commune's channel with
 * Accept / Refuse buttons, a CoPil member clicks Accept on that posted message, the person
 * gets the answer and the first welcome message as direct messages, and clicks its Stop
 * button. On Discord, a recruitment call's "I'm interested" button and the CoPil's invite.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../../src/core/i18n/catalogue.js";
import { ensureMembership, resolveActor } from "../../../src/core/identity.js";
import { USERS, buttonsOf, createSlackHarness, textOf, type SlackHarness } from "../../fakes/slack/harness.js";
import { startDiscordHarness, type DiscordHarness } from "../../fakes/discord/harness.js";
import { buttonsOf as discordButtons, sendClick, textOf as discordText } from "../../fakes/discord/interactions.js";
import { deliverDue } from "../../helpers/events.js";
import { TEAM_ID } from "../../fakes/slack/server.js";

const fr = translator("fr");
const de = translator("de");

describe("Slack: a request to join, accepted with its button, and the welcome journey's Stop button", () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await createSlackHarness({ mode: "http" });
    const namur = (await h.app.services.repos.communes.findByName("Namur"))!;
    await h.grant(USERS.en!, "coordination");
    await h.grant(USERS.nl!, "copil", namur.id);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("posts the request in the commune's channel; Accept gives the role; the person gets the answer and the first step, and can stop", async () => {
    await h.fake.response((await h.command("config canal commune Namur", USERS.en, "C0NAMUR")).responseUrl);
    const asked = await h.fake.response((await h.command("beitreten Namur benevole", USERS.de, "C0GENERAL")).responseUrl);
    expect(textOf(asked.body)).toContain("Steuerungsgruppe von Namur");
    await deliverDue(h.app, h.adapter);
    const post = h.fake.calls.filter((c) => c.method === "chat.postMessage" && c.args.channel === "C0NAMUR")[0]!;
    // The commune's channel speaks the commune's language.
    expect(textOf(post.args)).toContain("Dieter Schmitz demande à devenir bénévole pour Namur");
    const accept = buttonsOf(post.args).find((b) => b.label === fr("join.button.accept"))!;
    expect(accept.value).toMatch(/^rejoindre accepter [0-9a-f]{8}$/);

    // Someone who is not Namur's CoPil clicks: refused, nothing given.
    const refused = await h.fake.response((await h.click(accept, USERS.fr, "C0NAMUR")).responseUrl);
    expect(textOf(refused.body)).toMatch(/réservée|Seul/);
    const answer = await h.fake.response((await h.click(accept, USERS.nl, "C0NAMUR")).responseUrl);
    expect(answer.body.response_type).toBe("ephemeral");
    expect(textOf(answer.body)).toContain("is nu vrijwilliger voor Namur");
    const dieter = (await h.app.services.repos.identity.findByAccount("slack", TEAM_ID, USERS.de!.id))!;
    const namur = (await h.app.services.repos.communes.findByName("Namur"))!;
    expect((await h.app.services.repos.memberships.activeFor(dieter.id, h.app.services.clock())).map((m) => [m.role, m.communeId])).toEqual([["benevole", namur.id]]);

    // The answer and the first welcome step, as direct messages, in German.
    for (let i = 0; i < 3; i++) await deliverDue(h.app, h.adapter);
    const dm = (id: string) => [id, `D${id.slice(1)}`];
    const dms = h.fake.calls.filter((c) => c.method === "chat.postMessage" && dm(USERS.de!.id).includes(c.args.channel));
    const texts = dms.map((c) => textOf(c.args));
    expect(texts.filter((t) => t.includes("ist angenommen"))).toHaveLength(1);
    const welcome = dms.find((c) => textOf(c.args).includes("Nachricht 1 von 5"))!;
    expect(welcome).toBeTruthy();
    const stop = buttonsOf(welcome.args).find((b) => b.label === de("journey.stop"))!;
    expect(stop.value).toMatch(/^parcours stop [0-9a-f]{8}$/);
    const stopped = await h.fake.response((await h.click(stop, USERS.de, welcome.args.channel)).responseUrl);
    expect(textOf(stopped.body)).toContain("Willkommensbegleitung ist beendet");
  });

  it("asks through the modal: /cdce rejoindre alone opens a form in the person's language", async () => {
    const before = h.fake.api.views.length;
    await h.command("rejoindre", USERS.en);
    await h.fake.calls.next((c) => c.method === "views.open", { skip: before });
    const view = h.fake.api.views[before]!.view;
    expect(view.blocks.map((b: any) => b.block_id)).toEqual(["commune", "role"]);
    expect(JSON.stringify(view)).toContain("Send the request");
    const sent = await h.submit(view, { commune: "Namur", role: "volunteer" }, USERS.en);
    expect(sent.status).toBe(200);
    const emma = (await h.app.services.repos.identity.findByAccount("slack", TEAM_ID, USERS.en!.id))!;
    const namur = (await h.app.services.repos.communes.findByName("Namur"))!;
    const pending = await h.app.services.joining.requests.pending(namur.id, 10);
    expect(pending.filter((r) => r.personId === emma.id).map((r) => r.role)).toEqual(["benevole"]);
  });
});

describe("Discord: a request to join accepted with its button; a recruitment call answered and invited", () => {
  let h: DiscordHarness;
  const COORD = { userId: "400000000000000099", username: "coord", locale: "fr" };
  const COPIL = { userId: "400000000000000010", username: "claire", locale: "fr" };
  const NEWCOMER = { userId: "400000000000000011", username: "malik", locale: "fr" };
  const CANDIDATE = { userId: "400000000000000012", username: "ines", locale: "en-US" };
  beforeAll(async () => {
    h = await startDiscordHarness();
    await h.grant(COORD.userId, "coordination");
    const namur = (await h.app.services.repos.communes.findByName("Namur"))!;
    const copil = await resolveActor({ platform: "discord", workspaceId: h.fake.guild.id, userId: COPIL.userId }, h.app.services.repos, h.app.services.clock());
    await ensureMembership(h.app.services.repos, copil.personId, "copil", namur.id, h.app.services.clock());
  }, 30_000);
  afterAll(async () => {
    await h?.close();
  });

  it("posts the request with buttons in the commune's channel; the CoPil's click accepts it", async () => {
    await h.run("config canal", { usage: "commune", commune: "Namur" }, COORD);
    const asked = await h.run("rejoindre", { commune: "Namur", role: "benevole" }, NEWCOMER);
    expect(discordText(asked.answer.message)).toContain("comité de pilotage de Namur");
    await deliverDue(h.app, h.adapter);
    const posted = h.fake.channel().messages.find((m) => discordText(m).includes("malik"))!;
    expect(posted).toBeTruthy();
    const accept = discordButtons(posted).find((b) => b.label === fr("join.button.accept"))!;
    expect(accept.custom_id).toMatch(/^c:rejoindre accepter [0-9a-f]{8}$/);
    const answer = await h.fake.waitForAnswer(sendClick(h.fake, posted, accept.custom_id, COPIL));
    expect(discordText(answer.message)).toContain("est maintenant bénévole pour Namur");
    for (let i = 0; i < 3; i++) await deliverDue(h.app, h.adapter);
    const dms = h.fake.dms.get(NEWCOMER.userId)!.messages.map((m) => discordText(m));
    expect(dms.some((t) => t.includes("Bonne nouvelle"))).toBe(true);
    expect(dms.some((t) => t.includes("Bienvenue malik"))).toBe(true);
  });

  it("posts a recruitment call naming the missing groups; a click says interested; the CoPil invites in one click", async () => {
    const called = await h.run("copil recruter", { commune: "Namur" }, COPIL);
    expect(discordText(called.answer.message)).toContain("canal de Namur");
    await deliverDue(h.app, h.adapter);
    const call = h.fake.channel().messages.find((m) => discordText(m).includes("cherche de nouveaux membres"))!;
    expect(discordText(call)).toContain(fr("copil.group.citizens"));
    const interested = discordButtons(call).find((b) => b.label === fr("recruit.button"))!;
    const thanks = await h.fake.waitForAnswer(sendClick(h.fake, call, interested.custom_id, CANDIDATE));
    expect(discordText(thanks.message)).toContain("Thank you! The steering committee of Namur sees your interest");
    const list = await h.run("copil candidats", { commune: "Namur" }, COPIL);
    expect(discordText(list.answer.message)).toContain("ines");
    const invite = discordButtons(list.answer.message).find((b) => b.label === fr("recruit.button.invite", { name: "ines" }))!;
    expect(invite.custom_id).toMatch(/^c:copil inviter [0-9a-f]{8}$/);
    const invited = await h.fake.waitForAnswer(sendClick(h.fake, list.answer.message!, invite.custom_id, COPIL));
    expect(discordText(invited.message)).toContain("ines rejoint le comité de pilotage de Namur");
    const ines = (await h.app.services.repos.identity.findByAccount("discord", h.fake.guild.id, CANDIDATE.userId))!;
    const namur = (await h.app.services.repos.communes.findByName("Namur"))!;
    expect((await h.app.services.repos.memberships.activeFor(ines.id, h.app.services.clock())).map((m) => [m.role, m.communeId])).toEqual([["copil", namur.id]]);
    expect((await h.app.services.watch.copil.active(namur.id, h.app.services.clock())).map((m) => m.personId)).toContain(ines.id);
    const again = await h.fake.waitForAnswer(sendClick(h.fake, list.answer.message!, invite.custom_id, COPIL));
    expect(discordText(again.message)).toContain("déjà été invité·e");
  });
});
