/**
 * The network's channel on Discord is a forum (type 15): each shared initiative becomes a
 * forum post (a thread opened with the card) with tags for its criteria and its province,
 * matched by name among the forum's tags, or added to the forum when the bot may (Manage
 * Channels); people answer in its thread. A text channel still gets a plain message. After a
 * crash the post is found (not opened twice), and withdrawing the initiative takes it down.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run, textOf, type As } from "../../helpers/run.js";
import { MANAGE_CHANNELS } from "../../fakes/discord/model.js";
import { renderReply } from "../../../src/platforms/discord/render.js";
import { CustomIdStore } from "../../../src/platforms/discord/custom-ids.js";
import { message } from "../../../src/core/reply.js";
import { startDiscordWorld, until, type DiscordWorld } from "./world.js";

const COPIL: As = { user: "copil-namur", role: "copil", commune: "Namur", locale: "fr" };
let w: DiscordWorld;
const tagNames = (forumId: string, ids: string[]) => ids.map((id) => w.h.fake.findChannel(forumId)!.availableTags!.find((t) => t.id === id)?.name);

beforeAll(async () => {
  w = await startDiscordWorld();
}, 60_000);
afterAll(async () => {
  await w?.close();
});

describe("initiatives in a Discord forum", () => {
  it("become forum posts tagged with their criteria and province (existing tags matched by name)", async () => {
    const forum = w.h.fake.addForum("initiatives", ["critère 4", "Namur", "Liège"], { flags: 16 });
    await w.link(forum.id, "network");
    const r = await run(w.h.app, 'initiative titre:"Petit-déjeuner équitable" description:"À l’école communale" criteres:4', COPIL);
    expect(textOf(r)).toContain("part vers le canal partagé");
    const [thread] = await until(() => w.h.fake.threadsOf(forum.id).length > 0 && w.h.fake.threadsOf(forum.id), "the forum post");
    expect(thread!.name).toBe("Petit-déjeuner équitable");
    expect(tagNames(forum.id, thread!.appliedTags!).sort()).toEqual(["Namur", "critère 4"]);
    // The card is the thread's first message (same id), nothing posted in the forum itself.
    expect(thread!.messages[0]!.id).toBe(thread!.id);
    expect(JSON.stringify(thread!.messages[0]!.embeds)).toContain("À l’école communale");
    expect(forum.messages).toHaveLength(0);
    // Without Manage Channels, no tag was added to the forum.
    expect(forum.availableTags!.map((t) => t.name)).toEqual(["critère 4", "Namur", "Liège"]);
    await w.h.app.services.repos.channels.unlink("discord", w.h.fake.guild.id, forum.id);
  });

  it("add the tags the forum lacks when the bot may manage the channel", async () => {
    const forum = w.h.fake.addForum("initiatives-2", ["Autre"]);
    await w.link(forum.id, "network");
    const role = { id: "1400000000000000099", name: "gestion", permissions: String(MANAGE_CHANNELS) };
    w.h.fake.guild.roles!.push(role);
    w.h.fake.guild.botRoles!.push(role.id);
    await run(w.h.app, 'initiative titre:"Marché de Noël" description:"Un stand du CoPil" criteres:"2, 4"', COPIL);
    const [thread] = await until(() => w.h.fake.threadsOf(forum.id).length > 0 && w.h.fake.threadsOf(forum.id), "the forum post");
    expect(tagNames(forum.id, thread!.appliedTags!).sort()).toEqual(["Critère 2", "Critère 4", "Namur"]);
    expect(forum.availableTags!.map((t) => t.name).sort()).toEqual(["Autre", "Critère 2", "Critère 4", "Namur"]);
    // The forum's own tag kept its id: Discord replaces the whole list.
    expect(w.h.fake.requests.some((r) => r.method === "PATCH" && r.path === `/channels/${forum.id}` && JSON.stringify(r.body).includes(forum.availableTags![0]!.id))).toBe(true);
    await w.h.app.services.repos.channels.unlink("discord", w.h.fake.guild.id, forum.id);
  });

  it("a text channel still gets a plain message, no thread", async () => {
    const text = w.h.fake.addChannel("reseau-texte");
    await w.link(text.id, "network");
    await run(w.h.app, 'initiative titre:"Atelier cuisine" description:"Avec les producteurs" criteres:6', COPIL);
    await until(() => text.messages.length > 0, "the message");
    expect(w.h.fake.threadsOf(text.id)).toHaveLength(0);
    expect(w.h.fake.requests.some((r) => r.method === "POST" && r.path === `/channels/${text.id}/threads`)).toBe(false);
    await w.h.app.services.repos.channels.unlink("discord", w.h.fake.guild.id, text.id);
  });

  it("after a crash the post is found by the sender, not opened twice; removing it takes its message down", async () => {
    const forum = w.h.fake.addForum("initiatives-3");
    const target = { platform: "discord" as const, workspaceId: w.h.fake.guild.id, channelId: forum.id };
    const reply = { ...message("fr", "Une initiative", "channel"), blocks: [{ type: "header" as const, text: "Une initiative" }, { type: "section" as const, text: "Détails" }] };
    expect(renderReply(reply, new CustomIdStore()).length).toBe(1);
    const since = new Date(Date.now() - 60_000);
    expect(await w.h.adapter.findSent(target, "k:forum", since, reply)).toBeNull();
    const sent = await w.h.adapter.send({ idempotencyKey: "k:forum", target, reply });
    expect(await w.h.adapter.findSent(target, "k:forum", since, reply)).toEqual(sent);
    await w.h.adapter.remove(target, sent.externalId);
    // No Manage Threads: the thread stays, its first message (the bot's own) is gone.
    const thread = w.h.fake.findChannel(sent.externalId)!;
    expect(thread.messages.some((m) => m.id === sent.externalId)).toBe(false);
  });
});
