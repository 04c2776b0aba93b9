/**
 * `/cdce initiative supprimer <réf>` then the confirmation button: the author (or
 * coordination) deletes an initiative. Its posts are removed on every platform through the
 * outbox, and it stops counting as activity of the commune.
 */
import { defineCommand } from "../../src/core/commands.js";
import { choice, text } from "../../src/core/options.js";
import { message, reply } from "../../src/core/reply.js";
import { canModify, PermissionDenied } from "../../src/core/permissions.js";
import { findInitiative, withdraw } from "../../src/features/initiatives/service.js";

export default defineCommand({
  name: "initiative supprimer",
  words: { fr: "initiative supprimer", de: "initiative löschen", nl: "initiatief verwijderen", en: "initiative delete" },
  intent: "share",
  optionWords: { ref: { de: "ref", nl: "ref", en: "ref" }, confirmer: { de: "bestätigen", nl: "bevestigen", en: "confirm" } },
  changesState: true,
  aliases: ["initiative delete", "initiative loschen", "initiative verwijderen"],
  help: { fr: "Supprimer une initiative (auteur ou coordination)", de: "Eine Initiative löschen (Autor:in oder Koordination)", nl: "Een initiatief verwijderen (auteur of coördinatie)", en: "Delete an initiative (author or coordination)" },
  usage: { fr: "initiative supprimer 3f2a9c1b", de: "initiative supprimer 3f2a9c1b", nl: "initiative supprimer 3f2a9c1b", en: "initiative supprimer 3f2a9c1b" },
  options: {
    ref: text({ help: { fr: "Référence", de: "Referenz", nl: "Referentie", en: "Reference" }, max: 40 }),
    confirmer: choice({ help: { fr: "oui pour confirmer", de: "oui zum Bestätigen", nl: "oui om te bevestigen", en: "oui to confirm" }, values: ["oui"] as const, normalize: (s) => (/^(oui|yes|ja|y|o)$/i.test(s) ? "oui" : undefined) }),
  },
  async run({ options: o, t, locale, actor, services }) {
    const i = await findInitiative(services, o.ref, actor);
    if (!canModify(actor, i)) throw new PermissionDenied("initiative.forbidden", "initiative.error.forbidden");
    if (o.confirmer !== "oui") {
      return reply(locale, [
        { type: "section", text: t("initiative.delete.confirm", { title: i.title }) },
        { type: "actions", buttons: [{ label: t("initiative.button.confirmDelete"), command: `initiative supprimer ${i.id} confirmer:oui`, style: "danger" }] },
      ]);
    }
    const { removing } = await withdraw(services, i);
    await services.community.initiatives.delete(i.id);
    return message(locale, t("initiative.deleted", { title: i.title, count: removing }));
  },
});
