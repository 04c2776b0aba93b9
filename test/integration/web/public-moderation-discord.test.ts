/**
 * A resident's idea moderated from Discord (real discord.js against the fake): the web form
 * puts it in the commune's Discord channel with Accept / Refuse; a CoPil member of another
 * commune is refused, one of the idea's commune refuses it; a refused idea never shows, in
 * `idees` or on the public page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { ensureMembership, resolveActor } from "../../../src/core/identity.js";
import { buildPublicWeb } from "../../../src/platforms/web/server.js";
import { silentLogger } from "../../../src/core/logger.js";
import type { Commune } from "../../../src/core/ports.js";
import { deliver } from "../../helpers/community.js";
import { run, textOf as replyText } from "../../helpers/run.js";
import { startDiscordHarness, type DiscordHarness } from "../../fakes/discord/harness.js";
import { buttonsOf, sendClick, textOf } from "../../fakes/discord/interactions.js";

const COPIL_NAMUR = { userId: "400000000000000501", username: "copil-namur", locale: "fr", channel: "namur-copil" };
const COPIL_EUPEN = { userId: "400000000000000502", username: "copil-eupen", locale: "de", channel: "namur-copil" };

describe("a resident's idea moderated on Discord", () => {
  let h: DiscordHarness;
  let web: FastifyInstance;
  let namur: Commune;

  beforeAll(async () => {
    h = await startDiscordHarness();
    const s = h.app.services;
    namur = (await s.repos.communes.findByName("Namur"))!;
    const eupen = (await s.repos.communes.findByName("Eupen"))!;
    const channel = h.fake.addChannel("namur-copil");
    await s.repos.channels.link({ platform: "discord", workspaceId: h.fake.guild.id, channelId: channel.id, purpose: "commune", communeId: namur.id });
    const now = s.clock();
    for (const [who, commune] of [[COPIL_NAMUR, namur], [COPIL_EUPEN, eupen]] as const) {
      const actor = await resolveActor({ platform: "discord", workspaceId: h.fake.guild.id, userId: who.userId, userName: who.username }, s.repos, now);
      await ensureMembership(s.repos, actor.personId, "copil", commune.id, now);
    }
    web = await buildPublicWeb({ services: s, logger: silentLogger, cacheMs: 0 });
  }, 60_000);
  afterAll(async () => {
    await web?.close();
    await h?.close();
  });

  it("posts it with Accept / Refuse; only the commune's CoPil decides; refused, it shows nowhere", async () => {
    const text = "Remplacer les gobelets de la fête communale par des gobelets équitables";
    const sent = await web.inject({ method: "POST", url: `/c/${namur.slug}/idee`, payload: new URLSearchParams({ texte: text }).toString(), headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(sent.statusCode).toBe(200);
    await deliver(h.app, [h.adapter]);
    const post = h.fake.channel("namur-copil").messages.find((m) => textOf(m).includes("gobelets équitables"));
    expect(post, "posted on Discord").toBeTruthy();
    expect(textOf(post)).toContain("en attente de modération");
    const [accept, refuse] = buttonsOf(post);
    expect([accept?.label, refuse?.label]).toEqual(["Accepter", "Refuser"]);

    const outsider = await h.fake.waitForAnswer(sendClick(h.fake, post!, accept!.custom_id, COPIL_EUPEN));
    expect(textOf(outsider.message)).toContain("Nur die Steuerungsgruppe");
    const idea = (await h.app.services.community.ideas.list(namur.id, ["pending"], 10)).find((i) => i.text === text)!;
    expect(idea.status).toBe("pending");

    const refused = await h.fake.waitForAnswer(sendClick(h.fake, post!, refuse!.custom_id, COPIL_NAMUR));
    expect(textOf(refused.message)).toContain("Refusée");
    expect((await h.app.services.community.ideas.get(idea.id))!.status).toBe("refused");
    expect(replyText(await run(h.app, "idees", { user: "U0BENE", role: "benevole", commune: "Namur", platform: "slack" }))).not.toContain("gobelets");
    expect(replyText(await run(h.app, "idees statut:refusee", { user: "U0BENE", role: "benevole", commune: "Namur", platform: "slack" }))).not.toContain("gobelets");
    expect(replyText(await run(h.app, "idees", { user: "U0COPILS", role: "copil", commune: "Namur", platform: "slack" }))).not.toContain("gobelets");
    expect(replyText(await run(h.app, "idees statut:refusee", { user: "U0COPILS", role: "copil", commune: "Namur", platform: "slack" }))).toContain("gobelets");
    expect((await web.inject({ url: `/c/${namur.slug}` })).body).not.toContain("gobelets");
  });
});
