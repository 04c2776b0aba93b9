/**
 * `/cdce moi supprimer` then the confirmation button: erases the caller's personal data.
 * What they wrote for the network (initiatives, sheets, ideas, polls) stays, without their
 * name; votes stay counted, without them. Posts that named them are taken down on every
 * platform, and their initiatives are posted again without their name.
 */
import { defineCommand } from "../../src/core/commands.js";
import { choice } from "../../src/core/options.js";
import { message, reply } from "../../src/core/reply.js";
import { announce } from "../../src/features/initiatives/index.js";

export default defineCommand({
  name: "moi supprimer",
  words: { fr: "moi supprimer", de: "ich löschen", nl: "ik verwijderen", en: "me delete" },
  intent: "me",
  optionWords: { confirmer: { de: "bestätigen", nl: "bevestigen", en: "confirm" } },
  changesState: true,
  aliases: ["me delete", "ich loschen", "ik verwijderen", "moi effacer"],
  help: { fr: "Effacer vos données personnelles (après confirmation)", de: "Ihre persönlichen Daten löschen (nach Bestätigung)", nl: "Uw persoonsgegevens wissen (na bevestiging)", en: "Erase your personal data (after confirmation)" },
  usage: { fr: "moi supprimer", de: "moi supprimer", nl: "moi supprimer", en: "moi supprimer" },
  options: {
    confirmer: choice({ help: { fr: "oui pour confirmer", de: "oui zum Bestätigen", nl: "oui om te bevestigen", en: "oui to confirm" }, values: ["oui"] as const, normalize: (s) => (/^(oui|yes|ja|y|o)$/i.test(s) ? "oui" : undefined) }),
  },
  async run({ options: o, t, locale, actor, now, services }) {
    if (o.confirmer !== "oui") {
      return reply(locale, [
        { type: "section", text: t("me.erase.confirm") },
        { type: "actions", buttons: [{ label: t("me.button.confirmErase"), command: "moi supprimer confirmer:oui", style: "danger" }] },
      ]);
    }
    const mine = await services.community.initiatives.list({ authorId: actor.personId, statuses: ["published", "pending"] });
    const report = await services.community.privacy.erase(actor.personId, now);
    // Their posts named them and are being taken down: the initiatives go out again, authorless.
    for (const i of mine) {
      const authorless = await services.community.initiatives.get(i.id);
      if (authorless) await announce(services, authorless, now);
    }
    // Counts only: the log must not keep what was just erased.
    services.logger.info({ erased: report, reposted: mine.length }, "personal data erased");
    return { ...message(locale, t("me.erase.done")), callerErased: true };
  },
});
