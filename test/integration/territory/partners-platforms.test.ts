/**
 * Partners on the real SDKs against the Slack and Discord fakes, in one app: recorded from
 * a Slack modal, listed on Slack (contacts shown to a member) and on Discord (hidden from
 * someone of another commune), credited on an initiative from Discord, whose network post
 * then names the partner on both platforms.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureMembership, resolveActor } from "../../../src/core/identity.js";
import { deliver } from "../../helpers/community.js";
import { USERS, createSlackHarness, textOf as slackText, type SlackHarness } from "../../fakes/slack/harness.js";
import { startDiscordHarness, type DiscordHarness } from "../../fakes/discord/harness.js";
import { textOf as discordText } from "../../fakes/discord/interactions.js";

const NAMUR_MEMBER = { userId: "400000000000000321", username: "ambassadrice", locale: "fr" };
const EUPEN_MEMBER = { userId: "400000000000000654", username: "dieter", locale: "de" };

describe("partners on Slack and Discord", () => {
  let slack: SlackHarness;
  let discord: DiscordHarness;
  const networkSlack = "C0RESEAU";

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
});
