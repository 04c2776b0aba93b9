/** `/cdce moi`: what the bot keeps about the caller (the users are in the EU: GDPR access). */
import { defineCommand } from "../../src/core/commands.js";
import { reply } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import { summaryBlocks } from "../../src/features/privacy/render.js";

export default defineCommand({
  name: "moi",
  words: { fr: "moi", de: "ich", nl: "ik", en: "me" },
  intent: "me",
  changesState: false,
  aliases: ["me", "ich", "ik", "privacy"],
  help: { fr: "Ce que le bot garde sur vous (export, effacement)", de: "Was der Bot über Sie speichert (Export, Löschung)", nl: "Wat de bot over u bewaart (export, wissen)", en: "What the bot keeps about you (export, erasure)" },
  usage: { fr: "moi", de: "moi", nl: "moi", en: "moi" },
  options: {},
  async run({ t, locale, actor, services }) {
    const data = await services.community.privacy.collect(actor.personId);
    if (!data) throw new CdceError("me.unknown", "me.error.unknown");
    const names = new Map((await services.repos.communes.list()).map((c) => [c.id, c.name]));
    return reply(locale, summaryBlocks(t, data, names));
  },
});
