/**
 * `/cdce fetes ajouter <nom> date:24/06 [annuel:oui] [commune:]`: a member logs a fête or a
 * market of the commune's territory, once or every year. Six weeks before it, the commune's
 * channel gets the kits that fit and a button to plan an action there.
 */
import { defineCommand } from "../../src/core/commands.js";
import { choice, text } from "../../src/core/options.js";
import { communeOption } from "../../src/core/scope.js";
import { message } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import { prefixWithin } from "../../src/core/clip.js";
import { isoDay, localDay } from "../../src/core/time/local.js";
import { readFeastDay } from "../../src/features/feasts/calendar.js";
import { feastRef } from "../../src/features/feasts/prompt.js";
import { dayWords } from "./fetes.js";

const yesNo = (s: string) => (/^(oui|yes|ja|y|o|1|true)$/i.test(s) ? "oui" : /^(non|no|nein|nee|n|0|false)$/i.test(s) ? "non" : undefined);

export default defineCommand({
  name: "fetes ajouter",
  words: { fr: "fetes ajouter", de: "feste hinzufügen", nl: "feesten toevoegen", en: "festivals add" },
  intent: "share",
  optionWords: { nom: { de: "name", nl: "naam", en: "name" }, date: { de: "datum", nl: "datum", en: "date" }, annuel: { de: "jährlich", nl: "jaarlijks", en: "yearly" }, commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: true,
  aliases: ["fêtes ajouter", "feste hinzufügen", "feesten toevoegen", "festivals add"],
  help: {
    fr: "Noter une fête ou un marché local (une fois ou chaque année)",
    de: "Ein lokales Fest oder einen Markt eintragen (einmalig oder jedes Jahr)",
    nl: "Een lokaal feest of een markt noteren (eenmalig of elk jaar)",
    en: "Log a local fête or market (once or every year)",
  },
  usage: {
    fr: "fetes ajouter Braderie de septembre date:12/09 annuel:oui",
    de: "feste hinzufügen Schützenfest datum:24.06. jährlich:ja",
    nl: "feesten toevoegen Kermis datum:24/06 jaarlijks:ja",
    en: "festivals add Flea market date:12/09 yearly:yes",
  },
  scope: "commune",
  permission: "commune.contribute",
  refusal: "fe.notMember",
  options: {
    nom: text({ help: { fr: "Nom de la fête ou du marché", de: "Name des Festes oder Markts", nl: "Naam van het feest of de markt", en: "Name of the fête or market" }, max: 120, rest: true }),
    date: text({ help: { fr: "Date : 24/06 ou 24/06/2027", de: "Datum: 24.06. oder 24.06.2027", nl: "Datum: 24/06 of 24/06/2027", en: "Date: 24/06 or 24/06/2027" }, max: 20 }),
    annuel: choice({ help: { fr: "oui : revient chaque année", de: "ja: kehrt jedes Jahr wieder", nl: "ja: komt elk jaar terug", en: "yes: comes back every year" }, values: ["oui", "non"] as const, normalize: yesNo }),
    commune: communeOption(),
  },
  async run({ options, commune, actor, t, locale, now, services }) {
    const name = options.nom?.trim();
    if (!name) throw new CdceError("feast.name_missing", "fe.nameMissing");
    if (!options.date) throw new CdceError("feast.day_missing", "fe.dayMissing");
    const day = readFeastDay(options.date, now, commune.timeZone);
    if (!day) throw new CdceError("feast.bad_day", "fe.badDay", { value: prefixWithin(options.date, 20) });
    const yearly = options.annuel === "oui";
    const today = isoDay(localDay(now, commune.timeZone));
    if (!yearly && day < today) throw new CdceError("feast.past", "fe.past", { day: dayWords(day, false, locale) });
    const feast = await services.feasts.add({ communeId: commune.id, name, day, yearly, createdAt: now });
    services.logger.info({ feast: feast.id, commune: commune.id, person: actor.personId }, "local feast logged");
    const when = t(yearly ? "fe.yearly" : "fe.once", { day: dayWords(day, yearly, locale) });
    const linked = (await services.repos.channels.byPurpose("commune", commune.id)).length > 0;
    return message(locale, `${t("fe.added", { name, commune: commune.name, when, ref: feastRef(feast) })} ${t(linked ? "fe.added.prompted" : "fe.added.noChannel", { commune: commune.name })}`);
  },
});
