/**
 * `/cdce evenement creer type:stand titre:"Stand au marché" debut:"12/10 9h-13h" lieu:"Place d’Armes" creneaux:"9h-11h x2, 11h-13h x2"`
 * A CoPil (or municipal staff, councillors) creates a local event for its commune, with
 * volunteer slots. Without options: a form of five fields. Dated inside the Semaine du
 * Commerce Équitable or around World Fair Trade Day, it counts as the commune's campaign action.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message, reply } from "../../src/core/reply.js";
import { communeOption } from "../../src/core/scope.js";
import { LOCAL_EVENT_OPTIONS, LOCAL_EVENT_OPTION_WORDS, localEventFields } from "../../src/features/events/local-options.js";
import { readLocalEvent } from "../../src/features/events/local.js";
import { eventCard } from "../../src/features/events/render.js";
import { campaignIdOf } from "../../src/features/events/campaign.js";
import { parseWhen } from "../../src/core/time/when.js";
import { commandLine, foldButtons } from "../../src/features/events/when-choices.js";
import type { Block } from "../../src/core/types.js";

const h = (fr: string, de: string, nl: string, en: string) => ({ fr, de, nl, en });

export default defineCommand({
  name: "evenement creer",
  words: { fr: "evenement creer", de: "veranstaltung erstellen", nl: "evenement maken", en: "event create" },
  intent: "manage",
  optionWords: { ...LOCAL_EVENT_OPTION_WORDS, creneaux: { de: "zeitfenster", nl: "tijdsloten", en: "slots" } },
  changesState: true,
  aliases: ["evenement ajouter", "veranstaltung erstellen", "evenement maken", "event create"],
  help: h("Créer une action locale de ma commune (stand, atelier, petit-déjeuner…) avec des créneaux bénévoles", "Lokale Aktion meiner Gemeinde anlegen (Stand, Workshop, Frühstück…) mit Schichten", "Lokale actie van mijn gemeente aanmaken (stand, workshop, ontbijt…) met shifts", "Create a local action of my commune (stand, workshop, breakfast…) with volunteer slots"),
  usage: {
    fr: 'evenement creer type:stand titre:"Stand au marché" debut:"12/10 9h-13h" lieu:"Place d’Armes" creneaux:"9h-11h x2, 11h-13h x2"',
    de: 'evenement creer type:stand titre:"Infostand am Markt" debut:"12.10. 9:00-13:00" lieu:"Rathausplatz" creneaux:"9-11 Uhr x2"',
    nl: 'evenement creer type:stand titre:"Stand op de markt" debut:"12/10 9u-13u" lieu:"Grote Markt" creneaux:"9u-11u x2"',
    en: 'evenement creer type:stand titre:"Market stand" debut:"2027-10-12 9:00-13:00" lieu:"Main square" creneaux:"9:00-11:00 x2"',
  },
  scope: "commune",
  permission: "commune.manage",
  refusal: "error.forbidden",
  options: {
    ...LOCAL_EVENT_OPTIONS,
    creneaux: text({ help: h("Créneaux bénévoles : 9h-11h x2, 11h-13h x2", "Schichten: 9-11 Uhr x2, 11-13 Uhr x2", "Shifts: 9u-11u x2, 11u-13u x2", "Slots: 9:00-11:00 x2, 11:00-13:00 x2"), max: 300 }),
    description: text({ help: h("Description", "Beschreibung", "Beschrijving", "Description"), max: 500 }),
    commune: communeOption(),
  },
  form: ({ t }) => ({
    title: t("ev.local.formTitle"),
    submitCommand: "evenement creer",
    submitLabel: t("form.submit"),
    fields: [
      ...localEventFields(t),
      { name: "creneaux", label: t("ev.local.field.slots"), kind: "text", required: false, placeholder: "9h-11h x2, 11h-13h x2" },
    ],
  }),
  async run({ options, commune, actor, t, locale, now, services }) {
    const read = readLocalEvent(options, { t, commune, now, personId: actor.personId, locale });
    if (!read.ok) {
      const said = Object.values(read.errors).join("\n");
      // The autumn hour that happens twice, alone at fault: one button per reading creates it.
      const when = Object.keys(read.errors).join() === "debut" && options.debut ? parseWhen(options.debut, { locale, zone: commune.timeZone, now }) : undefined;
      const choices = when && !when.ok ? foldButtons(t, when, commune.timeZone, (typed) => commandLine("evenement creer", { ...options, debut: typed })) : [];
      if (!choices.length) return { ...message(locale, said), fieldErrors: read.errors };
      const blocks: Block[] = [{ type: "section", text: said }, { type: "actions", buttons: choices }];
      return { ...reply(locale, blocks), fieldErrors: read.errors };
    }
    const event = await services.events.createLocal(read.event, read.slots, now);
    const slots = await services.events.repo.slots(event.id);
    const lines = [t("ev.local.created", { code: event.code, commune: commune.name })];
    const campaign = event.campaign ? campaignIdOf(event.campaign) : null;
    if (campaign) lines.push(t("ev.local.campaign", { campaign: t(`ev.campaign.${campaign}`) }));
    return reply(locale, [{ type: "section", text: lines.join("\n") }, ...eventCard(event, t, locale, { zone: actor.timeZone, slots, communeName: commune.name })]);
  },
});
