/**
 * `/cdce ambassadeurs [province] [langue:nl]`: the ambassadors' network: those who agreed
 * to appear, by province and language, their recent activities, and the calendar of events
 * for ambassadors and young people.
 */
import { defineCommand } from "../../src/core/commands.js";
import { choice, text } from "../../src/core/options.js";
import { reply } from "../../src/core/reply.js";
import { LOCALES, type Block } from "../../src/core/types.js";
import { prefixWithin } from "../../src/core/clip.js";
import { activityBlock, byProvince, calendarBlock, filterListed } from "../../src/features/ambassadors/directory.js";

export default defineCommand({
  name: "ambassadeurs",
  words: { fr: "ambassadeurs", de: "botschafter", nl: "ambassadeurs", en: "ambassadors" },
  intent: "find",
  optionWords: { province: { de: "provinz", nl: "provincie", en: "province" }, langue: { de: "sprache", nl: "taal", en: "language" } },
  changesState: false,
  aliases: ["ambassadrices", "ambassadeur·ices", "botschafter", "ambassadors"],
  help: { fr: "Le réseau des ambassadeur·ices : qui (par province et langue), leurs activités, leur agenda", de: "Das Netz der Botschafter·innen: wer (nach Provinz und Sprache), ihre Aktivitäten, ihr Kalender", nl: "Het ambassadeursnetwerk: wie (per provincie en taal), hun activiteiten, hun agenda", en: "The ambassadors’ network: who (by province and language), their activities, their calendar" },
  usage: { fr: "ambassadeurs Namur langue:fr", de: "botschafter Lüttich sprache:de", nl: "ambassadeurs Brabant taal:nl", en: "ambassadors Namur language:en" },
  options: {
    province: text({ help: { fr: "Province", de: "Provinz", nl: "Provincie", en: "Province" }, max: 60, rest: true }),
    langue: choice({ help: { fr: "fr, de, nl, en", de: "fr, de, nl, en", nl: "fr, de, nl, en", en: "fr, de, nl, en" }, values: LOCALES }),
  },
  async run({ options, actor, t, locale, now, services }) {
    const all = await services.ambassadorNetwork.ambassadors.listed();
    const listed = filterListed(all, { province: options.province, langue: options.langue });
    const blocks: Block[] = [{ type: "header", text: t("amb.title", { count: listed.length }) }];
    const filter = [options.province, options.langue].filter(Boolean).join(", ");
    if (listed.length === 0) blocks.push({ type: "section", text: filter && all.length ? t("amb.noneFor", { filter: prefixWithin(filter, 60) }) : t("amb.none") });
    else blocks.push(...byProvince(t, listed));
    const activity = await activityBlock(services, t, locale, listed, now, actor.timeZone);
    if (activity) blocks.push(activity);
    blocks.push(await calendarBlock(services, t, locale, now, actor.timeZone));
    const isAmbassador = actor.memberships.some((m) => m.role === "ambassadeur");
    if (isAmbassador && !all.some((a) => a.personId === actor.personId)) {
      blocks.push({ type: "context", text: t("amb.hidden.hint") }, { type: "actions", buttons: [{ label: t("amb.button.show"), command: "ambassadeur annuaire oui", style: "primary" }] });
    }
    return reply(locale, blocks);
  },
});
