/** `/cdce evenements [commune:Namur]`: the local events ahead of my commune (or of any commune). */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message, reply } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import { themeName, whenText } from "../../src/features/events/render.js";
import type { Block } from "../../src/core/types.js";
import { prefixWithin } from "../../src/core/clip.js";

export default defineCommand({
  name: "evenements",
  changesState: false,
  aliases: ["veranstaltungen", "evenementen"],
  help: { fr: "Les actions locales à venir de ma commune", de: "Die kommenden lokalen Aktionen meiner Gemeinde", nl: "De komende lokale acties van mijn gemeente", en: "My commune’s upcoming local actions" },
  usage: { fr: "evenements", de: "evenements commune:Eupen", nl: "evenements commune:Brussel", en: "evenements commune:Namur" },
  options: { commune: text({ help: { fr: "Commune", de: "Gemeinde", nl: "Gemeente", en: "Commune" }, max: 80, rest: true, autocomplete: "commune" }) },
  async run({ options, actor, t, locale, now, services }) {
    const commune = options.commune ? await services.repos.communes.findByName(options.commune) : actor.communeIds[0] ? await services.repos.communes.get(actor.communeIds[0]) : null;
    if (options.commune && !commune) throw new CdceError("commune.unknown", "commune.unknown", { name: prefixWithin(options.commune, 60) });
    if (!commune) return message(locale, t("ev.participations.noCommune"));
    const events = await services.events.repo.list({ from: now, kinds: ["local"], communeId: commune.id, limit: 20 });
    if (events.length === 0) return message(locale, t("ev.local.none", { commune: commune.name }));
    const blocks: Block[] = [{ type: "header", text: t("ev.local.title", { commune: commune.name, count: events.length }) }];
    for (const e of events.slice(0, 4)) {
      const slots = await services.events.repo.slots(e.id);
      const open = slots.reduce((n, s) => n + Math.max(0, s.capacity - s.takenCount), 0);
      blocks.push({ type: "section", text: `**${e.title}** · \`${e.code}\`\n${whenText(e, actor.timeZone, locale)} · ${themeName(t, e)} · ${e.place ?? ""}${slots.length ? `\n${t("ev.local.openSlots", { count: open })}` : ""}` });
      blocks.push({ type: "actions", buttons: [{ label: t("ev.button.details"), command: `evenement ${e.code}` }] });
    }
    if (events.length > 4) blocks.push({ type: "context", text: prefixWithin(events.slice(4).map((e) => `\`${e.code}\` ${e.title}`).join(" · "), 2000) });
    return reply(locale, blocks);
  },
});
