/**
 * `/cdce kit ajouter titre:"…" resume:"…" public:jeunes,elus theme:communication format:affiche`
 * Coordination adds a kit. Without options, opens a form. A kit with a close title (case,
 * accents and small words aside) or the same link is not added twice: the reply names it and
 * offers to edit it instead, or to add this one anyway (`doublon:oui`).
 */
import { defineCommand } from "../../src/core/commands.js";
import { choice, list, text } from "../../src/core/options.js";
import { AUDIENCES, KIT_FORMATS, THEMES, type Kit } from "../../src/core/ports.js";
import { LOCALES } from "../../src/core/types.js";
import { message, reply } from "../../src/core/reply.js";
import { slugify } from "../../src/core/slug.js";
import { fold } from "../../src/core/fold.js";
import { CdceError } from "../../src/core/errors.js";
import type { Block, Reply } from "../../src/core/types.js";
import type { Translate } from "../../src/core/i18n/catalogue.js";
import { lookalikes, type Lookalike } from "../../src/features/kits/duplicates.js";
import { isHttpsLink } from "../../src/features/kits/edit.js";

const loose = <V extends string>(values: readonly V[]) => (raw: string) =>
  values.find((v) => v === fold(raw).trim().replace(/\s+/g, "-"));

export default defineCommand({
  name: "kit ajouter",
  words: { fr: "kit ajouter", de: "kit hinzufügen", nl: "kit toevoegen", en: "kit add" },
  intent: "manage",
  optionWords: { titre: { de: "titel", nl: "titel", en: "title" }, resume: { de: "zusammenfassung", nl: "samenvatting", en: "summary" }, public: { de: "zielgruppe", nl: "doelgroep", en: "audience" }, theme: { de: "thema", nl: "thema", en: "theme" }, format: { de: "format", nl: "formaat", en: "format" }, langues: { de: "sprachen", nl: "talen", en: "languages" }, lien: { de: "link", nl: "link", en: "link" }, doublon: { de: "duplikat", nl: "duplicaat", en: "duplicate" } },
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
    doublon: choice({ help: { fr: "oui : ajouter même si un kit ressemble", de: "oui: auch hinzufügen, wenn ein Kit ähnelt", nl: "oui: toevoegen ook als een kit erop lijkt", en: "oui: add even if a kit looks alike" }, values: ["oui"] as const, normalize: (raw) => (["oui", "ja", "yes", "o", "y", "j"].includes(fold(raw).trim()) ? "oui" : undefined) }),
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
  async run({ options: o, t, locale, services, now, actor }) {
    const missing: Record<string, string> = {};
    if (!o.titre) missing.titre = t("error.option.required", { option: "titre" });
    if (!o.resume) missing.resume = t("error.option.required", { option: "resume" });
    if (o.public.length === 0) missing.public = t("error.option.required", { option: "public" });
    if (o.lien && !isHttpsLink(o.lien)) missing.lien = t("kit.add.badLink");
    if (Object.keys(missing).length) return { ...message(locale, Object.values(missing).join("\n")), fieldErrors: missing };
    const slug = slugify(o.titre ?? "");
    if (!slug) throw new CdceError("kit.bad_title", "kit.add.badTitle");
    if (o.doublon !== "oui") {
      const alike = lookalikes(services.kits.active(), { title: o.titre!, link: o.lien });
      if (alike.length) return lookalikeReply(alike, o, t, locale);
    }
    // Asked to add it anyway, or the same slug belongs to a withdrawn kit: a new id, never the other kit's.
    const id = await freeId(slug, (candidate) => services.kits.get(candidate));
    const kit: Kit = {
      id,
      title: { fr: o.titre!, [locale]: o.titre! },
      summary: { fr: o.resume!, [locale]: o.resume! },
      audiences: o.public,
      themes: o.theme,
      format: o.format ?? "kit",
      languages: o.langues.length ? o.langues : [locale],
      profiles: [],
      links: o.lien ? [o.lien] : [],
      keywords: [],
      updatedAt: now,
      withdrawnAt: null,
      linkChecks: {},
    };
    await services.kits.save(kit, { kitId: id, personId: actor.personId, action: "created", at: now, fields: [] });
    return message(locale, t("kit.add.created", { title: o.titre!, id }));
  },
});

/** `slug`, or `slug-2`, `slug-3`… the first id no kit (withdrawn ones included) holds. */
async function freeId(slug: string, get: (id: string) => Promise<Kit | null>): Promise<string> {
  for (let n = 1; ; n++) {
    const id = n === 1 ? slug : `${slug}-${n}`;
    if (!(await get(id))) return id;
  }
}

/** A value as one token of a command line: quoted so that the line reads it back whole. */
function quoted(value: string): string | null {
  if (!value.includes('"')) return `"${value}"`;
  if (!value.includes("”")) return `“${value}”`;
  return null;
}

interface AddOptions {
  titre?: string;
  resume?: string;
  public: string[];
  theme: string[];
  format?: string;
  langues: string[];
  lien?: string;
}

/** The same `kit ajouter` line with `doublon:oui`, or null when a value cannot be quoted back. */
function addAnywayLine(o: AddOptions): string | null {
  const parts = ["kit ajouter"];
  for (const [name, value] of [["titre", o.titre], ["resume", o.resume], ["lien", o.lien]] as const) {
    if (!value) continue;
    const q = quoted(value);
    if (!q) return null;
    parts.push(`${name}:${q}`);
  }
  for (const [name, values] of [["public", o.public], ["theme", o.theme], ["langues", o.langues]] as const) if (values.length) parts.push(`${name}:${values.join(",")}`);
  if (o.format) parts.push(`format:${o.format}`);
  parts.push("doublon:oui");
  return parts.join(" ");
}

function lookalikeReply(alike: Lookalike[], o: AddOptions, t: Translate, locale: Reply["locale"]): Reply {
  const titleOf = (k: Kit) => k.title[locale] ?? k.title.fr;
  const lines = alike.map(({ kit, reason }) => `• ${t(reason === "link" ? "kit.lookalike.sameLink" : "kit.lookalike.closeTitle", { title: titleOf(kit), id: kit.id })}`);
  const buttons = alike.map(({ kit }) => ({ label: t("kit.lookalike.edit", { title: titleOf(kit).slice(0, 40) }), command: `kit modifier ${kit.id}` }));
  const anyway = addAnywayLine(o);
  if (anyway && anyway.length <= 1900) buttons.push({ label: t("kit.lookalike.force"), command: anyway });
  const blocks: Block[] = [
    { type: "section", text: `${t("kit.lookalike.title")}\n${lines.join("\n")}` },
    { type: "actions", buttons },
  ];
  return reply(locale, blocks);
}
