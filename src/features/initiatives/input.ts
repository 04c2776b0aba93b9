/**
 * The options of `/cdce initiative` and `/cdce initiative modifier`, and how a submission
 * (typed line, Discord options, or a modal) becomes a checked initiative: commune found and
 * allowed, date read in the user's language and zone, links checked. Problems come back per
 * field, in the user's language, so a modal can show them beside the field.
 */
import { choice, list, text } from "../../core/options.js";
import { can } from "../../core/permissions.js";
import type { CommandContext } from "../../core/commands.js";
import type { Commune } from "../../core/ports.js";
import type { NewInitiative } from "./ports.js";
import { parseDay } from "../../core/time/dates.js";
import { localDay } from "../../core/time/local.js";
import { CRITERIA, INITIATIVE_KINDS, PARTNER_KINDS, toCriterion, toKind, toPartnerKind, type Criterion } from "./vocabulary.js";
import { prefixWithin } from "../../core/clip.js";

/** The fields, shared by share and edit (edit adds the reference in front). */
export const initiativeFields = {
  titre: text({ help: { fr: "Titre", de: "Titel", nl: "Titel", en: "Title" }, max: 150 }),
  description: text({ help: { fr: "Ce qui s’est passé, pour qui, avec qui", de: "Was geschah, für wen, mit wem", nl: "Wat er gebeurde, voor wie, met wie", en: "What happened, for whom, with whom" }, max: 2000 }),
  commune: text({ help: { fr: "Commune (par défaut la vôtre)", de: "Gemeinde (standardmäßig Ihre)", nl: "Gemeente (standaard de uwe)", en: "Commune (yours by default)" }, max: 80, autocomplete: "commune" }),
  date: text({ help: { fr: "Date (2026-11-28, 28/11, hier…)", de: "Datum (2026-11-28, 28.11., gestern…)", nl: "Datum (2026-11-28, 28/11, gisteren…)", en: "Date (2026-11-28, 28/11, yesterday…)" }, max: 60 }),
  type: choice({ help: { fr: "Type d’action", de: "Art der Aktion", nl: "Soort actie", en: "Kind of action" }, values: INITIATIVE_KINDS, normalize: toKind }),
  partenaires: list({ help: { fr: "Partenaires : commerce, horeca, ecole, association, producteur, media", de: "Partner: commerce, horeca, ecole, association, producteur, media", nl: "Partners: commerce, horeca, ecole, association, producteur, media", en: "Partners: commerce, horeca, ecole, association, producteur, media" }, values: PARTNER_KINDS, normalize: toPartnerKind }),
  criteres: list({ help: { fr: "Critères du titre servis (1 à 6)", de: "Erfüllte Titelkriterien (1 bis 6)", nl: "Vervulde titelcriteria (1 tot 6)", en: "Title criteria served (1 to 6)" }, values: CRITERIA, normalize: toCriterion }),
  lieu: text({ help: { fr: "Lieu", de: "Ort", nl: "Plaats", en: "Place" }, max: 200 }),
  liens: text({ help: { fr: "Liens https (photos, article), séparés par des espaces", de: "https-Links (Fotos, Artikel), durch Leerzeichen getrennt", nl: "https-links (foto’s, artikel), gescheiden door spaties", en: "https links (pictures, article), space-separated" }, max: 1000 }),
};

export interface InitiativeFieldValues {
  titre?: string;
  description?: string;
  commune?: string;
  date?: string;
  type?: (typeof INITIATIVE_KINDS)[number];
  partenaires: (typeof PARTNER_KINDS)[number][];
  criteres: (typeof CRITERIA)[number][];
  lieu?: string;
  liens?: string;
}

export type InitiativeDraft = Partial<Omit<NewInitiative, "authorId" | "status" | "language">>;

export interface ReadResult {
  draft: InitiativeDraft;
  commune?: Commune;
  fieldErrors: Record<string, string>;
}

/**
 * Reads the given fields. `creating`: title and description are required, the commune
 * defaults to the actor's home commune and the date to today.
 */
export async function readInitiative(o: InitiativeFieldValues, ctx: CommandContext<unknown>, creating: boolean): Promise<ReadResult> {
  const { t, actor, now, locale, services } = ctx;
  const errors: Record<string, string> = {};
  const draft: InitiativeDraft = {};
  if (o.titre) draft.title = o.titre;
  else if (creating) errors.titre = t("error.option.required", { option: "titre" });
  if (o.description) draft.description = o.description;
  else if (creating) errors.description = t("error.option.required", { option: "description" });

  let commune: Commune | undefined;
  if (o.commune) {
    commune = (await services.repos.communes.findByName(o.commune)) ?? undefined;
    if (!commune) errors.commune = t("commune.unknown", { name: prefixWithin(o.commune, 60) });
  } else if (creating) {
    const home = actor.communeIds[0];
    commune = home ? ((await services.repos.communes.get(home)) ?? undefined) : undefined;
    if (!commune) errors.commune = t("initiative.error.communeNeeded");
  }
  if (commune) {
    // A member shares for their commune; an ambassador of the network (no commune of their
    // own) for the commune where it happened, credited as the network's ambassador.
    const member = can(actor, "commune.contribute", { communeId: commune.id });
    if (!member && !can(actor, "network.share", { communeId: commune.id })) errors.commune = t("initiative.error.notMember", { commune: commune.name });
    else {
      draft.communeId = commune.id;
      if (creating) draft.sharedAs = member ? null : "network-ambassador";
    }
  }

  const zone = commune?.timeZone ?? actor.timeZone;
  if (o.date) {
    const day = parseDay(o.date, locale, zone, now);
    if (day) draft.happenedOn = day;
    else errors.date = t("initiative.error.badDate", { value: prefixWithin(o.date, 40) });
  } else if (creating) draft.happenedOn = localDay(now, zone);

  if (o.type) draft.kind = o.type;
  else if (creating) draft.kind = "autre";
  if (o.partenaires.length) draft.partnerKinds = [...new Set(o.partenaires)];
  if (o.criteres.length) draft.criteria = [...new Set(o.criteres.map((c) => Number(c) as Criterion))].sort();
  if (o.lieu) draft.place = o.lieu;
  if (o.liens) {
    const links = o.liens.split(/[\s,;]+/).filter(Boolean);
    const bad = links.find((l) => !/^https:\/\/[^\s<>"]+$/.test(l));
    if (bad) errors.liens = t("initiative.error.badLink", { link: prefixWithin(bad, 60) });
    else draft.links = links.slice(0, 6);
  }
  return { draft, commune, fieldErrors: errors };
}
