/**
 * `/cdce voisins ensemble <e-code|i-ref> [commune:]` (the "Agir ensemble" button of the
 * "near you" digest): a joint action of several communes. On a neighbour's local event, the
 * commune becomes one of its owners (EventCommune): its members register as for their own,
 * its CoPil sees it on its dashboard and in `/cdce evenements`. On an initiative, a form
 * (filled from it) creates the local action, owned by the commune and its neighbour.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { communeOption } from "../../src/core/scope.js";
import { message, reply } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import { prefixWithin } from "../../src/core/clip.js";
import { isoDay } from "../../src/core/time/local.js";
import type { Commune } from "../../src/core/ports.js";
import type { Translate } from "../../src/core/i18n/catalogue.js";
import type { Locale } from "../../src/core/types.js";
import type { Services } from "../../src/core/commands.js";
import { resolveItem } from "../../src/features/neighbours/resolve.js";
import { LOCAL_TYPES, readLocalEvent, type CdceEvent } from "../../src/features/events/index.js";

const h = (fr: string, de: string, nl: string, en: string) => ({ fr, de, nl, en });

async function ownerNames(services: Services, event: CdceEvent): Promise<string> {
  const ids = [event.communeId!, ...(await services.events.repo.coOwners(event.id))];
  const names = await Promise.all(ids.map(async (id) => (await services.repos.communes.get(id))?.name ?? "?"));
  return names.join(", ");
}

/**
 * The joint event is an action of each co-owning commune too, dated when it happens (as
 * the owner's own, recorded when it was created), so that the momentum watch counts it.
 */
async function recordJoint(services: Services, event: CdceEvent, communeId: string, personId: string | null): Promise<void> {
  await services.repos.activity.record({ communeId, personId, kind: "event", at: event.startsAt, data: { eventId: event.id, code: event.code, title: event.title, type: event.theme, criteria: [4], campaign: event.campaign, joint: true } });
}

/** The local type closest to an initiative's kind (`autre` when none is). */
const typeOf = (kind: string) => ((LOCAL_TYPES as readonly string[]).includes(kind) ? kind : "autre");

export default defineCommand({
  name: "voisins ensemble",
  words: { fr: "voisins ensemble", de: "nachbarn gemeinsam", nl: "buren samen", en: "neighbours together" },
  intent: "manage",
  optionWords: {
    ref: { de: "ref", nl: "ref", en: "ref" },
    commune: { de: "gemeinde", nl: "gemeente", en: "commune" },
    titre: { de: "titel", nl: "titel", en: "title" },
    debut: { de: "beginn", nl: "begin", en: "start" },
    lieu: { de: "ort", nl: "plaats", en: "place" },
  },
  changesState: true,
  aliases: ["nachbarn gemeinsam", "buren samen", "neighbours together", "neighbors together"],
  hidden: true,
  help: h(
    "« Agir ensemble » : une action commune avec une commune voisine",
    "„Gemeinsam handeln“: eine gemeinsame Aktion mit einer Nachbargemeinde",
    "„Samen doen”: een gezamenlijke actie met een buurgemeente",
    "“Act together”: a joint action with a neighbouring commune",
  ),
  usage: { fr: "voisins ensemble e-k3x9q", de: "nachbarn gemeinsam e-k3x9q", nl: "buren samen e-k3x9q", en: "neighbours together e-k3x9q" },
  scope: "commune",
  permission: "commune.manage",
  refusal: "error.forbidden",
  options: {
    ref: text({ help: h("Référence (e-… ou i-…)", "Referenz (e-… oder i-…)", "Referentie (e-… of i-…)", "Reference (e-… or i-…)"), max: 40 }),
    commune: communeOption(),
    titre: text({ help: h("Titre", "Titel", "Titel", "Title"), max: 150 }),
    debut: text({ help: h("Jour et heures : 12/10 9h-13h", "Tag und Uhrzeit: 12.10. 9:00-13:00", "Dag en uren: 12/10 9u-13u", "Day and hours: 2027-10-12 9:00-13:00"), max: 80 }),
    lieu: text({ help: h("Lieu", "Ort", "Plaats", "Place"), max: 200 }),
  },
  async run({ options, commune, actor, t, locale, now, services }) {
    const item = await resolveItem(services, options.ref, actor);
    if (!item) throw new CdceError("neighbours.bad_ref", "nb.badRef", { ref: prefixWithin(options.ref ?? "", 40) });
    if (item.event) {
      const event = item.event;
      if (event.state !== "scheduled" || event.endsAt <= now) return message(locale, t("nb.together.over", { title: event.title }));
      if (event.communeId === commune.id) return message(locale, t("nb.own", { title: event.title, commune: commune.name }));
      const added = await services.events.repo.addCoOwner(event.id, commune.id, now);
      if (!added) return message(locale, t("nb.together.already", { title: event.title, commune: commune.name, owners: await ownerNames(services, event) }));
      await recordJoint(services, event, commune.id, actor.personId);
      await services.neighbours.repo.answer({ communeId: commune.id, item: item.ref, answer: "together", at: now });
      return message(locale, t("nb.together.done", { title: event.title, commune: commune.name, owners: await ownerNames(services, event), code: event.code }));
    }
    const initiative = item.initiative!;
    if (initiative.communeId === commune.id) return message(locale, t("nb.own", { title: initiative.title, commune: commune.name }));
    // The day it happened (stored as UTC midnight), `2027-10-12`: the hours are the form user's to add.
    if (!options.debut) return initiativeForm(t, locale, commune, item.ref, initiative.title, item.fromName, isoDay(initiative.happenedOn), initiative.place ?? "");
    const read = readLocalEvent({ type: typeOf(initiative.kind), titre: options.titre ?? initiative.title, debut: options.debut, lieu: options.lieu ?? initiative.place ?? undefined }, { t, commune, now, personId: actor.personId, locale });
    if (!read.ok) return { ...message(locale, Object.values(read.errors).join("\n")), fieldErrors: read.errors };
    const event = await services.events.createLocal(read.event, read.slots, now);
    await services.events.repo.addCoOwner(event.id, initiative.communeId, now);
    await recordJoint(services, event, initiative.communeId, null);
    await services.neighbours.repo.answer({ communeId: commune.id, item: item.ref, answer: "together", at: now });
    return message(locale, t("nb.together.done", { title: event.title, commune: commune.name, owners: await ownerNames(services, event), code: event.code }));
  },
});

/** The form that creates the joint action from an initiative, filled from it. */
function initiativeForm(t: Translate, locale: Locale, commune: Commune, ref: string, title: string, from: string, day: string, place: string) {
  return {
    ...reply(locale, [{ type: "section", text: t("nb.together.initiative", { title, from }) }]),
    form: {
      title: t("nb.button.together"),
      submitCommand: "voisins ensemble",
      submitLabel: t("form.submit"),
      fields: [
        { name: "ref", label: t("nb.field.ref"), kind: "text" as const, required: true, value: ref },
        { name: "commune", label: t("nb.field.commune"), kind: "text" as const, required: true, value: commune.name },
        { name: "titre", label: t("ev.form.titre"), kind: "text" as const, required: true, value: title },
        { name: "debut", label: t("ev.local.field.debut"), kind: "text" as const, required: true, value: day, placeholder: t("ev.local.example") },
        { name: "lieu", label: t("ev.field.place"), kind: "text" as const, required: true, value: place },
      ],
    },
  };
}
