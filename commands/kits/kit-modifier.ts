/**
 * `/cdce kit modifier <id> titre:"…" resume:"…" langues:fr,de lien:https://…`: coordination
 * edits a kit, seeded ones included. With the id alone, a form opens, filled with the kit as
 * it is. Each change is recorded (who, when, which fields): `/cdce kit historique <id>`.
 */
import { defineCommand } from "../../src/core/commands.js";
import { choice, list, text } from "../../src/core/options.js";
import { AUDIENCES, KIT_FORMATS, THEMES, type Kit } from "../../src/core/ports.js";
import { LOCALES, type Locale } from "../../src/core/types.js";
import { message } from "../../src/core/reply.js";
import { fold } from "../../src/core/fold.js";
import type { Translate } from "../../src/core/i18n/catalogue.js";
import { applyPatch, isHttpsLink, splitLinks } from "../../src/features/kits/edit.js";
import { kitById } from "../../src/features/kits/lookup.js";

const loose = <V extends string>(values: readonly V[]) => (raw: string) =>
  values.find((v) => v === fold(raw).trim().replace(/\s+/g, "-"));

/** The form, filled with the kit as it reads in the editor's language. Discord takes five fields. */
export function editForm(kit: Kit, t: Translate, locale: Locale) {
  return {
    title: t("kit.edit.formTitle"),
    submitCommand: "kit modifier",
    submitLabel: t("form.submit"),
    fields: [
      { name: "id", label: "id", kind: "text" as const, required: true, value: kit.id },
      { name: "titre", label: t("kit.add.field.title"), kind: "text" as const, required: false, value: kit.title[locale] ?? kit.title.fr },
      { name: "resume", label: t("kit.add.field.summary"), kind: "textarea" as const, required: false, value: kit.summary[locale] ?? kit.summary.fr },
      { name: "langues", label: t("kit.field.languages"), kind: "text" as const, required: false, value: kit.languages.join(", ") },
      { name: "lien", label: t("kit.link", { n: 1 }), kind: "textarea" as const, required: false, value: kit.links.join("\n") },
    ],
  };
}

export default defineCommand({
  name: "kit modifier",
  words: { fr: "kit modifier", de: "kit bearbeiten", nl: "kit wijzigen", en: "kit edit" },
  intent: "manage",
  optionWords: { id: { de: "id", nl: "id", en: "id" }, titre: { de: "titel", nl: "titel", en: "title" }, resume: { de: "zusammenfassung", nl: "samenvatting", en: "summary" }, public: { de: "zielgruppe", nl: "doelgroep", en: "audience" }, theme: { de: "thema", nl: "thema", en: "theme" }, format: { de: "format", nl: "formaat", en: "format" }, langues: { de: "sprachen", nl: "talen", en: "languages" }, lien: { de: "link", nl: "link", en: "link" } },
  changesState: true,
  aliases: ["kit edit", "kit bearbeiten", "kit wijzigen"],
  help: { fr: "Modifier un kit du catalogue (coordination)", de: "Ein Kit des Katalogs ändern (Koordination)", nl: "Een kit van de catalogus wijzigen (coördinatie)", en: "Edit a kit of the catalogue (coordination)" },
  usage: {
    fr: "kit modifier kit-jeunes-affiches langues:fr,de",
    de: "kit modifier kit-jeunes-affiches langues:fr,de",
    nl: "kit modifier kit-jeunes-affiches langues:fr,nl",
    en: "kit modifier kit-jeunes-affiches lien:https://example.org/kit.pdf",
  },
  permission: "kit.manage",
  options: {
    id: text({ help: { fr: "Identifiant du kit", de: "Kennung des Kits", nl: "Code van de kit", en: "Kit id" }, max: 80, rest: true }),
    titre: text({ help: { fr: "Titre (dans votre langue)", de: "Titel (in Ihrer Sprache)", nl: "Titel (in uw taal)", en: "Title (in your language)" }, max: 150 }),
    resume: text({ help: { fr: "Résumé (dans votre langue)", de: "Zusammenfassung (in Ihrer Sprache)", nl: "Samenvatting (in uw taal)", en: "Summary (in your language)" }, max: 1000 }),
    public: list({ help: { fr: "Publics", de: "Zielgruppen", nl: "Doelgroepen", en: "Audiences" }, values: AUDIENCES, normalize: loose(AUDIENCES) }),
    theme: list({ help: { fr: "Thèmes", de: "Themen", nl: "Thema's", en: "Themes" }, values: THEMES, normalize: loose(THEMES) }),
    format: choice({ help: { fr: "Format", de: "Format", nl: "Formaat", en: "Format" }, values: KIT_FORMATS, normalize: loose(KIT_FORMATS) }),
    langues: list({ help: { fr: "Langues du support", de: "Sprachen des Materials", nl: "Talen van het materiaal", en: "Languages of the material" }, values: LOCALES, normalize: loose(LOCALES) }),
    lien: text({ help: { fr: "Liens (https://…, séparés par des espaces)", de: "Links (https://…, durch Leerzeichen getrennt)", nl: "Links (https://…, gescheiden door spaties)", en: "Links (https://…, space-separated)" }, max: 1500 }),
  },
  async run({ options: o, t, locale, services, now, actor }) {
    const kit = await kitById(services.kits, o.id);
    if (kit.withdrawnAt) return message(locale, t("kit.edit.withdrawn", { title: kit.title[locale] ?? kit.title.fr }));
    const asked = o.titre || o.resume || o.public.length || o.theme.length || o.format || o.langues.length || o.lien;
    if (!asked) return { ...message(locale, t("kit.edit.formTitle")), form: editForm(kit, t, locale) };
    const links = o.lien ? splitLinks(o.lien) : undefined;
    if (links && links.some((l) => !isHttpsLink(l))) return { ...message(locale, t("kit.add.badLink")), fieldErrors: { lien: t("kit.add.badLink") } };
    const { kit: next, fields } = applyPatch(
      kit,
      { title: o.titre, summary: o.resume, audiences: o.public, themes: o.theme, format: o.format, languages: o.langues, links },
      locale,
      now,
    );
    const title = next.title[locale] ?? next.title.fr;
    if (fields.length === 0) return message(locale, t("kit.edit.nothing", { title }));
    await services.kits.save(next, { kitId: kit.id, personId: actor.personId, action: "edited", at: now, fields });
    return message(locale, t("kit.edit.updated", { title, fields: fields.join(", ") }));
  },
});
