/**
 * `/cdce initiative titre:"…" description:"…" [commune:] [date:] [type:] [partenaires:] [criteres:] [lieu:] [liens:]`
 * Shares a local initiative with the whole network. Without options: a form (five fields,
 * so it fits a Discord modal); partners, criteria, place and links follow with "Add details".
 * Stored, counted as activity of the commune, and posted to the network's shared channel on
 * every platform through the outbox (or first to coordination when moderation is on).
 */
import { defineCommand } from "../../src/core/commands.js";
import { reply } from "../../src/core/reply.js";
import { initiativeFields, readInitiative } from "../../src/features/initiatives/input.js";
import { announce, cardInfo, moderationOn, recordActivity } from "../../src/features/initiatives/service.js";
import { initiativeCard, ownerButtons, refOf } from "../../src/features/initiatives/render.js";
import { message } from "../../src/core/reply.js";

export default defineCommand({
  name: "initiative",
  words: { fr: "initiative", de: "initiative", nl: "initiatief", en: "initiative" },
  intent: "share",
  optionWords: { titre: { de: "titel", nl: "titel", en: "title" }, description: { de: "beschreibung", nl: "beschrijving", en: "description" }, commune: { de: "gemeinde", nl: "gemeente", en: "commune" }, date: { de: "datum", nl: "datum", en: "date" }, type: { de: "typ", nl: "type", en: "type" }, partenaires: { de: "partner", nl: "partners", en: "partners" }, criteres: { de: "kriterien", nl: "criteria", en: "criteria" }, lieu: { de: "ort", nl: "plaats", en: "place" }, liens: { de: "links", nl: "links", en: "links" } },
  changesState: true,
  aliases: ["initiatieve", "partager", "share"],
  help: { fr: "Partager une initiative locale avec tout le réseau", de: "Eine lokale Initiative mit dem ganzen Netzwerk teilen", nl: "Een lokaal initiatief delen met het hele netwerk", en: "Share a local initiative with the whole network" },
  usage: {
    fr: 'initiative titre:"Petit-déjeuner équitable" description:"120 personnes à l’école communale" type:petit-dejeuner date:hier',
    de: 'initiative titre:"Faires Frühstück" description:"120 Gäste in der Gemeindeschule" type:fruhstuck date:gestern',
    nl: 'initiative titre:"Eerlijk ontbijt" description:"120 mensen in de gemeenteschool" type:ontbijt date:gisteren',
    en: 'initiative titre:"Fair breakfast" description:"120 people at the town school" type:breakfast date:yesterday',
  },
  // Members of a commune, and ambassadors of the network for any commune (see readInitiative).
  permission: "network.share",
  options: initiativeFields,
  form: ({ t }) => ({
    title: t("initiative.form.title"),
    submitCommand: "initiative",
    submitLabel: t("initiative.form.submit"),
    fields: [
      { name: "titre", label: t("initiative.form.titre"), kind: "text", required: true },
      { name: "description", label: t("initiative.form.description"), kind: "textarea", required: true },
      { name: "commune", label: t("initiative.form.commune"), kind: "text", required: false, placeholder: "Namur" },
      { name: "date", label: t("initiative.form.date"), kind: "text", required: false, placeholder: t("initiative.form.datePlaceholder") },
      { name: "type", label: t("initiative.form.type"), kind: "text", required: false, placeholder: "stand, atelier, marche, ecole…" },
    ],
  }),
  async run(ctx) {
    const { options: o, t, locale, actor, now, services } = ctx;
    const read = await readInitiative(o, ctx, true);
    if (Object.keys(read.fieldErrors).length) {
      return { ...message(locale, Object.values(read.fieldErrors).join("\n")), fieldErrors: read.fieldErrors };
    }
    const moderated = await moderationOn(services);
    const d = read.draft;
    const initiative = await services.community.initiatives.create({
      communeId: d.communeId!,
      authorId: actor.personId,
      title: d.title!,
      description: d.description!,
      kind: d.kind ?? "autre",
      partnerKinds: d.partnerKinds ?? [],
      criteria: d.criteria ?? [],
      place: d.place ?? null,
      links: d.links ?? [],
      happenedOn: d.happenedOn!,
      language: locale,
      status: moderated ? "pending" : "published",
      moderatedAt: moderated ? null : now,
      sharedAs: d.sharedAs ?? null,
    });
    await recordActivity(services, initiative, now);
    const inOutbox = await announce(services, initiative, now);
    const info = await cardInfo(services, initiative);
    // "On its way to the network's channel" only when the post is in the outbox.
    const key = moderated ? "initiative.shared.pending" : inOutbox ? "initiative.shared" : "initiative.sharedNoChannel";
    const head = t(key, { title: initiative.title, ref: refOf(initiative.id) });
    return reply(locale, [
      { type: "section", text: head },
      ...initiativeCard(t, initiative, info),
      { type: "actions", buttons: ownerButtons(t, initiative) },
    ]);
  },
});
