/** `/cdce fetes [commune]`: the fêtes and markets of a commune's territory, with their next date. */
import { defineCommand } from "../../src/core/commands.js";
import { communeOption } from "../../src/core/scope.js";
import { message, reply } from "../../src/core/reply.js";
import { formatLocalDay } from "../../src/core/time/local.js";
import type { Block } from "../../src/core/types.js";
import { nextOccurrence } from "../../src/features/feasts/calendar.js";
import { feastRef } from "../../src/features/feasts/prompt.js";

/** A stored day (`2027-06-24`) in words, without the year for a yearly feast. */
function dayWords(day: string, yearly: boolean, locale: "fr" | "de" | "nl" | "en"): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d, 12));
  const intl = { fr: "fr-BE", de: "de-BE", nl: "nl-BE", en: "en-GB" }[locale];
  return date.toLocaleDateString(intl, yearly ? { day: "numeric", month: "long", timeZone: "UTC" } : { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

export { dayWords };

export default defineCommand({
  name: "fetes",
  words: { fr: "fetes", de: "feste", nl: "feesten", en: "festivals" },
  intent: "find",
  optionWords: { commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: false,
  aliases: ["fêtes", "feste", "feesten", "festivals", "marches"],
  help: {
    fr: "Les fêtes et marchés locaux de ma commune (rappel six semaines avant chacun)",
    de: "Die lokalen Feste und Märkte meiner Gemeinde (Erinnerung sechs Wochen vorher)",
    nl: "De lokale feesten en markten van mijn gemeente (herinnering zes weken vooraf)",
    en: "My commune’s local fêtes and markets (a reminder six weeks before each)",
  },
  usage: { fr: "fetes Namur", de: "feste Eupen", nl: "feesten Brussel", en: "festivals Namur" },
  scope: "commune-optional",
  options: { commune: communeOption({ rest: true }) },
  async run({ commune, t, locale, now, services }) {
    if (!commune) return message(locale, t("fe.noCommune"));
    const feasts = await services.feasts.ofCommune(commune.id);
    if (feasts.length === 0) return message(locale, t("fe.none", { commune: commune.name }));
    const lines = feasts.map((f) => {
      const when = t(f.yearly ? "fe.yearly" : "fe.once", { day: dayWords(f.day, f.yearly, locale) });
      const next = nextOccurrence(f, now, commune.timeZone);
      const tail = f.yearly && next ? ` · ${t("fe.next", { date: formatLocalDay(next.start, commune.timeZone, locale) })}` : !next ? ` · _${t("fe.passed")}_` : "";
      return `• **${f.name}** — ${when}${tail} · \`${feastRef(f)}\``;
    });
    const blocks: Block[] = [{ type: "header", text: t("fe.title", { commune: commune.name, count: feasts.length }) }, { type: "section", text: lines.join("\n") }, { type: "context", text: t("fe.hint") }];
    return reply(locale, blocks);
  },
});
