/**
 * `/cdce boite [canal]`: what arrived in the terminal (the network's channel, coordination's,
 * the communes', and the caller's direct messages), from the outbox's record of what it
 * posted there, newest at the bottom; `boite réseau`, `boite namur` or `boite dm` for one.
 * Read-only. On Slack and Discord the messages are in the channels themselves.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message, reply } from "../../src/core/reply.js";
import { fold } from "../../src/core/fold.js";
import { prefixWithin } from "../../src/core/clip.js";
import type { Block } from "../../src/core/types.js";
import { DIRECT, whereLanded } from "../../src/features/inbox/index.js";

/** The most shown at once: the latest ones. */
const SHOWN = 20;

export default defineCommand({
  name: "boite",
  words: { fr: "boite", de: "postfach", nl: "postvak", en: "inbox" },
  intent: "me",
  optionWords: { canal: { de: "kanal", nl: "kanaal", en: "channel" } },
  changesState: false,
  aliases: ["boîte", "postfach", "inbox", "postvak"],
  help: {
    fr: "Ce qui est arrivé dans le terminal : annonces, rappels, synthèses",
    de: "Was im Terminal angekommen ist: Ankündigungen, Erinnerungen, Übersichten",
    nl: "Wat in de terminal is aangekomen: aankondigingen, herinneringen, overzichten",
    en: "What arrived in the terminal: announcements, reminders, digests",
  },
  usage: { fr: "boite réseau", de: "boite dm", nl: "boite coordination", en: "boite" },
  options: {
    canal: text({ help: { fr: "Un canal (réseau, coordination, une commune) ou DM", de: "Ein Kanal (réseau, coordination, eine Gemeinde) oder DM", nl: "Een kanaal (réseau, coordination, een gemeente) of DM", en: "One channel (réseau, coordination, a commune) or DM" }, max: 80, rest: true }),
  },
  async run({ options, t, locale, actor, services }) {
    if (actor.platform !== "terminal") return message(locale, t("inbox.elsewhere"));
    const base = { platform: actor.platform, workspaceId: actor.workspaceId, limit: SHOWN };
    let query: Parameters<typeof services.outbox.delivered>[0] = { ...base, channels: "all", directTo: actor.platformUserId };
    let where = t("inbox.all");
    const typed = options.canal?.replace(/^#/, "").trim();
    if (typed && fold(typed) === fold(DIRECT)) {
      query = { ...base, channels: null, directTo: actor.platformUserId };
      where = DIRECT;
    } else if (typed) {
      const links = (await Promise.all((["network", "coordination", "commune"] as const).map((p) => services.repos.channels.byPurpose(p))))
        .flat()
        .filter((l) => l.platform === actor.platform && l.workspaceId === actor.workspaceId);
      const hit = links.find((l) => fold(l.channelId) === fold(typed));
      if (!hit) {
        const names = links.slice(0, 12).map((l) => `#${l.channelId}`);
        return message(locale, t("inbox.unknown", { name: prefixWithin(typed, 60), channels: `${names.join(", ")}${links.length > names.length ? ", …" : ""}` }));
      }
      query = { ...base, channels: hit.channelId };
      where = `#${hit.channelId}`;
    }
    const arrived = await services.outbox.delivered(query);
    const blocks: Block[] = [{ type: "header", text: t("inbox.title", { where }) }];
    if (arrived.length === 0) return reply(locale, [...blocks, { type: "section", text: t("inbox.empty") }]);
    blocks.push({ type: "context", text: t("inbox.latest", { count: arrived.length }) });
    for (const e of arrived) blocks.push({ type: "section", text: `**${whereLanded(e.target)}** ${e.summary}` });
    return reply(locale, blocks);
  },
});
