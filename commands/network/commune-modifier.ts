/**
 * `/cdce commune modifier Gouvy statut:titree titree:2027-03-12` (coordination): updates a
 * commune's facts and status (titled, candidate, left). A commune that leaves is out of the
 * watch and the reminders from then on; its history stays. Mergers have their own command.
 */
import { defineCommand } from "../../src/core/commands.js";
import type { MessageKey } from "../../src/core/i18n/catalogue.js";
import { text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import { communeOption } from "../../src/core/scope.js";
import { slugify } from "../../src/core/slug.js";
import { localDay } from "../../src/core/time/local.js";
import { nextDueFromTitle } from "../../src/features/network/communes.js";
import { COMMUNE_FIELD_WORDS, communeFieldOptions, readCommuneFields } from "./commune-options.js";

export default defineCommand({
  name: "commune modifier",
  words: { fr: "commune modifier", de: "gemeinde ändern", nl: "gemeente wijzigen", en: "commune edit" },
  intent: "manage",
  optionWords: { commune: { de: "gemeinde", nl: "gemeente", en: "commune" }, nom: { de: "name", nl: "naam", en: "name" }, ...COMMUNE_FIELD_WORDS },
  changesState: true,
  aliases: ["commune edit", "commune aendern", "commune wijzigen", "gemeinde aendern", "gemeente wijzigen"],
  help: {
    fr: "Modifier une commune : statut (titrée, candidate, quittée), région, langues, profil… (coordination)",
    de: "Eine Gemeinde ändern: Status (ausgezeichnet, Kandidatin, ausgetreten), Region, Sprachen, Profil… (Koordination)",
    nl: "Een gemeente wijzigen: status (getiteld, kandidaat, vertrokken), gewest, talen, profiel… (coördinatie)",
    en: "Update a commune: status (titled, candidate, left), region, languages, profile… (coordination)",
  },
  usage: { fr: "commune modifier Gouvy statut:titree titree:2027-03-12", de: "commune modifier Raeren profil:rural", nl: "commune modifier Jette langues:fr/nl", en: "commune modifier Gouvy statut:quittee le:2027-06-30" },
  scope: "commune",
  permission: "network.admin",
  options: {
    commune: communeOption({ rest: true }),
    nom: text({ help: { fr: "Nouveau nom (même clé : accents, majuscules)", de: "Neuer Name (gleicher Schlüssel: Akzente, Großschreibung)", nl: "Nieuwe naam (zelfde sleutel: accenten, hoofdletters)", en: "New name (same key: accents, capitals)" }, max: 80 }),
    ...communeFieldOptions,
  },
  async run({ options, commune, t, locale, now, services }) {
    if (commune.status === "merged") throw new CdceError("commune.merged", "commune.isMerged", { commune: commune.name });
    const f = readCommuneFields(options);
    const changed = Object.keys(f).length + (options.nom ? 1 : 0);
    if (changed === 0) throw new CdceError("commune.nothing", "commune.nothingToChange", { commune: commune.name });
    // The slug is the commune's key (imports, links): a new name may only change its spelling.
    if (options.nom && slugify(options.nom) !== commune.slug) throw new CdceError("commune.rename", "commune.renameKey", { commune: commune.name });
    const status = f.status ?? commune.status;
    const titledOn = f.titledOn !== undefined ? f.titledOn : commune.titledOn;
    const leaving = status === "left";
    const fomDueOn = leaving ? null : f.titledOn !== undefined || (commune.status !== "titled" && status === "titled") ? (nextDueFromTitle(titledOn, now) ?? commune.fomDueOn) : commune.fomDueOn;
    const { id: _id, ...rest } = commune;
    const stored = await services.repos.communes.upsert({
      ...rest,
      name: options.nom?.trim() || commune.name,
      region: f.region ?? commune.region,
      province: f.province !== undefined ? f.province : commune.province,
      languages: f.languages ?? commune.languages,
      profile: f.profile ?? commune.profile,
      populationBand: f.populationBand ?? commune.populationBand,
      titledOn,
      fomDueOn,
      status,
      leftOn: leaving ? (f.leftOn ?? commune.leftOn ?? localDay(now, commune.timeZone)) : null,
    });
    // A commune that left owes no questionnaire: its queued reminders go.
    if (leaving && commune.status !== "left") await services.notifier.cancel(`fom:${commune.id}:`);
    services.logger.info({ commune: stored.slug, status }, "commune updated");
    return message(locale, t("commune.updated", { commune: stored.name, status: t(`commune.status.${status}` as MessageKey) }));
  },
});
