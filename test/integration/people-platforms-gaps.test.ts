/**
 * People's features on the real Slack and Discord SDKs against the fakes, clicking what the
 * person sees: on Slack, a task a CoPil gives a volunteer, who marks it done with the button
 * of their task list; a recruitment call posted in the commune's channel, answered with its
 * button and invited from the candidates' list (the invited person gets a direct message
 * and the role); on Discord, the welcome journey's Stop button, after which later steps are
 * not sent while someone who did not stop gets them; on both, the ambassadors' directory
 * showing who agreed to appear and not who did not.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n/catalogue.js";
import { ensureMembership, resolveActor } from "../../src/core/identity.js";
import { silentLogger } from "../../src/core/logger.js";
import type { Role } from "../../src/core/types.js";
import welcomeJob from "../../src/features/joining/jobs/welcome-journeys.js";
import { USERS, buttonsOf, createSlackHarness, textOf, type SlackHarness } from "../fakes/slack/harness.js";
import { TEAM_ID } from "../fakes/slack/server.js";
import type { FakeUser } from "../fakes/slack/web-api.js";
import { startDiscordHarness, type DiscordHarness } from "../fakes/discord/harness.js";
import { buttonsOf as discordButtons, sendClick, textOf as discordText } from "../fakes/discord/interactions.js";
import { codeOf, deliverDue } from "../helpers/events.js";
import type { TestApp } from "../helpers/test-app.js";

const fr = translator("fr");
const nl = translator("nl");
const en = translator("en");
const LUC: FakeUser = { id: "U0LUC", name: "luc", real_name: "Luc Martin", tz: "Europe/Brussels", locale: "fr-FR" };
const SLOW = 120_000;

const dmChannels = (id: string) => [id, `D${id.slice(1)}`];

describe("Slack: tasks, a recruitment call and the ambassadors' directory, by their buttons", () => {
  let h: SlackHarness;
  let namurId = "";
  const person = async (u: FakeUser) => (await h.app.services.repos.identity.findByAccount("slack", TEAM_ID, u.id))!;
  beforeAll(async () => {
    h = await createSlackHarness({ mode: "http" });
    h.fake.api.users.set(LUC.id, LUC);
    const namur = (await h.app.services.repos.communes.findByName("Namur"))!;
    namurId = namur.id;
    await h.grant(USERS.nl!, "copil", namur.id);
    await h.grant(USERS.fr!, "benevole", namur.id);
    await h.grant(USERS.en!, "ambassadeur", namur.id);
    await h.grant(LUC, "ambassadeur", namur.id);
    await h.app.services.repos.channels.link({ platform: "slack", workspaceId: TEAM_ID, channelId: "C0NAMUR", purpose: "commune", communeId: namur.id });
  }, SLOW);
  afterAll(async () => {
    await h?.close();
  });

  it("a CoPil gives a volunteer a task on a local event; the volunteer lists it and clicks its done button", async () => {
    const created = await h.fake.response((await h.command('evenement creer type:stand titre:"Stand du marché" debut:"12/12 9h-13h" lieu:"Place d’Armes"', USERS.nl)).responseUrl);
    const code = codeOf(textOf(created.body));
    const added = await h.fake.response((await h.command(`tache ajouter ${code} "Réserver la salle" pour:<@${USERS.fr!.id}> avant:10/12`, USERS.nl)).responseUrl);
    expect(textOf(added.body)).toContain("Réserver la salle");
    const event = (await h.app.services.events.repo.byCode(code))!;
    const [task] = await h.app.services.actions.tasks.forEvent(event.id);
    expect(task).toMatchObject({ title: "Réserver la salle", ownerId: (await person(USERS.fr!)).id, status: "todo" });

    const listed = await h.fake.response((await h.command("taches", USERS.fr)).responseUrl);
    expect(textOf(listed.body)).toContain("Réserver la salle");
    expect(textOf(listed.body)).toContain("Stand du marché");
    const done = buttonsOf(listed.body).find((b) => b.label.startsWith(fr("task.button.done")))!;
    expect(done.label).toContain("Réserver la salle");
    expect(done.value).toMatch(/^tache fait [0-9a-f]{8}$/);
    const clicked = await h.fake.response((await h.click(done, USERS.fr)).responseUrl);
    expect(textOf(clicked.body)).toContain(fr("task.done", { title: "Réserver la salle" }));
    expect((await h.app.services.actions.tasks.find(task!.id.slice(0, 8)))!.status).toBe("done");
    const after = await h.fake.response((await h.command("taches", USERS.fr)).responseUrl);
    expect(textOf(after.body)).not.toContain("Réserver la salle");
  }, SLOW);

  it("posts the recruitment call with its button in the commune's channel; a click, then the CoPil's Inviter: a direct message and the role", async () => {
    const called = await h.fake.response((await h.command("copil recruter", USERS.nl)).responseUrl);
    expect(called.body.response_type).toBe("ephemeral");
    await deliverDue(h.app, h.adapter);
    const call = h.fake.calls.filter((c) => c.method === "chat.postMessage" && c.args.channel === "C0NAMUR").find((c) => textOf(c.args).includes("cherche de nouveaux membres"))!;
    expect(call).toBeTruthy();
    const interested = buttonsOf(call.args).find((b) => b.label === fr("recruit.button"))!;
    expect(interested.label).toBe("Je suis intéressé·e");
    expect(interested.value).toMatch(/^copil interesse [0-9a-f]{8}$/);
    const thanks = await h.fake.response((await h.click(interested, USERS.de, "C0NAMUR")).responseUrl);
    expect(thanks.body.response_type).toBe("ephemeral");
    expect(textOf(thanks.body)).toContain("Namur");

    const list = await h.fake.response((await h.command("copil candidats", USERS.nl)).responseUrl);
    expect(textOf(list.body)).toContain("Dieter Schmitz");
    const invite = buttonsOf(list.body).find((b) => b.label === nl("recruit.button.invite", { name: "Dieter Schmitz" }))!;
    expect(invite.value).toMatch(/^copil inviter [0-9a-f]{8}$/);
    const dieter = await person(USERS.de!);
    expect((await h.app.services.repos.memberships.activeFor(dieter.id, h.app.services.clock())).map((m) => m.role)).toEqual([]);
    const invited = await h.fake.response((await h.click(invite, USERS.nl)).responseUrl);
    expect(textOf(invited.body)).toContain(nl("recruit.invited", { name: "Dieter Schmitz", commune: "Namur" }));
    expect((await h.app.services.repos.memberships.activeFor(dieter.id, h.app.services.clock())).map((m) => [m.role, m.communeId])).toEqual([["copil", namurId]]);

    for (let i = 0; i < 3; i++) await deliverDue(h.app, h.adapter);
    const dms = h.fake.calls.filter((c) => c.method === "chat.postMessage" && dmChannels(USERS.de!.id).includes(c.args.channel)).map((c) => textOf(c.args));
    // Dieter reads German: the answer, then the first step of the CoPil's welcome journey.
    expect(dms.filter((t) => t.includes("ist angenommen"))).toHaveLength(1);
    expect(dms.filter((t) => t.includes("Willkommen Dieter Schmitz"))).toHaveLength(1);
    const again = await h.fake.response((await h.click(invite, USERS.nl)).responseUrl);
    expect(textOf(again.body)).toContain(nl("recruit.alreadyInvited", { name: "Dieter Schmitz" }));
  }, SLOW);

  it("shows in the directory the ambassador who said yes, not the one who did not", async () => {
    // Luc has used the bot (his name is known) but never agreed to appear.
    const lucSees = await h.fake.response((await h.command("ambassadeurs", LUC)).responseUrl);
    expect(buttonsOf(lucSees.body).map((b) => b.value)).toContain("ambassadeur annuaire oui");
    const yes = await h.fake.response((await h.command("ambassadeur annuaire oui", USERS.en)).responseUrl);
    expect(textOf(yes.body)).toContain("you appear in the ambassadors’ directory");
    const seen = textOf((await h.fake.response((await h.command("ambassadeurs", USERS.fr)).responseUrl)).body);
    expect(seen).toContain(fr("amb.title", { count: 1 }));
    const emma = (await person(USERS.en!)).name;
    const luc = (await person(LUC)).name;
    expect(luc).toMatch(/luc/i);
    expect(seen).toContain(`${emma} (anglais) · Namur`);
    expect(seen).not.toContain(`${luc} (`);
  }, SLOW);
});

describe("Discord: the welcome journey's Stop button, and the ambassadors' directory", () => {
  let h: DiscordHarness;
  const COPIL = { userId: "400000000000000510", username: "claire", locale: "fr" };
  const STOPPER = { userId: "400000000000000511", username: "malik", locale: "fr" };
  const STAYER = { userId: "400000000000000512", username: "sofia", locale: "fr" };
  const AMB_YES = { userId: "400000000000000513", username: "yasmine", locale: "fr" };
  const AMB_NO = { userId: "400000000000000514", username: "bastien", locale: "fr" };
  const READER = { userId: "400000000000000515", username: "lecteur", locale: "en-US" };

  async function member(app: TestApp, who: { userId: string; username: string }, role: Role): Promise<void> {
    const now = app.services.clock();
    const actor = await resolveActor({ platform: "discord", workspaceId: h.fake.guild.id, userId: who.userId, userName: who.username }, app.services.repos, now);
    await ensureMembership(app.services.repos, actor.personId, role, (await app.services.repos.communes.findByName("Namur"))!.id, now);
  }
  const dmTexts = (userId: string) => (h.fake.dms.get(userId)?.messages ?? []).map((m) => discordText(m));

  beforeAll(async () => {
    h = await startDiscordHarness();
    await member(h.app, COPIL, "copil");
    await member(h.app, AMB_YES, "ambassadeur");
    await member(h.app, AMB_NO, "ambassadeur");
    const namur = (await h.app.services.repos.communes.findByName("Namur"))!;
    await h.app.services.repos.channels.link({ platform: "discord", workspaceId: h.fake.guild.id, channelId: h.fake.channel().id, purpose: "commune", communeId: namur.id });
  }, SLOW);
  afterAll(async () => {
    await h?.close();
  });

  it("sends the first welcome message with its Stop button; after Stop, later steps are not sent (they are to one who did not stop)", async () => {
    const app = h.app;
    for (const who of [STOPPER, STAYER]) {
      const asked = await h.run("rejoindre", { commune: "Namur", role: "benevole" }, who);
      expect(discordText(asked.answer.message)).toContain("comité de pilotage de Namur");
    }
    await deliverDue(app, h.adapter);
    for (const who of [STOPPER, STAYER]) {
      const posted = h.fake.channel().messages.find((m) => discordText(m).includes(who.username) && discordButtons(m).some((b) => b.label === fr("join.button.accept")))!;
      const accept = discordButtons(posted).find((b) => b.label === fr("join.button.accept"))!;
      const answer = await h.fake.waitForAnswer(sendClick(h.fake, posted, accept.custom_id, COPIL));
      expect(discordText(answer.message)).toContain("est maintenant bénévole pour Namur");
    }
    for (let i = 0; i < 3; i++) await deliverDue(app, h.adapter);
    for (const who of [STOPPER, STAYER]) {
      const welcome = dmTexts(who.userId).filter((t) => t.includes(`Bienvenue ${who.username}`));
      expect(welcome).toHaveLength(1);
      expect(welcome[0]).toContain("message 1 sur 5");
    }
    const welcome = h.fake.dms.get(STOPPER.userId)!.messages.find((m) => discordText(m).includes("message 1 sur 5"))!;
    const stop = discordButtons(welcome).find((b) => b.label === fr("journey.stop"))!;
    expect(stop.custom_id).toMatch(/^c:parcours stop [0-9a-f]{8}$/);
    const stopped = await h.fake.waitForAnswer(sendClick(h.fake, welcome, stop.custom_id, STOPPER));
    expect(discordText(stopped.message)).toContain("Votre parcours d’accueil est arrêté");
    const stopperPerson = (await app.services.repos.identity.findByAccount("discord", h.fake.guild.id, STOPPER.userId))!;
    expect(await app.services.joining.welcome.runningFor(stopperPerson.id)).toEqual([]);

    const sentBefore = dmTexts(STOPPER.userId).length;
    const start = app.services.clock();
    for (const days of [4, 8, 13, 19]) {
      const now = new Date(start.getTime() + days * 86_400_000);
      app.setNow(now);
      await welcomeJob.run({ services: app.services, now, logger: silentLogger, outbox: { sweep: async () => {}, purge: async () => 0 } });
      await deliverDue(app, h.adapter);
    }
    expect(dmTexts(STOPPER.userId)).toHaveLength(sentBefore);
    const stayer = dmTexts(STAYER.userId);
    expect(stayer.some((t) => t.includes("message 2 sur 5"))).toBe(true);
    expect(stayer.some((t) => t.includes("message 5 sur 5"))).toBe(true);
    app.setNow(start);
  }, SLOW);

  it("lists the ambassador who said yes to someone else, not the one who did not", async () => {
    const bastien = await h.run("ambassadeurs", {}, AMB_NO);
    expect(discordButtons(bastien.answer.message).map((b) => b.custom_id)).toContain("c:ambassadeur annuaire oui");
    const yes = await h.run("ambassadeur annuaire", { visible: "oui" }, AMB_YES);
    expect(discordText(yes.answer.message)).toContain(fr("amb.consent.on").slice(0, 40));
    const seen = discordText((await h.run("ambassadeurs", {}, READER)).answer.message);
    expect(seen).toContain(en("amb.title", { count: 1 }));
    expect(seen).toContain("yasmine");
    expect(seen).not.toContain("bastien");
  }, SLOW);
});
