/** `/cdce evenements [commune:Namur]`: the local events ahead of my commune (or of any commune). */
import { defineCommand } from "../../src/core/commands.js";
import { communeOption } from "../../src/core/scope.js";
import { message, reply } from "../../src/core/reply.js";
import { themeName, whenText } from "../../src/features/events/render.js";
import type { Block } from "../../src/core/types.js";
import { prefixWithin } from "../../src/core/clip.js";

export default defineCommand({
  name: "evenements",
  words: { fr: "evenements", de: "veranstaltungen", nl: "evenementen", en: "events" },
  intent: "find",
  optionWords: { commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: false,
  aliases: ["veranstaltungen", "evenementen"],
  help: { fr: "Les actions locales à venir de ma commune", de: "Die kommenden lokalen Aktionen meiner Gemeinde", nl: "De komende lokale acties van mijn gemeente", en: "My commune’s upcoming local actions" },
  usage: { fr: "evenements", de: "evenements commune:Eupen", nl: "evenements commune:Brussel", en: "evenements commune:Namur" },
  // Without a commune, a hint rather than the generic "which commune?".
  scope: "commune-optional",
  options: { commune: communeOption({ rest: true }) },
  async run({ commune, actor, t, locale, now, services }) {
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
