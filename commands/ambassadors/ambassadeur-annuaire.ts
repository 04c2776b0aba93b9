/**
 * `/cdce ambassadeur annuaire [oui|non]`: whether I appear in the ambassadors' directory
 * (name, language, commune, recent activities). Off until the person switches it on.
 */
import { defineCommand } from "../../src/core/commands.js";
import { choice } from "../../src/core/options.js";
import { message, reply } from "../../src/core/reply.js";
import { fold } from "../../src/core/fold.js";

const YES = new Set(["oui", "yes", "ja", "o", "y", "on", "true"]);
const NO = new Set(["non", "no", "nein", "nee", "n", "off", "false"]);
const yesNo = (raw: string) => (YES.has(fold(raw)) ? "oui" : NO.has(fold(raw)) ? "non" : undefined);

export default defineCommand({
  name: "ambassadeur annuaire",
  words: { fr: "ambassadeur annuaire", de: "botschafter verzeichnis", nl: "ambassadeur gids", en: "ambassador directory" },
  intent: "me",
  optionWords: { visible: { de: "sichtbar", nl: "zichtbaar", en: "visible" } },
  changesState: true,
  aliases: ["botschafter verzeichnis", "ambassadeur gids", "ambassador directory"],
  help: { fr: "Apparaître (ou non) dans l’annuaire des ambassadeur·ices", de: "Im Botschafterverzeichnis erscheinen (oder nicht)", nl: "In de ambassadeursgids verschijnen (of niet)", en: "Appear (or not) in the ambassadors’ directory" },
  usage: { fr: "ambassadeur annuaire oui", de: "botschafter verzeichnis ja", nl: "ambassadeur gids ja", en: "ambassador directory yes" },
  options: { visible: choice({ help: { fr: "oui ou non", de: "ja oder nein", nl: "ja of nee", en: "yes or no" }, values: ["oui", "non"] as const, normalize: yesNo }) },
  async run({ options, actor, t, locale, services }) {
    const store = services.ambassadorNetwork.ambassadors;
    if (!options.visible) {
      const visible = await store.visible(actor.personId);
      return reply(locale, [
        { type: "section", text: t("amb.consent.state", { visible: visible ? "yes" : "no" }) },
        { type: "actions", buttons: [visible ? { label: t("amb.button.hide"), command: "ambassadeur annuaire non" } : { label: t("amb.button.show"), command: "ambassadeur annuaire oui", style: "primary" }] },
      ]);
    }
    const visible = options.visible === "oui";
    await store.setVisible(actor.personId, visible);
    const ambassador = actor.memberships.some((m) => m.role === "ambassadeur" && m.communeId);
    if (!ambassador) return message(locale, t("amb.consent.notAmbassador"));
    return message(locale, t(visible ? "amb.consent.on" : "amb.consent.off"));
  },
});
