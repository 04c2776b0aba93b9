/** `/cdce initiative voir <réf>`: one initiative in full, with the buttons the caller may use. */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { reply } from "../../src/core/reply.js";
import { can, canModify } from "../../src/core/permissions.js";
import type { Block, Button } from "../../src/core/types.js";
import { cardInfo, findInitiative } from "../../src/features/initiatives/service.js";
import { initiativeCard, moderationButtons, networkButtons, ownerButtons } from "../../src/features/initiatives/render.js";

export default defineCommand({
  name: "initiative voir",
  words: { fr: "initiative voir", de: "initiative zeigen", nl: "initiatief tonen", en: "initiative show" },
  intent: "find",
  optionWords: { ref: { de: "ref", nl: "ref", en: "ref" } },
  changesState: false,
  aliases: ["initiative show", "initiative zeigen", "initiative tonen"],
  help: { fr: "Voir une initiative", de: "Eine Initiative anzeigen", nl: "Een initiatief bekijken", en: "Show an initiative" },
  usage: { fr: "initiative voir 3f2a9c1b", de: "initiative voir 3f2a9c1b", nl: "initiative voir 3f2a9c1b", en: "initiative voir 3f2a9c1b" },
  options: { ref: text({ help: { fr: "Référence", de: "Referenz", nl: "Referentie", en: "Reference" }, max: 40 }) },
  async run({ options: o, t, locale, actor, services }) {
    const i = await findInitiative(services, o.ref, actor);
    // Not yet published: findInitiative shows it to its author, its CoPil and coordination only.
    const mine = canModify(actor, i);
    const blocks: Block[] = [];
    if (i.status !== "published") blocks.push({ type: "context", text: t(i.status === "pending" ? "initiative.status.pending" : "initiative.status.rejected") });
    blocks.push(...initiativeCard(t, i, await cardInfo(services, i)));
    const buttons: Button[] = i.status === "published" ? networkButtons(t, i) : [];
    if (mine) buttons.push(...ownerButtons(t, i));
    if (i.status === "pending" && can(actor, "network.admin")) buttons.push(...moderationButtons(t, i));
    if (buttons.length) blocks.push({ type: "actions", buttons: buttons.slice(0, 5) });
    return reply(locale, blocks);
  },
});
