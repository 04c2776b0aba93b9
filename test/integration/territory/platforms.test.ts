/**
 * Partners, ready-to-send texts and the monthly update on the real SDKs against the Slack and Discord fakes, in one app: recorded from
 * a Slack modal, listed on Slack (contacts shown to a member) and on Discord (hidden from
 * someone of another commune), credited on an initiative from Discord, whose network post
 * then names the partner on both platforms; the initiative's ready-to-send texts asked on
 * each platform; the monthly update switched on from Slack and posted by the job in the
 * commune's channel on both.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureMembership, resolveActor } from "../../../src/core/identity.js";
import { deliver } from "../../helpers/community.js";
import { USERS, createSlackHarness, textOf as slackText, type SlackHarness } from "../../fakes/slack/harness.js";
import { startDiscordHarness, type DiscordHarness } from "../../fakes/discord/harness.js";
import { textOf as discordText } from "../../fakes/discord/interactions.js";
import { silentLogger } from "../../../src/core/logger.js";
import monthlyJob from "../../../src/features/monthly/jobs/monthly-update.js";

const NAMUR_MEMBER = { userId: "400000000000000321", username: "ambassadrice", locale: "fr" };
const EUPEN_MEMBER = { userId: "400000000000000654", username: "dieter", locale: "de" };

describe("the commune on its ground, on Slack and Discord", () => {
  let slack: SlackHarness;
  let discord: DiscordHarness;
  const networkSlack = "C0RESEAU";
  let initiativeRef = "";

  beforeAll(async () => {
    slack = await createSlackHarness({ mode: "http" });
    discord = await startDiscordHarness({ app: slack.app });
    const app = slack.app;
    await slack.grant(USERS.fr!, "coordination");
    await discord.grant("400000000000000099", "coordination");
    const now = app.services.clock();
    const namur = (await app.services.repos.communes.findByName("Namur"))!;
    const eupen = (await app.services.repos.communes.findByName("Eupen"))!;
    await slack.grant(USERS.nl!, "copil", namur.id);
    for (const [who, commune] of [[NAMUR_MEMBER, namur], [EUPEN_MEMBER, eupen]] as const) {
      const actor = await resolveActor({ platform: "discord", workspaceId: discord.fake.guild.id, userId: who.userId, userName: who.username }, app.services.repos, now);
      await ensureMembership(app.services.repos, actor.personId, "ambassadeur", commune.id, now);
    }
    await slack.fake.response((await slack.command("config canal reseau", USERS.fr, networkSlack)).responseUrl);
    discord.fake.addChannel("reseau-cdce");
    await discord.run("config canal", { usage: "reseau" }, { userId: "400000000000000099", username: "coord", locale: "fr", channel: "reseau-cdce" });
  }, 60_000);

  afterAll(async () => {
    await discord?.close();
    await slack?.close();
  });

  it("records a partner from a Slack modal and lists it, contacts included, to a member on Slack", async () => {
    const before = slack.fake.api.views.length;
    expect((await slack.command("partners toevoegen", USERS.nl)).ack.status).toBe(200);
    await slack.fake.calls.next((c) => c.method === "views.open", { skip: before });
    const view = slack.fake.api.views[before]!.view;
    expect(view.blocks.map((b: { block_id: string }) => b.block_id)).toEqual(["nom", "type", "ensemble", "email", "telephone"]);
    const refused = await slack.submit(view, { nom: "Wereldwinkel Namen", type: "commerce", email: "geen-adres" }, USERS.nl);
    expect(refused.body?.response_action).toBe("errors");
    const ok = await slack.submit(view, { nom: "Wereldwinkel Namen", type: "winkel", ensemble: "Koffie op de markt", email: "info@example.org", telephone: "081 11 22 33" }, USERS.nl);
    expect(ok.status).toBe(200);
    const namur = (await slack.app.services.repos.communes.findByName("Namur"))!;
    expect((await slack.app.services.community.partners.list(namur.id)).map((p) => [p.name, p.kind, p.email])).toEqual([["Wereldwinkel Namen", "commerce", "info@example.org"]]);

    const listed = await slack.fake.response((await slack.command("partners", USERS.nl)).responseUrl);
    const text = slackText(listed.body);
    expect(text).toContain("Partners van Namur (1)");
    expect(text).toContain("Wereldwinkel Namen");
    expect(text).toContain("info@example.org");
    expect(text).toContain("Criterium 6 (Lokale producenten): geen partner");
  }, 60_000);

  it("hides the contacts from another commune's member on Discord, and credits the partner on an initiative posted on both platforms", async () => {
    const outsider = await discord.run("partenaires", { commune: "Namur" }, EUPEN_MEMBER);
    const seen = discordText(outsider.answer.message);
    expect(seen).toContain("Wereldwinkel Namen");
    expect(seen).not.toContain("info@example.org");
    expect(seen).toContain("Die Kontaktdaten der Partner sehen nur die Mitglieder von Namur.");

    const shared = await discord.run("initiative", { titre: "Marché équitable", description: "Stands et dégustations", type: "marche", date: "2026-11-21" }, NAMUR_MEMBER);
    const ref = /`([0-9a-f]{8})`/.exec(discordText(shared.answer.message))![1]!;
    initiativeRef = ref;
    const linked = await discord.run("partenaires lier", { nom: "Wereldwinkel Namen", initiative: ref }, NAMUR_MEMBER);
    expect(discordText(linked.answer.message)).toContain("le message du réseau est republié avec ses partenaires");

    await deliver(slack.app, [slack.adapter, discord.adapter]);
    const onSlack = (slack.fake.api.history.get(networkSlack) ?? []).filter((m) => JSON.stringify(m).includes("Marché équitable"));
    expect(onSlack).toHaveLength(1);
    expect(slackText(onSlack[0] as never)).toContain("Wereldwinkel Namen");
    const onDiscord = discord.fake.channel("reseau-cdce").messages.filter((m) => discordText(m).includes("Marché équitable"));
    expect(onDiscord).toHaveLength(1);
    expect(discordText(onDiscord[0])).toContain("Wereldwinkel Namen");
  }, 60_000);

  it("gives the initiative's ready-to-send texts on Discord and on Slack, in the commune's language", async () => {
    const onDiscord = discordText((await discord.run("initiative textes", { ref: initiativeRef }, NAMUR_MEMBER)).answer.message);
    expect(onDiscord).toContain("Textes prêts à envoyer : Marché équitable");
    expect(onDiscord).toContain("COMMUNIQUÉ DE PRESSE — Namur");
    expect(onDiscord).toContain("Elle a été réalisée avec Wereldwinkel Namen, que la commune remercie.");
    const onSlack = slackText((await slack.fake.response((await slack.command(`initiatief teksten ${initiativeRef}`, USERS.nl)).responseUrl)).body);
    expect(onSlack).toContain("Kant-en-klare teksten: Marché équitable");
    expect(onSlack).toContain("Merci à Wereldwinkel Namen !");
  }, 60_000);

  it("posts the monthly update switched on from Slack in the commune's channel on Slack and Discord", async () => {
    const app = slack.app;
    await slack.fake.response((await slack.command("config canal commune Namur", USERS.fr, "C0NAMUR")).responseUrl);
    discord.fake.addChannel("namur");
    await discord.run("config canal", { usage: "commune", commune: "Namur" }, { userId: "400000000000000099", username: "coord", locale: "fr", channel: "namur" });
    const on = slackText((await slack.fake.response((await slack.command("overzicht maandelijks aan", USERS.nl)).responseUrl)).body);
    expect(on).toContain("Het maandoverzicht van Namur staat aan");

    const first = new Date("2026-12-01T08:00:00Z");
    app.setNow(first);
    const ctx = { services: app.services, now: first, logger: silentLogger, outbox: { sweep: async () => {}, purge: async () => 0 } };
    await monthlyJob.run(ctx);
    await monthlyJob.run(ctx);
    await deliver(app, [slack.adapter, discord.adapter]);
    const onSlack = (slack.fake.api.history.get("C0NAMUR") ?? []).filter((m) => JSON.stringify(m).includes("novembre 2026"));
    expect(onSlack).toHaveLength(1);
    expect(slackText(onSlack[0] as never)).toContain("Bilan de novembre 2026 — Namur");
    expect(slackText(onSlack[0] as never)).toContain("Marché équitable");
    expect(slackText(onSlack[0] as never)).toContain("Merci à Wereldwinkel Namen !");
    const onDiscord = discord.fake.channel("namur").messages.filter((m) => discordText(m).includes("novembre 2026"));
    expect(onDiscord).toHaveLength(1);
    expect(discordText(onDiscord[0])).toContain("Merci à Wereldwinkel Namen !");
  }, 60_000);
});
