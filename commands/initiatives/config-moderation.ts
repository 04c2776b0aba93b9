/**
 * `/cdce config moderation [oui|non]`: coordination decides whether initiatives wait for
 * its approval before going out to the network. Without a value, tells the current setting.
 */
import { defineCommand } from "../../src/core/commands.js";
import { choice } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { MODERATION_KEY, moderationOn } from "../../src/features/initiatives/service.js";

const YES = /^(oui|on|yes|ja|aan|an|1|true)$/i;
const NO = /^(non|off|no|nein|nee|aus|uit|0|false)$/i;

export default defineCommand({
  name: "config moderation",
  words: { fr: "config moderation", de: "konfig moderation", nl: "config moderatie", en: "config moderation" },
  intent: "manage",
  optionWords: { valeur: { de: "wert", nl: "waarde", en: "value" } },
  changesState: true,
  aliases: ["config moderatie", "config moderierung"],
  help: { fr: "Valider les initiatives avant publication, ou non (coordination)", de: "Initiativen vor der Veröffentlichung freigeben oder nicht (Koordination)", nl: "Initiatieven al dan niet goedkeuren vóór publicatie (coördinatie)", en: "Approve initiatives before they go out, or not (coordination)" },
  usage: { fr: "config moderation oui", de: "config moderation oui", nl: "config moderation oui", en: "config moderation oui" },
  permission: "network.admin",
  options: {
    valeur: choice({ help: { fr: "oui ou non", de: "oui oder non", nl: "oui of non", en: "oui or non" }, values: ["oui", "non"] as const, normalize: (s) => (YES.test(s) ? "oui" : NO.test(s) ? "non" : undefined) }),
  },
  async run({ options: o, t, locale, services }) {
    if (!o.valeur) return message(locale, t((await moderationOn(services)) ? "moderation.status.on" : "moderation.status.off"));
    await services.community.settings.set(MODERATION_KEY, o.valeur === "oui");
    return message(locale, t(o.valeur === "oui" ? "moderation.set.on" : "moderation.set.off"));
  },
});
