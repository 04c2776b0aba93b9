/**
 * `/cdce kit ajouter titre:"…" resume:"…" public:jeunes,elus theme:communication format:affiche`
 * Coordination adds or edits a kit (same title = same kit). Without options, opens a form.
 */
import { defineCommand } from "../../src/core/commands.js";
import { choice, list, text } from "../../src/core/options.js";
import { AUDIENCES, KIT_FORMATS, THEMES, type Kit } from "../../src/core/ports.js";
import { LOCALES } from "../../src/core/types.js";
import { message } from "../../src/core/reply.js";
import { slugify } from "../../src/core/slug.js";
import { fold } from "../../src/core/fold.js";
import { CdceError } from "../../src/core/errors.js";

const loose = <V extends string>(values: readonly V[]) => (raw: string) =>
  values.find((v) => v === fold(raw).trim().replace(/\s+/g, "-"));

export default defineCommand({
  name: "kit ajouter",
  words: { fr: "kit ajouter", de: "kit hinzufügen", nl: "kit toevoegen", en: "kit add" },
  intent: "manage",
  optionWords: { titre: { de: "titel", nl: "titel", en: "title" }, resume: { de: "zusammenfassung", nl: "samenvatting", en: "summary" }, public: { de: "zielgruppe", nl: "doelgroep", en: "audience" }, theme: { de: "thema", nl: "thema", en: "theme" }, format: { de: "format", nl: "formaat", en: "format" }, langues: { de: "sprachen", nl: "talen", en: "languages" }, lien: { de: "link", nl: "link", en: "link" } },
  changesState: true,
  aliases: ["kit add"],
  help: { fr: "Ajouter ou modifier un kit (coordination)", de: "Ein Kit hinzufügen oder ändern (Koordination)", nl: "Een kit toevoegen of wijzigen (coördinatie)", en: "Add or edit a kit (coordination)" },
  usage: {
    fr: 'kit ajouter titre:"Kit jeunes" resume:"…" public:jeunes theme:communication format:affiche',
    de: 'kit ajouter titre:"Jugend-Kit" resume:"…" public:jeunes theme:communication format:affiche',
    nl: 'kit ajouter titre:"Jongerenkit" resume:"…" public:jeunes theme:communication format:affiche',
    en: 'kit ajouter titre:"Youth kit" resume:"…" public:jeunes theme:communication format:affiche',
  },
  permission: "kit.manage",
  options: {
    titre: text({ help: { fr: "Titre", de: "Titel", nl: "Titel", en: "Title" }, max: 150 }),
    resume: text({ help: { fr: "Résumé", de: "Zusammenfassung", nl: "Samenvatting", en: "Summary" }, max: 1000 }),
    public: list({ help: { fr: "Publics (séparés par des virgules)", de: "Zielgruppen (durch Kommas getrennt)", nl: "Doelgroepen (gescheiden door komma's)", en: "Audiences (comma-separated)" }, values: AUDIENCES, normalize: loose(AUDIENCES) }),
    theme: list({ help: { fr: "Thèmes", de: "Themen", nl: "Thema's", en: "Themes" }, values: THEMES, normalize: loose(THEMES) }),
    format: choice({ help: { fr: "Format", de: "Format", nl: "Formaat", en: "Format" }, values: KIT_FORMATS, normalize: loose(KIT_FORMATS) }),
    langues: list({ help: { fr: "Langues du support", de: "Sprachen des Materials", nl: "Talen van het materiaal", en: "Languages of the material" }, values: LOCALES, normalize: loose(LOCALES) }),
    lien: text({ help: { fr: "Lien (https://…)", de: "Link (https://…)", nl: "Link (https://…)", en: "Link (https://…)" }, max: 500 }),
  },
  form: ({ t }) => ({
    title: t("kit.add.formTitle"),
    submitCommand: "kit ajouter",
    submitLabel: t("form.submit"),
    fields: [
      { name: "titre", label: t("kit.add.field.title"), kind: "text", required: true },
      { name: "resume", label: t("kit.add.field.summary"), kind: "textarea", required: true },
      { name: "public", label: t("kit.add.field.audiences"), kind: "text", required: true, placeholder: "jeunes, elus" },
      { name: "theme", label: t("kit.add.field.themes"), kind: "text", required: false, placeholder: "communication" },
      { name: "format", label: t("kit.add.field.format"), kind: "text", required: false, placeholder: "affiche" },
    ],
  }),
  async run({ options: o, t, locale, services, now }) {
    const missing: Record<string, string> = {};
    if (!o.titre) missing.titre = t("error.option.required", { option: "titre" });
    if (!o.resume) missing.resume = t("error.option.required", { option: "resume" });
    if (o.public.length === 0) missing.public = t("error.option.required", { option: "public" });
    if (o.lien && !/^https:\/\/\S+$/.test(o.lien)) missing.lien = t("kit.add.badLink");
    if (Object.keys(missing).length) return { ...message(locale, Object.values(missing).join("\n")), fieldErrors: missing };
    const id = slugify(o.titre ?? "");
    if (!id) throw new CdceError("kit.bad_title", "kit.add.badTitle");
    const existing = await services.kits.get(id);
    const kit: Kit = {
      id,
      title: { ...(existing?.title ?? {}), fr: existing?.title.fr ?? o.titre!, [locale]: o.titre! },
      summary: { ...(existing?.summary ?? {}), fr: existing?.summary.fr ?? o.resume!, [locale]: o.resume! },
      audiences: o.public,
      themes: o.theme.length ? o.theme : existing?.themes ?? [],
      format: o.format ?? existing?.format ?? "kit",
      languages: o.langues.length ? o.langues : existing?.languages ?? [locale],
      profiles: existing?.profiles ?? [],
      links: o.lien ? [o.lien] : existing?.links ?? [],
      keywords: existing?.keywords ?? [],
      updatedAt: now,
    };
    await services.kits.save(kit);
    return message(locale, t(existing ? "kit.add.updated" : "kit.add.created", { title: o.titre!, id }));
  },
});
