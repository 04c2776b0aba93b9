/**
 * `/cdce initiative modifier <réf> [titre:] [description:] [commune:] [date:] [type:] [partenaires:] [criteres:] [lieu:] [liens:]`
 * The author (or coordination) edits an initiative. With the reference alone: a form
 * pre-filled with title, description, date and kind. A published initiative is re-posted:
 * the old posts are removed on every platform and the new version goes out.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message, reply } from "../../src/core/reply.js";
import { canModify, PermissionDenied } from "../../src/core/permissions.js";
import { initiativeFields, readInitiative } from "../../src/features/initiatives/input.js";
import { activityData, announce, cardInfo, findInitiative, withdraw } from "../../src/features/initiatives/service.js";
import { initiativeCard, ownerButtons, refOf } from "../../src/features/initiatives/render.js";
import { isoDay } from "../../src/core/time/local.js";
import { networkPost } from "../../src/features/initiatives/notifications.js";

export default defineCommand({
  name: "initiative modifier",
  words: { fr: "initiative modifier", de: "initiative bearbeiten", nl: "initiatief wijzigen", en: "initiative edit" },
  intent: "share",
  optionWords: { ref: { de: "ref", nl: "ref", en: "ref" }, titre: { de: "titel", nl: "titel", en: "title" }, description: { de: "beschreibung", nl: "beschrijving", en: "description" }, commune: { de: "gemeinde", nl: "gemeente", en: "commune" }, date: { de: "datum", nl: "datum", en: "date" }, type: { de: "typ", nl: "type", en: "type" }, partenaires: { de: "partner", nl: "partners", en: "partners" }, criteres: { de: "kriterien", nl: "criteria", en: "criteria" }, lieu: { de: "ort", nl: "plaats", en: "place" }, liens: { de: "links", nl: "links", en: "links" } },
  changesState: true,
  aliases: ["initiative edit", "initiative bearbeiten", "initiative wijzigen"],
  help: { fr: "Modifier une initiative (auteur ou coordination)", de: "Eine Initiative ändern (Autor:in oder Koordination)", nl: "Een initiatief wijzigen (auteur of coördinatie)", en: "Edit an initiative (author or coordination)" },
  usage: { fr: "initiative modifier 3f2a9c1b lieu:\"Place d’Armes\"", de: "initiative modifier 3f2a9c1b lieu:Marktplatz", nl: "initiative modifier 3f2a9c1b lieu:Grote Markt", en: "initiative modifier 3f2a9c1b lieu:\"Town square\"" },
  options: { ref: text({ help: { fr: "Référence de l’initiative", de: "Referenz der Initiative", nl: "Referentie van het initiatief", en: "Initiative reference" }, max: 40 }), ...initiativeFields },
  async run(ctx) {
    const { options: o, t, locale, actor, now, services } = ctx;
    const initiative = await findInitiative(services, o.ref, actor);
    if (!canModify(actor, initiative)) throw new PermissionDenied("initiative.forbidden", "initiative.error.forbidden");
    const { ref: _ref, partenaires, criteres, ...rest } = o;
    const nothing = Object.values(rest).every((v) => v === undefined || v === "") && partenaires.length === 0 && criteres.length === 0;
    if (nothing) {
      const form = {
        title: t("initiative.edit.formTitle"),
        submitCommand: "initiative modifier",
        submitLabel: t("form.submit"),
        fields: [
          { name: "ref", label: t("initiative.form.ref"), kind: "text" as const, required: true, value: initiative.id },
          { name: "titre", label: t("initiative.form.titre"), kind: "text" as const, required: false, value: initiative.title },
          { name: "description", label: t("initiative.form.description"), kind: "textarea" as const, required: false, value: initiative.description },
          { name: "date", label: t("initiative.form.date"), kind: "text" as const, required: false, value: isoDay(initiative.happenedOn) },
          { name: "type", label: t("initiative.form.type"), kind: "text" as const, required: false, value: initiative.kind },
        ],
      };
      return { ...message(locale, form.title), form };
    }
    const read = await readInitiative(o, ctx, false);
    if (Object.keys(read.fieldErrors).length) {
      return { ...message(locale, Object.values(read.fieldErrors).join("\n")), fieldErrors: read.fieldErrors };
    }
    const updated = await services.community.initiatives.update(initiative.id, read.draft);
    await services.community.initiatives.updateActivity(updated.id, activityData(updated));
    let reposted = false;
    if (updated.status === "published") {
      // The platforms cannot edit a post through the outbox: the old posts go, the new one comes.
      const before = await cardInfo(services, initiative);
      const after = await cardInfo(services, updated);
      if (networkPost(initiative, before, now).key !== networkPost(updated, after, now).key) {
        await withdraw(services, initiative);
        await announce(services, updated, now);
        reposted = true;
      }
    }
    const info = await cardInfo(services, updated);
    return reply(locale, [
      { type: "section", text: t(reposted ? "initiative.updated.reposted" : "initiative.updated", { title: updated.title, ref: refOf(updated.id) }) },
      ...initiativeCard(t, updated, info),
      { type: "actions", buttons: ownerButtons(t, updated) },
    ]);
  },
});
