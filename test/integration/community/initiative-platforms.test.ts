/**
 * The "done when" on the real SDKs against both fakes, in one app: an initiative
 * shared from Discord is posted by the outbox worker in the network channel on Slack and on
 * Discord, attributed, with its buttons; its author deletes it and both posts disappear.
 * The "we'll do it too" button of the Discord post works on that posted message. Shared
 * from a Slack modal, it reaches both platforms too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureMembership, resolveActor } from "../../../src/core/identity.js";
import { translator } from "../../../src/core/i18n/catalogue.js";
import { deliver } from "../../helpers/community.js";
import { USERS, createSlackHarness, textOf as slackText, type SlackHarness } from "../../fakes/slack/harness.js";
import { TEAM_ID } from "../../fakes/slack/server.js";
import { startDiscordHarness, type DiscordHarness } from "../../fakes/discord/harness.js";
import { buttonsOf, sendClick, textOf as discordText } from "../../fakes/discord/interactions.js";

const fr = translator("fr");
const AMBASSADOR = { userId: "400000000000000321", username: "ambassadrice", locale: "fr" };

describe("an initiative shared from Discord", () => {
  let slack: SlackHarness;
  let discord: DiscordHarness;
  const networkSlack = "C0RESEAU";
  let networkDiscord: string;

  beforeAll(async () => {
    slack = await createSlackHarness({ mode: "http" });
    discord = await startDiscordHarness({ app: slack.app });
    const app = slack.app;
    await slack.grant(USERS.fr!, "coordination");
    await discord.grant("400000000000000099", "coordination");
    // The ambassador belongs to Namur (a Discord account of the same database).
    const now = app.services.clock();
    const actor = await resolveActor({ platform: "discord", workspaceId: discord.fake.guild.id, userId: AMBASSADOR.userId, userName: AMBASSADOR.username }, app.services.repos, now);
    const namur = (await app.services.repos.communes.findByName("Namur"))!;
    await ensureMembership(app.services.repos, actor.personId, "ambassadeur", namur.id, now);
    // One network channel on each platform.
    await slack.fake.response((await slack.command("config canal reseau", USERS.fr, networkSlack)).responseUrl);
    const channel = discord.fake.addChannel("reseau-cdce");
    networkDiscord = channel.id;
    await discord.run("config canal", { usage: "reseau" }, { userId: "400000000000000099", username: "coord", locale: "fr", channel: "reseau-cdce" });
  }, 60_000);

  afterAll(async () => {
    await discord?.close();
    await slack?.close();
  });

  it("appears in the network channel on Slack and Discord, and its deletion removes both posts", async () => {
    const shared = await discord.run(
      "initiative",
      { titre: "Petit-déjeuner équitable à l’école", description: "120 élèves et parents, café et jus d’orange équitables, pain du boulanger local.", type: "petit-dejeuner", date: "2026-11-21" },
      AMBASSADOR,
    );
    const confirmation = discordText(shared.answer.message);
    expect(confirmation).toContain("Petit-déjeuner équitable à l’école");
    const ref = /`([0-9a-f]{8})`/.exec(confirmation)![1]!;

    await deliver(slack.app, [slack.adapter, discord.adapter]);

    const slackPosts = slack.fake.api.history.get(networkSlack) ?? [];
    const onSlack = slackPosts.find((m) => JSON.stringify(m).includes("Petit-déjeuner équitable à l’école"));
    expect(onSlack, "posted on Slack").toBeTruthy();
    expect(slackText(onSlack as never)).toContain("Partagé par ambassadrice (Namur)");
    const onDiscord = discord.fake.channel("reseau-cdce").messages.find((m) => discordText(m).includes("Petit-déjeuner équitable à l’école"));
    expect(onDiscord, "posted on Discord").toBeTruthy();
    expect(discordText(onDiscord)).toContain("Partagé par ambassadrice (Namur)");
    expect(buttonsOf(onDiscord).map((b) => b.label)).toEqual([fr("initiative.button.contact"), fr("initiative.button.follow")]);

    // "We'll do it too", clicked by coordination on the Discord post.
    const follow = buttonsOf(onDiscord).find((b) => b.label === fr("initiative.button.follow"))!;
    const answer = await discord.fake.waitForAnswer(sendClick(discord.fake, onDiscord!, follow.custom_id, { userId: "400000000000000099", username: "coord", locale: "fr", channel: "reseau-cdce" }));
    expect(discordText(answer.message)).toContain("1 personne le fait aussi");

    // The author deletes it (confirmation button, then the deletion), from Discord.
    const asked = await discord.run("initiative supprimer", { ref }, AMBASSADOR);
    expect(discordText(asked.answer.message)).toContain("Supprimer « Petit-déjeuner équitable à l’école » ?");
    const done = await discord.run("initiative supprimer", { ref, confirmer: "oui" }, AMBASSADOR);
    expect(discordText(done.answer.message)).toContain("2 messages publiés sont en cours de retrait");

    await deliver(slack.app, [slack.adapter, discord.adapter]);

    expect((slack.fake.api.history.get(networkSlack) ?? []).some((m) => JSON.stringify(m).includes("Petit-déjeuner équitable à l’école"))).toBe(false);
    expect(slack.fake.calls.filter((c) => c.method === "chat.delete" && c.args.channel === networkSlack)).toHaveLength(1);
    expect(discord.fake.channel("reseau-cdce").messages.some((m) => discordText(m).includes("Petit-déjeuner équitable à l’école"))).toBe(false);
    expect(networkDiscord).toBe(discord.fake.channel("reseau-cdce").id);
    // The two removals went through the outbox and are recorded as done.
    const removals = (await slack.app.services.outbox.list(["pending", "sending", "sent", "failed"], 1000)).filter((r) => r.key.endsWith("#remove"));
    expect(removals.map((r) => [r.target.platform, r.state]).sort()).toEqual([["discord", "sent"], ["slack", "sent"]]);
    expect(networkDiscord).toBe(discord.fake.channel("reseau-cdce").id);
    expect(TEAM_ID).toBeTruthy();
  }, 60_000);

  it("is shared from a Slack modal: errors under the field in German, then posted on both platforms", async () => {
    const app = slack.app;
    const eupen = (await app.services.repos.communes.findByName("Eupen"))!;
    await slack.grant(USERS.de!, "copil", eupen.id);
    const before = slack.fake.api.views.length;
    expect((await slack.command("initiative", USERS.de, "C0EUPEN")).ack.status).toBe(200);
    await slack.fake.calls.next((c) => c.method === "views.open", { skip: before });
    const view = slack.fake.api.views[before]!.view;
    expect(view.blocks.map((b: { block_id: string }) => b.block_id)).toEqual(["titre", "description", "commune", "date", "type"]);
    const refused = await slack.submit(view, { titre: "Faires Frühstück", description: "80 Gäste im Pfarrsaal", date: "irgendwann" }, USERS.de);
    expect(refused.body?.response_action).toBe("errors");
    expect(String(refused.body?.errors?.date)).toContain("Ich verstehe das Datum „irgendwann“ nicht");
    const ok = await slack.submit(view, { titre: "Faires Frühstück", description: "80 Gäste im Pfarrsaal", date: "2026-11-22", type: "Frühstück" }, USERS.de);
    expect(ok.status).toBe(200);
    await deliver(app, [slack.adapter, discord.adapter]);
    const onSlack = (slack.fake.api.history.get(networkSlack) ?? []).find((m) => JSON.stringify(m).includes("Faires Frühstück"));
    expect(slackText(onSlack as never)).toMatch(/Partagé par \S+ \(Eupen\)/);
    const onDiscord = discord.fake.channel("reseau-cdce").messages.find((m) => discordText(m).includes("Faires Frühstück"));
    expect(discordText(onDiscord)).toContain("Petit-déjeuner");
  }, 60_000);
});
