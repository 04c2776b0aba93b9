/**
 * `/cdce commune ajouter Gouvy region:Wallonie province:Luxembourg langues:fr profil:rural
 * population:lt10k statut:candidate` (coordination): a commune joins the network, titled or
 * candidate. Without options, a form. An existing name is refused (`commune modifier` edits it).
 */
import { defineCommand } from "../../src/core/commands.js";
import type { MessageKey } from "../../src/core/i18n/catalogue.js";
import { text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import { slugify } from "../../src/core/slug.js";
import { DEFAULT_TIME_ZONE } from "../../src/core/types.js";
import { localDay } from "../../src/core/time/local.js";
import { nextDueFromTitle } from "../../src/features/network/communes.js";
import { COMMUNE_FIELD_WORDS, communeFieldOptions, readCommuneFields } from "./commune-options.js";

export default defineCommand({
  name: "commune ajouter",
  words: { fr: "commune ajouter", de: "gemeinde hinzufügen", nl: "gemeente toevoegen", en: "commune add" },
  intent: "manage",
  optionWords: { nom: { de: "name", nl: "naam", en: "name" }, ...COMMUNE_FIELD_WORDS },
  changesState: true,
  aliases: ["commune add", "commune hinzufuegen", "commune toevoegen", "gemeinde hinzufuegen", "gemeente toevoegen"],
  help: {
    fr: "Ajouter une commune au réseau, titrée ou candidate (coordination)",
    de: "Eine Gemeinde zum Netzwerk hinzufügen, ausgezeichnet oder Kandidatin (Koordination)",
    nl: "Een gemeente aan het netwerk toevoegen, getiteld of kandidaat (coördinatie)",
    en: "Add a commune to the network, titled or candidate (coordination)",
  },
  usage: {
    fr: "commune ajouter Gouvy region:Wallonie province:Luxembourg profil:rural population:lt10k statut:candidate",
    de: "commune ajouter Burg-Reuland region:Wallonie province:Liège langues:de profil:rural population:lt10k",
    nl: "commune ajouter Ganshoren region:Bruxelles-Capitale langues:fr/nl profil:urbain population:10k-30k",
    en: "commune ajouter Gouvy region:Wallonie profil:rural population:lt10k statut:candidate",
  },
  permission: "network.admin",
  options: {
    nom: text({ help: { fr: "Nom de la commune", de: "Name der Gemeinde", nl: "Naam van de gemeente", en: "Name of the commune" }, max: 80, rest: true }),
    ...communeFieldOptions,
  },
  form: ({ t }) => ({
    title: t("commune.form.addTitle"),
    submitCommand: "commune ajouter",
    submitLabel: t("form.submit"),
    fields: [
      { name: "nom", label: t("commune.form.name"), kind: "text", required: true, placeholder: "Gouvy" },
      { name: "region", label: t("commune.form.region"), kind: "text", required: true, placeholder: "Wallonie" },
      { name: "profil", label: t("commune.form.profile"), kind: "text", required: true, placeholder: "rural" },
      { name: "population", label: t("commune.form.population"), kind: "text", required: true, placeholder: "lt10k" },
      { name: "statut", label: t("commune.form.status"), kind: "text", required: false, placeholder: "candidate" },
    ],
  }),
  async run({ options, t, locale, now, services }) {
    const name = options.nom?.trim() ?? "";
    const slug = slugify(name);
    if (!slug) throw new CdceError("commune.no_name", "commune.needName");
    const existing = await services.repos.communes.findByName(name);
    if (existing && existing.slug === slug) throw new CdceError("commune.exists", "commune.exists", { commune: existing.name });
    const f = readCommuneFields(options);
    if (!f.region || !f.profile || !f.populationBand) throw new CdceError("commune.missing_fields", "commune.missingFields");
    const status = f.status ?? "titled";
    const titledOn = status === "titled" ? (f.titledOn ?? null) : null;
    const stored = await services.repos.communes.upsert({
      slug,
      name,
      region: f.region,
      province: f.province ?? null,
      languages: f.languages ?? ["fr"],
      timeZone: DEFAULT_TIME_ZONE,
      profile: f.profile,
      populationBand: f.populationBand,
      titledOn,
      fomDueOn: status === "titled" ? nextDueFromTitle(titledOn, now) : null,
      latitude: null,
      longitude: null,
      status,
      mergedIntoId: null,
      mergedOn: null,
      leftOn: status === "left" ? (f.leftOn ?? localDay(now, DEFAULT_TIME_ZONE)) : null,
    });
    services.logger.info({ commune: stored.slug, status }, "commune added");
    return message(locale, t("commune.added", { commune: stored.name, slug: stored.slug, status: t(`commune.status.${status}` as MessageKey) }));
  },
});
