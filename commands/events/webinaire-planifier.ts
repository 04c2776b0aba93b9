/**
 * `/cdce webinaire planifier titre:"…" theme:gouvernance debut:"12/03 14h-15h30" lien:https://… capacite:30 langue:fr public:copil,benevoles`
 * Coordination schedules a network webinar (or `type:formation`); it is announced in the
 * network's channels with RSVP buttons. Without options: a form of five fields.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { reply } from "../../src/core/reply.js";
import { readWebinar } from "../../src/features/events/validate.js";
import { eventCard } from "../../src/features/events/render.js";
import { DEFAULT_TIME_ZONE, type Block } from "../../src/core/types.js";
import { parseWhen } from "../../src/core/time/when.js";
import { commandLine, foldButtons } from "../../src/features/events/when-choices.js";

const h = (fr: string, de: string, nl: string, en: string) => ({ fr, de, nl, en });

export default defineCommand({
  name: "webinaire planifier",
  words: { fr: "webinaire planifier", de: "webinar planen", nl: "webinar plannen", en: "webinar schedule" },
  intent: "manage",
  optionWords: { titre: { de: "titel", nl: "titel", en: "title" }, theme: { de: "thema", nl: "thema", en: "theme" }, debut: { de: "beginn", nl: "begin", en: "start" }, duree: { de: "dauer", nl: "duur", en: "duration" }, lien: { de: "link", nl: "link", en: "link" }, capacite: { de: "plätze", nl: "plaatsen", en: "capacity" }, langue: { de: "sprache", nl: "taal", en: "language" }, public: { de: "zielgruppe", nl: "doelgroep", en: "audience" }, type: { de: "typ", nl: "type", en: "type" }, details: { de: "details", nl: "details", en: "details" } },
  changesState: true,
  aliases: ["webinaire creer", "webinar planen", "webinar plannen", "webinar schedule"],
  help: h("Planifier un webinaire ou une formation du réseau (coordination)", "Ein Webinar oder eine Schulung des Netzwerks planen (Koordination)", "Een webinar of opleiding van het netwerk plannen (coördinatie)", "Schedule a network webinar or training (coordination)"),
  usage: {
    fr: 'webinaire planifier titre:"Charte du CoPil" theme:gouvernance debut:"12/03 14h-15h30" capacite:30',
    de: 'webinaire planifier titre:"Charta der Steuerungsgruppe" theme:gouvernance debut:"12. März 14-15:30 Uhr" langue:de',
    nl: 'webinaire planifier titre:"Charter van de stuurgroep" theme:gouvernance debut:"12 maart 14u-15u30" langue:nl',
    en: 'webinaire planifier titre:"CoPil charter" theme:gouvernance debut:"2027-03-12 14:00-15:30" langue:en',
  },
  permission: "network.admin",
  options: {
    titre: text({ help: h("Titre", "Titel", "Titel", "Title"), max: 150 }),
    theme: text({ help: h("Thème : gouvernance, communication, partenariats, echange-pratiques…", "Thema: gouvernance, communication, partenariats, echange-pratiques…", "Thema: gouvernance, communication, partenariats, echange-pratiques…", "Theme: gouvernance, communication, partenariats, echange-pratiques…"), max: 60 }),
    debut: text({ help: h("Début (heure de Bruxelles) : 12/03 14h, 12 mars 14:00-15:30…", "Beginn (Brüsseler Zeit): 12.03. 14:00, 12. März 14 Uhr…", "Begin (Brusselse tijd): 12/03 14u, 12 maart 14:00…", "Start (Brussels time): 2027-03-12 14:00, 12 March 2pm…"), max: 80 }),
    duree: text({ help: h("Durée : 90 min, 1h30 (60 min par défaut)", "Dauer: 90 min, 1h30 (Standard 60 min)", "Duur: 90 min, 1u30 (standaard 60 min)", "Duration: 90 min, 1h30 (default 60 min)"), max: 20 }),
    lien: text({ help: h("Lien de la visio (https://…)", "Link zur Videokonferenz (https://…)", "Link naar de videocall (https://…)", "Video link (https://…)"), max: 500 }),
    capacite: text({ help: h("Nombre de places (illimité par défaut)", "Anzahl der Plätze (standardmäßig unbegrenzt)", "Aantal plaatsen (standaard onbeperkt)", "Seats (unlimited by default)"), max: 20 }),
    langue: text({ help: h("Langue : fr, de, nl, en", "Sprache: fr, de, nl, en", "Taal: fr, de, nl, en", "Language: fr, de, nl, en"), max: 20 }),
    public: text({ help: h("Publics : copil, elus, benevoles, ambassadeurs, agents", "Zielgruppen: copil, elus, benevoles, ambassadeurs, agents", "Doelgroepen: copil, elus, benevoles, ambassadeurs, agents", "Audiences: copil, elus, benevoles, ambassadeurs, agents"), max: 200 }),
    type: text({ help: h("webinaire ou formation", "webinaire oder formation", "webinaire of formation", "webinaire or formation"), max: 20 }),
    details: text({ help: h("Places, langue, publics, durée en une ligne", "Plätze, Sprache, Zielgruppen, Dauer in einer Zeile", "Plaatsen, taal, doelgroepen, duur op één regel", "Seats, language, audiences, duration in one line"), max: 300 }),
  },
  form: ({ t }) => ({
    title: t("ev.form.title"),
    submitCommand: "webinaire planifier",
    submitLabel: t("form.submit"),
    fields: [
      { name: "titre", label: t("ev.form.titre"), kind: "text", required: true },
      { name: "theme", label: t("ev.form.theme"), kind: "text", required: true, placeholder: "gouvernance" },
      { name: "debut", label: t("ev.form.debut"), kind: "text", required: true, placeholder: t("ev.when.example") },
      { name: "lien", label: t("ev.form.lien"), kind: "text", required: false, placeholder: "https://" },
      { name: "details", label: t("ev.form.details"), kind: "text", required: false, placeholder: t("ev.form.detailsPlaceholder") },
    ],
  }),
  async run({ options, actor, t, locale, now, services }) {
    const read = readWebinar(options, { t, locale, zone: DEFAULT_TIME_ZONE, now, personId: actor.personId });
    if (!read.ok) {
      const said = Object.values(read.errors).join("\n");
      // The autumn hour that happens twice, alone at fault: one button per reading plans it.
      const when = Object.keys(read.errors).join() === "debut" && options.debut ? parseWhen(options.debut, { locale, zone: DEFAULT_TIME_ZONE, now }) : undefined;
      const choices = when && !when.ok ? foldButtons(t, when, DEFAULT_TIME_ZONE, (typed) => commandLine("webinaire planifier", { ...options, debut: typed })) : [];
      const blocks: Block[] = [{ type: "section", text: said }, ...(choices.length ? [{ type: "actions" as const, buttons: choices }] : [])];
      return { ...reply(locale, blocks), fieldErrors: read.errors };
    }
    const event = await services.events.createNetwork(read.event, now);
    // Say "announced" only if the announcement is in the outbox.
    const announced = services.notifier.queuedUnder(`evt:${event.id}:announce:`) > 0;
    const said = announced ? t("ev.created", { code: event.code }) : t("ev.createdNotAnnounced", { code: event.code });
    return reply(locale, [{ type: "section", text: said }, ...eventCard(event, t, locale, { zone: actor.timeZone })]);
  },
});
