/**
 * `/cdce kit retirer <id>`: coordination withdraws a kit. It leaves search at once and stays
 * stored with its history (`/cdce kit historique <id>`), so that nothing is lost.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { kitById } from "../../src/features/kits/lookup.js";

export default defineCommand({
  name: "kit retirer",
  words: { fr: "kit retirer", de: "kit zurückziehen", nl: "kit intrekken", en: "kit withdraw" },
  intent: "manage",
  optionWords: { id: { de: "id", nl: "id", en: "id" } },
  changesState: true,
  aliases: ["kit withdraw", "kit zuruckziehen", "kit intrekken"],
  help: { fr: "Retirer un kit du catalogue (coordination)", de: "Ein Kit aus dem Katalog zurückziehen (Koordination)", nl: "Een kit uit de catalogus intrekken (coördinatie)", en: "Withdraw a kit from the catalogue (coordination)" },
  usage: { fr: "kit retirer kit-jeunes-affiches", de: "kit retirer kit-jeunes-affiches", nl: "kit retirer kit-jeunes-affiches", en: "kit retirer kit-jeunes-affiches" },
  permission: "kit.manage",
  options: {
    id: text({ help: { fr: "Identifiant du kit", de: "Kennung des Kits", nl: "Code van de kit", en: "Kit id" }, max: 80, rest: true, required: true }),
  },
  async run({ options: o, t, locale, services, now, actor }) {
    const kit = await kitById(services.kits, o.id);
    const title = kit.title[locale] ?? kit.title.fr;
    if (kit.withdrawnAt) return message(locale, t("kit.withdraw.already", { title }));
    await services.kits.save({ ...kit, withdrawnAt: now }, { kitId: kit.id, personId: actor.personId, action: "withdrawn", at: now, fields: [] });
    return message(locale, t("kit.withdraw.done", { title, id: kit.id }));
  },
});
